package io.ciamportal.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.exports.AnalysisJson;
import io.ciamportal.exports.AnalysisOptions;
import io.ciamportal.exports.ExportAnalyser;
import io.ciamportal.exports.ExportAnalysis;
import io.ciamportal.exports.ExportFormatException;
import io.ciamportal.exports.ExportLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A large file of one JSON value after another is read on several threads ({@link JsonLines}) with the same result
 * as the one-thread walk: the same counts, the same error with the same line, column and byte offset.
 */
class JsonLinesTest {

    private static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");

    @AfterEach
    void back() {
        JsonLines.enabled = true;
        JsonLines.bytes = true;
    }

    /** Auth0 export-job lines, varied enough to touch every count; line numbers start at 1. */
    static List<String> lines(int n) {
        var out = new ArrayList<String>(n);
        for (int i = 0; i < n; i++) {
            String id = String.format("%024x", i * 7919L + 11);
            String email = "user" + (i % 4999) + "@example.test";
            boolean social = i % 7 == 0;
            String identity = social ? "{\"connection\":\"google-oauth2\",\"provider\":\"google-oauth2\",\"user_id\":\"" + i + "\",\"isSocial\":true}"
                    : "{\"connection\":\"Username-Password-Authentication\",\"provider\":\"auth0\",\"user_id\":\"" + id + "\",\"isSocial\":false}";
            out.add("{\"user_id\":\"" + (social ? "google-oauth2|" + i : "auth0|" + id) + "\",\"email\":\"" + email + "\",\"email_verified\":"
                    + (i % 3 == 0) + ",\"name\":\"P\\\"erson {" + i + "}\",\"identities\":[" + identity + "],\"created_at\":\"2022-03-14T10:02:11.120Z\""
                    + (i % 5 == 0 ? "" : ",\"last_login\":\"202" + (i % 6) + "-0" + (1 + i % 9) + "-14T10:02:11.120Z\",\"logins_count\":" + i)
                    + (i % 11 == 0 ? ",\"multifactor\":[\"google-authenticator\"]" : "") + (i % 97 == 0 ? ",\"blocked\":true" : "")
                    + ",\"user_metadata\":{\"plan\":\"p" + (i % 3) + "\",\"k" + (i % 4) + "\":1},\"app_metadata\":{}}");
        }
        return out;
    }

