package io.ciamportal.gate;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.gate.internal.Gate;
import io.ciamportal.gate.internal.GateRepository;
import io.ciamportal.gate.internal.SignOff;
import io.ciamportal.migration.MemberRole;
import io.ciamportal.migration.MigrationEvents;
import io.ciamportal.security.PortalRole;
import io.ciamportal.security.RolesChanged;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the gates in step with their migration and their reviewers, inside the transaction that changed them: six
 * gates for a new migration; every sign-off outdated, and the gates reopened with the reason, when the inventory or
 * the pair changes; re-counted approvals when the required number changes; and a reviewer's approvals discounted when
 * they leave the migration, stop being a reviewer in it, or lose the reviewer portal role.
 */
@Component
class GateLifecycle {

    private final GateRepository gates;
    private final AuditLog audit;
    private final Clock clock;

    GateLifecycle(GateRepository gates, AuditLog audit, Clock clock) {
        this.gates = gates;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void created(MigrationEvents.Created event) {
        for (var key : GateKey.values()) {
            gates.save(new Gate(event.migrationId(), key));
        }
        gates.flush();
    }

    @EventListener
    void inventoryChanged(MigrationEvents.InventoryChanged event) {
        outdateAll(event.migrationId(), "inventory changed",
                "The inventory changed: sign-offs given on the earlier inventory no longer count.");
    }

    @EventListener
    void cutoverScheduled(MigrationEvents.CutoverScheduled event) {
        // only the rollback gate rests on the dates (its state holds the schedule, the others' do not)
        outdate(event.migrationId(), key -> key == GateKey.ROLLBACK, "cutover schedule changed",
                "The cutover date, rollback window or decommission date changed: sign-offs given on the earlier dates no longer count.");
    }

    @EventListener
    void pairChanged(MigrationEvents.PairChanged event) {
        String reason = "The migration changed from " + event.from() + " to " + event.to()
                + ": sign-offs given on the other pair no longer count.";
        outdateAll(event.migrationId(), "pair changed", reason);
    }

    private void outdateAll(UUID migrationId, String auditReason, String shownReason) {
        outdate(migrationId, key -> true, auditReason, shownReason);
    }

    private void outdate(UUID migrationId, java.util.function.Predicate<GateKey> which, String auditReason, String shownReason) {
        for (var gate : gates.findByMigrationId(migrationId)) {
            if (!which.test(gate.key())) {
                continue;
            }
            var before = gate.status();
            boolean hadSignOffs = gate.signOffs().stream().anyMatch(SignOff::live);
            if (before == GateStatus.OPEN && !hadSignOffs) {
                continue;
            }
            int outdated = gate.outdate(shownReason, clock.instant());
            gates.flush();
            audit.record(AuditEvent.success(AuditAction.GATE_OUTDATED, AuditTarget.MIGRATION, migrationId.toString(),
                    Map.of("gate", gate.key().key(), "status", before.name()),
                    Map.of("gate", gate.key().key(), "status", gate.status().name(), "reason", auditReason, "outdatedSignOffs", outdated)));
        }
    }

    @EventListener
    void approvalsChanged(MigrationEvents.RequiredApprovalsChanged event) {
        for (var gate : gates.findByMigrationId(event.migrationId())) {
            gate.requireApprovals(event.requiredApprovals());
        }
        gates.flush();
    }

    @EventListener
    void memberChanged(MigrationEvents.MemberChanged event) {
        if (event.before() == MemberRole.REVIEWER && event.after() != MemberRole.REVIEWER) {
            discount(event.migrationId(), event.userId(), event.after() == null
                    ? "The reviewer was removed from the migration." : "The reviewer's role in the migration changed to " + event.after().label() + ".");
        }
    }

    @EventListener
    void rolesChanged(RolesChanged event) {
        if (event.lost(PortalRole.REVIEWER)) {
            for (var migrationId : gates.findMigrationsWithLiveApprovalBy(event.userId())) {
                discount(migrationId, event.userId(), "The reviewer portal role was taken from the signer.");
            }
        }
    }

    private void discount(UUID migrationId, UUID user, String reason) {
        for (var gate : gates.findByMigrationId(migrationId)) {
            var before = gate.status();
            int discounted = gate.discountApprovalsOf(user, reason);
            if (discounted == 0) {
                continue;
            }
            gates.flush();
            audit.record(AuditEvent.success(AuditAction.GATE_APPROVAL_DISCOUNTED, AuditTarget.MIGRATION, migrationId.toString(),
                    Map.of("gate", gate.key().key(), "status", before.name()),
                    Map.of("gate", gate.key().key(), "status", gate.status().name(), "signer", user.toString(), "reason", reason,
                            "discountedApprovals", discounted)));
        }
    }
}
