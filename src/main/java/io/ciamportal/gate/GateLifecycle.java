package io.ciamportal.gate;

import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.migration.MigrationEvents;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the gates in step with their migration, inside the migration's own transaction: six gates for a new
 * migration, outdated sign-offs when the inventory changes, re-counted approvals when the required number changes.
 */
@Component
class GateLifecycle {

    private final GateRepository gates;
    private final AuditLog audit;

    GateLifecycle(GateRepository gates, AuditLog audit) {
        this.gates = gates;
        this.audit = audit;
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
        for (var gate : gates.findByMigrationId(event.migrationId())) {
            var before = gate.status();
            boolean hadSignOffs = gate.signOffs().stream().anyMatch(SignOff::live);
            if (before == GateStatus.OPEN && !hadSignOffs) {
                continue;
            }
            int outdated = gate.outdate();
            gates.flush();
            audit.record(AuditEvent.success("GATE_OUTDATED", "migration", event.migrationId().toString(),
                    Map.of("gate", gate.key().key(), "status", before.name()),
                    Map.of("gate", gate.key().key(), "status", gate.status().name(), "reason", "inventory changed", "outdatedSignOffs", outdated)));
        }
    }

    @EventListener
    void approvalsChanged(MigrationEvents.RequiredApprovalsChanged event) {
        for (var gate : gates.findByMigrationId(event.migrationId())) {
            gate.requireApprovals(event.requiredApprovals());
        }
        gates.flush();
    }
}
