package io.ciamportal.audit;

import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.PortalTestBase;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every refused guarded action is recorded once, the same way: ACCESS_DENIED, outcome DENIED, the operation and why. */
@Tag("integration")
class RefusalAuditingIntegrationTest extends PortalTestBase {

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private final String analyst = basic("analyst", DEMO_PASSWORD);
    private final String viewer = basic("viewer", DEMO_PASSWORD);

    @BeforeEach
    void client() {
        api = new ApiClient(baseUrl());
    }

    record Refusal(String actor, String operation, String after, String outcome) {}

    private List<Refusal> refusalsAfter(long id) {
        return jdbc.sql("""
                SELECT actor_name, target_id, after_state, outcome FROM audit_entry
                WHERE id > ? AND action = 'ACCESS_DENIED' AND target_type = 'operation' ORDER BY id""")
                .param(id)
                .query((rs, n) -> new Refusal(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    private long head() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_entry").query(Long.class).single();
    }

    @Test
    void aRoleRuleRefusalIsRecordedWithTheRuleItNeeded() {
        long before = head();

        var response = api.put("/api/v1/vendors/auth0/capabilities/passkeys", viewer,
                "{\"status\": \"yes\", \"confirmed\": false}");

        assertThat(response.status()).isEqualTo(403);
        assertThat(refusalsAfter(before)).singleElement().satisfies(r -> {
            assertThat(r.actor()).isEqualTo("Demo viewer");
            assertThat(r.operation()).startsWith("VendorCurationApiController.");
            assertThat(r.after()).isEqualTo("{\"reason\":\"needs hasRole('ADMIN')\"}");
            assertThat(r.outcome()).isEqualTo("DENIED");
        });
    }

    @Test
    void aMembershipRefusalInsideAServiceIsRecordedOnceNamingTheService() {
        var created = api.post("/api/v1/migrations", analyst, """
                {"name": "Refusal audit", "source": "auth0", "destination": "keycloak", "inventory": {"totalUsers": 10},
                 "members": [{"username": "viewer", "role": "VIEWER"}]}""");
        assertThat(created.status()).isEqualTo(201);
        String id = (String) created.json().get("id");
        long before = head();

        String etag = api.get("/api/v1/migrations/" + id, viewer).etag();
        var response = api.patch("/api/v1/migrations/" + id, viewer, "{\"name\": \"Taken over\"}", etag);

        assertThat(response.status()).isEqualTo(403);
        assertThat(refusalsAfter(before)).singleElement().satisfies(r -> {
            assertThat(r.operation()).isEqualTo("MigrationService.update");
            assertThat(r.after()).contains("Only analysts who are owner or analyst of this migration");
            assertThat(r.outcome()).isEqualTo("DENIED");
        });
        assertThat(jdbc.sql("SELECT name FROM migration WHERE id = ?::uuid").param(id).query(String.class).single())
                .isEqualTo("Refusal audit");
    }

    @Test
    void aPermittedCallRecordsNoRefusal() {
        long before = head();
        assertThat(api.get("/api/v1/vendors", viewer).status()).isEqualTo(200);
        assertThat(refusalsAfter(before)).isEmpty();
    }
}
