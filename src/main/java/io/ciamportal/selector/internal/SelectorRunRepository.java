package io.ciamportal.selector.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SelectorRunRepository extends JpaRepository<SelectorRun, UUID> {

    List<SelectorRun> findByOwnerIdOrderByUpdatedAtDescIdAsc(UUID ownerId);

    long countByOwnerId(UUID ownerId);
}
