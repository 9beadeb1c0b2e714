package io.ciamportal.migration;

import io.ciamportal.exports.ExportAnalysis;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the export feature of a migration hands to views and the API. */
public final class ExportViews {

    private ExportViews() {}

    /**
     * Where an analysis came from: the files (name, size, SHA-256), the platform, who uploaded it and when, and whether
     * the team uploaded the raw export or only the analysis document made on its own machine.
     */
    public record Provenance(UUID exportId, List<ExportAnalysis.FileInfo> files, String platform, String platformName,
            boolean platformForced, String contentSha256, long totalBytes, Instant uploadedAt, String uploadedBy, boolean fromDocument) {}

    /**
     * How this export differs from the previous one of the same platform: users added and removed, counted by source id
     * (null when either side has no id fingerprints, e.g. an uploaded analysis document).
     */
    public record Diff(UUID previousExportId, Instant previousUploadedAt, long usersBefore, long usersAfter, @Nullable Long added,
            @Nullable Long removed) {}

    /** A stored analysis with everything the migration page shows about it. */
    public record Analysed(Provenance provenance, ExportAnalysis analysis, @Nullable Diff diff, List<DestinationOutcomes.Outcome> destinations,
            Set<String> inventoryFields, boolean evidenceApplied, @Nullable String evidenceNote) {}

    /** What an upload did: {@code unchanged} when the same files were already the latest export (nothing written). */
    public record Result(boolean unchanged, Analysed export, MigrationViews.Details migration) {}

    /** A row of the export history. */
    public record HistoryRow(Provenance provenance, long users, @Nullable Diff diff) {}
}
