package io.ciamportal.migration;

import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.exports.AnalysisJson;
import io.ciamportal.exports.AnalysisOptions;
import io.ciamportal.exports.ExportAnalyser;
import io.ciamportal.exports.ExportLimits;
import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.PortalTestBase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * User exports on migrations over HTTP, against a real PostgreSQL: analyse-only stores nothing; an upload fills the
 * inventory with provenance and re-scores; the same files again are a no-op; a later export counts users added and
 * removed; bad files and wrong platforms change nothing; and planted personal data reaches neither the database, the
 * logs, the API nor the reports.
 */
@Tag("integration")
@SuppressWarnings("unchecked")
@ExtendWith(OutputCaptureExtension.class)
class ExportIntegrationTest extends PortalTestBase {

    private static final String MARKER = "MARKER-PII-7f3a";

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

    static byte[] fixture(String path) throws IOException {
        try (InputStream in = ExportIntegrationTest.class.getResourceAsStream("/exports/" + path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }

    private String migration(String source, String destination) {
        var created = api.post("/api/v1/migrations", analyst, """
                {"name": "Export test %s", "source": "%s", "destination": "%s", "inventory": {"totalUsers": 5000, "passwordShare": 0.5},
                 "members": [{"username": "viewer", "role": "VIEWER"}]}""".formatted(System.nanoTime(), source, destination));
        assertThat(created.status()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    private long exportRows() {
        return jdbc.sql("SELECT count(*) FROM migration_export").query(Long.class).single();
    }

    private long exportRows(String migrationId) {
        return jdbc.sql("SELECT count(*) FROM migration_export WHERE migration_id = ?::uuid").param(migrationId).query(Long.class).single();
    }

    private static String ndjson(int from, int to) {
        var sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append("{\"user_id\":\"auth0|u").append(i).append("\",\"email\":\"user").append(i).append("@example.org\",\"email_verified\":true,")
                    .append("\"identities\":[{\"connection\":\"Username-Password-Authentication\",\"provider\":\"auth0\",\"isSocial\":false}],")
                    .append("\"logins_count\":1,\"last_login\":\"2026-11-20T10:00:00Z\"}\n");
        }
        return sb.toString();
    }

    @Test
    void analysingOnlyStoresNothingAndAnswersTheDocument() throws IOException {
        long before = exportRows();
        var files = new LinkedHashMap<String, byte[]>();
        files.put("users.ndjson", fixture("auth0/users.ndjson"));
        files.put("password-hashes.ndjson", fixture("auth0/password-hashes.ndjson"));
        var response = api.postFiles("/api/v1/export-analyses", analyst, files);
        assertThat(response.status()).isEqualTo(200);
        var json = response.json();
        assertThat(json).containsEntry("format", "ciam-portal/export-analysis").containsEntry("platform", "auth0").containsEntry("users", 12);
        assertThat((Map<String, Object>) ((Map<String, Object>) json.get("passwords")).get("schemes")).containsEntry("bcrypt", 7);
        assertThat(json).containsKeys("emailVerified", "duplicateEmails", "mfa", "lastSignIn", "providers", "warnings");
        assertThat(exportRows()).isEqualTo(before);
        // a raw body, gzipped, named by the query string
        var gz = api.postBytes("/api/v1/export-analyses?name=users.ndjson.gz", analyst, fixture("auth0/users.ndjson.gz"), "application/gzip");
        assertThat(gz.status()).isEqualTo(200);
        assertThat((List<Map<String, Object>>) gz.json().get("files")).singleElement().satisfies(f -> assertThat(f).containsEntry("gzip", true));
        // both endpoints are documented
        String openApi = api.get("/v3/api-docs", analyst).body();
        assertThat(openApi).contains("/api/v1/export-analyses").contains("/api/v1/migrations/{id}/exports").contains("inactiveDays");
        // viewers plan nothing: refused
        assertThat(api.postBytes("/api/v1/export-analyses", viewer, fixture("auth0/users.ndjson"), "application/x-ndjson").status()).isEqualTo(403);
    }

    @Test
    void anUploadFillsTheInventoryWithProvenanceAndTheSameFileAgainChangesNothing() throws Exception {
        String id = migration("auth0", "clerk");
        byte[] users = fixture("auth0/users.ndjson");
        var first = api.postBytes("/api/v1/migrations/" + id + "/exports?name=users.ndjson", analyst, users, "application/x-ndjson");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json()).containsEntry("unchanged", false);
        var provenance = (Map<String, Object>) first.json().get("provenance");
        var file = ((List<Map<String, Object>>) provenance.get("files")).getFirst();
        assertThat(file).containsEntry("name", "users.ndjson").containsEntry("bytes", users.length)
                .containsEntry("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(users)));
        assertThat(provenance).containsEntry("uploadedBy", "Demo analyst").containsEntry("platform", "auth0").containsKey("uploadedAt");
        assertThat((List<String>) first.json().get("inventoryFields")).contains("totalUsers", "passwordShare", "inactiveShare");
        assertThat((Map<String, Object>) first.json().get("analysis")).containsEntry("users", 12);
        assertThat((List<Map<String, Object>>) first.json().get("destinations")).first().satisfies(d -> assertThat(d)
                .containsEntry("slug", "clerk").containsEntry("current", true));

        var migration = api.get("/api/v1/migrations/" + id, viewer).json();
        var inventory = (Map<String, Object>) migration.get("inventory");
        assertThat(inventory).containsEntry("totalUsers", 12);
        long version = ((Number) ((Map<String, Object>) api.get("/api/v1/migrations/" + id, analyst).json()).get("version")).longValue();
        String trail = api.get("/api/v1/audit?action=MIGRATION_EXPORT_ANALYSED", basic("admin", DEMO_PASSWORD)).body();
        assertThat(trail).contains(id).contains("users.ndjson");
        long audits = jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'MIGRATION_EXPORT_ANALYSED' AND target_id = ?").param(id)
                .query(Long.class).single();

        var again = api.postBytes("/api/v1/migrations/" + id + "/exports?name=renamed.ndjson", analyst, users, "application/x-ndjson");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).containsEntry("unchanged", true);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'MIGRATION_EXPORT_ANALYSED' AND target_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(audits);
        assertThat(((Number) api.get("/api/v1/migrations/" + id, analyst).json().get("version")).longValue()).isEqualTo(version);
        assertThat(ApiClient.list(api.get("/api/v1/migrations/" + id + "/exports", viewer))).hasSize(1);

        // members may read, only analysts of the migration upload; strangers see nothing
        assertThat(api.get("/api/v1/migrations/" + id + "/exports/latest", viewer).status()).isEqualTo(200);
        assertThat(api.postBytes("/api/v1/migrations/" + id + "/exports?name=x.ndjson", viewer, users, "application/x-ndjson").status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/migrations/" + id + "/exports/latest", reviewer2).status()).isEqualTo(404);
        assertThat(api.postBytes("/api/v1/migrations/" + id + "/exports?name=x.ndjson", reviewer2, users, "application/x-ndjson").status())
                .isEqualTo(404);
        assertThat(ApiClient.list(api.get("/api/v1/migrations/" + id + "/exports", viewer))).hasSize(1);
    }

    @Test
    void aLaterExportCountsUsersAddedAndRemovedBySourceId() {
        String id = migration("auth0", "keycloak");
        var first = api.postBytes("/api/v1/migrations/" + id + "/exports?name=monday.ndjson", analyst,
                ndjson(1, 10).getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("diff")).isNull();
        var second = api.postBytes("/api/v1/migrations/" + id + "/exports?name=friday.ndjson", analyst,
                ndjson(3, 14).getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
        assertThat(second.status()).isEqualTo(201);
        var diff = (Map<String, Object>) second.json().get("diff");
        assertThat(diff).containsEntry("usersBefore", 10).containsEntry("usersAfter", 12).containsEntry("added", 4).containsEntry("removed", 2);
        assertThat(second.body()).doesNotContain("auth0|u1").doesNotContain("user13@");
        assertThat(ApiClient.list(api.get("/api/v1/migrations/" + id + "/exports", analyst))).hasSize(2);
    }

    @Test
    void rehearsalDataFollowsTheAnalysedPlatformWithAnAnswerKey() throws Exception {
        String id = migration("auth0", "clerk");
        assertThat(api.postBytes("/api/v1/migrations/" + id + "/exports?name=users.ndjson", analyst, fixture("auth0/users.ndjson"),
                "application/x-ndjson").status()).isEqualTo(201);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/migrations/" + id
                + "/exports/latest/rehearsal.zip?users=5")).header("Authorization", analyst).GET().build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        var names = new java.util.ArrayList<String>();
        byte[] users = null;
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(response.body()))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                byte[] content = zip.readAllBytes();
                if (entry.getName().startsWith("export/")) {
                    users = content;
                }
            }
        }
        assertThat(names).contains("answer-key.csv", "README.txt");
        assertThat(users).isNotNull();
        var again = new ExportAnalyser(AnalysisOptions.detect(Instant.now()), ExportLimits.defaults());
        again.add("rehearsal", new ByteArrayInputStream(users));
        var rehearsed = again.finish();
        assertThat(rehearsed.platform()).isEqualTo("auth0");
        assertThat(rehearsed.users()).isEqualTo(5);
        // viewers of the migration do not get it
        var asViewer = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/migrations/" + id
                + "/exports/latest/rehearsal.zip")).header("Authorization", viewer).GET().build();
        assertThat(java.net.http.HttpClient.newHttpClient().send(asViewer, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void theAnalysisDocumentMadeOfflineCanBeUploadedInsteadOfTheExport() throws IOException {
        String id = migration("auth0", "clerk");
        var analyser = new ExportAnalyser(AnalysisOptions.detect(Instant.now()), ExportLimits.defaults());
        analyser.add("users.ndjson", new ByteArrayInputStream(fixture("auth0/users.ndjson")));
        String document = AnalysisJson.write(analyser.finish());
        var response = api.post("/api/v1/migrations/" + id + "/exports", analyst, document);
        assertThat(response.status()).isEqualTo(201);
        assertThat((Map<String, Object>) response.json().get("provenance")).containsEntry("fromDocument", true);
        assertThat((Map<String, Object>) response.json().get("analysis")).containsEntry("users", 12);
        // a forged document is refused by name, and writes nothing
        long before = exportRows(id);
        var forged = api.post("/api/v1/migrations/" + id + "/exports", analyst, document.replace("\"version\":1", "\"version\":99"));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().get("message").toString()).contains("version 99");
        assertThat(exportRows(id)).isEqualTo(before);
    }

    @Test
    void badFilesAndExportsOfAnotherPlatformChangeNothing() throws IOException {
        String id = migration("auth0", "clerk");
        long version = ((Number) api.get("/api/v1/migrations/" + id, analyst).json().get("version")).longValue();
        long before = exportRows(id);
        byte[] gz = fixture("auth0/users.ndjson.gz");
        byte[] truncated = java.util.Arrays.copyOf(gz, gz.length / 2);
        var broken = api.postBytes("/api/v1/migrations/" + id + "/exports?name=cut.ndjson.gz", analyst, truncated, "application/gzip");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("message").toString()).contains("cut.ndjson.gz").contains("gzip").contains("compressed bytes");
        var empty = api.postBytes("/api/v1/migrations/" + id + "/exports?name=empty.json", analyst, new byte[0], "application/json");
        assertThat(empty.status()).isEqualTo(400);
        var other = api.postBytes("/api/v1/migrations/" + id + "/exports?name=users.json", analyst,
                ("{\"users\":[{\"localId\":\"a1b2c3d4e5f6g7h8i9j0k1l2m3n4\",\"email\":\"x@example.org\",\"emailVerified\":true,"
                        + "\"lastSignedInAt\":\"1554273912318\",\"createdAt\":\"1554273912318\",\"providerUserInfo\":[]}]}")
                        .getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().get("message").toString()).contains("source is Auth0");
        assertThat(jdbc.sql("SELECT platform || ' ' || users || ' ' || (analysis->'files'->0->>'name') FROM migration_export WHERE migration_id = ?::uuid")
                .param(id).query(String.class).list()).isEmpty();
        assertThat(exportRows(id)).isEqualTo(before);
        assertThat(((Number) api.get("/api/v1/migrations/" + id, analyst).json().get("version")).longValue()).isEqualTo(version);
    }

    @Test
    void plantedPersonalDataReachesNeitherTheDatabaseTheLogsTheApiNorTheReports(CapturedOutput output) throws IOException {
        String auth0 = migration("auth0", "keycloak");
        var files = new LinkedHashMap<String, byte[]>();
        files.put("users.ndjson", fixture("auth0/users.ndjson"));
        files.put("password-hashes.ndjson", fixture("auth0/password-hashes.ndjson"));
        assertThat(new String(files.get("users.ndjson"), StandardCharsets.UTF_8)).contains(MARKER);
        var responses = new StringBuilder();
        var upload = api.postFiles("/api/v1/migrations/" + auth0 + "/exports", analyst, files);
        assertThat(upload.status()).isEqualTo(201);
        responses.append(upload.body());
        String clerk = migration("clerk", "auth0");
        var clerkUpload = api.postBytes("/api/v1/migrations/" + clerk + "/exports?name=users.csv", analyst, fixture("clerk/users-current.csv"),
                "text/csv");
        assertThat(clerkUpload.status()).isEqualTo(201);
        responses.append(clerkUpload.body());
        String supabase = migration("supabase-auth", "clerk");
        var supabaseUpload = api.postBytes("/api/v1/migrations/" + supabase + "/exports?name=auth-users.csv", analyst,
                fixture("supabase/auth-users.csv"), "text/csv");
        assertThat(supabaseUpload.status()).isEqualTo(201);
        responses.append(supabaseUpload.body());
        var uploaded = Map.of(auth0, "users.ndjson", clerk, "users.csv", supabase, "auth-users.csv");
        for (String id : List.of(auth0, clerk, supabase)) {
            responses.append(api.get("/api/v1/migrations/" + id + "/exports/latest", analyst).body());
            responses.append(api.get("/api/v1/migrations/" + id + "/exports", analyst).body());
            String markdown = markdown(id);
            // the report carries the export's section (so the check below reads the export's rows, not an error page)
            assertThat(markdown).startsWith("# Migration assessment: Export test").contains("\n## User export\n")
                    .contains("- " + uploaded.get(id) + ", ").contains(" bytes, SHA-256 `").contains("| Count | Value | Observed |")
                    .doesNotContain(MARKER).doesNotContain("@example.com");
            responses.append(markdown);
            responses.append(pdfText(id));
        }
        assertThat(responses.toString()).contains("users.ndjson").doesNotContain(MARKER).doesNotContain("@example.com");

        // every row of every table, as text
        var tables = jdbc.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").query(String.class).list();
        assertThat(tables).contains("migration_export", "audit_entry", "migration");
        var database = new StringBuilder();
        for (String table : tables) {
            jdbc.sql("SELECT row_to_json(t)::text FROM \"" + table + "\" t").query(String.class).list().forEach(database::append);
        }
        assertThat(database.toString()).contains("password-hashes.ndjson").doesNotContain(MARKER).doesNotContain("@example.com")
                .doesNotContain("$2b$10$");
        assertThat(output.getAll()).doesNotContain(MARKER).doesNotContain("@example.com");
    }

    /** The Markdown report, fetched as a browser's download does (the API client asks for JSON, which this is not). */
    private String markdown(String id) {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/migrations/" + id + "/report.md"))
                .header("Authorization", analyst).header("Accept", "text/markdown").GET().build();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/markdown");
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String pdfText(String id) throws IOException {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/migrations/" + id + "/report.pdf"))
                .header("Authorization", analyst).GET().build();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            try (var doc = Loader.loadPDF(response.body())) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("User export");
                return text;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
