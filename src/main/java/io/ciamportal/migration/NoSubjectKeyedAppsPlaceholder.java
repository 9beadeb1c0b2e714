package io.ciamportal.migration;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * PLACEHOLDER until the application inventory is merged: knows no app keyed on {@code sub}. The lead replaces it when
 * merging with an implementation that reads {@code ApplicationInventory.appsKeyedOnSub()} of the migration's stored
 * inventory (and deletes this class). Only {@link ClaimDiffService} asks it, after its own membership check.
 */
@Component
class NoSubjectKeyedAppsPlaceholder implements SubjectKeyedApps {

    @Override
    public List<String> appsKeyedOnSub(UUID migrationId) {
        return List.of();
    }
}
