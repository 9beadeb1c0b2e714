package io.ciamportal.gate;

import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.security.PortalRole;
import io.ciamportal.security.UserAdminService;
import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.PortalTestBase;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Where migrations, gates, vendors and people meet, over HTTP: a new pair outdates every sign-off, a reviewer who leaves
 * stops counting, a changed vendor fact shows next to the sign-offs, lost updates are refused, and a migration whose
 * vendor left the index still opens.
 */
@Tag("integration")
@SuppressWarnings("unchecked")
class SeamsIntegrationTest extends PortalTestBase {

    @Autowired
    UserAdminService users;

    @Autowired
    SecurityContextHolderStrategy contexts;

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private final String analyst = basic("analyst", DEMO_PASSWORD);
    private final String reviewer = basic("reviewer", DEMO_PASSWORD);
    private final String admin = basic("admin", DEMO_PASSWORD);

    @BeforeEach
    void client() {
        api = new ApiClient(baseUrl());
    }

    private String migration(String name, String destination, String members) {
        var created = api.post("/api/v1/migrations", analyst, """
                {"name": "%s", "source": "auth0", "destination": "%s", "inventory": {"totalUsers": 1000, "passwordShare": 1.0},
                 "members": [%s]}""".formatted(name, destination, members));
        assertThat(created.status()).isEqualTo(201);
        String id = (String) created.json().get("id");
        assertThat(api.put("/api/v1/migrations/" + id + "/required-approvals", analyst, "{\"requiredApprovals\": 1}").status()).isEqualTo(200);
        return id;
    }

    private Map<String, Object> gate(String id, String key) {
        var response = api.get("/api/v1/migrations/" + id + "/gates/" + key, analyst);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private void approve(String id, String key, String reviewerAuth) {
        assertThat(api.post("/api/v1/migrations/" + id + "/gates/" + key + "/evidence", analyst,
                "{\"kind\": \"TEXT\", \"title\": \"Runbook\", \"text\": \"Reviewed steps\"}").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/migrations/" + id + "/gates/" + key + "/submit", analyst, "").status()).isEqualTo(200);
        var signed = api.post("/api/v1/migrations/" + id + "/gates/" + key + "/sign-offs", reviewerAuth, "{\"decision\": \"APPROVE\"}");
        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.json()).containsEntry("status", "APPROVED");
    }

    private String etag(String id) {
        return api.get("/api/v1/migrations/" + id, analyst).etag();
    }

    @Test
    void aNewDestinationOutdatesEverySignOffAndReopensTheGatesWithTheReason() {
        String id = migration("Seams: pair change", "keycloak", "{\"username\": \"reviewer\", \"role\": \"REVIEWER\"}");
        approve(id, "rollback", reviewer);
        String hashBefore = (String) gate(id, "rollback").get("stateHash");

        var changed = api.patch("/api/v1/migrations/" + id, analyst, "{\"destination\": \"zitadel\"}", etag(id));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json()).containsEntry("destination", "zitadel");
        var after = gate(id, "rollback");
        assertThat(after).containsEntry("status", "OPEN").containsEntry("approvals", 0);
        assertThat((String) after.get("reopenedReason")).contains("Auth0 → Keycloak").contains("Auth0 → ZITADEL");
        assertThat((List<Map<String, Object>>) after.get("signOffs")).singleElement().satisfies(s -> {
            assertThat(s).containsEntry("outdated", true);
            assertThat((String) s.get("outdatedReason")).contains("no longer count");
        });
        assertThat(after.get("stateHash")).as("the pair is part of what a sign-off rests on").isNotEqualTo(hashBefore);
        var blocked = api.get("/api/v1/migrations/" + id, analyst);
        assertThat(blocked.status()).isEqualTo(200);
        var trail = ApiClient.list(api.get("/api/v1/audit?targetType=migration&targetId=" + id, admin));
        assertThat(trail).extracting(e -> e.get("action")).contains("MIGRATION_PAIR_CHANGED", "GATE_OUTDATED");
    }

    @Test
    void patchRenamesWithTheVersionItWasBasedOnAndAStaleVersionChangesNothing() {
        String id = migration("Seams: rename", "keycloak", "");
        String first = etag(id);
        assertThat(api.patch("/api/v1/migrations/" + id, analyst, "{\"name\": \"No version\"}").status()).isEqualTo(428);

        var renamed = api.patch("/api/v1/migrations/" + id, analyst, "{\"name\": \"Seams: renamed\"}", first);
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json()).containsEntry("name", "Seams: renamed");
        assertThat(renamed.etag()).isNotEqualTo(first).isEqualTo(etag(id));

