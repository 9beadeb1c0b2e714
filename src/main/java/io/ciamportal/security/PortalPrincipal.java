package io.ciamportal.security;

import java.util.Set;
import java.util.UUID;

/** What the portal knows of the signed-in user, whichever way they signed in. */
public interface PortalPrincipal {

    UUID userId();

    String displayName();

    /** Effective roles when the session was last refreshed from the database. */
    Set<PortalRole> roles();

    /** The account's version at that moment; a different version in the database means roles or status changed. */
    long accountVersion();

    default boolean hasRole(PortalRole role) {
        return roles().contains(role);
    }
}
