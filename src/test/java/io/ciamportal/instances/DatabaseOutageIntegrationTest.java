package io.ciamportal.instances;

import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.ciamportal.testsupport.Browsers;
import io.ciamportal.testsupport.PortalInstance;
import io.ciamportal.testsupport.PortalPages;
import io.ciamportal.testsupport.RunningPortal;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL stops under load and comes back ({@code -Dportal.test.outage-seconds}, 60 by default, as issue 14 asks):
 * while it is down every request answers within 5 s with a 503 that says so (JSON for the API, a page in the browser)
 * and health reports DOWN; after it returns the portal serves again within 30 s without a restart; every write is
 * either wholly there (the row and its audit entry) or not at all, and the audit chain verifies.
 *
 * <p>The 5 s and 30 s are the acceptance bounds, checked as bounds (the HTTP client gives up after 5 s, the
 * recovery is awaited for at most 30 s); the measured figures are printed and recorded in docs/performance.md.
 */
@Tag("integration")
@SuppressWarnings("unchecked")
class DatabaseOutageIntegrationTest {

    static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("portal.test.outage-seconds", 60));
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    static final Duration RECOVER_WITHIN = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String GATE = "rollback";

    final String analyst = basic("analyst", RunningPortal.DEMO_PASSWORD);
    final String reviewer = basic("reviewer", RunningPortal.DEMO_PASSWORD);
    final String reviewer2 = basic("reviewer2", RunningPortal.DEMO_PASSWORD);
    final String viewer = basic("viewer", RunningPortal.DEMO_PASSWORD);
    final String admin = basic("admin", RunningPortal.DEMO_PASSWORD);

    final HttpClient http = HttpClient.newBuilder().connectTimeout(ANSWER_WITHIN).build();
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    final AtomicBoolean loadRunning = new AtomicBoolean(true);

    Path dataDir;
    int dbPort;
    EmbeddedPostgres postgres;
    PortalInstance portal;
    ExecutorService load;

    /** One request as the client saw it: when it started and ended (nanoTime), and the answer or the failure. */
    record Call(String kind, String what, long start, long end, int status, String body) {
        Duration took() {
            return Duration.ofNanos(end - start);
        }

        Map<String, Object> json() {
            return body.startsWith("{") ? JSON.readValue(body, Map.class) : Map.of();
        }
    }

    @AfterEach
    void stop() throws IOException {
        loadRunning.set(false);
        if (load != null) {
            load.shutdownNow();
        }
        if (portal != null) {
            portal.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder().setPort(dbPort).setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setServerConfig("timezone", "UTC").setServerConfig("max_connections", "40").start();
    }

    @Test
    void theDatabaseStopsUnderLoadAndThePortalFailsFastSaysSoAndRecoversOnItsOwn() throws Exception {
        dataDir = Files.createDirectories(Path.of("target", "test-data", "outage-" + UUID.randomUUID(), "postgres"));
        try (var socket = new ServerSocket(0)) {
            dbPort = socket.getLocalPort();
        }
        postgres = startDatabase();
        portal = PortalInstance.start("outage", "jdbc:postgresql://localhost:" + dbPort + "/postgres", Map.of());
        var db = JdbcClient.create(postgres.getPostgresDatabase());

        // the migration whose rollback gate the load keeps cycling: evidence, submit, two approvals, evidence again
        var created = call("setup", "POST", "/api/v1/migrations", analyst, """
                {"name": "Outage: the cycling gate", "source": "auth0", "destination": "keycloak", "inventory": {"totalUsers": 1000},
                 "members": [{"username": "reviewer", "role": "REVIEWER"}, {"username": "reviewer2", "role": "REVIEWER"}]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String cycling = (String) created.json().get("id");

        var browser = BrowserCheck.startIfChromium(portal.baseUrl());
        try {
            load = Executors.newFixedThreadPool(4);
            var createdIds = Collections.synchronizedList(new ArrayList<String>());
            var numbers = new AtomicInteger();
            load.submit(() -> loop(() -> {
                int n = numbers.incrementAndGet();
                var answer = call("write", "POST", "/api/v1/migrations", analyst, """
                        {"name": "Outage load %d", "source": "cognito", "destination": "clerk", "inventory": {"totalUsers": %d}}"""
                        .formatted(n, n));
                if (answer.status() == 201) {
                    createdIds.add((String) answer.json().get("id"));
                }
            }));
            load.submit(() -> loop(() -> cycleGate(cycling)));
            load.submit(() -> loop(() -> {
                call("read", "GET", "/api/v1/vendors", viewer, null);
                call("read", "GET", "/api/v1/migrations/" + cycling, analyst, null);
            }));
            load.submit(() -> loop(() -> {
                call("health", "GET", "/actuator/health", null, null);
                call("readiness", "GET", "/actuator/health/readiness", null, null);
                call("liveness", "GET", "/actuator/health/liveness", null, null);
            }));

            Thread.sleep(5_000);
            assertThat(calls).as("the load runs before the outage").anyMatch(c -> c.kind().equals("write") && c.status() == 201);

            long stopped = System.nanoTime();
            postgres.close();
            long stoppedAt = System.nanoTime();
            browser.duringOutage();
            long remaining = OUTAGE.toNanos() - (System.nanoTime() - stoppedAt);
            Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(remaining)));
            long restarting = System.nanoTime();
            postgres = startDatabase();
            long restarted = System.nanoTime();
            db = JdbcClient.create(postgres.getPostgresDatabase());

            // recovered: a read, a write and health all succeed again, on their own, within 30 s of the database's return
            long deadline = restarted + RECOVER_WITHIN.toNanos();
            long recovered = -1;
            while (System.nanoTime() < deadline) {
                long readOk = firstSuccessAfter("read", restarted);
                long writeOk = firstSuccessAfter("write", restarted);
                long healthOk = firstSuccessAfter("health", restarted);
                if (readOk > 0 && writeOk > 0 && healthOk > 0) {
                    recovered = Math.max(readOk, Math.max(writeOk, healthOk));
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(recovered).as("the portal serves again within %s of the database's return, without a restart", RECOVER_WITHIN)
                    .isPositive();
            Thread.sleep(2_000);
            loadRunning.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            browser.afterRecovery();

            // during the outage (from the stop's end to the restart's start) every answer was a quick, clear 503
            List<Call> during;
            synchronized (calls) {
                during = calls.stream().filter(c -> c.start() >= stoppedAt && c.end() <= restarting).toList();
            }
            assertThat(during).as("requests during the outage").hasSizeGreaterThan(10);
            for (var c : during) {
                assertThat(c.status()).as("%s %s answered within %s", c.kind(), c.what(), ANSWER_WITHIN).isPositive();
                if (c.kind().equals("liveness")) {
                    continue; // liveness stays UP, see below
                }
                assertThat(c.status()).as(c.what() + ": " + c.body()).isEqualTo(503);
                if (c.kind().startsWith("health") || c.kind().equals("readiness")) {
                    assertThat(c.json()).containsEntry("status", "DOWN");
                    assertThat((Map<String, Object>) c.json().get("components")).extractingByKey("db")
                            .isEqualTo(Map.of("status", "DOWN"));
                } else {
                    assertThat(c.json()).containsEntry("error", "database_unavailable").containsEntry("status", 503);
                    assertThat(c.body()).doesNotContain("Exception").doesNotContain("at io.ciamportal");
                }
            }
            List<Call> liveness;
            synchronized (calls) {
                liveness = calls.stream().filter(c -> c.kind().equals("liveness") && c.start() >= stoppedAt && c.end() <= restarting).toList();
            }
            assertThat(liveness).as("liveness stays UP: the portal needs no restart").isNotEmpty()
                    .allSatisfy(c -> assertThat(c.status()).isEqualTo(200));

            // no partial write: each migration is there with its audit entry and its six gates, or not at all
            var rows = db.sql("SELECT id::text FROM migration WHERE name LIKE 'Outage load %'").query(String.class).list();
            var audited = db.sql("""
                    SELECT target_id FROM audit_entry WHERE action = 'MIGRATION_CREATED' AND after_state::jsonb ->> 'name' LIKE 'Outage load %'""")
                    .query(String.class).list();
            assertThat(audited).containsExactlyInAnyOrderElementsOf(rows);
            assertThat(rows).containsAll(createdIds);
            long withoutSixGates = db.sql("""
                    SELECT count(*) FROM migration m WHERE m.name LIKE 'Outage load %'
                    AND (SELECT count(*) FROM gate g WHERE g.migration_id = m.id) <> 6""").query(Long.class).single();
            assertThat(withoutSixGates).isZero();
            // and each evidence row and sign-off of the cycling gate has its audit entry, and no entry lacks its row
            long evidenceRows = db.sql("SELECT count(*) FROM gate_evidence e JOIN gate g ON g.id = e.gate_id WHERE g.migration_id = ?::uuid")
                    .param(cycling).query(Long.class).single();
            long evidenceAudited = db.sql("SELECT count(*) FROM audit_entry WHERE action = 'GATE_EVIDENCE_ADDED' AND target_id = ?")
                    .param(cycling).query(Long.class).single();
            assertThat(evidenceAudited).isEqualTo(evidenceRows).isPositive();
            long signOffRows = db.sql("SELECT count(*) FROM gate_sign_off s JOIN gate g ON g.id = s.gate_id WHERE g.migration_id = ?::uuid")
                    .param(cycling).query(Long.class).single();
            long signOffsAudited = db.sql("SELECT count(*) FROM audit_entry WHERE action = 'GATE_SIGNED_OFF' AND target_id = ?")
                    .param(cycling).query(Long.class).single();
            assertThat(signOffsAudited).isEqualTo(signOffRows).isPositive();

            // the chain is one line and verifies
            long breaks = db.sql("""
                    SELECT count(*) FROM (SELECT id, prev_hash, lag(id) OVER (ORDER BY id) AS before_id, lag(hash) OVER (ORDER BY id) AS before_hash
                    FROM audit_entry) e WHERE before_id IS NOT NULL AND (before_id <> id - 1 OR before_hash <> prev_hash)""").query(Long.class).single();
            assertThat(breaks).isZero();
            var verify = call("check", "GET", "/api/v1/audit/verify", admin, null);
            assertThat(verify.json()).as(verify.body()).containsEntry("intact", true);

            report(stoppedAt - stopped, restarted - restarting, during, recovered - restarted, rows.size(), createdIds.size(),
                    evidenceRows, signOffRows);
        } finally {
            browser.close();
        }
    }

    /** One step of the gate's cycle, chosen by its state: evidence and submit, an approval, or new evidence. */
    void cycleGate(String migration) {
        var gate = call("read", "GET", "/api/v1/migrations/" + migration + "/gates/" + GATE, analyst, null);
        if (gate.status() != 200) {
            return;
        }
        String base = "/api/v1/migrations/" + migration + "/gates/" + GATE;
        switch ((String) gate.json().get("status")) {
            case "OPEN" -> {
                var evidence = call("write", "POST", base + "/evidence", analyst,
                        "{\"kind\": \"TEXT\", \"title\": \"Runbook\", \"text\": \"Rollback rehearsed " + UUID.randomUUID() + "\"}");
                if (evidence.status() == 200) {
                    call("write", "POST", base + "/submit", analyst, "");
                }
            }
            case "SUBMITTED" -> {
                var first = call("write", "POST", base + "/sign-offs", reviewer, "{\"decision\": \"APPROVE\", \"comment\": \"ok\"}");
                if (first.status() == 409) {
                    call("write", "POST", base + "/sign-offs", reviewer2, "{\"decision\": \"APPROVE\", \"comment\": \"ok\"}");
                }
            }
            default -> call("write", "POST", base + "/evidence", analyst,
                    "{\"kind\": \"TEXT\", \"title\": \"Runbook\", \"text\": \"Changed after approval " + UUID.randomUUID() + "\"}");
        }
    }

    void loop(Runnable step) {
        while (loadRunning.get()) {
            try {
                step.run();
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a step's parse of an unexpected answer; the call itself is recorded
            }
        }
    }

    long firstSuccessAfter(String kind, long after) {
        synchronized (calls) {
            return calls.stream().filter(c -> c.kind().equals(kind) && c.start() >= after && c.status() >= 200 && c.status() < 300)
                    .mapToLong(Call::end).min().orElse(-1);
        }
    }

    /** An HTTP call that gives up after 5 s; status 0 means no answer in time (or no answer at all). */
    Call call(String kind, String method, String path, String authorization, String body) {
        boolean load = !kind.equals("setup") && !kind.equals("check");
        // set-up and checks may be slow (the first request warms the JVM); the load is held to the 5 s bound
        var request = HttpRequest.newBuilder(URI.create(portal.baseUrl() + path)).timeout(load ? ANSWER_WITHIN : Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long start = System.nanoTime();
        Call call;
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            call = new Call(kind, method + " " + path, start, System.nanoTime(), response.statusCode(), response.body());
        } catch (IOException e) {
            call = new Call(kind, method + " " + path, start, System.nanoTime(), 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call = new Call(kind, method + " " + path, start, System.nanoTime(), 0, "interrupted");
        }
        if (load) {
            calls.add(call);
        }
        return call;
    }

    void report(long stopNanos, long startNanos, List<Call> during, long recoveryNanos, int migrations, int migrationsAcknowledged,
            long evidence, long signOffs) {
        var api = during.stream().filter(c -> c.kind().equals("read") || c.kind().equals("write")).map(Call::took).sorted().toList();
        var health = during.stream().filter(c -> c.kind().equals("health")).map(Call::took).sorted().toList();
        System.out.printf("""
                Database outage (%d s):
                  PostgreSQL stop %d ms, start again %d ms
                  API requests during the outage: %d, all 503; time to fail median %d ms, max %d ms
                  health during the outage: %d, all DOWN; median %d ms, max %d ms
                  recovered (a read, a write and health succeed) %d ms after PostgreSQL was back
                  writes kept: %d migrations (%d acknowledged with 201), %d evidence rows, %d sign-offs, each with its audit entry
                """, OUTAGE.toSeconds(), stopNanos / 1_000_000, startNanos / 1_000_000, api.size(), median(api), max(api),
                health.size(), median(health), max(health), recoveryNanos / 1_000_000, migrations, migrationsAcknowledged, evidence, signOffs);
    }

    static long median(List<Duration> sorted) {
        return sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2).toMillis();
    }

    static long max(List<Duration> sorted) {
        return sorted.isEmpty() ? -1 : sorted.getLast().toMillis();
    }

    /** The browser's view of the outage, when a Chromium is at hand (the browser tier's requirement; skipped without it). */
    static final class BrowserCheck implements AutoCloseable {
        private final Playwright playwright;
        private final Browser browser;
        private final Page page;
        private final String baseUrl;

        private BrowserCheck(Playwright playwright, Browser browser, Page page, String baseUrl) {
            this.playwright = playwright;
            this.browser = browser;
            this.page = page;
            this.baseUrl = baseUrl;
        }

        static BrowserCheck startIfChromium(String baseUrl) throws IOException {
            if (!Files.isExecutable(Browsers.CHROMIUM)) {
                System.out.println("No Chromium at " + Browsers.CHROMIUM + ": the outage's page in a browser is not checked.");
                return new BrowserCheck(null, null, null, baseUrl);
            }
            Files.createDirectories(Browsers.SCREENSHOTS);
            var playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            var browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Browsers.CHROMIUM).setHeadless(true)
                    .setArgs(List.of("--disable-gpu", "--no-first-run", "--disable-background-networking")));
            var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-GB"));
            context.setDefaultTimeout(20_000);
            var page = context.newPage();
            PortalPages.signIn(page, baseUrl, "analyst", RunningPortal.DEMO_PASSWORD);
            page.navigate(baseUrl + "/migrations");
            Browsers.settle(page);
            return new BrowserCheck(playwright, browser, page, baseUrl);
        }

        /** A signed-in person opens a page while the database is down: a plain page that says so, and a 503. */
        void duringOutage() {
            if (page == null) {
                return;
            }
            // an action in a view that is already open: a notification says so
            page.getByText("New migration").first().click();
            var notice = page.locator("vaadin-notification-card").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("The database is not reachable"));
            notice.first().waitFor();
            Browsers.screenshot(page, "outage-ui-action");
            // a page opened now: a plain page that says so
            var response = page.navigate(baseUrl + "/migrations");
            assertThat(response.status()).isEqualTo(503);
            assertThat(page.getByText("The database is not reachable").first().isVisible()).isTrue();
            assertThat(page.content()).doesNotContain("Exception");
            Browsers.screenshot(page, "outage-page");
        }

        /** And once it is back, the same page shows the migrations again. */
        void afterRecovery() {
            if (page == null) {
                return;
            }
            var response = page.navigate(baseUrl + "/migrations");
            assertThat(response.status()).isEqualTo(200);
            Browsers.settle(page);
            assertThat(page.getByText("Outage: the cycling gate").first().isVisible()).isTrue();
            Browsers.screenshot(page, "outage-recovered");
        }

        @Override
        public void close() {
            if (browser != null) {
                browser.close();
            }
            if (playwright != null) {
                playwright.close();
            }
        }
    }
}
