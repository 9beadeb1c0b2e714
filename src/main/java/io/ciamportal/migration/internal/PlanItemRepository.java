package io.ciamportal.migration.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanItemRepository extends JpaRepository<PlanItem, UUID> {

    List<PlanItem> findByMigrationIdOrderByPhaseAscPositionAsc(UUID migrationId);

    /** The plans of several migrations in one query (the migrations list). */
    List<PlanItem> findByMigrationIdIn(java.util.Collection<UUID> migrationIds);
}
