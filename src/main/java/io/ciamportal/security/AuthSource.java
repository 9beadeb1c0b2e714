package io.ciamportal.security;

/** Where an account's credentials live. */
public enum AuthSource {
    /** Username and password kept by the portal. */
    LOCAL,
    /** An external OpenID Connect provider. */
    OIDC
}
