package io.ciamportal.exports;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.exports.ExportAnalysis.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hand-written document ({@link AnalysisWriter}, what {@link AnalysisJson#write} and {@code --json} print) is the
 * one Jackson's data binding writes, character for character, compact and pretty: for the analysis of every fixture
 * export and seed of the fuzz corpus that analyses, and for documents of odd values (control characters, quotes,
 * slashes, unicode and lone surrogates in names, nulls where the records allow them, empty and full maps, fractions).
 * A component added to a record and not to the writer fails here.
 */
class AnalysisWriterTest {

    private static void same(ExportAnalysis a) {
        assertThat(AnalysisJson.write(a)).isEqualTo(AnalysisJson.writeWithMapper(a, false));
        assertThat(AnalysisJson.writePretty(a)).isEqualTo(AnalysisJson.writeWithMapper(a, true));
    }

    @Test
    void everyFixtureAndSeedIsWrittenAsDataBindingWritesIt() throws IOException {
        int analysed = 0;
        for (String root : List.of("src/test/resources/exports", "src/test/resources/io/ciamportal/exports")) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                files = walk.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".expected.json") && !f.toString().endsWith(".md"))
                        .sorted().toList();
            }
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    same(ExportAnalyser.analyse(AnalysisOptions.detect(ExportSamples.AS_OF), ExportLimits.defaults(),
                            Map.of(file.getFileName().toString(), in)));
                    analysed++;
                } catch (io.ciamportal.shared.InvalidInputException refused) {
                    // a bad file or a seed that is no export: nothing to write
                }
            }
        }
        assertThat(analysed).isGreaterThan(40);
    }

    private static final String[] ODD = {"", "plain", "quote \" and backslash \\", "slash / and <tag>", "tab\tline\nreturn\r",
        "\u0000\u0001\u0008\u000b\u000c\u001f\u007f", "\u00e9\u540d\ud83d\ude00", "lone \ud800 surrogate", "\udc00", "\u2028\u2029",
        "\u0085 next line", "emoji \ud83d\ude00 end"};

    private static String odd(Random r) {
        return ODD[r.nextInt(ODD.length)];
    }

    private static Map<String, Long> counts(Random r) {
        var m = new LinkedHashMap<String, Long>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            m.put(odd(r) + i, r.nextLong(-5, 1_000_000_000_000L));
        }
        return m;
    }

    private static Status status(Random r) {
        return Status.values()[r.nextInt(Status.values().length)];
    }

    private static ExportAnalysis.Metric metric(Random r) {
        return new ExportAnalysis.Metric(status(r), r.nextBoolean() ? null : r.nextLong(0, 100), r.nextLong(0, 1000), r.nextBoolean() ? null : odd(r));
    }

    @Test
    void oddValuesAreWrittenAsDataBindingWritesThem() {
        var random = new Random(3);
        double[] shares = {0.0, 1.0, 0.5, 1.0 / 3, 1e-7, 0.9198831308626788, 123456789.125, 1e21, Double.NaN, Double.POSITIVE_INFINITY};
        for (int i = 0; i < 400; i++) {
            Random r = random;
            var files = new ArrayList<ExportAnalysis.FileInfo>();
            int nf = r.nextInt(3);
            for (int k = 0; k < nf; k++) {
                files.add(new ExportAnalysis.FileInfo(odd(r), r.nextLong(0, 1L << 40), "ab".repeat(32), odd(r), odd(r), r.nextBoolean(), r.nextLong(0, 100)));
            }
            var parameters = new LinkedHashMap<String, Map<String, Long>>();
            if (r.nextBoolean()) {
                parameters.put("argon2id", counts(r));
                parameters.put(odd(r), counts(r));
            }
            var buckets = new ArrayList<ExportAnalysis.Bucket>();
            if (r.nextBoolean()) {
                buckets.add(new ExportAnalysis.Bucket("under 30 days", 0, 30, r.nextLong(0, 10)));
                buckets.add(new ExportAnalysis.Bucket("over 2 years", 730, null, r.nextLong(0, 10)));
            }
            var keys = new ArrayList<String>();
            for (int k = r.nextInt(4); k > 0; k--) {
                keys.add(odd(r));
            }
            var warnings = new ArrayList<ExportAnalysis.Warning>();
            if (r.nextBoolean()) {
                warnings.add(new ExportAnalysis.Warning(odd(r), odd(r)));
            }
            var a = new ExportAnalysis(ExportAnalysis.FORMAT, ExportAnalysis.VERSION, odd(r), odd(r), r.nextBoolean(),
                    Instant.ofEpochSecond(r.nextLong(0, 4_000_000_000L), r.nextBoolean() ? 0 : r.nextInt(1_000_000_000)), files,
                    r.nextLong(0, 10_000_000_000L), new ExportAnalysis.Skipped(r.nextLong(0, 9), r.nextLong(0, 9)),
                    new ExportAnalysis.Passwords(status(r), r.nextLong(0, 9), r.nextBoolean() ? null : r.nextLong(0, 9), r.nextLong(0, 9), counts(r),
                            counts(r), counts(r), parameters, r.nextBoolean() ? null : odd(r)),
                    metric(r), metric(r), metric(r), new ExportAnalysis.Duplicates(status(r), r.nextLong(0, 9), r.nextLong(0, 9), r.nextLong(0, 9)),
                    new ExportAnalysis.SourceIds(r.nextLong(0, 9), r.nextLong(0, 9)),
                    new ExportAnalysis.Mfa(status(r), r.nextLong(0, 9), r.nextBoolean() ? null : r.nextLong(0, 9), counts(r), r.nextLong(0, 9),
                            r.nextBoolean() ? null : odd(r)),
                    new ExportAnalysis.LastSignIn(status(r), r.nextLong(0, 9), r.nextLong(0, 9), buckets, r.nextInt(400),
                            r.nextBoolean() ? null : r.nextLong(0, 9), r.nextBoolean() ? null : shares[r.nextInt(shares.length)], r.nextBoolean() ? null : odd(r)),
                    new ExportAnalysis.Providers(status(r), counts(r), r.nextLong(0, 9), r.nextBoolean() ? null : odd(r)),
                    new ExportAnalysis.Keys(status(r), keys, r.nextBoolean()), metric(r), metric(r), metric(r), metric(r), warnings);
            same(a);
        }
    }
}
