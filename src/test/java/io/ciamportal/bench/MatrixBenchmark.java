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

    private static final String PASSWORD = BenchSupport.PASSWORD;

    public static void main(String[] args) throws Exception {
        BenchSupport.withPortal(base -> {
            api(base);
            view(base);
        });
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
                bytes / 1024, BenchSupport.percentile(times, 50), BenchSupport.percentile(times, 95));
        var me = HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).header("Authorization", request.headers().firstValue("Authorization").orElseThrow()).build();
        var meTimes = new ArrayList<Double>();
        for (int i = 0; i < 50; i++) {
            long t0 = System.nanoTime();
            http.send(me, HttpResponse.BodyHandlers.discarding());
            meTimes.add((System.nanoTime() - t0) / 1e6);
        }
        System.out.printf("API GET /api/v1/me with HTTP Basic (the cost of checking the password, bcrypt): median %.1f ms%n", BenchSupport.percentile(meTimes, 50));
    }

    private static void view(String base) throws Exception {
        BenchSupport.withAdminPage(base, page -> {
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
                    BenchSupport.percentile(sessionTimes, 50), BenchSupport.percentile(sessionTimes, 95));
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
                    BenchSupport.percentile(times, 50), BenchSupport.percentile(times, 95));
        });
    }

}
