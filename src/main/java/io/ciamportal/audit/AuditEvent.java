package io.ciamportal.audit;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What happened, as a feature describes it. Before and after are small maps of the changed fields; keys that name
 * secrets (passwords, tokens, hashes, ...) are replaced by {@code [redacted]} before anything is stored.
 */
public record AuditEvent(
        String action,
        String targetType,
        @Nullable String targetId,
        @Nullable Map<String, ?> before,
        @Nullable Map<String, ?> after,
        AuditOutcome outcome) {

    public AuditEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(outcome, "outcome");
        if (action.isBlank() || targetType.isBlank()) {
            throw new IllegalArgumentException("An audit event needs an action and a target type");
        }
    }

    public static AuditEvent success(String action, String targetType, @Nullable String targetId,
            @Nullable Map<String, ?> before, @Nullable Map<String, ?> after) {
        return new AuditEvent(action, targetType, targetId, before, after, AuditOutcome.SUCCESS);
    }

    public static AuditEvent of(String action, String targetType, @Nullable String targetId,
            @Nullable Map<String, ?> detail, AuditOutcome outcome) {
        return new AuditEvent(action, targetType, targetId, null, detail, outcome);
    }
}
