package io.ciamportal.audit.internal;

import io.ciamportal.audit.AuditEntry;
import io.ciamportal.audit.AuditFilter;
import io.ciamportal.audit.AuditOutcome;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code audit_entry} table: appends under a transaction-scoped advisory lock, filtered pages, trails and a
 * streaming walk of the whole chain. The audit log and the audit queries are its only callers.
 */
@Component
public class AuditEntries {

    /** Same key as in V0002__audit_log.sql. */
    public static final long APPEND_LOCK = 4242000001L;

    private static final String COLUMNS = "id, occurred_at, actor_id, actor_name, actor_roles, action, target_type, "
            + "target_id, before_state, after_state, outcome, prev_hash, hash";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    public AuditEntries(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(500);
    }

    /** The newest entry's id and hash. */
    public record Head(long id, String hash) {}

    /** Takes the append lock for the rest of the transaction, then reads the head it serializes on. */
    public Optional<Head> lockAndReadHead() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleRow();
        return jdbc.sql("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new Head(rs.getLong("id"), rs.getString("hash")))
                .optional();
    }

    public void insert(AuditEntry entry) {
        jdbc.sql("""
                INSERT INTO audit_entry (id, occurred_at, actor_id, actor_name, actor_roles, action, target_type,
                                         target_id, before_state, after_state, outcome, prev_hash, hash)
                VALUES (:id, :occurredAt, :actorId, :actorName, :actorRoles, :action, :targetType,
                        :targetId, :before, :after, :outcome, :prevHash, :hash)
                """)
                .param("id", entry.id())
                .param("occurredAt", OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC))
                .param("actorId", entry.actorId())
                .param("actorName", entry.actorName())
                .param("actorRoles", entry.actorRoles())
                .param("action", entry.action())
                .param("targetType", entry.targetType())
                .param("targetId", entry.targetId())
                .param("before", entry.before())
                .param("after", entry.after())
                .param("outcome", entry.outcome().name())
                .param("prevHash", entry.prevHash())
                .param("hash", entry.hash())
                .update();
    }

    /** Entries matching the filter, newest first. */
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        var where = where(filter);
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry" + where.sql() + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(where.params())
                .param("limit", limit)
                .param("offset", offset)
                .query(AuditEntries::map)
                .list();
    }

    public long count(AuditFilter filter) {
        var where = where(filter);
        return jdbc.sql("SELECT count(*) FROM audit_entry" + where.sql()).params(where.params()).query(Long.class).single();
    }

    /** One target's entries, oldest first. */
    public List<AuditEntry> trail(String targetType, String targetId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE target_type = :type AND target_id = :id ORDER BY id")
                .param("type", targetType).param("id", targetId).query(AuditEntries::map).list();
    }

    /** One target's newest entries, newest first. */
    public List<AuditEntry> latest(String targetType, String targetId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE target_type = :type AND target_id = :id ORDER BY id DESC LIMIT :limit")
                .param("type", targetType).param("id", targetId).param("limit", limit).query(AuditEntries::map).list();
    }

    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_entry ORDER BY action").query(String.class).list();
    }

    public List<String> targetTypes() {
        return jdbc.sql("SELECT DISTINCT target_type FROM audit_entry ORDER BY target_type").query(String.class).list();
    }

    /** Every entry from the first, streamed, so that a long log does not fill the heap. */
    public void forEachInOrder(Consumer<AuditEntry> action) {
        try (var rows = streaming.queryForStream("SELECT " + COLUMNS + " FROM audit_entry ORDER BY id", AuditEntries::map)) {
            rows.forEach(action);
        }
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor_id"),
                rs.getString("actor_name"),
                rs.getString("actor_roles"),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("before_state"),
                rs.getString("after_state"),
                AuditOutcome.valueOf(rs.getString("outcome")),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    private static Where where(AuditFilter f) {
        var clauses = new ArrayList<String>();
        var params = new LinkedHashMap<String, Object>();
        if (hasText(f.actor())) {
            clauses.add("(actor_name ILIKE :actor OR actor_id ILIKE :actor)");
            params.put("actor", like(f.actor()));
        }
        if (hasText(f.action())) {
            clauses.add("action = :action");
            params.put("action", f.action().strip());
        }
        if (hasText(f.targetType())) {
            clauses.add("target_type = :targetType");
            params.put("targetType", f.targetType().strip());
        }
        if (hasText(f.targetId())) {
            clauses.add("target_id ILIKE :targetId");
            params.put("targetId", like(f.targetId()));
        }
        if (f.from() != null) {
            clauses.add("occurred_at >= :from");
            params.put("from", f.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (f.to() != null) {
            clauses.add("occurred_at < :to");
            params.put("to", f.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
    }

    private static boolean hasText(@Nullable String s) {
        return s != null && !s.isBlank();
    }

    private static String like(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private record Where(String sql, Map<String, Object> params) {}
}
