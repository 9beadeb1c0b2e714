package io.ciamportal.security;

import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.PortalTestBase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The JSON API over real HTTP: sign-in by Basic, JSON errors, roles, bad input, health. */
@Tag("integration")
@SuppressWarnings("unchecked")
class ApiIntegrationTest extends PortalTestBase {

    private ApiClient api;
    private final String admin = basic("admin", DEMO_PASSWORD);
    private final String viewer = basic("viewer", DEMO_PASSWORD);

    @BeforeEach
    void client() {
        api = new ApiClient(baseUrl());
    }

    @Test
    void withoutCredentialsTheApiAnswers401AsJsonNotALoginPage() {
        var response = api.get("/api/v1/me", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json()).containsEntry("error", "unauthorized");
    }

    @Test
    void aForgedSessionCookieIsTreatedAsNoSession() {
        var response = api.getWithCookie("/api/v1/me", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json()).containsEntry("error", "unauthorized");
    }

    @Test
    void basicSignInWorksForLocalAccounts() {
        var response = api.get("/api/v1/me", viewer);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).containsEntry("displayName", "Demo viewer");
        assertThat((List<Object>) response.json().get("roles")).containsExactly("VIEWER");
    }

    @Test
    void aViewerGets403AsJsonFromAdminEndpoints() {
        for (String path : List.of("/api/v1/users", "/api/v1/audit/verify", "/api/v1/audit")) {
            var response = api.get(path, viewer);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.json()).as(path).containsEntry("error", "forbidden");
        }
    }

    @Test
    void garbageAndWrongCredentialsAreRefusedAndAudited() {
        long before = countEntries("SIGN_IN_FAILED");
        var garbage = api.get("/api/v1/me", "Basic %%%not-base64%%%");
        var wrong = api.get("/api/v1/me", basic("viewer", "not-the-password"));
        var unknown = api.get("/api/v1/me", basic("nobody-here", "whatever"));

        assertThat(List.of(garbage.status(), wrong.status(), unknown.status())).containsOnly(401);
        assertThat(garbage.json()).containsEntry("error", "unauthorized");
        assertThat(countEntries("SIGN_IN_FAILED")).isEqualTo(before + 3);
    }

    @Test
    void theAdminVerifiesTheChain() {
        var response = api.get("/api/v1/audit/verify", admin);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).containsEntry("intact", true).containsKeys("entries", "headHash", "firstBrokenId");
        assertThat(response.json().get("firstBrokenId")).isNull();
        assertThat((String) response.json().get("headHash")).hasSize(64);
    }

    @Test
    void theLastAdminCannotBeDemotedThroughTheApi() {
        var users = api.get("/api/v1/users", admin);
        assertThat(users.status()).isEqualTo(200);
        String adminId = api.get("/api/v1/me", admin).json().get("id").toString();

        var response = api.put("/api/v1/users/" + adminId + "/roles", admin, "{\"roles\": [\"VIEWER\"]}");

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json()).containsEntry("error", "rule_violation");
        assertThat((List<Object>) api.get("/api/v1/users/" + adminId, admin).json().get("roles")).contains("ADMIN");
    }

    @Test
    void badInputGets400WithTheFieldNamed() {
        String viewerId = api.get("/api/v1/me", viewer).json().get("id").toString();
        var unknownRole = api.put("/api/v1/users/" + viewerId + "/roles", admin, "{\"roles\": [\"EMPEROR\"]}");
        var notJson = api.put("/api/v1/users/" + viewerId + "/roles", admin, "{roles: ");
        var badId = api.get("/api/v1/users/not-a-uuid", admin);

        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.json()).containsEntry("field", "roles");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json()).containsEntry("field", "id");
        assertThat((List<Object>) api.get("/api/v1/me", viewer).json().get("roles")).containsExactly("VIEWER");
    }

    @Test
    void anUnknownEndpointIs404AsJson() {
        var response = api.get("/api/v1/no-such-thing", admin);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json()).containsEntry("error", "not_found");
    }

    @Test
    void healthAnswersWithoutSignInAndNothingElseOfActuatorIsExposed() {
        var health = api.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json()).containsEntry("status", "UP");
        var readiness = api.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        for (String path : List.of("/actuator/env", "/actuator/beans", "/actuator/configprops")) {
            assertThat(api.get(path, admin).status()).as(path).isNotEqualTo(200);
        }
    }

    private long countEntries(String action) {
        var response = api.get("/api/v1/audit?action=" + action + "&limit=1000", admin);
        assertThat(response.status()).isEqualTo(200);
        return Long.parseLong(String.valueOf(response.body().split("\"id\":").length - 1));
    }

}
