package io.ciamportal.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One stored entry of the chain. {@code before} and {@code after} hold canonical JSON text (or null).
 *
 * @param id position in the chain, starting at 1 with no gaps
 */
public record AuditEntry(
        long id,
        Instant occurredAt,
        String actorId,
        String actorName,
        String actorRoles,
        String action,
        String targetType,
        @Nullable String targetId,
        @Nullable String before,
        @Nullable String after,
        AuditOutcome outcome,
        String prevHash,
        String hash) {

    /** The hash that would be stored for these fields; equals {@link #hash()} while the entry is untouched. */
    public String computeHash() {
        return AuditHashing.hash(this);
    }
}
