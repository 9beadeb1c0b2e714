package io.ciamportal.migration;

import io.ciamportal.migration.internal.MigrationRepository;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The apps keyed on {@code sub}, from the migration's application inventory ({@link ApplicationInventory#appsKeyedOnSub()}).
 * Only {@link ClaimDiffService} asks it, after its own membership check.
 */
@Component
class ApplicationKeyedApps implements SubjectKeyedApps {

    private final MigrationRepository migrations;

    ApplicationKeyedApps(MigrationRepository migrations) {
        this.migrations = migrations;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> appsKeyedOnSub(UUID migrationId) {
        return migrations.findById(migrationId).map(m -> m.applications().appsKeyedOnSub()).orElse(List.of());
    }
}
