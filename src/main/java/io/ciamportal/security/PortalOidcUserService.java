package io.ciamportal.security;

import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a successful OIDC sign-in into a portal user: reads the roles claim, creates or updates the account and
 * returns a principal whose authorities are the account's effective roles.
 */
final class PortalOidcUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService delegate = new OidcUserService();
    private final AccountDirectory accounts;
    private final RolesClaim rolesClaim;

    PortalOidcUserService(AccountDirectory accounts, RolesClaim rolesClaim) {
        this.accounts = accounts;
        this.rolesClaim = rolesClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = delegate.loadUser(request);
        String issuer = String.valueOf(user.getIssuer());
        String subject = user.getSubject();
        String email = user.getEmail();
        String username = firstNonBlank(user.getPreferredUsername(), email, subject);
        String displayName = firstNonBlank(user.getFullName(), user.getPreferredUsername(), email, subject);
        boolean emailVerified = !Boolean.FALSE.equals(user.getEmailVerified());
        var snapshot = accounts.provisionOidc(issuer, subject, username, displayName, email, emailVerified,
                rolesClaim.rolesIn(user.getClaims()));
        if (!snapshot.enabled()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("account_disabled", "This account is disabled in the portal.", null));
        }
        return new OidcPrincipal(snapshot, user.getIdToken(), user.getUserInfo());
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "unknown";
    }
}
