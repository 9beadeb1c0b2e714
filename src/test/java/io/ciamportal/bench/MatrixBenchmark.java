package io.ciamportal.bench;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Server time of the full capability matrix (all vendors, all capabilities): through the API
 * ({@code GET /api/v1/matrix}, measured on loopback, so it is server time plus a little transfer) and through the
 * view (the Vaadin round trip that recomputes and resends the matrix when "Only differences" is toggled).
 *
 * <p>Run: {@code ./mvnw -q -DskipTests package exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.ciamportal.bench.MatrixBenchmark}. It prints numbers; it asserts nothing.
 */
public final class MatrixBenchmark {

    private static final String PASSWORD = "Bench-Password-2026";

    public static void main(String[] args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int port = StartupBenchmark.freePort();
        Files.createDirectories(Path.of("target", "bench"));
        var process = StartupBenchmark.start(List.of(java, "-jar", "target/ciam-portal.jar"), StartupBenchmark.freshDataDir(), port);
        try {
            String base = "http://localhost:" + port;
            StartupBenchmark.waitForOk(base + "/login", process);
            api(base);
            view(base);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static void api(String base) throws Exception {
        var http = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/matrix"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).build();
        int bytes = 0;
        for (int i = 0; i < 30; i++) {
            bytes = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        }
        var times = new ArrayList<Double>();
        for (int i = 0; i < 200; i++) {
            long t0 = System.nanoTime();
            var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            times.add((System.nanoTime() - t0) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
        }
        System.out.printf("API GET /api/v1/matrix with HTTP Basic (29 x 29, %d KB JSON): median %.1f ms, p95 %.1f ms over 200 calls%n",
                bytes / 1024, percentile(times, 50), percentile(times, 95));
        var me = HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).header("Authorization", request.headers().firstValue("Authorization").orElseThrow()).build();
        var meTimes = new ArrayList<Double>();
        for (int i = 0; i < 50; i++) {
            long t0 = System.nanoTime();
            http.send(me, HttpResponse.BodyHandlers.discarding());
            meTimes.add((System.nanoTime() - t0) / 1e6);
        }
        System.out.printf("API GET /api/v1/me with HTTP Basic (the cost of checking the password, bcrypt): median %.1f ms%n", percentile(meTimes, 50));
    }

    private static void view(String base) {
        try (var playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                var browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getenv().getOrDefault("PORTAL_TEST_CHROMIUM", "/usr/bin/chromium"))))) {
            var page = browser.newPage();
            page.navigate(base + "/login");
            page.getByLabel("Username").fill("admin");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(url -> !url.contains("/login"));
            var sessionTimes = new ArrayList<Double>();
            for (int i = 0; i < 120; i++) {
                long start = System.nanoTime();
                var response = page.request().get(base + "/api/v1/matrix");
                if (response.status() != 200) {
                    throw new IllegalStateException("HTTP " + response.status());
                }
                if (i >= 20) {
                    sessionTimes.add((System.nanoTime() - start) / 1e6);
                }
            }
            System.out.printf("API GET /api/v1/matrix with the browser session: median %.1f ms, p95 %.1f ms over 100 calls%n",
                    percentile(sessionTimes, 50), percentile(sessionTimes, 95));
            long t0 = System.nanoTime();
            page.navigate(base + "/matrix");
            page.locator("portal-matrix td").nth(840).waitFor();
            System.out.printf("View /matrix: first paint of all 841 cells %.0f ms after navigation (browser included)%n", (System.nanoTime() - t0) / 1e6);
            var rows = page.locator("portal-matrix tbody tr:not(.group)");
            var times = new ArrayList<Double>();
            for (int i = 0; i < 20; i++) {
                int before = rows.count();
                long start = System.nanoTime();
                page.getByText("Only differences").click();
                page.waitForFunction("n => document.querySelector('portal-matrix').shadowRoot.querySelectorAll('tbody tr:not(.group)').length !== n", before);
                times.add((System.nanoTime() - start) / 1e6);
            }
            System.out.printf("View round trip (toggle only differences: recompute, send, re-render): median %.1f ms, p95 %.1f ms over 20%n",
                    percentile(times, 50), percentile(times, 95));
        }
    }

    private static double percentile(List<Double> values, int p) {
        var sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
