package io.ciamportal.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four roles of product.md. A user can hold several; every signed-in user can at least browse. */
public enum PortalRole {
    VIEWER("Viewer", "Browse vendors, the matrix and the selector; read migrations they belong to."),
    ANALYST("Analyst", "Create and edit migrations they own or belong to; submit gates."),
    REVIEWER("Reviewer", "Sign off gates of migrations they belong to."),
    ADMIN("Admin", "Curate vendor data, manage users and roles, see everything.");

    private final String label;
    private final String description;

    PortalRole(String label, String description) {
        this.label = label;
        this.description = description;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The Spring Security authority, as {@code hasRole(...)} and {@code @RolesAllowed} expect it. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Reads a role name case-insensitively ({@code admin}, {@code ADMIN}, {@code ROLE_ADMIN}). */
    public static Optional<PortalRole> parse(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        if (name.startsWith("ROLE_")) {
            name = name.substring(5);
        }
        String wanted = name;
        return Arrays.stream(values()).filter(r -> r.name().equals(wanted)).findFirst();
    }
}
