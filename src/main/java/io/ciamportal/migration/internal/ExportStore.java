package io.ciamportal.migration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A migration's export analyses: the documents (counts only), where they came from, and the packed id fingerprints. */
@Component
public class ExportStore {

    private final JdbcClient jdbc;

    ExportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored analysis; {@code analysis} and {@code diff} are JSON text. */
    public record Row(UUID id, UUID migrationId, String platform, String contentSha256, long totalBytes, long users, String analysis,
            boolean fromDocument, @Nullable String diff, UUID uploadedBy, Instant uploadedAt, boolean hasFingerprints) {}

    /**
     * The migration's fingerprint key (16 random bytes), made at its first export. Written beside the entity so the
     * migration's version does not move: an upload that fails changes nothing anyone edits.
     */
    public byte[] fingerprintKey(UUID migrationId) {
        byte[] fresh = new byte[16];
        new java.security.SecureRandom().nextBytes(fresh);
        return jdbc.sql("UPDATE migration SET export_key = COALESCE(export_key, ?) WHERE id = ? RETURNING export_key")
                .params(fresh, migrationId).query((rs, n) -> rs.getBytes(1)).single();
    }

    public void insert(Row row, byte @Nullable [] fingerprints) {
        jdbc.sql("""
                INSERT INTO migration_export (id, migration_id, platform, content_sha256, total_bytes, users, analysis, id_fingerprints,
                    from_document, diff, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?)""")
                .params(row.id(), row.migrationId(), row.platform(), row.contentSha256(), row.totalBytes(), row.users(), row.analysis(),
                        fingerprints, row.fromDocument(), row.diff(), row.uploadedBy(), OffsetDateTime.ofInstant(row.uploadedAt(), ZoneOffset.UTC))
                .update();
    }

    private static final String COLUMNS = "id, migration_id, platform, content_sha256, total_bytes, users, analysis::text AS analysis, "
            + "from_document, diff::text AS diff, uploaded_by, uploaded_at, id_fingerprints IS NOT NULL AS has_fingerprints";

    public Optional<Row> latest(UUID migrationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM migration_export WHERE migration_id = ? ORDER BY uploaded_at DESC, id LIMIT 1")
                .param(migrationId).query(ExportStore::row).optional();
    }

    /** The latest analysis of this platform that kept id fingerprints, to compare a new export with. */
    public Optional<Row> latestWithFingerprints(UUID migrationId, String platform) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM migration_export WHERE migration_id = ? AND platform = ? AND id_fingerprints IS NOT NULL "
                        + "ORDER BY uploaded_at DESC, id LIMIT 1")
                .params(migrationId, platform).query(ExportStore::row).optional();
    }

    /** Newest first, at most {@code limit}. */
    public List<Row> history(UUID migrationId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM migration_export WHERE migration_id = ? ORDER BY uploaded_at DESC, id LIMIT ?")
                .params(migrationId, limit).query(ExportStore::row).list();
    }

    public Optional<Row> find(UUID migrationId, UUID exportId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM migration_export WHERE migration_id = ? AND id = ?")
                .params(migrationId, exportId).query(ExportStore::row).optional();
    }

    public byte @Nullable [] fingerprints(UUID exportId) {
        return jdbc.sql("SELECT id_fingerprints FROM migration_export WHERE id = ?").param(exportId)
                .query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("migration_id", UUID.class), rs.getString("platform"),
                rs.getString("content_sha256"), rs.getLong("total_bytes"), rs.getLong("users"), rs.getString("analysis"),
                rs.getBoolean("from_document"), rs.getString("diff"), rs.getObject("uploaded_by", UUID.class),
                rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(), rs.getBoolean("has_fingerprints"));
    }
}
