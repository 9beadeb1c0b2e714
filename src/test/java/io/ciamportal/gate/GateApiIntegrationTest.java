package io.ciamportal.gate;

import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.audit.AuditExport;
import io.ciamportal.security.PortalRole;
import io.ciamportal.security.UserAdminService;
import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.PortalTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** Gates over HTTP: who may do what, four eyes, outdating, the cutover rule, and audit exports that verify offline. */
@Tag("integration")
@SuppressWarnings("unchecked")
class GateApiIntegrationTest extends PortalTestBase {

    private static final String DUAL_PASSWORD = "Dual-Password-2026";

    @Autowired
    UserAdminService users;

    @Autowired
    SecurityContextHolderStrategy contexts;

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

    private String migration(String name, String members) {
        var created = api.post("/api/v1/migrations", analyst, """
                {"name": "%s", "source": "auth0", "destination": "keycloak", "inventory": {"totalUsers": 1000, "passwordShare": 1.0},
                 "members": [%s]}""".formatted(name, members));
        assertThat(created.status()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    private Map<String, Object> gate(String id, String key, String auth) {
        var response = api.get("/api/v1/migrations/" + id + "/gates/" + key, auth);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private void evidence(String id, String key, String text) {
        var response = api.post("/api/v1/migrations/" + id + "/gates/" + key + "/evidence", analyst,
                "{\"kind\": \"TEXT\", \"title\": \"Runbook\", \"text\": \"" + text + "\"}");
        assertThat(response.status()).isEqualTo(200);
    }

    private ApiClient.Response sign(String id, String key, String auth, String decision) {
        return api.post("/api/v1/migrations/" + id + "/gates/" + key + "/sign-offs", auth,
                "{\"decision\": \"" + decision + "\", \"comment\": \"Checked the runbook\"}");
    }

    @Test
    void twoReviewersApproveAnEvidenceEditOutdatesAndOnlyMembersSeeTheGates() {
        String id = migration("Gates: Auth0 to Keycloak",
                "{\"username\": \"reviewer\", \"role\": \"REVIEWER\"}, {\"username\": \"reviewer2\", \"role\": \"REVIEWER\"},"
                        + " {\"username\": \"viewer\", \"role\": \"VIEWER\"}");
        var board = ApiClient.list(api.get("/api/v1/migrations/" + id + "/gates", viewer));
        assertThat(board).extracting(g -> g.get("gate")).containsExactly("credential-transit", "audit-continuity", "rollback",
                "downtime-blast-radius", "residency-compliance", "reauth-mfa-reenrollment");
        assertThat(board).allSatisfy(g -> {
            assertThat(g).containsEntry("status", "OPEN");
            assertThat((List<Object>) g.get("criteria")).hasSizeGreaterThanOrEqualTo(4);
        });

        // submitting without evidence is refused; with evidence it works
        assertThat(api.post("/api/v1/migrations/" + id + "/gates/rollback/submit", analyst, "").status()).isEqualTo(409);
        evidence(id, "rollback", "Rehearsed on 2026-11-20; DNS switch back in 4 minutes");
        assertThat(api.post("/api/v1/migrations/" + id + "/gates/rollback/submit", analyst, "").json()).containsEntry("status", "SUBMITTED");

        // a viewer cannot sign; an analyst (the submitter) cannot either; a stranger does not even see the gate
        assertThat(sign(id, "rollback", viewer, "APPROVE").status()).isEqualTo(403);
        assertThat(sign(id, "rollback", analyst, "APPROVE").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/migrations/" + id + "/gates", basic("admin", "wrong-password")).status()).isEqualTo(401);
        String strangerId = migration("Gates: no reviewers", "");
        assertThat(api.get("/api/v1/migrations/" + strangerId + "/gates", reviewer).status()).isEqualTo(404);

        // the inbox shows what waits for the reviewer
        assertThat(ApiClient.list(api.get("/api/v1/gates/inbox", reviewer))).anySatisfy(i -> {
            assertThat(i).containsEntry("migrationId", id).containsEntry("gate", "rollback");
        });

        // two distinct reviewers approve
        assertThat(sign(id, "rollback", reviewer, "APPROVE").json()).containsEntry("status", "SUBMITTED").containsEntry("approvals", 1);
        assertThat(sign(id, "rollback", reviewer, "APPROVE").status()).isEqualTo(409);
        var approved = sign(id, "rollback", reviewer2, "APPROVE").json();
        assertThat(approved).containsEntry("status", "APPROVED").containsEntry("approvals", 2);
        var signOffs = (List<Map<String, Object>>) approved.get("signOffs");
        assertThat(signOffs).hasSize(2).allSatisfy(s -> {
            assertThat(s).containsEntry("meaning", "Security approval").containsEntry("outdated", false);
            assertThat((String) s.get("role")).startsWith("Reviewer");
            assertThat((String) s.get("stateHash")).hasSize(64);
        });
        assertThat(ApiClient.list(api.get("/api/v1/gates/inbox", reviewer))).noneSatisfy(i -> assertThat(i).containsEntry("migrationId", id));

        // new evidence outdates both sign-offs and reopens the gate; so does an inventory change
        evidence(id, "rollback", "Rollback owner: the on-call lead");
        var reopened = gate(id, "rollback", viewer);
        assertThat(reopened).containsEntry("status", "OPEN").containsEntry("approvals", 0);
        assertThat((List<Map<String, Object>>) reopened.get("signOffs")).hasSize(2).allSatisfy(s -> assertThat(s).containsEntry("outdated", true));

        api.post("/api/v1/migrations/" + id + "/gates/rollback/submit", analyst, "");
        sign(id, "rollback", reviewer, "APPROVE");
        String etag = api.get("/api/v1/migrations/" + id, analyst).etag();
        assertThat(api.put("/api/v1/migrations/" + id + "/inventory", analyst, "{\"totalUsers\": 2000, \"passwordShare\": 1.0}", etag).status())
                .isEqualTo(200);
        assertThat(gate(id, "rollback", viewer)).containsEntry("status", "OPEN").containsEntry("approvals", 0);
    }

    @Test
    void theSubmitterCannotApproveEvenAfterBecomingAReviewer() {
        contexts.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("test-admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            users.createLocalUser("dual-role", "Dana Dual", null, DUAL_PASSWORD, EnumSet.of(PortalRole.ANALYST, PortalRole.REVIEWER));
        } finally {
            contexts.clearContext();
        }
        String dual = basic("dual-role", DUAL_PASSWORD);
        String id = migration("Gates: four eyes", "{\"username\": \"dual-role\", \"role\": \"ANALYST\"}, {\"username\": \"reviewer\", \"role\": \"REVIEWER\"}");
        var added = api.post("/api/v1/migrations/" + id + "/gates/credential-transit/evidence", dual,
                "{\"kind\": \"LINK\", \"title\": \"PGP key ceremony\", \"url\": \"https://wiki.example.com/pgp\"}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(api.post("/api/v1/migrations/" + id + "/gates/credential-transit/submit", dual, "").status()).isEqualTo(200);

        // the owner makes the submitter a reviewer: four eyes still holds
        assertThat(api.put("/api/v1/migrations/" + id + "/members", analyst, "{\"username\": \"dual-role\", \"role\": \"REVIEWER\"}").status())
                .isEqualTo(200);
        var refused = sign(id, "credential-transit", dual, "APPROVE");
        assertThat(refused.status()).isEqualTo(409);
        assertThat((String) refused.json().get("message")).contains("four eyes");
        assertThat(gate(id, "credential-transit", reviewer)).containsEntry("status", "SUBMITTED").containsEntry("approvals", 0);
        var trail = ApiClient.list(api.get("/api/v1/audit?targetType=migration&targetId=" + id, admin));
        assertThat(trail).anySatisfy(e -> assertThat(e).containsEntry("action", "GATE_SIGN_OFF_REFUSED").containsEntry("outcome", "DENIED"));
        // a real second person signs
        assertThat(sign(id, "credential-transit", reviewer, "APPROVE").status()).isEqualTo(200);
    }

    @Test
    void cutoverIsRefusedUntilAllSixGatesPassAndTheTrailVerifiesOffline() throws Exception {
        String id = migration("Gates: cutover", "{\"username\": \"reviewer\", \"role\": \"REVIEWER\"}");
        var details = api.get("/api/v1/migrations/" + id, analyst).json();
        var phases = (List<Map<String, Object>>) details.get("plan");
        var items = (List<Map<String, Object>>) phases.get(4).get("items");
        var cutoverItem = items.stream().filter(i -> "CUTOVER".equals(i.get("kind"))).findFirst().orElseThrow();
        String cutover = (String) cutoverItem.get("id");
        String itemVersion = "\"" + cutoverItem.get("version") + "\"";

        assertThat(api.put("/api/v1/migrations/" + id + "/plan/" + cutover, analyst, "{\"done\": true}").status())
                .as("an edit must say which version it is based on").isEqualTo(428);
        var refused = api.put("/api/v1/migrations/" + id + "/plan/" + cutover, analyst, "{\"done\": true}", itemVersion);
        assertThat(refused.status()).isEqualTo(409);
        assertThat((String) refused.json().get("message")).contains("Credential security in transit").contains("Rollback");

        assertThat(api.put("/api/v1/migrations/" + id + "/required-approvals", reviewer, "{\"requiredApprovals\": 1}").status()).isEqualTo(403);
        assertThat(api.put("/api/v1/migrations/" + id + "/required-approvals", analyst, "{\"requiredApprovals\": 9}").status()).isEqualTo(400);
        assertThat(api.put("/api/v1/migrations/" + id + "/required-approvals", analyst, "{\"requiredApprovals\": 1}").status()).isEqualTo(200);
        for (var key : GateKey.values()) {
            evidence(id, key.key(), "Evidence for " + key.title());
            assertThat(api.post("/api/v1/migrations/" + id + "/gates/" + key.key() + "/submit", analyst, "").status()).isEqualTo(200);
            assertThat(sign(id, key.key(), reviewer, "APPROVE").json()).containsEntry("status", "APPROVED");
        }
        assertThat(api.put("/api/v1/migrations/" + id + "/plan/" + cutover, analyst, "{\"done\": true}", itemVersion).status()).isEqualTo(200);

        // the report lists the gates and their sign-offs
        var http = HttpClient.newHttpClient();
        var report = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/migrations/" + id + "/report.md"))
                .header("Authorization", analyst).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(report.body()).contains("## Security gates").contains("| Rollback | Approved | 1 of 1 | Approve by Demo reviewer");

        // the trail: CSV for people, JSON for auditors
        var csv = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/migrations/" + id + "/audit.csv"))
                .header("Authorization", reviewer).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        assertThat(csv.body()).startsWith("id,occurredAt,actorName").contains("\"GATE_SIGNED_OFF\"").contains("\"PLAN_ITEM_DONE\"");
        var json = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/migrations/" + id + "/audit.json"))
                .header("Authorization", reviewer).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(json.statusCode()).isEqualTo(200);
        var verification = AuditExport.verify(json.body());
        assertThat(verification.intact()).as(verification.message()).isTrue();
        assertThat(verification.entries()).isGreaterThan(20);
        String edited = new String(json.body(), StandardCharsets.UTF_8).replaceFirst("\"APPROVE", "\"REJECT");
        assertThat(AuditExport.verify(edited.getBytes(StandardCharsets.UTF_8)).intact()).isFalse();
        // a stranger cannot export
        assertThat(api.get("/api/v1/migrations/" + id + "/audit.json", reviewer2).status()).isEqualTo(404);
    }

    @Test
    void filesAreCheckedHashedAndServedAsDownloads() throws Exception {
        String id = migration("Gates: files", "{\"username\": \"reviewer\", \"role\": \"REVIEWER\"}");
        var http = HttpClient.newHttpClient();
        String boundary = "----portal-test";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"runbook.md\"\r\n"
                + "Content-Type: text/html\r\n\r\n# Rollback runbook\r\n--" + boundary + "--\r\n";
        var upload = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/migrations/" + id + "/gates/rollback/evidence"))
                .header("Authorization", analyst).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(200);
        var evidence = (List<Map<String, Object>>) gate(id, "rollback", reviewer).get("evidence");
        assertThat(evidence).singleElement().satisfies(e -> {
            assertThat(e).containsEntry("kind", "FILE").containsEntry("fileName", "runbook.md").containsEntry("contentType", "text/markdown");
            assertThat(e).containsEntry("sha256", "4f1c7600c3f955eb848df2aeeafa483b02a796c2ee7d5168110359831096ade9");
        });
        String evidenceId = (String) evidence.getFirst().get("id");
        var download = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/migrations/" + id + "/evidence/" + evidenceId + "/content"))
                .header("Authorization", reviewer).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(download.body()).isEqualTo("# Rollback runbook");

        String fake = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"evil.pdf\"\r\n\r\n<script>alert(1)</script>\r\n--"
                + boundary + "--\r\n";
        var refused = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/migrations/" + id + "/gates/rollback/evidence"))
                .header("Authorization", analyst).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(fake)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"file\"");
    }
}
