package io.ciamportal.migration;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanItemRepository extends JpaRepository<PlanItem, UUID> {

    List<PlanItem> findByMigrationIdOrderByPhaseAscPositionAsc(UUID migrationId);
}
