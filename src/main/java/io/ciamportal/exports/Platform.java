package io.ciamportal.exports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A platform whose user export the analyser reads. {@code vendorSlug} links it to the vendor index (null for an
 * in-house database read through a column mapping).
 */
public enum Platform {
    AUTH0("Auth0", "auth0"),
    FIREBASE("Firebase Authentication", "firebase-auth"),
    COGNITO("Amazon Cognito", "cognito"),
    KEYCLOAK("Keycloak", "keycloak"),
    ENTRA("Microsoft Entra / Azure AD B2C (Graph)", "entra-external-id"),
    OKTA("Okta", "okta"),
    CLERK("Clerk", "clerk"),
    SUPABASE("Supabase Auth", "supabase-auth"),
    STYTCH("Stytch", "stytch"),
    FUSIONAUTH("FusionAuth", "fusionauth"),
    ZITADEL("ZITADEL", "zitadel"),
    ORY("Ory Kratos / Ory Network", "ory"),
    GENERIC("In-house database (column mapping)", null);

    private final String label;
    private final @Nullable String vendorSlug;

    Platform(String label, @Nullable String vendorSlug) {
        this.label = label;
        this.vendorSlug = vendorSlug;
    }

    public String label() {
        return label;
    }

    /** The vendor index slug, or null for an in-house source. */
    public @Nullable String vendorSlug() {
        return vendorSlug;
    }

    /** The name used in the analysis document and on the command line: {@code auth0}, {@code generic}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Platform> byId(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.id().equals(wanted) || wanted.equals(p.vendorSlug)).findFirst();
    }

    /** The platform whose export a vendor produces, if the analyser reads it. */
    public static Optional<Platform> forVendor(String vendorSlug) {
        if (vendorSlug.equals("azure-ad-b2c")) {
            return Optional.of(ENTRA);
        }
        return Arrays.stream(values()).filter(p -> vendorSlug.equals(p.vendorSlug)).findFirst();
    }
}
