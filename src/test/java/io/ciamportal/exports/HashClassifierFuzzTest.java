package io.ciamportal.exports;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ciamportal.exports.internal.HashClassifier;
import io.ciamportal.exports.internal.HashInfo;
import io.ciamportal.vendor.HashSchemes;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzing the hash classifier (see {@link ExportFuzzTest} for how Jazzer runs here): any text, as UTF-8 and as
 * Latin-1 (so every char below 256 appears), is classified without an exception; blank text is no password (null);
 * anything else gets a non-blank scheme from the vocabulary or "unknown digest (length N)" ("plain text" for
 * Spring's {noop}), a non-blank format, and parameters that are only names, digits and separators.
 * Seeds: {@code HashClassifierFuzzTestInputs/classify/}, one hash a file.
 */
class HashClassifierFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void classify(byte[] input) {
        FuzzSupport.bounded(() -> {
            check(new String(input, StandardCharsets.UTF_8));
            check(new String(input, StandardCharsets.ISO_8859_1));
        });
    }

    private static void check(String value) {
        HashInfo info = HashClassifier.classify(value);
        if (value.strip().isEmpty()) {
            if (info != null) {
                throw new AssertionError("blank text is no password, not " + info);
            }
            return;
        }
        if (info == null) {
            throw new AssertionError("no result for a non-blank value");
        }
        String scheme = info.scheme();
        if (scheme.isBlank() || !(HashSchemes.known(scheme) || info.unknown() || scheme.equals("plain text"))) {
            throw new AssertionError("scheme outside the vocabulary: " + scheme);
        }
        if (info.format().isBlank()) {
            throw new AssertionError("blank format for scheme " + scheme);
        }
        // parameters are counted by value in the analysis: they must never carry text of the hash
        if (info.parameters() != null && !info.parameters().matches("[a-zA-Z0-9=,^]{1,64}")) {
            throw new AssertionError("parameters that could carry hash text: " + info.parameters());
        }
        if (info.bcryptCost() != null && (info.bcryptCost() < 0 || info.bcryptCost() > 99)) {
            throw new AssertionError("bcrypt cost out of range: " + info.bcryptCost());
        }
    }
}
