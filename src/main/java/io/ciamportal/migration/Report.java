package io.ciamportal.migration;

import java.time.Instant;
import java.util.List;

/** A migration as of one moment, for the Markdown and PDF reports. */
public record Report(MigrationViews.Details details, Instant generatedAt, String generatedBy, List<GateSummaries.GateSummary> gates) {}
