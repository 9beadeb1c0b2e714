package io.ciamportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answer when a password could not be checked in time ({@link PasswordChecks} had no permit for 30 s): a 503
 * that says "busy" and when to try again, not a 401, and no failed sign-in recorded (the audit parts are absent here,
 * so recording one would fail the test).
 */
class JsonSecurityResponsesTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final JsonSecurityResponses responses = new JsonSecurityResponses(json, null, null);

    @Test
    void aSignInThatCouldNotBeCheckedInTimeIsABusy503WithRetryAfterAndRecordsNothing() throws Exception {
        var request = basic("analyst", "Some-Password-2026");
        var response = new MockHttpServletResponse();

        responses.commence(request, response, new SignInBusyException());

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentType()).startsWith("application/json");
        Map<String, Object> body = json.readValue(response.getContentAsString(StandardCharsets.UTF_8), new tools.jackson.core.type.TypeReference<Map<String, Object>>() {});
        assertThat(body).containsEntry("status", 503).containsEntry("error", "busy");
        assertThat((String) body.get("message")).startsWith("Many sign-ins are being checked").endsWith(".")
                .doesNotContain("analyst").doesNotContain("Some-Password-2026");
        assertThat(response.getHeader("WWW-Authenticate")).as("no Basic challenge").isNull();
    }

    @Test
    void withoutCredentialsItIsA401AndNotBusy() throws Exception {
        var response = new MockHttpServletResponse();

        responses.commence(new MockHttpServletRequest("GET", "/api/v1/me"), response, new BadCredentialsException("no"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("Retry-After")).isNull();
        Map<String, Object> body = json.readValue(response.getContentAsString(StandardCharsets.UTF_8), new tools.jackson.core.type.TypeReference<Map<String, Object>>() {});
        assertThat(body).containsEntry("error", "unauthorized");
    }

    private static MockHttpServletRequest basic(String username, String password) {
        var request = new MockHttpServletRequest("GET", "/api/v1/me");
        request.addHeader("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return request;
    }
}
