package io.ciamportal.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Start-up benchmark of the packaged portal: time from process start to the first HTTP 200, heap after start
 * (live set after a full GC, via jcmd), and the gzip size of the JavaScript the sign-in page and the first page
 * after sign-in load. Runs the jar as a user would, then Spring Boot's extracted layout with a JDK AOT cache
 * (JEP 514/515), without and with Spring AOT ({@code -Dspring.aot.enabled=true}), the cache trained to the context's
 * refresh or on a start that answers a few requests. Property {@code -Dbench.runs=3} (starts per mode, the first on a
 * fresh data directory).
 *
 * <p>Run: {@code ./mvnw -q package -DskipTests && ./mvnw -q exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.ciamportal.bench.StartupBenchmark}. It prints numbers; it asserts nothing.
 */
public final class StartupBenchmark {

    private static final Path JAR = Path.of("target", "ciam-portal.jar");
    private static final Path WORK = Path.of("target", "bench");
    private static final String PASSWORD = "Bench-Password-2026";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public static void main(String[] args) throws Exception {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("Build the jar first: ./mvnw package -DskipTests");
        }
        Files.createDirectories(WORK);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int runs = Integer.parseInt(System.getProperty("bench.runs", "3"));

        var results = new ArrayList<Result>();
        results.add(measure("jar, no AOT cache", List.of(java, "-jar", JAR.toString()), runs, true));

        // Spring Boot's extracted layout: the application's classes come from plain jars on the class path, so the JDK's
        // AOT cache can hold them too (from the fat jar it holds only the JDK's and the loader's)
        Path extracted = WORK.resolve("extracted");
        deleteTree(extracted);
        run(java, "-Djarmode=tools", "-jar", JAR.toString(), "extract", "--destination", extracted.toString());
        String app = extracted.resolve(JAR.getFileName()).toString();

        Path cache = train(java, "portal.aot", List.of(), app, false);
        results.add(measure("extracted, AOT cache (trained to refresh)", List.of(java, "-XX:AOTCache=" + cache, "-jar", app), runs, false));

        Path springAot = train(java, "portal-spring-aot.aot", List.of("-Dspring.aot.enabled=true"), app, false);
        results.add(measure("extracted, Spring AOT, AOT cache (trained to refresh)",
                List.of(java, "-XX:AOTCache=" + springAot, "-Dspring.aot.enabled=true", "-jar", app), runs, false));

        Path served = train(java, "portal-served.aot", List.of("-Dspring.aot.enabled=true"), app, true);
        results.add(measure("extracted, Spring AOT, AOT cache (trained on a start and requests)",
                List.of(java, "-XX:AOTCache=" + served, "-Dspring.aot.enabled=true", "-jar", app), runs, false));

