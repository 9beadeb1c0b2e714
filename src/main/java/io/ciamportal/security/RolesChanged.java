package io.ciamportal.security;

import java.util.Set;
import java.util.UUID;

/**
 * A person's portal roles changed (an admin's change, or a new claim at sign-in). Announced inside the transaction
 * that made the change, so features that rest on a role (a reviewer's approvals) follow it at once.
 */
public record RolesChanged(UUID userId, Set<PortalRole> before, Set<PortalRole> after) {

    public boolean lost(PortalRole role) {
        return before.contains(role) && !after.contains(role);
    }
}
