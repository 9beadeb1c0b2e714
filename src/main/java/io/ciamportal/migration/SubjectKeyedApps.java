package io.ciamportal.migration;

import java.util.List;
import java.util.UUID;

/**
 * The applications of a migration that store the user's {@code sub} as a key (a foreign key in their own database):
 * they lose their users when a flow's {@code sub} changes. Answered by the migration's application inventory.
 */
public interface SubjectKeyedApps {

    /** Names of the apps keyed on {@code sub}, in inventory order; empty when none is known. */
    List<String> appsKeyedOnSub(UUID migrationId);
}
