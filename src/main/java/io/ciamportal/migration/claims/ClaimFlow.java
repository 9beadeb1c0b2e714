package io.ciamportal.migration.claims;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A critical flow whose tokens the dual run compares. The first five must all be compared before cutover. */
public enum ClaimFlow {
    SIGN_IN("Sign-in", true),
    SIGN_UP("Sign-up", true),
    SOCIAL_SIGN_IN("Social sign-in", true),
    TOKEN_REFRESH("Token refresh", true),
    M2M("Machine to machine (client credentials)", true),
    MFA_SIGN_IN("Sign-in with MFA", false);

    private final String label;
    private final boolean required;

    ClaimFlow(String label, boolean required) {
        this.label = label;
        this.required = required;
    }

    public String label() {
        return label;
    }

    /** One of the five flows the issue names; the others are compared when the team uses them. */
    public boolean required() {
        return required;
    }

    public static List<ClaimFlow> requiredFlows() {
        return Arrays.stream(values()).filter(ClaimFlow::required).toList();
    }

    /** {@code SIGN_IN}, {@code sign-in} or {@code sign_in}; empty for anything else. */
    public static Optional<ClaimFlow> parse(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return Arrays.stream(values()).filter(f -> f.name().equals(name)).findFirst();
    }
}
