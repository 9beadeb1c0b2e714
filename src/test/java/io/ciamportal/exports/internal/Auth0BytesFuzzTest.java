package io.ciamportal.exports.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ciamportal.exports.AnalysisJson;
import io.ciamportal.exports.AnalysisOptions;
import io.ciamportal.exports.ExportAnalyser;
import io.ciamportal.exports.FuzzSupport;
import io.ciamportal.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * Differential fuzzing of the byte reader of Auth0's export job ({@link Auth0Bytes}; how Jazzer runs here:
 * {@code io.ciamportal.exports.ExportFuzzTest}). {@link #object}: any bytes as one user object, read both ways
 * ({@link Auth0BytesCheck}: what the byte reader accepts, the parser accepts, and the records are the same).
 * {@link #inALargeFile}: the bytes as a line in the middle of an export job large enough for {@link JsonLines}, analysed
 * with the byte reader and without: the same document, or the same refusal word for word. Seeds:
 * {@code Auth0BytesFuzzTestInputs/}, one object a file.
 */
class Auth0BytesFuzzTest {

    private static final Auth0BytesCheck CHECK = new Auth0BytesCheck(FuzzSupport.LIMITS);
    private static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");
    private static final byte[] BEFORE = JsonLinesTest.bytes(JsonLinesTest.lines(170));
    private static final byte[] AFTER = JsonLinesTest.bytes(JsonLinesTest.lines(40));

    @FuzzTest(maxDuration = "10s")
    void object(byte[] input) {
        FuzzSupport.bounded(() -> CHECK.check(input));
    }

    @FuzzTest(maxDuration = "10s")
    void inALargeFile(byte[] input) {
        var file = new ByteArrayOutputStream();
        file.writeBytes(BEFORE);
        file.writeBytes(input);
        file.write('\n');
        file.writeBytes(AFTER);
        byte[] content = file.toByteArray();
        FuzzSupport.bounded(() -> {
            String viaBytes = analyse(content, true);
            String viaParser = analyse(content, false);
            if (!viaBytes.equals(viaParser)) {
                throw new AssertionError("with the byte reader:\n" + viaBytes + "\nwithout:\n" + viaParser);
            }
        });
    }

    private static String analyse(byte[] content, boolean bytes) {
        boolean before = JsonLines.bytes;
        JsonLines.bytes = bytes;
        try {
            var analysis = ExportAnalyser.analyse(AnalysisOptions.detect(AS_OF), FuzzSupport.LIMITS,
                    Map.of("users.ndjson", new ByteArrayInputStream(content)));
            return AnalysisJson.write(analysis).replaceAll("\"analysedAt\":\"[^\"]+\"", "");
        } catch (InvalidInputException e) {
            return "refused: " + e.getMessage();
        } finally {
            JsonLines.bytes = before;
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
