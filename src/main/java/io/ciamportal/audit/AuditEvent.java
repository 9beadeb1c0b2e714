package io.ciamportal.audit;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What happened, as a feature describes it: a typed action and target, small maps of the changed fields before and
 * after, and the outcome. Fields the caller declares {@link #sensitive} are stored as {@code [redacted]}, at any depth;
 * nothing is redacted by guessing from key names.
 */
public record AuditEvent(
        AuditAction action,
        AuditTarget target,
        @Nullable String targetId,
        @Nullable Map<String, ?> before,
        @Nullable Map<String, ?> after,
        AuditOutcome outcome,
        Set<String> sensitive) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(outcome, "outcome");
        sensitive = Set.copyOf(sensitive);
    }

    public static AuditEvent success(AuditAction action, AuditTarget target, @Nullable String targetId,
            @Nullable Map<String, ?> before, @Nullable Map<String, ?> after) {
        return new AuditEvent(action, target, targetId, before, after, AuditOutcome.SUCCESS, Set.of());
    }

    public static AuditEvent of(AuditAction action, AuditTarget target, @Nullable String targetId,
            @Nullable Map<String, ?> detail, AuditOutcome outcome) {
        return new AuditEvent(action, target, targetId, null, detail, outcome, Set.of());
    }

    /** A guarded action refused: outcome DENIED, with the reason. */
    public static AuditEvent denied(AuditAction action, AuditTarget target, @Nullable String targetId, String reason) {
        return new AuditEvent(action, target, targetId, null, Map.of("reason", reason), AuditOutcome.DENIED, Set.of());
    }

    /** The same event with these field names stored as {@code [redacted]} wherever they occur. */
    public AuditEvent sensitive(String... fields) {
        var all = new java.util.HashSet<>(sensitive);
        all.addAll(Set.of(fields));
        return new AuditEvent(action, target, targetId, before, after, outcome, all);
    }
}
