package io.ciamportal.migration;

import java.time.Instant;
import java.util.List;

/**
 * A migration as of one moment, for the Markdown and PDF reports.
 *
 * @param export the latest export analysis with its provenance, or null when none was uploaded
 */
public record Report(MigrationViews.Details details, Instant generatedAt, String generatedBy, List<GateSummaries.GateSummary> gates,
        ExportViews.@org.jspecify.annotations.Nullable Analysed export) {

    public Report(MigrationViews.Details details, Instant generatedAt, String generatedBy, List<GateSummaries.GateSummary> gates) {
        this(details, generatedAt, generatedBy, gates, null);
    }
}
