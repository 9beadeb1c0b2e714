package io.ciamportal.gate;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface GateRepository extends JpaRepository<Gate, UUID> {

    List<Gate> findByMigrationId(UUID migrationId);

    Optional<Gate> findByMigrationIdAndGateKey(UUID migrationId, String gateKey);

    List<Gate> findByMigrationIdInAndStatus(List<UUID> migrationIds, GateStatus status);
}
