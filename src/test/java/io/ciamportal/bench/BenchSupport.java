package io.ciamportal.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What the benchmarks share: percentiles, the packaged portal started on a fresh data dir, a signed-in Chromium page. */
final class BenchSupport {

    static final String PASSWORD = "Bench-Password-2026";

    private BenchSupport() {}

    interface PortalRun {
        void run(String baseUrl) throws Exception;
    }

    interface BrowserRun {
        void run(Page page) throws Exception;
    }

    /** Starts {@code target/ciam-portal.jar} on a free port and a fresh data dir, runs the body, stops the portal. */
    static void withPortal(PortalRun body) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int port = StartupBenchmark.freePort();
        Files.createDirectories(Path.of("target", "bench"));
        var process = StartupBenchmark.start(List.of(java, "-jar", "target/ciam-portal.jar"), StartupBenchmark.freshDataDir(), port);
        try {
            String base = "http://localhost:" + port;
            StartupBenchmark.waitForOk(base + "/login", process);
            body.run(base);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /**
     * Starts a jar ({@code -Dbench.jar}, default {@code target/ciam-portal.jar}) with the demo data (five users with
     * {@link #PASSWORD}, two migrations with their gates) on a free port and a fresh data dir, with the JVM flags of
     * {@code -Dbench.jvm} (space-separated, e.g. {@code -XX:AOTCache=…}), runs the body with the process, stops it.
     */
    static void withDemoPortal(DemoRun body) throws Exception {
        String running = System.getProperty("bench.url");
        if (running != null) {
            // a portal started by hand with PORTAL_DEMO=true and PORTAL_DEMO_PASSWORD=PASSWORD (for trying the benchmark out)
            body.run(running, null);
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<String>();
        command.add(java);
        for (String flag : System.getProperty("bench.jvm", "").trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.add("-jar");
        command.add(System.getProperty("bench.jar", "target/ciam-portal.jar"));
        int port = StartupBenchmark.freePort();
        Files.createDirectories(Path.of("target", "bench"));
        var process = StartupBenchmark.start(command, StartupBenchmark.freshDataDir(), port,
                Map.of("PORTAL_DEMO", "true", "PORTAL_DEMO_PASSWORD", PASSWORD));
        try {
            String base = "http://localhost:" + port;
            StartupBenchmark.waitForOk(base + "/login", process);
            // the demo data is made by start-up runners that finish after the first 200: wait for the last one's line
            var log = Path.of("target", "bench", "portal-" + port + ".log");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.readString(log).contains("Demo: security gates") && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            body.run(base, process);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    interface DemoRun {
        void run(String baseUrl, Process portal) throws Exception;
    }

    /** The machine's load average (1, 5, 15 minutes), to print next to every measurement on this shared machine. */
    static String loadAverage() {
        try {
            var parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    /** A Chromium page signed in as the portal's admin. */
    static void withAdminPage(String base, BrowserRun body) throws Exception {
        try (var playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getenv().getOrDefault("PORTAL_TEST_CHROMIUM", "/usr/bin/chromium"))))) {
            var page = browser.newPage();
            page.navigate(base + "/login");
            page.getByLabel("Username").fill("admin");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(url -> !url.contains("/login"));
            body.run(page);
        }
    }

    static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        var sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
