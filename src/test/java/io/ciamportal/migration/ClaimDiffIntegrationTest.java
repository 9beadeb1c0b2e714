package io.ciamportal.migration;

import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.migration.claims.TestTokens;
import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.PortalTestBase;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dual-run claim diffs over HTTP against a real PostgreSQL: a comparison answers each claim's verdict and is kept as
 * names and verdicts; the latest per flow counts and the flows not compared are listed; viewers read, strangers get
 * 404; bad tokens are refused naming the field without quoting them; and a planted token reaches neither the
 * database, the logs, the API answers nor the reports.
 */
@Tag("integration")
@SuppressWarnings("unchecked")
@ExtendWith(OutputCaptureExtension.class)
class ClaimDiffIntegrationTest extends PortalTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MARKER = "MARKER-CLAIM-5c1e";

    /** An Auth0 sign-in and the Keycloak one of the same made-up person. */
    static final String OLD_TOKEN = TestTokens.rs256("""
            {"iss":"https://tenant.eu.auth0.com/","sub":"auth0|64f1c0ffee0123456789abcd","aud":"Xy12abc","iat":1767225600,"exp":1767261600,
             "nonce":"n-1","email":"ada@example.org","email_verified":true,"name":"Ada","https://example.com/roles":["admin","billing"]}""");
    static final String NEW_TOKEN = TestTokens.jws("{\"alg\":\"ES256\",\"typ\":\"JWT\"}", """
            {"iss":"https://id.example.org/realms/main","sub":"0b9a4c3e-2f1d-4e5a-9b8c-7d6e5f4a3b2c","aud":"portal","iat":1767225700,
             "exp":1767226000,"nonce":"n-2","email":"ada@example.org","email_verified":false,"name":"Ada",
             "realm_access":{"roles":["admin","billing"]}}""");

    @Autowired
    JdbcClient jdbc;

    private ApiClient api;
    private final String analyst = basic("analyst", DEMO_PASSWORD);
    private final String viewer = basic("viewer", DEMO_PASSWORD);
    private final String reviewer2 = basic("reviewer2", DEMO_PASSWORD);

    @BeforeEach
    void client() {
        api = new ApiClient(baseUrl());
    }

    private String migration() {
        var created = api.post("/api/v1/migrations", analyst, """
                {"name": "Claim diff test %s", "source": "auth0", "destination": "keycloak",
                 "members": [{"username": "viewer", "role": "VIEWER"}]}""".formatted(System.nanoTime()));
        assertThat(created.status()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    private static String body(String flow, String oldToken, String newToken) {
        return JSON.writeValueAsString(Map.of("flow", flow, "oldToken", oldToken, "newToken", newToken));
    }

    private long rows(String migrationId) {
        return jdbc.sql("SELECT count(*) FROM migration_claim_diff WHERE migration_id = ?::uuid").param(migrationId).query(Long.class).single();
    }

    private static Map<String, Object> claim(Map<String, Object> comparison, String name) {
        return ((List<Map<String, Object>>) comparison.get("claims")).stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no claim " + name));
    }

    @Test
    void aComparisonAnswersEveryClaimsVerdictAndTheLatestPerFlowCounts() throws IOException {
        String id = migration();
        // two apps in the application inventory, one keyed on sub: a changed sub flags that one
        var apps = api.get("/api/v1/migrations/" + id + "/applications", analyst);
        var listed = api.put("/api/v1/migrations/" + id + "/applications", analyst, """
                {"clients": [
                  {"name": "Shop backend", "type": "WEB", "redirectUris": ["https://shop.example.com/callback"], "logoutUris": [],
                   "grantTypes": ["AUTHORIZATION_CODE"], "keysOnSub": true},
                  {"name": "Marketing site", "type": "SPA", "redirectUris": ["https://www.example.com/callback"], "logoutUris": [],
                   "grantTypes": ["AUTHORIZATION_CODE"], "keysOnSub": false}],
                 "domains": [], "templateLocales": [], "senderDomains": [], "webhooks": []}""", apps.etag());
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        var posted = api.post("/api/v1/migrations/" + id + "/claim-diffs", analyst, body("SIGN_IN", OLD_TOKEN, NEW_TOKEN));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        var c = posted.json();
        assertThat(c.get("flow")).isEqualTo("SIGN_IN");
        assertThat(c.get("subChanged")).isEqualTo(true);
        assertThat(c.get("appsKeyedOnSub")).isEqualTo(List.of("Shop backend"));
        assertThat(claim(c, "sub")).containsEntry("verdict", "FORMAT_CHANGED").containsEntry("detail", "auth0-id -> uuid");
        assertThat(claim(c, "email")).containsEntry("verdict", "SAME");
        assertThat(claim(c, "email_verified")).containsEntry("verdict", "VALUE_DIFFERS");
        assertThat(claim(c, "iss")).containsEntry("verdict", "ISSUER_CHANGED");
        assertThat(claim(c, "aud")).containsEntry("verdict", "AUDIENCE_CHANGED");
        assertThat(claim(c, "exp")).containsEntry("verdict", "LIFETIME_CHANGED").containsEntry("detail", "lifetime 10 h -> 5 min");
        assertThat(claim(c, "https://example.com/roles")).containsEntry("verdict", "RENAMED").containsEntry("newName", "realm_access.roles");
        assertThat(claim(c, "alg (header)")).containsEntry("verdict", "ALGORITHM_CHANGED");
        assertThat(((Map<String, Object>) c.get("counts"))).containsEntry("SAME", 2);

        // a second comparison of the flow is the latest; both stay in the history
        var again = api.post("/api/v1/migrations/" + id + "/claim-diffs", analyst, body("sign-in", OLD_TOKEN, OLD_TOKEN));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("subChanged")).isEqualTo(false);
        var m2m = api.post("/api/v1/migrations/" + id + "/claim-diffs", analyst, body("M2M", TestTokens.rs256("{\"sub\":\"c@clients\",\"gty\":\"client-credentials\"}"),
                TestTokens.rs256("{\"client_id\":\"c\",\"scope\":\"api\"}")));
        assertThat(m2m.status()).isEqualTo(201);
        assertThat(m2m.json().get("oldKind")).isEqualTo("ACCESS");

        var status = api.get("/api/v1/migrations/" + id + "/claim-diffs", viewer);
        assertThat(status.status()).isEqualTo(200);
        var latest = (List<Map<String, Object>>) status.json().get("latest");
        assertThat(latest).extracting(l -> l.get("flow")).containsExactly("SIGN_IN", "M2M");
        assertThat(latest.getFirst().get("subChanged")).isEqualTo(false);
        assertThat((List<Map<String, Object>>) status.json().get("notCompared")).extracting(f -> f.get("flow"))
                .containsExactly("SIGN_UP", "SOCIAL_SIGN_IN", "TOKEN_REFRESH");
        assertThat((List<?>) status.json().get("history")).hasSize(3);
        assertThat(status.json().get("canCompare")).isEqualTo(false);
        assertThat(rows(id)).isEqualTo(3);

        var audit = jdbc.sql("SELECT after_state FROM audit_entry WHERE action = 'MIGRATION_CLAIMS_COMPARED' AND target_id = ? ORDER BY id")
                .param(id).query(String.class).list();
        assertThat(audit).hasSize(3);
        assertThat(audit.getFirst()).contains("SIGN_IN").contains("FORMAT_CHANGED").contains("subChanged")
                .doesNotContain("auth0|").doesNotContain("ada@");

        var md = new String(download(id, "report.md"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(md).contains("## Dual run: claim diffs").contains("| Sign-up | not compared yet |").contains("Machine to machine");
    }

    @Test
    void viewersReadButDoNotCompareAndStrangersSeeNothing() {
        String id = migration();
        String request = body("SIGN_IN", OLD_TOKEN, NEW_TOKEN);
        assertThat(api.post("/api/v1/migrations/" + id + "/claim-diffs", viewer, request).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/migrations/" + id + "/claim-diffs", reviewer2, request).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/migrations/" + id + "/claim-diffs", reviewer2).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/migrations/" + id + "/claim-diffs", null, request).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/migrations/" + id + "/claim-diffs", viewer).status()).isEqualTo(200);
        assertThat(rows(id)).isZero();
    }

    static Stream<Arguments> refused() {
        String secret = "SECRET-" + MARKER;
        String claims = "{\"sub\":\"" + secret + "\"}";
        String ok = TestTokens.rs256(claims);
        return Stream.of(
                Arguments.of("no flow", "{\"oldToken\":\"" + ok + "\",\"newToken\":\"" + ok + "\"}", 400, "flow", "Choose the flow"),
                Arguments.of("unknown flow", body("PASSWORD_RESET", ok, ok), 400, "flow", "Unknown flow"),
                Arguments.of("flow a number", "{\"flow\":1,\"oldToken\":\"" + ok + "\",\"newToken\":\"" + ok + "\"}", 400, "flow", "as text"),
                Arguments.of("no old token", "{\"flow\":\"SIGN_IN\",\"newToken\":\"" + ok + "\"}", 400, "oldToken", "No token was pasted"),
                Arguments.of("not a JWT", body("SIGN_IN", "hello " + secret, ok), 400, "oldToken", "The old platform's token: This is not a JWT"),
                Arguments.of("alg none", body("SIGN_IN", ok, TestTokens.jws("{\"alg\":\"none\"}", claims)), 400, "newToken", "unsigned"),
                Arguments.of("unknown algorithm", body("SIGN_IN", TestTokens.jws("{\"alg\":\"" + secret + "\"}", claims), ok), 400, "oldToken",
                        "not a JWS algorithm"),
                Arguments.of("JWE", body("SIGN_IN", ok, TestTokens.b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".a.b." + secret + ".d"), 400,
                        "newToken", "encrypted token"),
                Arguments.of("duplicate claim", body("SIGN_IN", TestTokens.rs256("{\"sub\":\"a\",\"sub\":\"" + secret + "\"}"), ok), 400, "oldToken",
                        "same name twice"),
                Arguments.of("oversized token", body("SIGN_IN", TestTokens.rs256("{\"sub\":\"" + secret + "x".repeat(17_000) + "\"}"), ok), 400,
                        "oldToken", "longer than 16 KiB"),
                Arguments.of("token a number", "{\"flow\":\"SIGN_IN\",\"oldToken\":42,\"newToken\":\"" + ok + "\"}", 400, "oldToken", "as text"),
                Arguments.of("body not JSON", "flow=SIGN_IN&oldToken=" + secret, 400, "body", "not a JSON object"),
                Arguments.of("body an array", "[\"" + secret + "\"]", 400, "body", "not a JSON object"),
                Arguments.of("oversized body", body("SIGN_IN", ok, secret + "x".repeat(200_000)), 413, null, "larger than 96 KiB"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refused(String what, String request, int status, String field, String message, CapturedOutput output) {
        String id = migration();
        var answer = api.post("/api/v1/migrations/" + id + "/claim-diffs", analyst, request);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.json()).containsKey("error");
        assertThat((String) answer.json().get("message")).contains(message);
        if (field != null) {
            assertThat(answer.json()).containsEntry("field", field);
        }
        assertThat(answer.body()).doesNotContain(MARKER).doesNotContain("eyJ");
        assertThat(output.getAll()).doesNotContain(MARKER);
        assertThat(rows(id)).isZero();
    }

    @Test
    void aTokenPastedAsAJsonObjectIsCompared() {
        String id = migration();
        var answer = api.post("/api/v1/migrations/" + id + "/claim-diffs", analyst,
                "{\"flow\":\"TOKEN_REFRESH\",\"oldToken\":{\"sub\":\"auth0|1\",\"email\":\"a@example.org\"},"
                        + "\"newToken\":{\"header\":{\"alg\":\"RS256\"},\"payload\":{\"sub\":\"auth0|1\",\"mail\":\"a@example.org\"}}}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(claim(answer.json(), "sub")).containsEntry("verdict", "SAME");
        assertThat(claim(answer.json(), "email")).containsEntry("verdict", "RENAMED").containsEntry("newName", "mail");
    }

    @Test
    void aPlantedTokenReachesNeitherTheDatabaseTheLogsTheApiNorTheReports(CapturedOutput output) throws IOException {
        String id = migration();
        String oldToken = TestTokens.rs256("""
                {"iss":"https://%1$s.eu.auth0.com/","sub":"auth0|%1$s-sub","aud":"app","iat":1767225600,"exp":1767229200,
                 "email":"%1$s@example.org","name":"%1$s Ada","https://example.com/tenant":"%1$s-tenant","phone_number":"+4915199988871"}"""
                .formatted(MARKER));
        String newToken = TestTokens.jws("{\"alg\":\"ES256\"}", """
                {"iss":"https://id.example.org/","sub":"%1$s-0b9a4c3e","aud":"app","iat":1767225600,"exp":1767229200,
                 "email":"%1$s@example.org","name":"%1$s Augusta","tenant":"%1$s-tenant","phone_number":"+4915199988872"}""".formatted(MARKER));
        var responses = new StringBuilder();
        var posted = api.post("/api/v1/migrations/" + id + "/claim-diffs", analyst, body("SOCIAL_SIGN_IN", oldToken, newToken));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        responses.append(posted.body());
        // and refused ones, whose tokens must not surface either
        responses.append(api.post("/api/v1/migrations/" + id + "/claim-diffs", analyst,
                body("SIGN_UP", oldToken, TestTokens.jws("{\"alg\":\"none\"}", "{\"sub\":\"" + MARKER + "\"}"))).body());
        responses.append(api.post("/api/v1/migrations/" + id + "/claim-diffs", analyst, body("SIGN_UP", oldToken + "." + MARKER, newToken)).body());
        responses.append(api.get("/api/v1/migrations/" + id + "/claim-diffs", analyst).body());
        String md = new String(download(id, "report.md"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(md).contains("## Dual run: claim diffs").contains("Social sign-in");
        responses.append(md);
        responses.append(api.get("/api/v1/migrations/" + id, analyst).body());
        responses.append(api.get("/api/v1/audit?targetType=migration&targetId=" + id, basic("admin", DEMO_PASSWORD)).body());
        String pdf = pdfText(id);
        assertThat(pdf).contains("Dual run: claim diffs").contains("Social sign-in");
        responses.append(pdf);
        assertThat(responses.toString()).contains("https://example.com/tenant").contains("FORMAT_CHANGED");
        assertNoTrace(responses.toString(), oldToken, newToken);

        var tables = jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").query(String.class).list();
        assertThat(tables).contains("migration_claim_diff", "audit_entry");
        var database = new StringBuilder();
        for (String table : tables) {
            jdbc.sql("SELECT row_to_json(t)::text FROM \"" + table + "\" t").query(String.class).list().forEach(database::append);
        }
        assertThat(database.toString()).contains("https://example.com/tenant").contains("MIGRATION_CLAIMS_COMPARED");
        assertNoTrace(database.toString(), oldToken, newToken);
        assertNoTrace(output.getAll(), oldToken, newToken);
    }

    private static void assertNoTrace(String text, String... tokens) {
        assertThat(text).doesNotContain(MARKER).doesNotContain("+491519998887");
        for (String token : tokens) {
            for (String part : token.split("\\.")) {
                assertThat(text).doesNotContain(part);
            }
        }
    }

    private String pdfText(String id) throws IOException {
        try (var doc = Loader.loadPDF(download(id, "report.pdf"))) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** A report as the browser downloads it (any type accepted). */
    private byte[] download(String id, String file) throws IOException {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/migrations/" + id + "/" + file))
                .header("Authorization", analyst).GET().build();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
