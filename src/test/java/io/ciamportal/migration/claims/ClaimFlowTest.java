package io.ciamportal.migration.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClaimFlowTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(nullValues = "none", value = {
        "SIGN_IN, SIGN_IN", "sign-in, SIGN_IN", "Sign in, SIGN_IN", "signin, SIGN_IN", "login, SIGN_IN",
        "SIGN_UP, SIGN_UP", "sign_up, SIGN_UP", "register, SIGN_UP",
        "SOCIAL_SIGN_IN, SOCIAL_SIGN_IN", "social-sign-in, SOCIAL_SIGN_IN", "social, SOCIAL_SIGN_IN",
        "TOKEN_REFRESH, TOKEN_REFRESH", "refresh, TOKEN_REFRESH", "refresh_token, TOKEN_REFRESH",
        "M2M, M2M", "client_credentials, M2M", "machine-to-machine, M2M",
        "MFA_SIGN_IN, MFA_SIGN_IN",
        "'', none", "sign, none", "password, none", "sign-in-2, none"})
    void namesOfAFlow(String text, String flow) {
        assertThat(ClaimFlow.parse(text)).isEqualTo(Optional.ofNullable(flow).map(ClaimFlow::valueOf));
    }
}
