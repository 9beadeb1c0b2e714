package io.ciamportal.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code analyse-export} with no database: the document it prints reads back as an analysis, usage errors exit 2, bad files 1. */
class ExportCommandTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String[] full = new String[args.length + 1];
        full[0] = "analyse-export";
        System.arraycopy(args, 0, full, 1, args.length);
        int code = ExportCommand.run(full, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path copy(Path dir, String resource) throws Exception {
        Path file = dir.resolve(resource.substring(resource.lastIndexOf('/') + 1));
        try (var in = ExportCommandTest.class.getResourceAsStream("/exports/" + resource)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }

    @Test
    void aLoneSurrogateInAConnectionNameStillMakesADocumentThatReadsBack(@TempDir Path dir) throws Exception {
        // JSON's grammar allows the escape of half a surrogate pair; the name is counted, the document stays valid UTF-8
        Path users = dir.resolve("users.ndjson");
        Files.writeString(users, """
                {"user_id":"auth0|x1","email":"x1@example.org","email_verified":true,"identities":[{"connection":"evil\\ud800conn","provider":"oauth2","user_id":"x1","isSocial":true}],"created_at":"2022-03-14T10:02:11.120Z","last_login":"2026-10-28T07:45:03.991Z"}
                {"user_id":"auth0|x2","email":"x2@example.org","email_verified":true,"identities":[{"connection":"Username-Password-Authentication","provider":"auth0","user_id":"x2","isSocial":false}],"created_at":"2022-03-14T10:02:11.120Z"}
                """, StandardCharsets.UTF_8);
        var run = run("--json", users.toString());
        assertThat(run.code()).as(run.err()).isZero();
        byte[] bytes = run.out().getBytes(StandardCharsets.UTF_8);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(run.out());
        var read = AnalysisJson.read(new java.io.ByteArrayInputStream(bytes));
        assertThat(read.users()).isEqualTo(2);
        assertThat(JSON.readTree(run.out()).toString()).contains("evil").contains("conn");
    }

    @Test
    void theJsonIsTheAnalysisDocumentAndReadsBack(@TempDir Path dir) throws Exception {
        Path users = copy(dir, "auth0/users.ndjson");
        Path hashes = copy(dir, "auth0/password-hashes.ndjson");
        var run = run("--json", users.toString(), hashes.toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.get("format").asString()).isEqualTo(ExportAnalysis.FORMAT);
        for (String field : new String[] {"platform", "users", "passwords", "emailVerified", "duplicateEmails", "mfa", "lastSignIn", "providers",
                "warnings"}) {
            assertThat(doc.has(field)).as(field).isTrue();
        }
        assertThat(doc.get("platform").asString()).isEqualTo("auth0");
        assertThat(doc.get("users").asLong()).isEqualTo(12);
        assertThat(doc.path("passwords").path("schemes").path("bcrypt").asLong()).isEqualTo(7);
        var read = AnalysisJson.read(new java.io.ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
        assertThat(read.users()).isEqualTo(12);
        assertThat(AnalysisJson.write(read)).isEqualTo(JSON.writeValueAsString(doc));
        assertThat(run.out()).doesNotContain("MARKER-PII-7f3a").doesNotContain("@example.com");
    }

    @Test
    void theTextSaysWhatIsObservedAndWhatIsNot(@TempDir Path dir) throws Exception {
        var run = run(copy(dir, "cognito/list-users-page1.json").toString());
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Platform: Amazon Cognito (detected from the content)").contains("not observable from this export");
    }

    @Test
    void usageErrorsExitTwoAndBadFilesExitOne(@TempDir Path dir) throws Exception {
        assertThat(run().code()).isEqualTo(2);
        assertThat(run("--platform", "nowhere", "x").code()).isEqualTo(2);
        assertThat(run(dir.resolve("missing.json").toString()).code()).isEqualTo(2);
        Path empty = Files.write(dir.resolve("empty.json"), new byte[0]);
        var bad = run(empty.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("empty.json").contains("empty");
        Path firebase = copy(dir, "firebase/users.json");
        var forced = run("--platform", "auth0", firebase.toString());
        assertThat(forced.code()).isEqualTo(1);
        assertThat(forced.err()).contains("not Auth0");
    }
}
