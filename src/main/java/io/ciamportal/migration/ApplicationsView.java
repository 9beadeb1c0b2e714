package io.ciamportal.migration;

import java.util.UUID;

/**
 * A migration's application side as the tab and the API show it.
 *
 * @param version the migration's version, which an edit sends back (the same ETag as the migration and its inventory)
 */
public record ApplicationsView(UUID migrationId, String destinationName, ApplicationInventory inventory, ApplicationAssessment assessment,
        boolean canEdit, long version) {}
