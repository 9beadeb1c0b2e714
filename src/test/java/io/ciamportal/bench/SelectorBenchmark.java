package io.ciamportal.bench;

import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import io.ciamportal.selector.Answers;
import io.ciamportal.selector.Choices;
import io.ciamportal.selector.SelectorEngine;
import io.ciamportal.selector.RealDataset;
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
 * The selector's speed: the pure engine over all vendors (in process, no Spring), the API with HTTP Basic next to the
 * cost of Basic alone, and the results page's server time (the Vaadin request that builds the view, read from the
 * browser's resource timing).
 *
 * <p>Run: {@code ./mvnw -q -DskipTests package exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.ciamportal.bench.SelectorBenchmark}. It prints numbers; it asserts nothing.
 */
public final class SelectorBenchmark {

    private static final String PASSWORD = BenchSupport.PASSWORD;
    private static final String QUERY = "from=auth0&reason=b2b-sso-scim&shape=b2b&hosting=either&region=EU&mau=from-100k-to-1m"
            + "&price=high&must=scim-inbound&nice=passkeys&nice=totp-import";

    public static void main(String[] args) throws Exception {
        engine();
        BenchSupport.withPortal(base -> {
            api(base);
            view(base);
        });
    }

    private static void engine() {
        var candidates = RealDataset.candidates();
        var answers = List.of(Answers.fromQueryString(QUERY), Answers.defaults(),
                Answers.fromQueryString("from=azure-ad-b2c&reason=end-of-life&hosting=managed&attestation=SOC2"),
                Answers.fromQueryString("reason=sovereignty&hosting=self-hosted&oss=true&mau=over-1m&must=passkeys"));
        for (int i = 0; i < 20_000; i++) {
            SelectorEngine.run(answers.get(i % answers.size()), candidates);
        }
        var times = new ArrayList<Double>();
        for (int i = 0; i < 20_000; i++) {
            long t0 = System.nanoTime();
            SelectorEngine.run(answers.get(i % answers.size()), candidates);
            times.add((System.nanoTime() - t0) / 1e3);
        }
        System.out.printf("Engine, one run over %d vendors (4 answer sets, 20,000 runs after warm-up): median %.0f µs, p99 %.0f µs%n",
                candidates.size(), BenchSupport.percentile(times, 50), BenchSupport.percentile(times, 99));
        System.out.printf("  (reasons: %d; the engine has no I/O)%n", Choices.Reason.values().length);
    }

    private static void api(String base) throws Exception {
        var http = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        String body = """
                {"currentPlatform":"auth0","reason":"B2B_SSO_SCIM","shape":"B2B","residency":["EU"],"mauBand":"FROM_100K_TO_1M",
                 "priceSensitivity":"HIGH","mustHave":["scim-inbound"],"niceToHave":["passkeys","totp-import"]}""";
        var post = HttpRequest.newBuilder(URI.create(base + "/api/v1/selector")).header("Authorization", auth)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        var me = HttpRequest.newBuilder(URI.create(base + "/api/v1/me")).header("Authorization", auth).build();
        for (int i = 0; i < 20; i++) {
            http.send(post, HttpResponse.BodyHandlers.discarding());
        }
        var times = new ArrayList<Double>();
        var meTimes = new ArrayList<Double>();
        for (int i = 0; i < 100; i++) {
            long t0 = System.nanoTime();
            var response = http.send(post, HttpResponse.BodyHandlers.ofString());
            times.add((System.nanoTime() - t0) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode() + " " + response.body());
            }
            long t1 = System.nanoTime();
            http.send(me, HttpResponse.BodyHandlers.discarding());
            meTimes.add((System.nanoTime() - t1) / 1e6);
        }
        System.out.printf("API POST /api/v1/selector with HTTP Basic: median %.1f ms, p95 %.1f ms; GET /api/v1/me with Basic (bcrypt alone): median %.1f ms%n",
                BenchSupport.percentile(times, 50), BenchSupport.percentile(times, 95), BenchSupport.percentile(meTimes, 50));
    }

    private static void view(String base) throws Exception {
        BenchSupport.withAdminPage(base, page -> {
            var results = serverTimes(page, base + "/selector/results?" + QUERY, ".portal-ranked-card");
            var baseline = serverTimes(page, base + "/selector/runs", "text=Start a new run");
            System.out.printf("View /selector/results: server time of the request that builds the view: median %.1f ms, p95 %.1f ms over 30 loads%n",
                    BenchSupport.percentile(results, 50), BenchSupport.percentile(results, 95));
            System.out.printf("View /selector/runs (a small page, for comparison): median %.1f ms%n", BenchSupport.percentile(baseline, 50));
        });
    }

    /** Loads the page repeatedly and reads the time to first byte of Vaadin's init request, which renders the route. */
    private static List<Double> serverTimes(Page page, String url, String ready) {
        var times = new ArrayList<Double>();
        for (int i = 0; i < 40; i++) {
            page.navigate(url);
            page.locator(ready).first().waitFor();
            Object ms = page.evaluate("() => { const e = performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))"
                    + ".filter(r => r.name.includes('v-r=init') || r.entryType === 'navigation');"
                    + " const init = e.find(r => r.name.includes('v-r=init')) || e[0];"
                    + " return [init.responseStart - init.requestStart, init.name.replace(location.origin, '')]; }");
            var pair = (List<?>) ms;
            if (i == 0) {
                String request = String.valueOf(pair.get(1));
                System.out.println("  measured: " + request.substring(0, Math.max(0, request.indexOf("&query=")) > 0 ? request.indexOf("&query=") : request.length()));
            }
            if (i >= 10) {
                times.add(((Number) pair.get(0)).doubleValue());
            }
        }
        return times;
    }

}