    static byte[] bytes(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static ExportAnalysis analyse(byte[] content, boolean threads) {
        return analyse(content, threads, ExportLimits.defaults());
    }

    private static ExportAnalysis analyse(byte[] content, boolean threads, ExportLimits limits) {
        JsonLines.enabled = threads;
        long before = JsonLines.FILES.get();
        try {
            return ExportAnalyser.analyse(AnalysisOptions.detect(AS_OF), limits, Map.of("users.ndjson", new ByteArrayInputStream(content)));
        } finally {
            JsonLines.enabled = true;
            // the path asked for is the path taken (a failure may stop the file before or after it starts)
            assertThat(JsonLines.FILES.get() - before).as("files read on several threads").isLessThanOrEqualTo(threads ? 1 : 0);
            if (threads && Runtime.getRuntime().availableProcessors() > 1) {
                assertThat(JsonLines.FILES.get() - before).as("files read on several threads").isEqualTo(1);
            }
        }
    }

    private static String withoutTime(ExportAnalysis a) {
        return AnalysisJson.write(a).replaceAll("\"analysedAt\":\"[^\"]+\"", "");
    }

    @Test
    void aLargeFileCountsTheSameOnSeveralThreads() {
        byte[] content = bytes(lines(12_000));
        assertThat(content.length).isGreaterThan(4 * JsonLines.BATCH);
        var one = analyse(content, false);
        var many = analyse(content, true);
        assertThat(many.users()).isEqualTo(12_000);
        assertThat(withoutTime(many)).isEqualTo(withoutTime(one));
        assertThat(many.duplicateEmails().duplicates()).isEqualTo(4999);
        assertThat(many.mfa().users()).isEqualTo(1091);
    }

    @Test
    void gzippedMultiLineAndOtherValuesCountTheSame() throws Exception {
        var lines = lines(6_000);
        // a pretty-printed user over several lines, an array of users, a bare number and a string between users
        lines.set(100, lines.get(100).replace(",\"", ",\n  \"").replace("[{", "[\n{"));
        lines.set(2_000, "[" + lines.get(2_000) + "," + lines.get(2_001) + "]   42 \"x\"");
        lines.set(2_001, "{}");
        var gz = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gz)) {
            out.write(bytes(lines));
        }
        var one = analyse(gz.toByteArray(), false);
        var many = analyse(gz.toByteArray(), true);
        assertThat(withoutTime(many)).isEqualTo(withoutTime(one));
        assertThat(many.users()).isEqualTo(6_000);
        assertThat(many.skipped().emptyRecords()).isEqualTo(1);
    }

    @Test
    void aBrokenLineDeepInTheFileIsNamedAsTheOneThreadWalkNamesIt() {
        var lines = lines(9_000);
        lines.set(7_654, lines.get(7_654).replace("\"email_verified\":", "\"email_verified\":oops,"));
        byte[] content = bytes(lines);
        String expected = message(() -> analyse(content, false));
        assertThat(expected).contains("not valid JSON at line 7655, column");
        assertThat(message(() -> analyse(content, true))).isEqualTo(expected);
    }

    @Test
    void aTruncatedFileAndATooLongRecordAreRefused() {
        byte[] content = bytes(lines(5_000));
        byte[] truncated = java.util.Arrays.copyOf(content, content.length - 40);
        assertThat(message(() -> analyse(truncated, true))).contains("the JSON ends in the middle of a value (is the file truncated?) at line 5000");
        assertThat(message(() -> analyse(truncated, false))).contains("the JSON ends in the middle of a value (is the file truncated?)");
        var lines = lines(5_000);
        var notes = new StringBuilder();
        for (int k = 0; k < 300; k++) {
            notes.append("\"n").append(k).append("\":\"").append("x".repeat(1_000)).append("\",");
        }
        lines.set(3_000, lines.get(3_000).replace("\"plan\":\"p", notes + "\"plan\":\"p"));
        var limits = new ExportLimits(ExportLimits.defaults().maxBytes(), 200, 100_000, 64, 200);
        String expected = message(() -> analyse(bytes(lines), false, limits));
        assertThat(expected).contains("the user record at line 3001, column 1 (byte offset ").contains("is longer than 100000 bytes");
        assertThat(message(() -> analyse(bytes(lines), true, limits))).isEqualTo(expected);
    }

    private static String message(Runnable r) {
        try {
            r.run();
        } catch (ExportFormatException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }

    private static ExportAnalysis analyseWithBytes(byte[] content, boolean bytes) {
        JsonLines.bytes = bytes;
        try {
            return analyse(content, true);
        } finally {
            JsonLines.bytes = true;
        }
    }

    @Test
    void theByteReaderCountsEveryShapeAsTheParserDoes() {
        var random = new java.util.Random(5);
        var lines = lines(8_000);
        for (int i = 0; i < lines.size(); i += 3) {
            lines.set(i, RandomAuth0.user(random));
        }
        byte[] content = bytes(lines);
        long filled = JsonLines.BYTES_FILLED.get();
        long givenUp = JsonLines.BYTES_GIVEN_UP.get();
        var viaBytes = analyseWithBytes(content, true);
        if (Runtime.getRuntime().availableProcessors() > 1) {
            // every batch was read by the byte reader (the objects it leaves to the tree included)
            assertThat(JsonLines.BYTES_FILLED.get() - filled).isEqualTo(8_000);
            assertThat(JsonLines.BYTES_GIVEN_UP.get() - givenUp).isZero();
        }
        var viaParser = analyseWithBytes(content, false);
        assertThat(JsonLines.BYTES_FILLED.get() - filled).isLessThanOrEqualTo(8_000);
        assertThat(withoutTime(viaBytes)).isEqualTo(withoutTime(viaParser));
        assertThat(viaBytes.users()).isEqualTo(8_000);
        // (the one-thread walk is not compared here: it takes an object whose first name is "" for a wrapper of users)
    }

    @Test
    void aBrokenLineIsNamedAsTheParserNamesIt() {
        byte[] good = bytes(lines(9_000));
        int line = 6_543;
        int at = 0;
        for (int l = 1; l < line; l++) {
            at = indexOf(good, (byte) '\n', at) + 1;
        }
        int email = indexOf(good, (byte) '@', at);
        int name = indexOf(good, (byte) 'P', at);
        var broken = new ArrayList<byte[]>();
        broken.add(replace(good, at + 1, "\"user_id\":01,"));
        broken.add(replace(good, email, "\u0001"));
        broken.add(replace(good, name, "\\x"));
        broken.add(replace(good, name, "\\u12G4"));
        broken.add(patch(good, email, (byte) 0xC0, (byte) 0x80));
        broken.add(patch(good, name, (byte) 0xED, (byte) 0xA0, (byte) 0x80));
        broken.add(patch(good, email, (byte) 0xFF));
        broken.add(replace(good, at + 1, "\"deep\":" + "[".repeat(70) + "]".repeat(70) + ","));
        broken.add(replace(good, at + 1, "\"a\":1,,"));
        broken.add(replace(good, at + 1, "\"a\":truex,"));
        int refused = 0;
        for (byte[] content : broken) {
            String viaParser = outcome(content, false);
            assertThat(outcome(content, true)).isEqualTo(viaParser);
            if (viaParser.startsWith("users.ndjson: ")) {
                refused++;
                assertThat(viaParser).matches(m -> m.contains("line " + line + ", column") || m.contains("nests deeper"), "names the line");
            }
        }
        // the parser lets two of them pass (an overlong NUL in a string it reads, a UTF-16 surrogate in one it skips),
        // and the byte reader leaves both to it
        assertThat(refused).isGreaterThanOrEqualTo(broken.size() - 2);
    }

    /** The document, or the refusal. */
    private static String outcome(byte[] content, boolean bytes) {
        try {
            return withoutTime(analyseWithBytes(content, bytes));
        } catch (ExportFormatException e) {
            return e.getMessage();
        }
    }

    private static int indexOf(byte[] b, byte c, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        throw new AssertionError("no " + (char) c);
    }

    /** The bytes with {@code text} put in at {@code at}. */
    private static byte[] replace(byte[] b, int at, String text) {
        return patch(b, at, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] patch(byte[] b, int at, byte... inserted) {
        byte[] out = new byte[b.length + inserted.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(b, at, out, at + inserted.length, b.length - at);
        return out;
    }

    /** What a scanner says about {@code buf[0, to)}: values, where the last ended, where the open one starts, the line. */
    private static String state(JsonLines.Scanner at) {
        return at.values + " values, last end " + at.lastEnd + ", open at " + at.valueStart + ", line " + at.line + " from " + at.lineStart;
    }

    private static String scanned(byte[] buf, int to, boolean inLines) {
        var at = new JsonLines.Scanner(Long.MAX_VALUE);
        if (inLines) {
            at.restart(1, 0);
            at.scan(buf, 0, to, 0);
            if (at.lines && at.values > 0 && !at.lastHolds(buf)) {
                at.rescan(buf, to, 0);
            }
        } else {
            at.scan(buf, 0, to, 0);
        }
        return state(at);
    }

    @Test
    void readingInLinesFindsTheSameValuesAsReadingInFull() {
        var random = new java.util.Random(11);
        for (int round = 0; round < 300; round++) {
            var text = new StringBuilder();
            int n = 1 + random.nextInt(12);
            for (int i = 0; i < n; i++) {
                String user = RandomAuth0.user(random);
                switch (random.nextInt(8)) {
                    case 0 -> user = user.replace(",\"", ",\n  \"");  // pretty-printed
                    case 1 -> user = user + " \r";  // white space after it
                    case 2 -> user = "[" + user + "]";  // not an object
                    default -> { }
                }
                text.append(user).append(random.nextInt(4) == 0 ? "\r\n\n" : "\n");
            }
            byte[] buf = text.toString().getBytes(StandardCharsets.UTF_8);
            // cut anywhere: in a string, between a '}' and the next '{', in the white space
            int to = random.nextInt(3) == 0 ? buf.length : random.nextInt(buf.length + 1);
            assertThat(scanned(buf, to, true)).as("round %d, %d bytes of %s", round, to, text).isEqualTo(scanned(buf, to, false));
        }
    }

    @Test
    void aLineThatOnlyLooksLikeTheEndOfAValueIsCaughtBeforeABatchIsCut() {
        // '}' at a line's end and '{' at the next line's start, inside one object: invalid, and the last end of a batch
        byte[] buf = "{\"a\":1}\n{\"b\":{}\n{\"c\":1}}\n{\"d\":".getBytes(StandardCharsets.UTF_8);
        var at = new JsonLines.Scanner(Long.MAX_VALUE);
        at.restart(1, 0);
        at.scan(buf, 0, buf.length, 0);
        assertThat(at.values).as("values ended in lines").isEqualTo(3);
        assertThat(at.lastHolds(buf)).isFalse();
        at.rescan(buf, buf.length, 0);
        assertThat(state(at)).isEqualTo(scanned(buf, buf.length, false));
        assertThat(at.values).isEqualTo(2);
    }

    @Test
    void aFalseLineEndWhereABatchIsCutIsNamedAsTheOneThreadWalkNamesIt() {
        var lines = lines(1_000);
        long falseEnds = JsonLines.FALSE_ENDS.get();
        long at = 0;
        int checked = 0;
        for (int k = 0; k < lines.size(); k++) {
            long from = at;
            at += lines.get(k).length() + 1;
            // every line where the first batch may be cut
            if (at < JsonLines.BATCH || from > JsonLines.BATCH + (64 << 10)) {
                continue;
            }
            var broken = new ArrayList<>(lines);
            // a line that ends with '}', then one that starts with '{', inside one object
            broken.set(k, "{\"x\":{}\n" + lines.get(k));
            byte[] content = bytes(broken);
            String expected = message(() -> analyse(content, false));
            assertThat(expected).contains("line " + (k + 2) + ", column 1");
            assertThat(message(() -> analyse(content, true))).as("line %d", k + 1).isEqualTo(expected);
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
        if (Runtime.getRuntime().availableProcessors() > 1) {
            assertThat(JsonLines.FALSE_ENDS.get() - falseEnds).as("batches whose last end was a false one").isPositive();
        }
    }

    @Test
    void smallFilesStayOnOneThread() {
        byte[] content = bytes(lines(50));
        assertThat(content.length).isLessThan(ExportStream.PREFIX_BYTES);
        var stream = new ExportStream("users.ndjson", new ByteArrayInputStream(content), ExportLimits.defaults());
        assertThat(JsonLines.applies(stream, java.util.Set.of("", "*"))).isFalse();
        var big = new ExportStream("users.ndjson", new ByteArrayInputStream(bytes(lines(2_000))), ExportLimits.defaults());
        assertThat(JsonLines.applies(big, java.util.Set.of("", "*"))).isEqualTo(Runtime.getRuntime().availableProcessors() > 1);
        assertThat(JsonLines.applies(big, java.util.Set.of("users/*"))).isFalse();
    }
}
