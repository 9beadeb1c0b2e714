package io.ciamportal.migration;

import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.PortalTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The application side over HTTP against a real PostgreSQL: who may read and replace it, a bad value names its field
 * and stores nothing, versions, the audit entry, the plan and report, and sign-offs that a change outdates.
 */
@Tag("integration")
@SuppressWarnings("unchecked")
class ApplicationsApiIntegrationTest extends PortalTestBase {

    static final String APPS = """
            {"clients": [
               {"name": "Shop", "type": "WEB", "redirectUris": ["https://shop.example.com/callback"],
                "logoutUris": ["https://shop.example.com/"], "grantTypes": ["AUTHORIZATION_CODE", "REFRESH_TOKEN"], "keysOnSub": true},
               {"name": "Mobile", "type": "NATIVE", "redirectUris": ["com.example.shop:/oauth2redirect"], "grantTypes": ["AUTHORIZATION_CODE"]},
               {"name": "Nightly sync", "type": "M2M", "grantTypes": ["CLIENT_CREDENTIALS"]}],
             "tokenValidatingApis": 3,
             "domains": [{"hostname": "login.shop.example.com", "dnsRecords": 2, "tls": "VENDOR_MANAGED"}],
             "emailTemplates": 5, "smsTemplates": 1, "templateLocales": ["en", "de"], "senderDomains": ["mail.shop.example.com"],
             "webhooks": [{"name": "CRM", "endpoint": "https://crm.example.com/hooks/identity", "signed": true}],
             "logStreams": 1, "apiKeys": 2, "machineCredentials": 1}""";

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private final String viewer = basic("viewer", DEMO_PASSWORD);
    private final String analyst = basic("analyst", DEMO_PASSWORD);
    private final String reviewer = basic("reviewer", DEMO_PASSWORD);
    private final String reviewer2 = basic("reviewer2", DEMO_PASSWORD);

    @BeforeEach
    void client() {
        api = new ApiClient(baseUrl());
    }

    private String migration(String name, String members) {
        var created = api.post("/api/v1/migrations", analyst, """
                {"name": "%s", "source": "auth0", "destination": "keycloak",
                 "inventory": {"totalUsers": 1000, "passwordShare": 1.0, "enterpriseConnections": 3}, "members": [%s]}"""
                .formatted(name, members));
        assertThat(created.status()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    private String path(String id) {
        return "/api/v1/migrations/" + id + "/applications";
    }

    @Test
    void membersReadEditorsReplaceABadUriNamesItsFieldAndNothingIsStored() throws Exception {
        String id = migration("Apps: Auth0 to Keycloak", "{\"username\": \"viewer\", \"role\": \"VIEWER\"}");

        var empty = api.get(path(id), viewer);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json()).containsEntry("listed", false).containsEntry("canEdit", false).containsEntry("destination", "Keycloak");
        var items = (List<Map<String, Object>>) empty.json().get("items");
        assertThat(items).extracting(i -> i.get("item")).containsExactly("clients", "issuer", "domains", "templates", "webhooks", "log_streams",
                "machine_credentials", "enterprise_handoff");
        String etag = empty.etag();
        assertThat(etag).isNotBlank();
        assertThat(api.get(path(id), reviewer).status()).as("not a member").isEqualTo(404);

        // a relative redirect URI: 400 naming clients[0].redirectUris[1], nothing stored, no audit entry, same version
        String bad = APPS.replace("\"https://shop.example.com/callback\"]", "\"https://shop.example.com/callback\", \"/callback\"]");
        var refused = api.put(path(id), analyst, bad, etag);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json()).containsEntry("field", "clients[0].redirectUris[1]");
        assertThat((String) refused.json().get("message")).contains("not an absolute URI");
        var wrongType = api.put(path(id), analyst, APPS.replace("\"type\": \"WEB\"", "\"type\": \"DESKTOP\""), etag);
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json()).containsEntry("field", "clients[0].type");
        assertThat(api.get(path(id), viewer).json()).containsEntry("listed", false);
        assertThat(api.get(path(id), viewer).etag()).isEqualTo(etag);
        assertThat(audits(id)).isZero();

        // viewers cannot replace it; without If-Match nobody can
        assertThat(api.put(path(id), viewer, APPS, etag).status()).isEqualTo(403);
        assertThat(api.put(path(id), analyst, APPS).status()).isEqualTo(428);

