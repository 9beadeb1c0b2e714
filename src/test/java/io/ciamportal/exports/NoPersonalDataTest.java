package io.ciamportal.exports;

import static io.ciamportal.exports.ExportSamples.analyse;
import static io.ciamportal.exports.ExportSamples.concat;
import static io.ciamportal.exports.ExportSamples.gzip;
import static io.ciamportal.exports.ExportSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ciamportal.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No personal data leaves the analyser: a marker planted in every personal value of an export (emails, names, phone
 * numbers, ids, hashes, salts, TOTP secrets, tokens, IP addresses, attribute values, tenant and group names) appears
 * in no analysis document, no text rendering, no exception message (nor anything chained to one), no log event and
 * nothing printed. The analyser does not log at all. Names the analysis may show by design (attribute keys, column
 * names, connection and provider names, file names) carry no marker here. The exports are written in this test, and
 * the shared fixtures (whose generator planted the same marker in several platforms' files) are run too: each file
 * alone, detected and as every platform, and each answer key's files together.
 */
class NoPersonalDataTest {

    private static final String MARKER = "MARKER-PII-7f3a";

    private static String m(String what) {
        return MARKER + "-" + what;
    }

    private ListAppender<ILoggingEvent> events;
    private Level rootLevel;
    private PrintStream out;
    private PrintStream err;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @BeforeEach
    void capture() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        events = new ListAppender<>();
        events.start();
        root.addAppender(events);
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        out = System.out;
        err = System.err;
        var both = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
    }

    @AfterEach
    void release() {
        System.setOut(out);
        System.setErr(err);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(events);
        root.setLevel(rootLevel);
        events.stop();
    }

    // ---- exports full of personal values --------------------------------------------------------------------------

    static String auth0Ndjson() {
        return """
                {"user_id":"auth0|%1$s-id1","email":"%1$s-email1@example.com","email_verified":true,"name":"%1$s-name","given_name":"%1$s-given",\
                "family_name":"%1$s-family","nickname":"%1$s-nick","phone_number":"+44%1$s","picture":"https://cdn.example/%1$s.png",\
                "identities":[{"connection":"Username-Password-Authentication","provider":"auth0","user_id":"%1$s-id1","isSocial":false}],\
                "created_at":"2024-01-02T03:04:05.000Z","last_login":"2026-10-01T08:00:00.000Z","last_ip":"%1$s-ip","logins_count":3,\
                "multifactor":["google-authenticator"],"user_metadata":{"phone":"%1$s-phone","address":{"street":"%1$s-street"}},\
                "app_metadata":{"plan":"%1$s-plan","roles":["%1$s-role"]}}
                {"user_id":"google-oauth2|%1$s-id2","email":"%1$s-email2@example.com","email_verified":false,"name":"%1$s-name2",\
                "identities":[{"connection":"google-oauth2","provider":"google-oauth2","user_id":"%1$s-id2","isSocial":true,\
                "access_token":"%1$s-access-token","refresh_token":"%1$s-refresh-token"}],"last_login":"2024-01-01T00:00:00.000Z",\
                "last_ip":"%1$s-ip2","logins_count":1,"blocked":true}
                """.formatted(MARKER);
    }

    static String auth0Csv() {
        return """
                user_id,email,email_verified,name,phone_number,last_ip,last_login,logins_count,connection,provider,user_metadata.phone
                auth0|%1$s-id1,%1$s-email1@example.com,true,%1$s-name,+44%1$s,%1$s-ip,2026-10-01T08:00:00.000Z,3,Username-Password-Authentication,auth0,%1$s-phone
                "auth0|%1$s-id2","%1$s-email2@example.com",false,"%1$s, quoted",,,,0,Username-Password-Authentication,auth0,
                """.formatted(MARKER);
    }

    static String auth0PasswordHashes() {
        return """
                {"_id":{"$oid":"%1$s-oid1"},"email":"%1$s-email1@example.com","email_verified":true,"tenant":"%1$s-tenant",\
                "connection":"Username-Password-Authentication","passwordHash":"$2b$10$%1$s-hash-%1$s-hash-%1$s-hash",\
                "identifiers":[{"type":"email","value":"%1$s-email1@example.com","verified":true}],\
                "mfa_factors":[{"totp":{"secret":"%1$s-totp-secret"}},{"phone":{"value":"+44%1$s"}}]}
                {"_id":{"$oid":"%1$s-oid2"},"alt_id":"%1$s-alt","email":"%1$s-email2@example.com","tenant":"%1$s-tenant",\
                "connection":"Username-Password-Authentication","passwordHash":"%1$s-raw-digest"}
                """.formatted(MARKER);
    }

    static String genericCsv() {
        return """
                id,email,password,salt,otp_secret,two_factor_enabled,phone,full_name,last_sign_in_ip,reset_password_token,tenant_id,groups,last_login
                %1$s-id1,%1$s-email1@example.com,pbkdf2_sha256$600000$%1$s-salt$%1$s-hash,%1$s-salt,%1$s-totp,true,+44%1$s,%1$s-name,%1$s-ip,%1$s-token,%1$s-tenant,%1$s-group;%1$s-group2,2026-01-01 00:00:00
                %1$s-id2,%1$s-email2@example.com,%1$s,%1$s-salt2,,false,,"%1$s, name",,,%1$s-tenant,,
                %1$s-id3,,"$argon2id$v=19$m=65536,t=3,p=4$%1$s$%1$s",,,,,,,,,,
                """.formatted(MARKER);
    }

    static String genericJson() {
        return """
                {"users":[{"id":"%1$s-id1","email":"%1$s-email1@example.com","password_hash":"{SSHA}%1$s","totp_secret":"%1$s-totp",\
                "phone":"%1$s-phone","name":{"first":"%1$s-first","last":"%1$s-last"},"groups":["%1$s-group"],"api_token":"%1$s-token"},\
                {"id":"%1$s-id2","email":"%1$s-email2@example.com","password_hash":"$2a$12$%1$s","tenant":"%1$s-tenant"}]}
                """.formatted(MARKER);
    }

    @Test
    void anAuth0ExportJobShowsNoPersonalValue() {
        analysed(() -> analyse("users.ndjson", auth0Ndjson()), 2);
        analysed(() -> analyse("users.ndjson.gz", gzip(utf8(auth0Ndjson()))), 2);
        analysed(() -> analyse("users.csv", auth0Csv()), 2);
    }

    @Test
    void theAuth0PasswordHashExportShowsNoPersonalValue() {
        analysed(() -> analyse("users.ndjson", auth0Ndjson(), "hashes.ndjson", auth0PasswordHashes()), 2);
        analysed(() -> analyse("hashes.ndjson", auth0PasswordHashes()), 2);
    }

    @Test
    void anInHouseTableShowsNoPersonalValue() {
        var a = analysed(() -> analyse("users.csv", genericCsv()), 3);
        assertThat(a.mfa().totpSecretsInFile()).isEqualTo(1);
        assertThat(a.customAttributes().keys()).contains("phone", "full_name", "reset_password_token");

        analysed(() -> analyse("users.json", genericJson()), 2);
        analysed(() -> analyse(Platform.GENERIC, ExportLimits.defaults(), "users.csv", genericCsv()), 3);
    }

    @Test
    void aColumnMappingShowsNoPersonalValue() {
        var options = new AnalysisOptions(Platform.GENERIC, java.util.Map.of("id", "full_name", "email", "phone", "password", "salt"),
                "sha256", 365, ExportSamples.AS_OF);
        analysed(() -> ExportAnalyser.analyse(options, ExportLimits.defaults(),
                java.util.Map.of("users.csv", new ByteArrayInputStream(utf8(genericCsv())))), 3);
    }

    @Test
    void everyPlatformChosenShowsNoPersonalValue() {
        for (Platform platform : Platform.values()) {
            for (String[] file : new String[][] {{"users.ndjson", auth0Ndjson()}, {"users.csv", genericCsv()}, {"users.json", genericJson()}}) {
                try {
                    ExportAnalysis a = analyse(platform, ExportLimits.defaults(), file[0], file[1]);
                    noMarkerIn(AnalysisJson.write(a));
                    noMarkerIn(AnalysisText.render(a));
                } catch (InvalidInputException refused) {
                    noMarkerIn(refused);
                }
            }
        }
        nothingLoggedOrPrinted();
    }

    // ---- the fixtures: the generator planted the marker in the personal values of several platforms' files --------

    /** Every fixture file (answer keys, scripts and notes aside), by its path under {@code exports/}. */
    static List<String> fixtures() throws Exception {
        Path root = Path.of(NoPersonalDataTest.class.getResource("/exports").toURI());
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.endsWith(".expected.json") && !f.endsWith(".py") && !f.endsWith(".md")).sorted().toList();
        }
    }

    @Test
    void theMarkerIsPlantedInTheFixtures() throws Exception {
        long planted = fixtures().stream().filter(f -> new String(fixture(f), StandardCharsets.UTF_8).contains(MARKER)).count();
        assertThat(planted).as("fixtures holding the marker").isGreaterThanOrEqualTo(5);
    }

    @Test
    void noFixtureShowsItsPersonalValuesAloneTogetherOrAsAnyPlatform() throws Exception {
        int analysed = 0;
        for (String file : fixtures()) {
            for (Platform platform : java.util.stream.Stream.concat(java.util.stream.Stream.of((Platform) null),
                    Arrays.stream(Platform.values())).toList()) {
                try {
                    ExportAnalysis a = analyse(platform, ExportLimits.defaults(), file.substring(file.lastIndexOf('/') + 1), fixture(file));
                    noMarkerIn(AnalysisJson.write(a));
                    noMarkerIn(AnalysisText.render(a));
                    analysed++;
                } catch (InvalidInputException refused) {
                    noMarkerIn(refused);
                }
            }
        }
        // the files of one export together, as the answer keys group them
        Path root = Path.of(NoPersonalDataTest.class.getResource("/exports").toURI());
        try (var keys = Files.walk(root)) {
            for (Path key : keys.filter(k -> k.getFileName().toString().endsWith(".expected.json")).sorted().toList()) {
                var names = new ArrayList<Object>();
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(key.toFile()).get("files").forEach(f -> {
                    names.add(f.asString());
                    // a key names its files from its folder, or (split Keycloak files) from the folder above
                    Path file = Files.exists(key.resolveSibling(f.asString())) ? key.resolveSibling(f.asString())
                            : key.getParent().resolveSibling(f.asString());
                    names.add(fixture(root.relativize(file).toString().replace('\\', '/')));
                });
                try {
                    ExportAnalysis a = analyse(names.toArray());
                    noMarkerIn(AnalysisJson.write(a));
                    noMarkerIn(AnalysisText.render(a));
                } catch (InvalidInputException refused) {
                    noMarkerIn(refused);
                }
            }
        }
        assertThat(analysed).as("analyses that finished").isGreaterThan(50);
        nothingLoggedOrPrinted();
    }

    private static byte[] fixture(String path) {
        try (var in = NoPersonalDataTest.class.getResourceAsStream("/exports/" + path)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // ---- broken exports: the message says where, never what ---------------------------------------------------------

    @Test
    void noMessageAboutABrokenFileQuotesIt() {
        String line = auth0Ndjson().lines().findFirst().orElseThrow();
        String cut = line.substring(0, line.indexOf(MARKER + "-street") + 5);
        List<Supplier<ExportAnalysis>> broken = List.of(
                // a bare word where a value goes: the parser's own message would quote it
                () -> analyse("users.ndjson", line + "\n{\"user_id\":\"auth0|x\",\"email\":" + MARKER + "}\n"),
                () -> analyse("users.ndjson", line + "\n{\"user_id\":\"auth0|x\",\"" + MARKER + "\" \"x\"}\n"),
                () -> analyse("users.ndjson", line + "\n" + cut),
                () -> analyse("users.ndjson", line + "\n{\"user_id\":\"auth0|" + MARKER + "\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}\n"),
                () -> analyse("users.ndjson", concat(utf8(line + "\n{\"user_id\":\"auth0|" + MARKER + "\",\"name\":\"" + MARKER),
                        new byte[] {(byte) 0xc3, (byte) 0x28})),
                () -> analyse("users.ndjson.gz", Arrays.copyOf(gzip(utf8(auth0Ndjson().repeat(50))), 600)),
                () -> analyse("users.csv", genericCsv() + MARKER + "-id9,\"" + MARKER + "-open quote\n" + MARKER + "\n"),
                () -> analyse("users.csv", concat(utf8(genericCsv() + MARKER + "-id9,"), new byte[] {(byte) 0xff, 'x', '\n'})),
                () -> analyse("users.csv", genericCsv().replace("\n" + MARKER + "-id2", "\n" + (MARKER + ",").repeat(2_001))),
                () -> analyse(null, new ExportLimits(1L << 30, 200, 1_024, 64, 10), "users.ndjson",
                        "{\"user_id\":\"auth0|x\",\"logins_count\":1,\"n\":\"" + MARKER.repeat(200) + "\"}\n"),
                () -> analyse(null, new ExportLimits(1L << 30, 200, 1_024, 64, 10), "users.csv",
                        "id,email\n1,\"" + MARKER.repeat(20_000) + "\"\n"),
                () -> analyse(Platform.FIREBASE, ExportLimits.defaults(), "users.ndjson", auth0Ndjson()),
                () -> analyse("users.ndjson", auth0Ndjson(), "other.json", genericJson()),
                () -> analyse("users.csv", "id;" + MARKER + ";x\n" + MARKER + ";" + MARKER + "\n"),
                () -> analyse("users.json", "   \n" + MARKER),
                () -> analyse(Platform.GENERIC, ExportLimits.defaults(), "users.csv", MARKER + "-a," + MARKER + "-b\n" + MARKER + ",x\n"));
        var accepted = new ArrayList<Integer>();
        for (int i = 0; i < broken.size(); i++) {
            try {
                broken.get(i).get();
                accepted.add(i);
            } catch (InvalidInputException e) {
                noMarkerIn(e);
            }
        }
        assertThat(accepted).as("files (by index) that were not refused").isEmpty();
        nothingLoggedOrPrinted();
    }

    @Test
    void anUploadedDocumentIsNotQuotedEither() {
        String valid = AnalysisJson.write(analyse("users.ndjson", auth0Ndjson()));
        List<String> documents = List.of(
                valid.replace("\"platform\":\"auth0\"", "\"platform\":\"" + MARKER + "\""),
                valid.replace("\"version\":1", "\"version\":\"" + MARKER + "\""),
                valid.replaceFirst("\"status\":\"[a-z-]+\"", "\"status\":\"" + MARKER + "\""),
                valid.substring(0, valid.length() / 2) + MARKER,
                auth0Ndjson());
        for (String document : documents) {
            try {
                AnalysisJson.read(new ByteArrayInputStream(utf8(document)));
                throw new AssertionError("expected the document to be refused: " + document);
            } catch (ExportFormatException e) {
                noMarkerIn(e);
            }
        }
        nothingLoggedOrPrinted();
    }

    // ---- the checks -----------------------------------------------------------------------------------------------

    private ExportAnalysis analysed(Supplier<ExportAnalysis> analysis, long users) {
        ExportAnalysis a = analysis.get();
        assertThat(a.users()).isEqualTo(users);
        noMarkerIn(AnalysisJson.write(a));
        noMarkerIn(AnalysisJson.writePretty(a));
        noMarkerIn(AnalysisText.render(a));
        noMarkerIn(a.toString());
        nothingLoggedOrPrinted();
        return a;
    }

    /** Not the marker, nor a piece of it: a parser quotes the token it stops at, which may be only "MARKER". */
    private static void noMarkerIn(@Nullable String text) {
        assertThat(text).as("output").doesNotContain("MARKER").doesNotContain("PII-").doesNotContain("7f3a");
    }

    private static void noMarkerIn(Throwable e) {
        var seen = new ArrayList<Throwable>();
        for (Throwable t = e; t != null && !seen.contains(t); t = t.getCause()) {
            seen.add(t);
            seen.addAll(Arrays.asList(t.getSuppressed()));
        }
        for (Throwable t : seen) {
            noMarkerIn(t.getMessage());
            noMarkerIn(t.toString());
        }
    }

    /** Nothing was logged on the analysing thread, and nothing logged or printed anywhere holds the marker. */
    private void nothingLoggedOrPrinted() {
        String thread = Thread.currentThread().getName();
        assertThat(events.list).as("log events from the analyser").noneMatch(e -> e.getThreadName().equals(thread));
        for (ILoggingEvent event : events.list) {
            noMarkerIn(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                noMarkerIn(event.getThrowableProxy().getMessage());
            }
        }
        noMarkerIn(printed.toString(StandardCharsets.UTF_8));
    }
}
