package io.ciamportal.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The export analyser on exports of one and ten million users, as a user runs it: {@code java -jar
 * target/ciam-portal.jar analyse-export --json FILE} in a separate process, timed from start to exit (JVM start
 * included), with its peak resident memory from {@code /usr/bin/time -v} (the kernel's high-water mark of the child).
 * Formats: Auth0's export job as NDJSON (plain and gzipped), Firebase's CLI JSON, a Keycloak realm, Clerk's CSV and an
 * in-house CSV, written once under {@code target/bench-exports/} by {@link BenchExports} and reused. In the same run
 * {@code jq} reads the same NDJSON for three fields, for a yardstick.
 *
 * <p>Run (the jar must be built first; jq must be installed, {@code apt-get install -y jq}):
 * {@code ./mvnw -q -DskipTests package exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.ciamportal.bench.ExportAnalyserBenchmark}. Properties: {@code bench.sizes} (default
 * {@code 1000000,10000000}), {@code bench.formats} (names such as {@code auth0-ndjson,clerk-csv}), {@code bench.runs}
 * (default 2; the best run is reported), {@code bench.jvm} (the analyser's JVM flags, default {@link #JVM_FLAGS}),
 * {@code bench.jar} (another build to compare, default {@code target/ciam-portal.jar}), {@code bench.jq} ({@code false}
 * to leave jq out).
 * It prints numbers; it asserts nothing.
 */
public final class ExportAnalyserBenchmark {

    /**
     * The analyser's JVM flags: none, as a user runs it. The command sizes its own JVM (it runs itself again with a
     * small heap and the serial collector when the JVM it was started in has a far larger heap cap, see
     * {@code io.ciamportal.exports.Relaunch}); {@code time}'s peak RSS is the larger of the two processes (the child), the
     * CPU time is theirs together. The first JVM waits beside the child with about 60 MB resident.
     */
    static final String JVM_FLAGS = "";

    private static final Path JAR = Path.of(System.getProperty("bench.jar", "target/ciam-portal.jar"));
    private static final Path DIR = Path.of("target", "bench-exports");
    private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
    private static final Pattern USER = Pattern.compile("User time \\(seconds\\): ([\\d.]+)");
    private static final Pattern SYSTEM = Pattern.compile("System time \\(seconds\\): ([\\d.]+)");
    private static final Pattern USERS = Pattern.compile("\"users\"\\s*:\\s*(\\d+)");

    /** One run: wall time, CPU time of the child (user and system, all its threads), peak RSS, users read. */
    record Run(double seconds, double cpuSeconds, long peakRssKb, long users, int exit) {}

    public static void main(String[] args) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("Build the jar first: ./mvnw -q -DskipTests package");
        }
        long[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1000000,10000000").split(",")).mapToLong(s -> Long.parseLong(s.strip()))
                .toArray();
        List<String> wanted = Arrays.stream(System.getProperty("bench.formats", "").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        int runs = Integer.parseInt(System.getProperty("bench.runs", "2"));
        List<String> jvm = Arrays.stream(System.getProperty("bench.jvm", JVM_FLAGS).split("\\s+")).filter(s -> !s.isEmpty()).toList();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        boolean jq = which("jq") && !"false".equals(System.getProperty("bench.jq"));
        System.out.println(machine());
        System.out.println("Analyser: " + JAR + ", JVM flags: " + (jvm.isEmpty() ? "none" : String.join(" ", jvm)) + (jq ? "" : "; no jq comparison (jq not installed, or"
                + " bench.jq=false)"));

        var rows = new ArrayList<String>();
        var jqRows = new ArrayList<String>();
        for (long users : sizes) {
            for (var kind : BenchExports.Kind.values()) {
                String id = kind.name + "-" + kind.extension.replace('.', '-');
                if (!wanted.isEmpty() && !wanted.contains(id)) {
                    continue;
                }
                Path file = BenchExports.ensure(kind, users, DIR);
                long bytes = Files.size(file);
                if (runs == 0) {
                    continue; // bench.runs=0: only write the files
                }
                long content = kind.gzip ? gunzippedSize(file) : bytes;
                Run best = null;
                for (int r = 0; r < runs; r++) {
                    var cmd = new ArrayList<>(List.of("/usr/bin/time", "-v", java));
                    cmd.addAll(jvm);
                    cmd.addAll(List.of("-jar", JAR.toString(), "analyse-export", "--json", file.toString()));
                    Run run = measure(cmd, DIR.resolve(file.getFileName() + ".analysis.json"));
                    System.out.printf(Locale.ROOT, "  %s, %s users, run %d: %.2f s, %.1f s CPU, peak RSS %.0f MB, %d users read, exit %d; load %s%n",
                            kind.label(), BenchExports.size(users), r + 1, run.seconds(), run.cpuSeconds(), run.peakRssKb() / 1024.0, run.users(),
                            run.exit(), load());
                    if (best == null || run.seconds() < best.seconds()) {
                        best = run;
                    }
                }
                double mbps = content / 1e6 / best.seconds();
                rows.add(String.format(Locale.ROOT, "| %s | %s | %,.0f MB%s | %.1f s | %.1f s | %.0f MB/s | %,.0f | %.0f MB |", kind.label(),
                        BenchExports.size(users), bytes / 1e6, kind.gzip ? String.format(Locale.ROOT, " (%,.0f MB unpacked)", content / 1e6) : "",
                        best.seconds(), best.cpuSeconds(), mbps, best.users() / best.seconds(), best.peakRssKb() / 1024.0));
                if (jq && kind == BenchExports.Kind.AUTH0_NDJSON) {
                    Run q = null;
                    for (int r = 0; r < runs; r++) {
                        Run run = measure(List.of("/usr/bin/time", "-v", "jq", "-c", "[.user_id,.email,.last_login]", file.toString()), null);
                        System.out.printf(Locale.ROOT, "  jq on the same file, run %d: %.2f s, %.1f s CPU, peak RSS %.0f MB; load %s%n", r + 1,
                                run.seconds(), run.cpuSeconds(), run.peakRssKb() / 1024.0, load());
                        if (q == null || run.seconds() < q.seconds()) {
                            q = run;
                        }
                    }
                    jqRows.add(String.format(Locale.ROOT, "| %s | %.1f s (%.1f s CPU), %.0f MB/s | %.1f s (%.1f s CPU), %.0f MB/s | %.1fx (CPU %.1fx) |",
                            BenchExports.size(users), best.seconds(), best.cpuSeconds(), mbps, q.seconds(), q.cpuSeconds(), content / 1e6 / q.seconds(),
                            q.seconds() / best.seconds(), q.cpuSeconds() / best.cpuSeconds()));
                }
            }
        }
        System.out.println();
        System.out.println("| format | users | file | wall time | CPU time | MB/s | users/s | peak RSS |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        if (!jqRows.isEmpty()) {
            System.out.println();
            System.out.println("| Auth0 NDJSON | analyse-export | jq -c '[.user_id,.email,.last_login]' | analyser faster by |");
            System.out.println("|---|---|---|---|");
            jqRows.forEach(System.out::println);
        }
    }

    /** Runs the command to its end: wall time, peak RSS of the child (from time -v), and the users the analysis counted. */
    static Run measure(List<String> command, Path output) throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command);
        Path err = Files.createTempFile("bench-", ".err");
        builder.redirectError(err.toFile());
        builder.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(output.toFile()));
        long start = System.nanoTime();
        var process = builder.start();
        if (!process.waitFor(2, TimeUnit.HOURS)) {
            process.destroyForcibly();
            throw new IllegalStateException("timed out: " + command);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        Files.delete(err);
        var rss = RSS.matcher(stderr);
        long users = -1;
        if (output != null) {
            var m = USERS.matcher(Files.readString(output));
            users = m.find() ? Long.parseLong(m.group(1)) : -1;
        }
        if (process.exitValue() != 0) {
            System.out.println("  exit " + process.exitValue() + ": " + stderr.lines().limit(5).toList());
        }
        var user = USER.matcher(stderr);
        var system = SYSTEM.matcher(stderr);
        double cpu = (user.find() ? Double.parseDouble(user.group(1)) : 0) + (system.find() ? Double.parseDouble(system.group(1)) : 0);
        return new Run(seconds, cpu, rss.find() ? Long.parseLong(rss.group(1)) : -1, users, process.exitValue());
    }

    private static long gunzippedSize(Path file) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file), 1 << 16)) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private static boolean which(String tool) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String machine() throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        String mem = Files.readAllLines(Path.of("/proc/meminfo")).getFirst().replaceAll("\\s+", " ");
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        return String.format(Locale.ROOT, "Machine: %d cores (%s), %s, Java %s; load average at start %s", Runtime.getRuntime().availableProcessors(),
                cpu, mem, System.getProperty("java.version"), load);
    }
}
