package io.ciamportal.audit;

import io.ciamportal.audit.internal.AuditEntries;
import java.time.Clock;
import java.util.Optional;
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

    private final AuditEntries entries;
    private final Clock clock;
    private final CurrentActorProvider actors;

    AuditLog(AuditEntries entries, Clock clock, CurrentActorProvider actors) {
        this.entries = entries;
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
        Optional<AuditEntries.Head> head = entries.lockAndReadHead();
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
                head.map(AuditEntries.Head::hash).orElse(AuditHashing.GENESIS_HASH),
                "");
        var entry = withHash(unsealed, unsealed.computeHash());
        entries.insert(entry);
        return entry;
    }

    private static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(e.id(), e.occurredAt(), e.actorId(), e.actorName(), e.actorRoles(), e.action(),
                e.targetType(), e.targetId(), e.before(), e.after(), e.outcome(), e.prevHash(), hash);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

}