        // a second edit based on the first version: 412, who changed it, the state now, and nothing overwritten
        var stale = api.put("/api/v1/migrations/" + id + "/inventory", analyst, "{\"totalUsers\": 5}", first);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json()).containsEntry("error", "stale_version").containsEntry("changedBy", "Demo analyst");
        assertThat((String) stale.json().get("message")).contains("changed by Demo analyst at").contains("reload");
        assertThat((Map<String, Object>) stale.json().get("current")).containsEntry("name", "Seams: renamed");
        var now = api.get("/api/v1/migrations/" + id, analyst).json();
        assertThat(((Map<String, Object>) now.get("inventory")).get("totalUsers")).isEqualTo(1000);
        // invalid changes name the field and change nothing
        var bad = api.patch("/api/v1/migrations/" + id, analyst, "{\"destination\": \"auth0\"}", etag(id));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json()).containsEntry("field", "destination");
        assertThat(api.patch("/api/v1/migrations/" + id, reviewer, "{\"name\": \"x\"}", etag(id)).status()).isEqualTo(404);
    }

    @Test
    void aReviewerWhoLeavesTheMigrationOrLosesTheRoleStopsCounting() {
        as("admin", "ROLE_ADMIN");
        try {
            users.createLocalUser("seams-reviewer", "Sam Seams", null, "Seams-Password-2026", EnumSet.of(PortalRole.REVIEWER));
        } finally {
            contexts.clearContext();
        }
        String sam = basic("seams-reviewer", "Seams-Password-2026");
        String id = migration("Seams: reviewers", "keycloak",
                "{\"username\": \"reviewer\", \"role\": \"REVIEWER\"}, {\"username\": \"seams-reviewer\", \"role\": \"REVIEWER\"}");
        approve(id, "rollback", reviewer);
        approve(id, "audit-continuity", sam);

        // the demo reviewer is made a viewer of this migration: their approval stops counting
        assertThat(api.put("/api/v1/migrations/" + id + "/members", analyst, "{\"username\": \"reviewer\", \"role\": \"VIEWER\"}").status())
                .isEqualTo(200);
        var rollback = gate(id, "rollback");
        assertThat(rollback).containsEntry("status", "SUBMITTED").containsEntry("approvals", 0);
        assertThat((List<Map<String, Object>>) rollback.get("signOffs")).singleElement()
                .satisfies(s -> assertThat((String) s.get("outdatedReason")).contains("role in the migration changed"));

        // Sam loses the reviewer portal role: their approval stops counting everywhere
        String samId = jdbc.sql("SELECT id::text FROM portal_user WHERE username = 'seams-reviewer'").query(String.class).single();
        assertThat(api.put("/api/v1/users/" + samId + "/roles", admin, "{\"roles\": [\"VIEWER\"]}").status()).isEqualTo(200);
        var audit = gate(id, "audit-continuity");
        assertThat(audit).containsEntry("status", "SUBMITTED").containsEntry("approvals", 0);
        assertThat((List<Map<String, Object>>) audit.get("signOffs")).singleElement()
                .satisfies(s -> assertThat((String) s.get("outdatedReason")).contains("reviewer portal role"));
        var trail = ApiClient.list(api.get("/api/v1/audit?targetType=migration&targetId=" + id, admin));
        assertThat(trail).filteredOn(e -> "GATE_APPROVAL_DISCOUNTED".equals(e.get("action"))).hasSize(2);
    }

    @Test
    void aVendorFactThatChangesAVerdictShowsNextToTheSignOffsWhichStillCount() {
        String id = migration("Seams: vendor fact", "ory", "{\"username\": \"reviewer\", \"role\": \"REVIEWER\"}");
        approve(id, "credential-transit", reviewer);
        var profile = api.get("/api/v1/vendors/ory", admin);
        var before = ((List<Map<String, Object>>) profile.json().get("capabilities")).stream()
                .filter(c -> "totp-import".equals(c.get("key"))).findFirst().orElseThrow();
        String flipped = "no".equals(before.get("support")) ? "yes" : "no";
        var edit = api.put("/api/v1/vendors/ory/capabilities/totp-import", admin,
                "{\"support\": \"" + flipped + "\", \"note\": \"Test: changed to see the effect on sign-offs.\", \"sources\": [], \"confirmed\": false}",
                profile.etag());
        assertThat(edit.status()).isEqualTo(200);
        try {
            var gate = gate(id, "credential-transit");
            assertThat(gate).containsEntry("status", "APPROVED").containsEntry("approvals", 1);
            assertThat((List<String>) gate.get("assessmentChanges")).anyMatch(c -> c.startsWith("TOTP and MFA enrollments:"));
        } finally {
            // put the dataset's value back: other tests read this vendor
            var restore = api.put("/api/v1/vendors/ory/capabilities/totp-import", admin, """
                    {"support": "%s", "note": "%s", "sources": %s, "confirmed": %s}""".formatted(before.get("support"),
                    ((String) before.get("note")).replace("\"", "\\\""), toJson(before.get("sources")), before.get("confirmed")),
                    edit.etag());
            assertThat(restore.status()).isEqualTo(200);
        }
        // a stale curator edit is refused with who changed the vendor
        var stale = api.put("/api/v1/vendors/ory/capabilities/totp-import", admin,
                "{\"support\": \"yes\", \"note\": \"Late edit.\", \"sources\": [], \"confirmed\": false}", profile.etag());
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json()).containsKey("changedBy").containsKey("changedAt");
        assertThat((Map<String, Object>) stale.json().get("current")).containsEntry("slug", "ory");
    }

    @Test
    void aMigrationWhoseVendorLeftTheIndexStillOpensAndSaysSo() {
        var created = api.post("/api/v1/vendors", admin, "{\"slug\": \"seams-gone\", \"name\": \"Gone Identity\", \"deployment\": \"MANAGED\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = migration("Seams: gone vendor", "seams-gone", "");
        // as an import before the import refused it could leave it: the vendor disappears
        jdbc.sql("DELETE FROM vendor WHERE slug = 'seams-gone'").update();

        var opened = api.get("/api/v1/migrations/" + id, analyst);
        assertThat(opened.status()).isEqualTo(200);
        assertThat((List<String>) opened.json().get("missingVendors")).containsExactly("seams-gone");
        assertThat(api.get("/api/v1/migrations", analyst).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/migrations/" + id + "/gates", analyst).status()).isEqualTo(200);
    }

    private static String toJson(Object value) {
        return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
    }

    private void as(String name, String role) {
        var context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null, AuthorityUtils.createAuthorityList(role)));
        contexts.setContext(context);
    }
}
