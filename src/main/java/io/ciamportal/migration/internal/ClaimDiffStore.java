package io.ciamportal.migration.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A migration's claim diffs: claim names, verdicts and details as JSON, who compared and when. Never a token or a value. */
@Component
public class ClaimDiffStore {

    private final JdbcClient jdbc;

    ClaimDiffStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One comparison; {@code claims} is a JSON array of {name, verdict, newName, detail}. */
    public record Row(UUID id, UUID migrationId, String flow, String oldKind, String newKind, boolean subChanged, String claims, UUID comparedBy,
            Instant comparedAt) {}

    public void insert(Row row) {
        jdbc.sql("""
                INSERT INTO migration_claim_diff (id, migration_id, flow, old_kind, new_kind, sub_changed, claims, compared_by, compared_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(row.id(), row.migrationId(), row.flow(), row.oldKind(), row.newKind(), row.subChanged(), row.claims(), row.comparedBy(),
                        OffsetDateTime.ofInstant(row.comparedAt(), ZoneOffset.UTC))
                .update();
    }

    private static final String COLUMNS = "id, migration_id, flow, old_kind, new_kind, sub_changed, claims::text AS claims, compared_by, compared_at";

    /** The newest comparison of each flow. */
    public List<Row> latestPerFlow(UUID migrationId) {
        return jdbc.sql("SELECT DISTINCT ON (flow) " + COLUMNS + " FROM migration_claim_diff WHERE migration_id = ? "
                        + "ORDER BY flow, compared_at DESC, id")
                .param(migrationId).query(ClaimDiffStore::row).list();
    }

    /** Newest first, at most {@code limit}. */
    public List<Row> history(UUID migrationId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM migration_claim_diff WHERE migration_id = ? ORDER BY compared_at DESC, id LIMIT ?")
                .params(migrationId, limit).query(ClaimDiffStore::row).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("migration_id", UUID.class), rs.getString("flow"), rs.getString("old_kind"),
                rs.getString("new_kind"), rs.getBoolean("sub_changed"), rs.getString("claims"), rs.getObject("compared_by", UUID.class),
                rs.getObject("compared_at", OffsetDateTime.class).toInstant());
    }
}
