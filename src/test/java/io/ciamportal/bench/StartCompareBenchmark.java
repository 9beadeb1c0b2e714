package io.ciamportal.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Two or more builds of the portal started in turns, as the Docker image starts them (extracted jar, Spring AOT, a JDK
 * AOT cache trained to the context's refresh): round after round, each build once, so that a round's builds share the
 * machine's minute. On a shared machine whose speed drifts by a third, only such pairs tell builds apart. Prints each
 * build's median time to the first HTTP 200 of {@code /login} and, against the first build, the median of the paired
 * differences and the rounds it won.
 *
 * <p>Run: {@code ./mvnw -q exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.ciamportal.bench.StartCompareBenchmark
 * -Dbench.jars=old/ciam-portal.jar,target/ciam-portal.jar -Dbench.rounds=10}. It prints numbers; it asserts nothing.
 */
public final class StartCompareBenchmark {

    public static void main(String[] args) throws Exception {
        List<Path> jars = Arrays.stream(System.getProperty("bench.jars", "target/ciam-portal.jar").split(",")).map(Path::of).toList();
        int rounds = Integer.parseInt(System.getProperty("bench.rounds", "10"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        var builds = new ArrayList<Build>();
        for (int i = 0; i < jars.size(); i++) {
            if (!Files.isRegularFile(jars.get(i))) {
                throw new IllegalStateException("No jar at " + jars.get(i));
            }
            Path extracted = Path.of("target", "bench", "compare-" + i);
            StartupBenchmark.deleteTree(extracted);
            StartupBenchmark.run(java, "-Djarmode=tools", "-jar", jars.get(i).toString(), "extract", "--destination", extracted.toString());
            String app = extracted.resolve(jars.get(i).getFileName()).toString();
            Path cache = StartupBenchmark.train(java, "compare-" + i + ".aot", List.of("-Dspring.aot.enabled=true"), app, false);
            var build = new Build(jars.get(i).toString(), List.of(java, "-XX:AOTCache=" + cache, "-Dspring.aot.enabled=true", "-jar", app),
                    StartupBenchmark.freshDataDir(), new ArrayList<>());
            firstHttp200(build); // the first start makes the data directory: not counted
            builds.add(build);
        }
        for (int round = 1; round <= rounds; round++) {
            var line = new StringBuilder("round " + round + ":");
            for (var build : builds) {
                long ms = firstHttp200(build);
                build.times().add(ms);
                line.append(' ').append(ms).append(" ms");
            }
            System.out.println(line);
        }

        System.out.println();
        System.out.println("Load average: " + BenchSupport.loadAverage());
        System.out.println("| build | median to the first 200, ms | paired difference to the first build (median), ms | rounds faster than the first |");
        System.out.println("|---|---|---|---|");
        var first = builds.getFirst();
        for (var build : builds) {
            var differences = new ArrayList<Long>();
            int faster = 0;
            for (int i = 0; i < rounds; i++) {
                long d = build.times().get(i) - first.times().get(i);
                differences.add(d);
                faster += d < 0 ? 1 : 0;
            }
            System.out.printf("| %s | %d | %s | %s |%n", build.jar(), median(build.times()),
                    build == first ? "" : String.valueOf(median(differences)), build == first ? "" : faster + " of " + rounds);
        }
    }

    private record Build(String jar, List<String> command, Path dataDir, List<Long> times) {}

    private static long firstHttp200(Build build) throws Exception {
        int port = StartupBenchmark.freePort();
        long t0 = System.nanoTime();
        var process = StartupBenchmark.start(build.command(), build.dataDir(), port);
        try {
            StartupBenchmark.waitForOk("http://localhost:" + port + "/login", process);
            return (System.nanoTime() - t0) / 1_000_000;
        } finally {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static long median(List<Long> values) {
        var sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
