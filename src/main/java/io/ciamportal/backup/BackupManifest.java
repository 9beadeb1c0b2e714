package io.ciamportal.backup;

import java.util.List;

/**
 * What a backup holds: the schema version it was taken at, every table with its columns, row count and the SHA-256
 * of its CSV, and the sequences' positions.
 *
 * @param schemaVersion the Flyway version of the schema; a restore builds exactly this version, then the portal
 *     migrates it forward when it starts
 */
public record BackupManifest(String format, int version, String createdAt, String schemaVersion, String server,
        List<TableState> tables, List<SequenceState> sequences) {

    public static final String FORMAT = "ciam-portal/backup";
    public static final int VERSION = 1;

    public record TableState(String name, String entry, List<String> columns, long rows, String sha256) {}

    public record SequenceState(String name, long lastValue, boolean called) {}

    public long rows() {
        return tables.stream().mapToLong(TableState::rows).sum();
    }

    /** The data itself, table by table, without the time it was taken: equal for two backups of the same data. */
    public List<String> fingerprint() {
        return tables.stream().map(t -> t.name() + " " + t.rows() + " " + t.sha256()).toList();
    }
}
