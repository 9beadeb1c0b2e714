package io.ciamportal.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in settings, bound from the environment variables in application.properties (README lists them all).
 *
 * @param localAccounts {@code true}, {@code false} or empty: empty means "on when no OIDC provider is configured"
 * @param adminPassword initial admin password; generated and printed once when empty
 * @param adminEmails comma-separated emails that become admin at their first OIDC sign-in
 * @param demo adds the demo accounts and, later, demo data
 * @param demoPassword password of the demo accounts
 */
@ConfigurationProperties("portal")
public record PortalProperties(
        @Nullable String localAccounts,
        @Nullable String adminPassword,
        @Nullable String adminEmails,
        boolean demo,
        @Nullable String demoPassword,
        Oidc oidc) {

    public PortalProperties {
        if (oidc == null) {
            oidc = new Oidc(null, null, null, "roles", null, "your organisation's sign-in", "openid,profile,email", null);
        }
    }

    /**
     * @param rolesClaim claim with the roles: {@code roles}, {@code groups}, or a dotted path like {@code realm_access.roles}
     * @param rolePrefix optional prefix in front of role names in the claim, e.g. {@code portal-}
     * @param retryAfter how long the portal waits before it asks an unreachable provider again (15 s unless set)
     */
    public record Oidc(
            @Nullable String issuerUri,
            @Nullable String clientId,
            @Nullable String clientSecret,
            @Nullable String rolesClaim,
            @Nullable String rolePrefix,
            @Nullable String displayName,
            @Nullable String scopes,
            java.time.@Nullable Duration retryAfter) {

        public boolean configured() {
            return hasText(issuerUri) && hasText(clientId) && hasText(clientSecret);
        }

        public String rolesClaimOrDefault() {
            return hasText(rolesClaim) ? rolesClaim.strip() : "roles";
        }

        public String displayNameOrDefault() {
            return hasText(displayName) ? displayName.strip() : "single sign-on";
        }

        public java.time.Duration retryAfterOrDefault() {
            return retryAfter == null || retryAfter.isNegative() ? java.time.Duration.ofSeconds(15) : retryAfter;
        }

        public List<String> scopeList() {
            String text = hasText(scopes) ? scopes : "openid,profile,email";
            return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        }
    }

    /** Local accounts are on when asked for, and always when there is no other way to sign in. */
    public boolean localAccountsEnabled() {
        if (!oidc.configured()) {
            return true;
        }
        return localAccounts != null && localAccounts.strip().equalsIgnoreCase("true");
    }

    public boolean isAdminEmail(String email) {
        if (!hasText(adminEmails)) {
            return false;
        }
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(adminEmails.split("[,;\\s]+"))
                .map(e -> e.strip().toLowerCase(Locale.ROOT))
                .anyMatch(wanted::equals);
    }

    static boolean hasText(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
