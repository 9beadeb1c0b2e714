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

    /**
     * {@code SIGN_IN}, {@code sign-in}, {@code sign_in}, {@code signin} or a common other name of the flow
     * ({@code login}, {@code refresh}, {@code client_credentials}, ...); empty for anything else.
     */
    public static Optional<ClaimFlow> parse(String text) {
        String key = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return Arrays.stream(values()).filter(f -> f.aliases().contains(key)).findFirst();
    }

    private List<String> aliases() {
        return switch (this) {
            case SIGN_IN -> List.of("signin", "login", "logon", "passwordsignin", "passwordlogin");
            case SIGN_UP -> List.of("signup", "register", "registration");
            case SOCIAL_SIGN_IN -> List.of("socialsignin", "social", "sociallogin");
            case TOKEN_REFRESH -> List.of("tokenrefresh", "refresh", "refreshtoken");
            case M2M -> List.of("m2m", "machinetomachine", "clientcredentials");
            case MFA_SIGN_IN -> List.of("mfasignin", "mfa", "mfalogin");
        };
    }
}
