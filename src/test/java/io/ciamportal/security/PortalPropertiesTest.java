package io.ciamportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PortalPropertiesTest {

    private static PortalProperties props(String localAccounts, String issuer, String adminEmails) {
        return new PortalProperties(localAccounts, null, adminEmails, false, null,
                new PortalProperties.Oidc(issuer, issuer == null ? null : "client", issuer == null ? null : "secret", null, null, null, null, null));
    }

    @Test
    void localAccountsAreOnWhenNothingElseIsConfigured() {
        assertThat(props(null, null, null).localAccountsEnabled()).isTrue();
        assertThat(props("false", null, null).localAccountsEnabled()).as("no way to sign in otherwise").isTrue();
    }

    @Test
    void withOidcLocalAccountsNeedToBeAskedFor() {
        assertThat(props(null, "http://idp", null).localAccountsEnabled()).isFalse();
        assertThat(props("true", "http://idp", null).localAccountsEnabled()).isTrue();
        assertThat(props("TRUE ", "http://idp", null).localAccountsEnabled()).isTrue();
    }

    @Test
    void adminEmailsMatchWithoutCaseOrSpaces() {
        var p = props(null, null, "ada@example.com, Grace@Example.com");
        assertThat(p.isAdminEmail("grace@example.com")).isTrue();
        assertThat(p.isAdminEmail("ADA@example.com")).isTrue();
        assertThat(p.isAdminEmail("mallory@example.com")).isFalse();
        assertThat(props(null, null, null).isAdminEmail("ada@example.com")).isFalse();
    }
}
