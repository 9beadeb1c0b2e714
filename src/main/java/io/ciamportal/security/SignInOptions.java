package io.ciamportal.security;

import org.springframework.stereotype.Component;

/** What the login page may offer: local accounts, single sign-on (and whether the provider answers now), demo hint. */
@Component
public class SignInOptions {

    /** Whether single sign-on works right now, and if not, why in a sentence. */
    public record SingleSignOnStatus(boolean available, String message) {}

    private final PortalProperties properties;
    private final OidcClientRegistrations oidc;

    SignInOptions(PortalProperties properties, OidcClientRegistrations oidc) {
        this.properties = properties;
        this.oidc = oidc;
    }

    public boolean localAccounts() {
        return properties.localAccountsEnabled();
    }

    public boolean demo() {
        return properties.demo() && properties.localAccountsEnabled();
    }

    public boolean singleSignOn() {
        return properties.oidc().configured();
    }

    public String singleSignOnName() {
        return properties.oidc().displayNameOrDefault();
    }

    public String singleSignOnPath() {
        return "oauth2/authorization/" + OidcClientRegistrations.REGISTRATION_ID;
    }

    public SingleSignOnStatus singleSignOnStatus() {
        if (!singleSignOn()) {
            return new SingleSignOnStatus(false, "Single sign-on is not configured.");
        }
        var status = oidc.status();
        return new SingleSignOnStatus(status.available(), status.message());
    }
}
