package io.ciamportal.exports;

import static io.ciamportal.exports.ExportSamples.concat;
import static io.ciamportal.exports.ExportSamples.gzip;
import static io.ciamportal.exports.ExportSamples.utf8;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Coverage-guided fuzzing of the export analyser with Jazzer: whatever the bytes, the analyser finishes an analysis
 * or refuses the file with an {@link ExportFormatException} (or another {@code InvalidInputException}); any other
 * exception, a hang, or an input that makes it allocate without bound is a finding ({@link FuzzSupport}).
 *
 * <h2>How it runs</h2>
 *
 * <ul>
 *   <li><b>Every build</b> ({@code ./mvnw verify}): regression mode, in a surefire execution of its own ({@code fuzz};
 *       the default one leaves {@code *FuzzTest} out, because Jazzer's agent instruments every project class loaded
 *       after it). Each {@code @FuzzTest} is a parameterized test over the empty input and the committed seed corpus,
 *       {@code src/test/resources/io/ciamportal/exports/ExportFuzzTestInputs/} (files directly in it serve every
 *       target of the class; a folder named after a target serves that target, findings included). No fuzzing;
 *       the three classes take about 5 s. The profile {@code jazzer-regression} (active while {@code JAZZER_FUZZ}
 *       is unset) turns Jazzer's sanitizer hooks off there: they cost about ten seconds to load and guard nothing
 *       these parsers do. {@code ./mvnw -o surefire:test@fuzz} runs just this tier.
 *   <li><b>Fuzzing</b>: set {@code JAZZER_FUZZ=1} and name one target, for example {@code JAZZER_FUZZ=1 ./mvnw -o
 *       surefire:test -Dtest='ExportFuzzTest#detected'}. Jazzer fuzzes <em>one</em> {@code @FuzzTest} per run (the
 *       first it meets; the others are skipped), for its {@code maxDuration}: 10 s here, so even a full build with
 *       {@code JAZZER_FUZZ} set fuzzes 10 s in all. {@code JAZZER_MAX_DURATION=5m} makes a longer run. A finding
 *       stops the run and is written to the target's inputs folder, where it stays as a regression input once the
 *       defect is fixed ({@code detected/gzip-header-cut-short} is one: six bytes that ended in a
 *       NullPointerException). The corpus the fuzzer grows goes to {@code .cifuzz-corpus/} (ignored by git).
 * </ul>
 *
 * <h2>Versions (what was found setting this up)</h2>
 *
 * <ul>
 *   <li>Jazzer 0.24.0, the version first in the local Maven repository, runs under JUnit Jupiter 6.0.3 (what Spring Boot
 *       4.1 brings) but cannot fuzz on Java 25: its bundled ASM 9.7 rejects class files of version 69 ("Unsupported class
 *       file major version 69"), so no class is instrumented and libFuzzer reports "no interesting inputs ... Is the code
 *       instrumented for coverage?". It degrades to blind random input.
 *   <li>Jazzer 0.30.0 (ASM 9.9, from Maven Central) instruments Java 25 classes, and works with JUnit 6: the {@code
 *       ArgumentsProvider} method it implements still exists there. It found a planted four-byte magic string in under a
 *       second; 0.24.0 had not after ten million runs.
 *   <li>{@code @Timeout} on a {@code @FuzzTest} becomes libFuzzer's per-input {@code -timeout}, but JUnit applies it
 *       to the fuzzing invocation as well, which then fails after that time though nothing was found. Hence the
 *       deadline in {@link FuzzSupport}, on a worker thread, the same in both modes.
 *   <li>In regression mode Jazzer adds no coverage instrumentation, only its sanitizer hooks (switched off here, see
 *       above). Java 25 warns when an agent is loaded at run time; the {@code fuzz} execution passes
 *       {@code -XX:+EnableDynamicAgentLoading}, which also keeps it working once Java refuses such agents by default.
 *   <li>Fuzzing speed on a two-core machine: about 1,600 inputs a second for {@code detected}, 100 to 170 for the two
 *       targets that analyse each input once per platform, 20,000 to 30,000 for the classifier and the document reader.
 *       One to one and a half minutes each (every platform's reader in) found nothing after the fixes; with the
 *       gzip-header fix undone, {@code detected} found it in 443 inputs, within a second.
 * </ul>
 */
class ExportFuzzTest {

    /** Valid starts of the files the analyser reads; the fuzzer's bytes follow one of them. */
    private static final List<byte[]> STARTS = List.of(
            utf8(ExportSamples.auth0Ndjson(2)),
            utf8(ExportSamples.AUTH0_CSV),
            utf8(ExportSamples.AUTH0_PASSWORD_HASHES),
            utf8(ExportSamples.GENERIC_CSV),
            utf8(ExportSamples.GENERIC_JSON));

    private static final int HASHES = 2;

    /** Arbitrary bytes as one file, the platform detected from them. */
    @FuzzTest(maxDuration = "10s")
    void detected(byte[] input) {
        FuzzSupport.bounded(() -> FuzzSupport.analyse(null, List.of(Map.entry("fuzz-input", input))));
    }

    /** Arbitrary bytes as one file, read as each platform's export in turn. */
    @FuzzTest(maxDuration = "10s")
    void everyPlatformChosen(byte[] input) {
        FuzzSupport.bounded(() -> {
            for (Platform platform : Platform.values()) {
                FuzzSupport.analyse(platform, List.of(Map.entry("fuzz-input", input)));
            }
        });
    }

    /**
     * A valid start of a file, then the fuzzer's bytes. The first byte picks the start and how the rest joins it: after
     * it, after it gzipped (bytes trailing a complete gzip member), or inside the gzip with it. A password-hash file
     * comes after a valid export job, so the join between the two files runs too. Detected, and each platform chosen.
     */
    @FuzzTest(maxDuration = "10s")
    void afterAValidStart(byte[] input) {
        int selector = input.length == 0 ? 0 : input[0] & 0xff;
        byte[] tail = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
        int which = selector % STARTS.size();
        byte[] start = STARTS.get(which);
        byte[] file = switch ((selector / STARTS.size()) % 3) {
            case 0 -> concat(start, tail);
            case 1 -> concat(gzip(start), tail);
            default -> gzip(concat(start, tail));
        };
        var files = new ArrayList<Map.Entry<String, byte[]>>();
        if (which == HASHES) {
            files.add(Map.entry("users.ndjson", STARTS.getFirst()));
        }
        files.add(Map.entry("fuzz-input", file));
        FuzzSupport.bounded(() -> {
            FuzzSupport.analyse(null, files);
            for (Platform platform : Platform.values()) {
                FuzzSupport.analyse(platform, files);
            }
        });
    }
}
