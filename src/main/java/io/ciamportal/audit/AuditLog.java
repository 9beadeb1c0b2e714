package io.ciamportal.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends entries to the chain. Appends are serialized by a transaction-scoped PostgreSQL advisory lock, so threads
 * and several portal instances on one database extend one linear chain; the database trigger checks the link again.
 *
 * <p>This is an internal API for other features' services (which check permissions themselves), not for views.
 */
@Service
public class AuditLog {

    /** Same key as in V0002__audit_log.sql. */
    static final long APPEND_LOCK = 4242000001L;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final CurrentActorProvider actors;

    AuditLog(JdbcClient jdbc, Clock clock, CurrentActorProvider actors) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.actors = actors;
    }

    /** Records an event by the current user in the caller's transaction (a new one if there is none). */
    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEntry record(AuditEvent event) {
        return append(actors.currentActor(), event);
    }

    /** Records an event by the given actor in the caller's transaction (a new one if there is none). */
    @Transactional(propagation = Propagation.REQUIRED)
    public AuditEntry record(AuditActor actor, AuditEvent event) {
        return append(actor, event);
    }

    /**
     * Records an event in a transaction of its own, for outcomes that must stay recorded while the caller's work is
     * rolled back (a refused change, a failed sign-in). Call it before the caller has recorded anything in its own
     * transaction: that one would hold the append lock.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public AuditEntry recordIndependently(AuditActor actor, AuditEvent event) {
        return append(actor, event);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public AuditEntry recordIndependently(AuditEvent event) {
        return append(actors.currentActor(), event);
    }

    private AuditEntry append(AuditActor actor, AuditEvent event) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleRow();
        Optional<Head> head = jdbc.sql("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new Head(rs.getLong("id"), rs.getString("hash")))
                .optional();
        var unsealed = new AuditEntry(
                head.map(h -> h.id() + 1).orElse(1L),
                AuditHashing.storedPrecision(clock.instant()),
                truncate(actor.id(), 100),
                truncate(actor.displayName(), 200),
                truncate(actor.rolesText(), 200),
                event.action().name(),
                event.target().key(),
                event.targetId() == null ? null : truncate(event.targetId(), 200),
                CanonicalJson.of(event.before(), event.sensitive()),
                CanonicalJson.of(event.after(), event.sensitive()),
                event.outcome(),
                head.map(Head::hash).orElse(AuditHashing.GENESIS_HASH),
                "");
        var entry = withHash(unsealed, unsealed.computeHash());
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
        return entry;
    }

    private static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(e.id(), e.occurredAt(), e.actorId(), e.actorName(), e.actorRoles(), e.action(),
                e.targetType(), e.targetId(), e.before(), e.after(), e.outcome(), e.prevHash(), hash);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    private record Head(long id, String hash) {}
}
