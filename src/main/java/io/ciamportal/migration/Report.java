package io.ciamportal.migration;

import java.time.Instant;
import java.util.List;

/**
 * A migration as of one moment, for the Markdown and PDF reports.
 *
 * @param export the latest export analysis with its provenance, or null when none was uploaded
 * @param calendar the cutover calendar, or null when not asked for (a report without a cutover date has one that says so)
 * @param claimDiffs the dual-run claim diffs (latest per flow, flows not compared), or null when not asked for
 */
public record Report(MigrationViews.Details details, Instant generatedAt, String generatedBy, List<GateSummaries.GateSummary> gates,
        ExportViews.@org.jspecify.annotations.Nullable Analysed export, CutoverViews.@org.jspecify.annotations.Nullable Calendar calendar,
        ClaimDiffViews.@org.jspecify.annotations.Nullable Status claimDiffs) {

    public Report(MigrationViews.Details details, Instant generatedAt, String generatedBy, List<GateSummaries.GateSummary> gates,
            ExportViews.@org.jspecify.annotations.Nullable Analysed export, CutoverViews.@org.jspecify.annotations.Nullable Calendar calendar) {
        this(details, generatedAt, generatedBy, gates, export, calendar, null);
    }

    public Report(MigrationViews.Details details, Instant generatedAt, String generatedBy, List<GateSummaries.GateSummary> gates) {
        this(details, generatedAt, generatedBy, gates, null, null, null);
    }

    public Report(MigrationViews.Details details, Instant generatedAt, String generatedBy, List<GateSummaries.GateSummary> gates,
            ExportViews.@org.jspecify.annotations.Nullable Analysed export) {
        this(details, generatedAt, generatedBy, gates, export, null, null);
    }
}
