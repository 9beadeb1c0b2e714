package io.ciamportal.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Duplicate detection above its in-memory limit: with a limit of a few keyed values a table, the values go to sorted
 * runs in temporary files and are merged at the end; every answer must be the one the in-memory path gives (the
 * duplicates, the joins between files, the distinct tenants and groups, the id fingerprints), and the files must be
 * gone afterwards.
 */
class SpilledKeysTest {

    private static final long K0 = 0x0123456789abcdefL;
    private static final long K1 = 0x7edcba9876543210L;

    static Stream<String> answerKeys() throws IOException, URISyntaxException {
        Path root = Path.of(SpilledKeysTest.class.getResource("/exports").toURI());
        try (var files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".expected.json"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList().stream();
        }
    }

    /** The document and the fingerprints of the key's files, with at most {@code keysInMemory} keyed values a table in memory. */
    private static Result analyse(List<String> resources, int keysInMemory) {
        var analyser = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults(), keysInMemory);
        analyser.fingerprintIds(K0, K1);
        for (String r : resources) {
            analyser.add(r.substring(r.lastIndexOf('/') + 1), new ByteArrayInputStream(KindAnswerKeys.bytes(r)));
        }
        int runs = analyser.spilledRuns();
        String json = AnalysisJson.write(analyser.finish());
        return new Result(json, List.of(java.util.Arrays.stream(analyser.idFingerprints()).boxed().toArray(Integer[]::new)), runs);
    }

    record Result(String json, List<Integer> fingerprints, int runs) {}

    @ParameterizedTest
    @MethodSource("answerKeys")
    void everyFixtureGivesTheSameAnswersFromRuns(String key) {
        List<String> files = KindAnswerKeys.files(key);
        Result memory = analyse(files, Integer.MAX_VALUE);
        assertThat(memory.runs()).isZero();
        for (int limit : new int[] {1, 2, 3}) {
            Result spilled = analyse(files, limit);
            assertThat(spilled.json()).as("%s with %d keyed values in memory", key, limit).isEqualTo(memory.json());
            assertThat(spilled.fingerprints()).as("fingerprints of %s", key).isEqualTo(memory.fingerprints());
            if (limit == 1 && memory.fingerprints().size() > 1) {
                assertThat(spilled.runs()).as("runs written for %s", key).isPositive();
            }
        }
    }

    @Test
    void duplicatesAndTheHashFileJoinAreCountedExactlyFromRuns() {
        // 3,000 users: every 10th email again in capitals, every 25th id twice; a hash file for the first 2,000 users
        // by email (of them 100 twice, the larger hash index wins) and 7 records of nobody
        var users = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            int id = i % 25 == 24 ? i - 1 : i;
            String email = i % 10 == 9 ? ("USER" + (i - 1) + "@EXAMPLE.COM") : ("user" + i + "@example.com");
            users.append(ExportSamples.auth0Line(i).replaceFirst("\"user_id\":\"auth0\\|[0-9a-f]+\"", "\"user_id\":\"auth0|%024x\"".formatted(id))
                    .replaceFirst("\"email\":\"[^\"]+\"", "\"email\":\"" + email + "\"")).append('\n');
        }
        var hashes = new StringBuilder();
        for (int i = 0; i < 2107; i++) {
            String email = i < 2000 ? "user" + i + "@example.com" : i < 2100 ? "user" + (i - 2000) + "@example.com" : "nobody" + i + "@example.org";
            String cost = i % 3 == 0 ? "12" : "10";
            hashes.append("""
                    {"_id":{"$oid":"%024x"},"email":"%s","email_verified":true,"tenant":"acme","connection":"Username-Password-Authentication",\
                    "passwordHash":"$2b$%s$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234"}
                    """.formatted(i, email, cost));
        }
        Result memory = analyseTwo(users.toString(), hashes.toString(), Integer.MAX_VALUE);
        Result spilled = analyseTwo(users.toString(), hashes.toString(), 64);
        assertThat(memory.runs()).isZero();
        assertThat(spilled.runs()).isGreaterThan(40);
        assertThat(spilled.json()).isEqualTo(memory.json());
        assertThat(spilled.fingerprints()).isEqualTo(memory.fingerprints());

        var a = AnalysisJson.read(new ByteArrayInputStream(spilled.json().getBytes(StandardCharsets.UTF_8)));
        assertThat(a.users()).isEqualTo(3000);
        assertThat(a.sourceIds().duplicates()).isEqualTo(120);
        assertThat(a.duplicateEmails().duplicates()).isEqualTo(300);
        assertThat(a.duplicateEmails().usersAffected()).isEqualTo(600);
        // the join counts hash records by email: of user0..user1999, those ending in 9 are nobody's (their users
        // carry the email before in capitals), so 1,800 match and 200 + 7 match no user
        assertThat(a.passwords().withPassword()).isEqualTo(1800);
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w.message()).startsWith("207 password record(s) match no user"));
    }

    private static Result analyseTwo(String users, String hashes, int keysInMemory) {
        var analyser = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults(), keysInMemory);
        analyser.fingerprintIds(K0, K1);
        analyser.add("users.ndjson", new ByteArrayInputStream(users.getBytes(StandardCharsets.UTF_8)));
        analyser.add("password-hashes.ndjson", new ByteArrayInputStream(hashes.getBytes(StandardCharsets.UTF_8)));
        int runs = analyser.spilledRuns();
        String json = AnalysisJson.write(analyser.finish());
        return new Result(json, List.of(java.util.Arrays.stream(analyser.idFingerprints()).boxed().toArray(Integer[]::new)), runs);
    }

    @Test
    void theRunsAreOwnerOnlyAndGoneAfterTheAnalysisOrAFailure() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        var before = ownDirs(tmp);
        var analyser = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults(), 8);
        analyser.add("users.ndjson", new ByteArrayInputStream(ExportSamples.auth0Ndjson(200).getBytes(StandardCharsets.UTF_8)));
        assertThat(analyser.spilledRuns()).isGreaterThan(0);
        var during = ownDirs(tmp);
        during.removeAll(before);
        assertThat(during).hasSize(1);
        Path dir = during.getFirst();
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            try (var runs = Files.list(dir)) {
                assertThat(runs.toList()).isNotEmpty().allSatisfy(run -> assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(run))).isEqualTo("rw-------"));
            }
        }
        assertThat(analyser.finish().users()).isEqualTo(200);
        assertThat(dir).doesNotExist();

        var failing = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults(), 8);
        String broken = ExportSamples.auth0Ndjson(200) + "{\"user_id\":\"auth0|x\",";
        try {
            failing.add("users.ndjson", new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)));
        } catch (ExportFormatException expected) {
            // the file is cut short
        }
        var after = ownDirs(tmp);
        after.removeAll(before);
        assertThat(after).isEmpty();
    }

    private static List<Path> ownDirs(Path tmp) throws IOException {
        try (var dirs = Files.list(tmp)) {
            return new java.util.ArrayList<>(dirs.filter(p -> p.getFileName().toString().startsWith("ciam-export-keys-")).toList());
        }
    }
}
