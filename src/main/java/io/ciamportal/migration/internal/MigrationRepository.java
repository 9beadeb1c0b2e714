package io.ciamportal.migration.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MigrationRepository extends JpaRepository<Migration, UUID> {

    @Query("select distinct m from Migration m join m.members mem where mem.userId = ?1 order by m.updatedAt desc")
    List<Migration> findForMember(UUID userId);

    @Query("select m from Migration m order by m.updatedAt desc")
    List<Migration> findAllRecentFirst();

    /** Name, source and destination of each migration that refers to one of the slugs. */
    @Query("select m.name, m.source, m.destination from Migration m where m.source in ?1 or m.destination in ?1 order by m.name")
    List<Object[]> findUsingVendors(java.util.Collection<String> slugs);
}
