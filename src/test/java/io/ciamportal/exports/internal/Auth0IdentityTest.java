package io.ciamportal.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An Auth0 identity's provider says what kind of sign-in it is, whatever its case, as a lower-cased copy would; a
 * multifactor name says its factor, written as Auth0 writes it or not.
 */
class Auth0IdentityTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            auth0          | password
            AUTH0          | password
            Auth0          | password
            email          | passwordless
            Email          | passwordless
            SMS            | passwordless
            google-oauth2  | federated
            auth0x         | federated
            emaİl          | federated
            emaıl          | federated
            sms2           | federated
            ''             | none
            """)
    void theProviderNameDecides(String provider, String kind) {
        var r = new UserRecord();
        Auth0Kinds.identity(r, provider, "conn", null);
        String seen = r.passwordWithoutHash ? "password" : r.passwordless ? "passwordless" : r.federated ? "federated" : "none";
        assertThat(seen).isEqualTo(kind);
        // what a lower-cased copy says: the same
        String lower = provider.toLowerCase(java.util.Locale.ROOT);
        String expected = lower.isEmpty() ? "none" : lower.equals("auth0") ? "password"
                : lower.equals("email") || lower.equals("sms") ? "passwordless" : "federated";
        assertThat(seen).isEqualTo(expected);
        assertThat(r.providers).containsExactly("conn");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            google-authenticator      | 1
            ' Google-Authenticator '   | 1
            '["sms"]'                 | 2
            PHONE                     | 2
            email                     | 4
            webauthn-roaming          | 8
            guardian                  | 16
            yubikey                   | 64
            '  '                      | 0
            '[]'                      | 0
            """)
    void aFactorNameSaysItsFactor(String name, int factor) {
        assertThat(Auth0Kinds.factor(name)).isEqualTo(factor);
    }
}
