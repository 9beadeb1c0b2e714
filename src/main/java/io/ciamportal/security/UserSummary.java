package io.ciamportal.security;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A user as views and the API see them.
 *
 * @param roles effective roles
 * @param portalRoles roles granted in the portal (an admin can change these)
 * @param identityProviderRoles roles from the identity provider's claim (change them there)
 */
public record UserSummary(
        UUID id,
        String username,
        String displayName,
        @Nullable String email,
        AuthSource authSource,
        boolean enabled,
        Set<PortalRole> roles,
        Set<PortalRole> portalRoles,
        Set<PortalRole> identityProviderRoles,
        Instant createdAt,
        @Nullable Instant lastSignInAt) {}
