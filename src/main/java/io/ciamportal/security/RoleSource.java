package io.ciamportal.security;

/** Who granted a role: an admin in the portal, or the identity provider's roles claim (refreshed at every sign-in). */
public enum RoleSource {
    PORTAL,
    IDP
}
