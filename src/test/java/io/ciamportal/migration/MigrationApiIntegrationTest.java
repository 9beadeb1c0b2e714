package io.ciamportal.migration;

import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.PortalTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Migrations over HTTP against a real PostgreSQL: scoring, creation, membership, inventory, reports. */
@Tag("integration")
@SuppressWarnings("unchecked")
class MigrationApiIntegrationTest extends PortalTestBase {

    private static final String INVENTORY = """
            {"totalUsers": 200000, "monthlyActiveUsers": 80000, "passwordShare": 0.9, "totpShare": 0.1, "otpShare": 0.05,
             "passkeyShare": 0.02, "inactiveShare": 0.4, "socialConnections": 2, "enterpriseConnections": 4, "customLogicUnits": 17,
             "tenants": 30, "consentRecords": true, "auditRetentionDays": 365, "residencyRegion": "EU", "downtimeTolerance": "MINUTES"}""";

    private ApiClient api;
    private final String viewer = basic("viewer", DEMO_PASSWORD);
    private final String analyst = basic("analyst", DEMO_PASSWORD);
    private final String reviewer = basic("reviewer", DEMO_PASSWORD);
    private final String reviewer2 = basic("reviewer2", DEMO_PASSWORD);
    private final String admin = basic("admin", DEMO_PASSWORD);

    @BeforeEach
    void client() {
        api = new ApiClient(baseUrl());
    }