        System.out.println();
        System.out.println("Load average: " + BenchSupport.loadAverage());
        System.out.println("| mode | first start (fresh data dir) ms | restart ms (median) | heap used after start and a full GC, MB |");
        System.out.println("|---|---|---|---|");
        for (var r : results) {
            System.out.printf("| %s | %d | %d | %.1f |%n", r.mode(), r.firstStartMs(), r.restartMedianMs(), r.liveHeapMb());
        }
    }

    /**
     * A training run that writes a JDK AOT cache (JEP 514/515): either the context is refreshed and the JVM exits
     * ({@code spring.context.exit=onRefresh}, as the Docker image trains), or the portal starts, answers the sign-in
     * page, the health check and the sign-in a few times, and is stopped (the cache is written at exit).
     */
    static Path train(String java, String name, List<String> flags, String app, boolean serve) throws Exception {
        Path cache = WORK.resolve(name);
        Files.deleteIfExists(cache);
        var command = new ArrayList<>(List.of(java, "-XX:AOTCacheOutput=" + cache));
        command.addAll(flags);
        if (!serve) {
            command.add("-Dspring.context.exit=onRefresh");
        }
        command.addAll(List.of("-jar", app));
        long t0 = System.nanoTime();
        int port = freePort();
        var training = start(command, freshDataDir(), port);
        if (serve) {
            waitForOk("http://localhost:" + port + "/login", training);
            for (int i = 0; i < 5; i++) {
                for (String path : List.of("/login", "/actuator/health/readiness", "/VAADIN/")) {
                    try {
                        HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.discarding());
                    } catch (IOException ignored) {
                        // an answer is not needed, only the code it runs
                    }
                }
            }
            training.destroy();
        }
        training.waitFor(5, TimeUnit.MINUTES);
        System.out.printf("AOT training run (%s): %.1f s, cache %d MB%n", name, (System.nanoTime() - t0) / 1e9,
                Files.exists(cache) ? Files.size(cache) / (1024 * 1024) : -1);
        return cache;
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (var p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private record Result(String mode, long firstStartMs, long restartMedianMs, double liveHeapMb) {}

    private static Result measure(String mode, List<String> command, int runs, boolean measureJavaScript) throws Exception {
        Path dataDir = freshDataDir();
        var times = new ArrayList<Long>();
        double heap = 0;
        for (int i = 0; i < runs; i++) {
            int port = freePort();
            long t0 = System.nanoTime();
            var process = start(command, dataDir, port);
            try {
                waitForOk("http://localhost:" + port + "/login", process);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                times.add(ms);
                System.out.printf("%s, run %d%s: first HTTP 200 after %d ms%n", mode, i + 1, i == 0 ? " (fresh data dir)" : "", ms);
                if (i == runs - 1) {
                    heap = liveHeapMb(process.pid());
                    System.out.printf("%s: live heap after start %.1f MB%n", mode, heap);
                    if (measureJavaScript) {
                        javaScript("http://localhost:" + port);
                    }
                }
            } finally {
                process.destroy();
                process.waitFor(60, TimeUnit.SECONDS);
            }
        }
        var restarts = new ArrayList<>(times.subList(1, times.size()));
        restarts.sort(null);
        return new Result(mode, times.getFirst(), restarts.isEmpty() ? -1 : restarts.get(restarts.size() / 2), heap);
    }

    static Process start(List<String> command, Path dataDir, int port) throws IOException {
        return start(command, dataDir, port, Map.of());
    }

    static Process start(List<String> command, Path dataDir, int port, Map<String, String> environment) throws IOException {
        var builder = new ProcessBuilder(command);
        builder.environment().putAll(Map.of("PORT", String.valueOf(port), "PORTAL_DATA_DIR", dataDir.toString(),
                "PORTAL_ADMIN_PASSWORD", PASSWORD));
        builder.environment().putAll(environment);
        builder.environment().remove("DB_URL");
        builder.redirectErrorStream(true);
        builder.redirectOutput(WORK.resolve("portal-" + port + ".log").toFile());
        return builder.start();
    }

    static void waitForOk(String url, Process process) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The portal exited; see " + WORK);
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("No HTTP 200 from " + url + " within 3 minutes");
    }

    static double liveHeapMb(long pid) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, String.valueOf(pid), "GC.run");
        String info = run(jcmd, String.valueOf(pid), "GC.heap_info");
        var matcher = Pattern.compile("committed (\\d+)K, used (\\d+)K").matcher(info);
        return matcher.find() ? Long.parseLong(matcher.group(2)) / 1024.0 : -1;
    }

    static String run(String... command) throws Exception {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        process.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /** Encoded (gzip) size of every script the page loads, as the browser received it. */
    private static void javaScript(String base) {
        try (var playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                var browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getenv().getOrDefault("PORTAL_TEST_CHROMIUM", "/usr/bin/chromium")))
                        .setHeadless(true))) {
            var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
            var page = context.newPage();
            var bytes = new AtomicLong();
            var count = new AtomicLong();
            var cached = new AtomicLong();
            page.onRequestFinished(request -> count(request, bytes, count, cached));
            page.navigate(base + "/login");
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            System.out.printf("Sign-in page: %d scripts, %.1f KB transferred (gzip)%n", count.get(), bytes.get() / 1024.0);
            bytes.set(0);
            count.set(0);
            cached.set(0);
            page.getByLabel("Username").fill("admin");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(url -> !url.contains("/login"));
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            System.out.printf("First page after sign-in: %d more scripts, %.1f KB transferred (gzip), %d more served from the browser cache%n",
                    count.get(), bytes.get() / 1024.0, cached.get());
        }
    }

    private static void count(Request request, AtomicLong bytes, AtomicLong count, AtomicLong cached) {
        if ("script".equals(request.resourceType()) && request.response() != null) {
            long size = request.sizes().responseBodySize;
            if (size > 0) {
                count.incrementAndGet();
                bytes.addAndGet(size);
            } else {
                cached.incrementAndGet();
            }
        }
    }

    static Path freshDataDir() throws IOException {
        return Files.createTempDirectory(Files.createDirectories(WORK), "data-");
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
