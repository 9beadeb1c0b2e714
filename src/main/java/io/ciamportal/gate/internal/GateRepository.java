package io.ciamportal.gate.internal;

import io.ciamportal.gate.Decision;
import io.ciamportal.gate.GateStatus;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface GateRepository extends JpaRepository<Gate, UUID> {

    List<Gate> findByMigrationId(UUID migrationId);

    Optional<Gate> findByMigrationIdAndGateKey(UUID migrationId, String gateKey);

    List<Gate> findByMigrationIdInAndStatus(List<UUID> migrationIds, GateStatus status);

    /** Migrations in which this person has an approval that still counts. */
    @org.springframework.data.jpa.repository.Query("""
            select distinct g.migrationId from Gate g join g.signOffs s
            where s.signerId = ?1 and s.decision = io.ciamportal.gate.Decision.APPROVE and s.outdated = false and s.revoked = false""")
    List<UUID> findMigrationsWithLiveApprovalBy(UUID signerId);
}