    @Test
    void scoringAPairStoresNothingAndExplainsEveryItem() {
        int before = ApiClient.list(api.get("/api/v1/migrations", admin)).size();
        var response = api.post("/api/v1/assessments/score", viewer,
                "{\"source\": \"cognito\", \"destination\": \"keycloak\", \"inventory\": " + INVENTORY + "}");
        assertThat(response.status()).isEqualTo(200);
        var json = response.json();
        assertThat((Map<String, Object>) json.get("strategy")).containsEntry("kind", "HYBRID");
        assertThat((Map<String, Object>) json.get("difficulty")).containsKeys("score", "breakdown");
        var items = (List<Map<String, Object>>) json.get("items");
        assertThat(items).extracting(i -> i.get("item")).containsExactly("password_hashes", "passkeys", "totp", "sessions", "custom_logic",
                "connections", "profile", "roles_orgs", "consent", "audit_logs");
        assertThat(items.getFirst()).containsEntry("verdict", "MIGRATES_WITH_CONDITIONS").containsEntry("affected", 180000);
        assertThat(items.get(3)).containsEntry("verdict", "LOST");
        assertThat(json.get("dualRunWeeks")).isEqualTo(8);
        assertThat(ApiClient.list(api.get("/api/v1/migrations", admin))).hasSize(before);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"source\": \"nobody\", \"destination\": \"clerk\"}                                       | source",
            "{\"source\": \"auth0\", \"destination\": \"azure-ad-b2c\"}                                 | destination",
            "{\"source\": \"auth0\", \"destination\": \"auth0\"}                                        | destination",
            "{\"source\": \"auth0\", \"destination\": \"clerk\", \"inventory\": {\"passwordShare\": 1.5}} | passwordShare",
            "{\"source\": \"auth0\", \"destination\": \"clerk\", \"inventory\": {\"totalUsers\": -1}}     | totalUsers",
            "{\"source\": \"auth0\", \"destination\": \"clerk\", \"inventory\": {\"totalUsers\": 10, \"monthlyActiveUsers\": 11}} | monthlyActiveUsers",
            "{\"source\": \"in-house\", \"destination\": \"clerk\", \"inventory\": {\"sourceHashScheme\": \"rot13\"}} | sourceHashScheme",
            "{\"source\": \"auth0\", \"destination\": \"clerk\", \"inventory\": {\"downtimeTolerance\": \"WEEKS\"}} | inventory.downtimeTolerance"})
    void invalidInputIs400WithTheFieldNamed(String body, String field) {
        var response = api.post("/api/v1/assessments/score", viewer, body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json()).containsEntry("field", field);
    }

    @Test
    void anAnalystCreatesAMigrationThatOnlyMembersCanSee() {
        var created = api.post("/api/v1/migrations", analyst, """
                {"name": "Partner portal: Auth0 to Zitadel", "source": "auth0", "destination": "zitadel", "inventory": %s,
                 "members": [{"username": "reviewer", "role": "REVIEWER"}]}""".formatted(INVENTORY));
        assertThat(created.status()).isEqualTo(201);
        String id = (String) created.json().get("id");
        assertThat((List<Map<String, Object>>) created.json().get("members")).extracting(m -> m.get("username"))
                .containsExactlyInAnyOrder("analyst", "reviewer");
        var plan = (List<Map<String, Object>>) created.json().get("plan");
        assertThat(plan).hasSize(5);
        assertThat(plan.get(1).toString()).contains("Rewrite 17 custom logic units").contains("Recreate 4 enterprise connections");
        assertThat(plan.get(2).toString()).contains("Request the password-hash export from Auth0 via a support ticket (PGP-encrypted)");

        assertThat(api.get("/api/v1/migrations/" + id, reviewer).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/migrations/" + id, admin).status()).isEqualTo(200);
        // not a member: 404, and not in the list
        var stranger = api.get("/api/v1/migrations/" + id, reviewer2);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.body()).doesNotContain("Zitadel");
        assertThat(ApiClient.list(api.get("/api/v1/migrations", reviewer2))).extracting(m -> m.get("id")).doesNotContain(id);
        assertThat(api.get("/api/v1/migrations/" + id + "/report.pdf", reviewer2).status()).isEqualTo(404);
        // a member who may only read: refused
        String etag = api.get("/api/v1/migrations/" + id, analyst).etag();
        assertThat(api.put("/api/v1/migrations/" + id + "/inventory", reviewer, INVENTORY, etag).status()).isEqualTo(403);
        // a viewer cannot create
        assertThat(api.post("/api/v1/migrations", viewer, "{\"name\": \"x\", \"source\": \"auth0\", \"destination\": \"clerk\"}").status())
                .isEqualTo(403);
        // a guessed id is a plain 404
        assertThat(api.get("/api/v1/migrations/" + java.util.UUID.randomUUID(), analyst).status()).isEqualTo(404);

        // the owner changes the inventory; the assessment follows; the change is audited
        var changed = api.put("/api/v1/migrations/" + id + "/inventory", analyst, INVENTORY.replace("\"totalUsers\": 200000", "\"totalUsers\": 250000"),
                etag);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(((Map<String, Object>) changed.json().get("inventory")).get("totalUsers")).isEqualTo(250000);
        var trail = ApiClient.list(api.get("/api/v1/audit?targetType=migration&targetId=" + id, admin));
        assertThat(trail).extracting(e -> e.get("action")).contains("MIGRATION_CREATED", "MIGRATION_INVENTORY_CHANGED");
        assertThat(trail).filteredOn(e -> "MIGRATION_INVENTORY_CHANGED".equals(e.get("action"))).singleElement()
                .satisfies(e -> assertThat((String) e.get("after")).isEqualTo("{\"totalUsers\":250000}"));
    }

    @Test
    void anAnalystWhoIsNotAMemberCanNeitherSeeNorEdit() {
        var created = api.post("/api/v1/migrations", admin, """
                {"name": "Admin only: Okta to Ory", "source": "okta", "destination": "ory"}""");
        assertThat(created.status()).isEqualTo(201);
        String id = (String) created.json().get("id");
        assertThat(api.get("/api/v1/migrations/" + id, analyst).status()).isEqualTo(404);
        assertThat(api.put("/api/v1/migrations/" + id + "/inventory", analyst, INVENTORY, "\"0\"").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/migrations/" + id, admin).json()).containsEntry("name", "Admin only: Okta to Ory");
    }

    @Test
    void theReportsCarryInventoryVerdictsSourcesAndPlan() throws Exception {
        var created = api.post("/api/v1/migrations", analyst, """
                {"name": "Report check: Cognito to Keycloak", "source": "cognito", "destination": "keycloak", "inventory": %s}""".formatted(INVENTORY));
        String id = (String) created.json().get("id");

        var http = HttpClient.newHttpClient();
        var markdown = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/migrations/" + id + "/report.md"))
                .header("Authorization", analyst).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(markdown.statusCode()).isEqualTo(200);
        assertThat(markdown.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
        assertThat(markdown.body()).startsWith("# Migration assessment: Report check: Cognito to Keycloak")
                .contains("## Inventory").contains("| Total users | 200,000 |")
                .contains("## What migrates").contains("| Password hashes | Migrates with conditions | 180,000 users with a password |")
                .contains("](https://docs.aws.amazon.com/")
                .contains("## Plan").contains("- [ ] Cut over: point every application at Keycloak");

        var pdf = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/migrations/" + id + "/report.pdf"))
                .header("Authorization", analyst).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;")
                .contains("migration-report-check-cognito-to-keycloak.pdf");
        try (var document = Loader.loadPDF(pdf.body())) {
            int pages = document.getNumberOfPages();
            assertThat(pages).isGreaterThanOrEqualTo(3);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Migration assessment").contains("Report check: Cognito to Keycloak").contains("Cognito to Keycloak")
                    .contains("Page 1 of " + pages).contains("Page " + pages + " of " + pages)
                    .contains("1. Summary and strategy").contains("3. What migrates").contains("4. Five-phase plan")
                    .contains("Hybrid").contains("generated 20");
        }
    }

    @Test
    void theDemoMigrationsExistForTheirMembers() {
        var mine = ApiClient.list(api.get("/api/v1/migrations", analyst));
        assertThat(mine).extracting(m -> m.get("name")).contains("Customer login: Auth0 to Keycloak", "Mobile app: Cognito to Clerk");
        var viewers = ApiClient.list(api.get("/api/v1/migrations", viewer));
        assertThat(viewers).extracting(m -> m.get("name")).contains("Customer login: Auth0 to Keycloak")
                .doesNotContain("Mobile app: Cognito to Clerk");
    }
}
