package io.ciamportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityHeadersTest {

    @Test
    void theBootstrapPageRunsOnlyItsOwnInlineScripts() {
        String policy = new SecurityHeaders(null, false).uiPolicy("abc");
        assertThat(policy).contains("script-src 'self' 'nonce-abc' 'unsafe-eval';").doesNotContain("script-src 'self' 'unsafe-inline'")
                .contains("object-src 'none'").contains("frame-ancestors 'none'").contains("form-action 'self';");
        assertThat(new SecurityHeaders(null, false).uiPolicy(null)).contains("script-src 'self' 'unsafe-eval';");
    }

    @Test
    void formsMayReachTheIdentityProviderOnly() {
        assertThat(new SecurityHeaders("https://login.example.com/realms/portal", false).uiPolicy("n"))
                .contains("form-action 'self' https://login.example.com;");
    }

    @Test
    void hstsOnlyBehindTls() {
        var plain = new LinkedHashMap<String, String>();
        new SecurityHeaders(null, false).writeBootstrapPage(plain::put, "n");
        assertThat(plain).doesNotContainKey("Strict-Transport-Security").containsEntry("X-Content-Type-Options", "nosniff")
                .containsEntry("Referrer-Policy", "same-origin").containsEntry("X-Frame-Options", "DENY");
        var tls = new LinkedHashMap<String, String>();
        new SecurityHeaders(null, true).writeBootstrapPage(tls::put, "n");
        assertThat(tls).containsEntry("Strict-Transport-Security", SecurityHeaders.HSTS);
    }

    @Test
    void noncesDoNotRepeat() {
        assertThat(SecurityHeaders.newNonce()).isNotEqualTo(SecurityHeaders.newNonce()).hasSize(24);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
        "https://Login.Example.com/realms/x, https://login.example.com",
        "http://localhost:8180/realms/portal, http://localhost:8180",
        "not a uri, null",
        "/relative, null",
        "null, null"})
    void originOfTheIssuer(String issuer, String origin) {
        assertThat(SecurityHeaders.origin(issuer)).isEqualTo(origin);
    }
}
