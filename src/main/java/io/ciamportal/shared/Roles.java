package io.ciamportal.shared;

/** Role names as compile-time constants for {@code @RolesAllowed} and {@code @PreAuthorize}; one place for all. */
public final class Roles {

    public static final String VIEWER = "VIEWER";
    public static final String ANALYST = "ANALYST";
    public static final String REVIEWER = "REVIEWER";
    public static final String ADMIN = "ADMIN";

    /** Expression for services any signed-in user may call. */
    public static final String SIGNED_IN = "isAuthenticated()";
    /** Expression for admin-only services. */
    public static final String ADMIN_ONLY = "hasRole('ADMIN')";

    private Roles() {}
}