        var saved = api.put(path(id), analyst, APPS, etag);
        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.etag()).isNotEqualTo(etag);
        assertThat(saved.json()).containsEntry("listed", true).containsEntry("canEdit", true);
        var inventory = (Map<String, Object>) saved.json().get("inventory");
        assertThat((List<Map<String, Object>>) inventory.get("clients")).hasSize(3);
        var verdicts = (List<Map<String, Object>>) saved.json().get("items");
        assertThat(verdicts.getFirst()).containsEntry("item", "clients").containsEntry("affected", 3);
        assertThat(verdicts.get(2)).containsEntry("item", "domains").containsEntry("affected", 1);
        assertThat(verdicts.get(7)).containsEntry("item", "enterprise_handoff").containsEntry("affected", 3);
        assertThat(verdicts).allSatisfy(v -> assertThat((String) v.get("reason")).isNotBlank());
        assertThat(audits(id)).isEqualTo(1);
        String after = jdbc.sql("SELECT after_state FROM audit_entry WHERE action = 'MIGRATION_APPLICATIONS_CHANGED' AND target_id = ?")
                .param(id).query(String.class).single();
        assertThat(after).contains("login.shop.example.com").contains("https://shop.example.com/callback");

        // the same inventory again changes nothing; the old version is refused with the current state
        var again = api.put(path(id), analyst, APPS, saved.etag());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.etag()).isEqualTo(saved.etag());
        assertThat(audits(id)).isEqualTo(1);
        var stale = api.put(path(id), analyst, APPS.replace("\"apiKeys\": 2", "\"apiKeys\": 4"), etag);
        assertThat(stale.status()).isEqualTo(412);

        // the plan and the report carry the application side
        var details = api.get("/api/v1/migrations/" + id, viewer).json();
        var plan = (List<Map<String, Object>>) details.get("plan");
        assertThat(plan.get(1).get("items").toString()).contains("3 client applications at Keycloak").contains("login.shop.example.com");
        assertThat(plan.get(4).get("items").toString()).contains("switch the DNS of login.shop.example.com");
        var report = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/api/v1/migrations/" + id + "/report.md")).header("Authorization", viewer).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("## Application side").contains("Client applications").contains("Nightly sync")
                .contains("login.shop.example.com");
        var pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/api/v1/migrations/" + id + "/report.pdf")).header("Authorization", viewer).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document)).contains("Application side").contains("Nightly sync")
                    .contains("login.shop.example.com");
        }
    }

    @Test
    void aChangeToTheApplicationSideOutdatesTheSignOffs() {
        String id = migration("Apps: sign-offs", "{\"username\": \"reviewer\", \"role\": \"REVIEWER\"}, {\"username\": \"reviewer2\", \"role\": \"REVIEWER\"}");
        String gate = "/api/v1/migrations/" + id + "/gates/rollback";
        assertThat(api.post(gate + "/evidence", analyst, "{\"kind\": \"TEXT\", \"title\": \"Runbook\", \"text\": \"DNS back in 4 minutes\"}")
                .status()).isEqualTo(200);
        api.post(gate + "/submit", analyst, "");
        api.post(gate + "/sign-offs", reviewer, "{\"decision\": \"APPROVE\", \"comment\": \"Checked\"}");
        var approved = api.post(gate + "/sign-offs", reviewer2, "{\"decision\": \"APPROVE\", \"comment\": \"Checked\"}").json();
        assertThat(approved).containsEntry("status", "APPROVED");

        String etag = api.get(path(id), analyst).etag();
        assertThat(api.put(path(id), analyst, APPS, etag).status()).isEqualTo(200);
        var reopened = api.get(gate, reviewer).json();
        assertThat(reopened).containsEntry("status", "OPEN").containsEntry("approvals", 0);
        assertThat((List<Map<String, Object>>) reopened.get("signOffs")).hasSize(2).allSatisfy(s -> assertThat(s).containsEntry("outdated", true));

        // a new sign-off rests on a state that includes the application side: its hash differs from one without it
        String withApps = (String) api.get(gate, reviewer).json().get("stateHash");
        String etag2 = api.get(path(id), analyst).etag();
        assertThat(api.put(path(id), analyst, APPS.replace("\"logStreams\": 1", "\"logStreams\": 2"), etag2).status()).isEqualTo(200);
        assertThat(api.get(gate, reviewer).json().get("stateHash")).isNotEqualTo(withApps);
    }

    private long audits(String id) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'MIGRATION_APPLICATIONS_CHANGED' AND target_id = ?").param(id)
                .query(Long.class).single();
    }
}
