package io.ciamportal.migration;

import java.util.UUID;

/**
 * What the migration feature announces, synchronously and inside the transaction that caused it, so features built
 * on it (the security gates) stay consistent or the whole change rolls back.
 */
public final class MigrationEvents {

    private MigrationEvents() {}

    public record Created(UUID migrationId) {}

    /** The inventory changed: sign-offs that rest on it are outdated. */
    public record InventoryChanged(UUID migrationId) {}

    /** The cutover date, rollback window or decommission date changed: sign-offs that rest on them are outdated. */
    public record CutoverScheduled(UUID migrationId) {}

    public record RequiredApprovalsChanged(UUID migrationId, int requiredApprovals) {}

    /** The source or the destination changed: every sign-off judged another pair, so none may count any more. */
    public record PairChanged(UUID migrationId, String fromSource, String fromDestination, String toSource, String toDestination,
            String from, String to) {}

    /** A member was added, removed or given another role; {@code null} is "not a member". */
    public record MemberChanged(UUID migrationId, UUID userId, @org.jspecify.annotations.Nullable MemberRole before,
            @org.jspecify.annotations.Nullable MemberRole after) {}
}
