package io.ciamportal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and verifies the audit log. Admins only. */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional(readOnly = true)
public class AuditQueryService {

    private static final String COLUMNS = "id, occurred_at, actor_id, actor_name, actor_roles, action, target_type, "
            + "target_id, before_state, after_state, outcome, prev_hash, hash";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    AuditQueryService(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(500);
    }

    /** Entries matching the filter, newest first. */
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("offset must be >= 0 and limit between 1 and 1000");
        }
        var where = where(filter);
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry" + where.sql() + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(where.params())
                .param("limit", limit)
                .param("offset", offset)
                .query(AuditQueryService::map)
                .list();
    }

    public long count(AuditFilter filter) {
        var where = where(filter);
        return jdbc.sql("SELECT count(*) FROM audit_entry" + where.sql()).params(where.params()).query(Long.class).single();
    }

    /**
     * The whole trail of one target, oldest first, for a calling service that has already decided the user may read
     * it (a migration's trail after the membership check). Never exposed to views or controllers directly.
     */
    @PreAuthorize("isAuthenticated()")
    public List<AuditEntry> trailAuthorizedByCaller(String targetType, String targetId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE target_type = :type AND target_id = :id ORDER BY id")
                .param("type", targetType).param("id", targetId).query(AuditQueryService::map).list();
    }

    /** Target types whose trail any signed-in user may read (public reference data such as vendor facts). */
    static final java.util.Set<String> PUBLIC_TARGET_TYPES = java.util.Set.of("vendor");

    /** The change history of one public target, newest first. Other targets' trails stay admin-only. */
    @PreAuthorize("isAuthenticated()")
    public List<AuditEntry> publicTrail(String targetType, String targetId) {
        if (!PUBLIC_TARGET_TYPES.contains(targetType)) {
            throw new org.springframework.security.access.AccessDeniedException("The trail of " + targetType + " is for admins");
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_entry WHERE target_type = :type AND target_id = :id ORDER BY id DESC LIMIT 500")
                .param("type", targetType).param("id", targetId).query(AuditQueryService::map).list();
    }

    /** Every action name that occurs in the log, for filter choices. */
    public List<String> actions() {
        return jdbc.sql("SELECT DISTINCT action FROM audit_entry ORDER BY action").query(String.class).list();
    }

    public List<String> targetTypes() {
        return jdbc.sql("SELECT DISTINCT target_type FROM audit_entry ORDER BY target_type").query(String.class).list();
    }

    /** Walks the whole chain from the first entry, streaming so that a long log does not fill the heap. */
    public ChainVerification verify() {
        var verifier = new ChainVerifier();
        try (var rows = streaming.queryForStream("SELECT " + COLUMNS + " FROM audit_entry ORDER BY id", AuditQueryService::map)) {
            rows.forEach(verifier::accept);
        }
        return verifier.result();
    }

    static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(),
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

    private static boolean hasText(@org.jspecify.annotations.Nullable String s) {
        return s != null && !s.isBlank();
    }

    private static String like(String text) {
        return "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private record Where(String sql, Map<String, Object> params) {}
}
