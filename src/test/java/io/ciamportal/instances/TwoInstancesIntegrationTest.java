package io.ciamportal.instances;

import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.security.PortalRole;
import io.ciamportal.security.SignInThrottle;
import io.ciamportal.security.UserAdminService;
import io.ciamportal.security.internal.SignInThrottleTable;
import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.PortalInstance;
import io.ciamportal.testsupport.RunningPortal;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two portal instances on one PostgreSQL, as behind a load balancer (issue 14, "Run it like production"): sign-offs and
 * audit appends racing on both extend one linear chain, a change made through one is what the other shows (there is no
 * cache between the instances and the database), and the sign-in throttle counts failures on both together.
 *
 * <p>Last, PostgreSQL stops under load and comes back ({@code -Dportal.test.outage-seconds}, 60 by default as the issue
 * asks): while it is down every request to either instance answers within 5 s with a 503 that says so (JSON for the
 * API, a page and a notification in the browser) and health reports DOWN; after it returns both serve again within
 * 30 s without a restart; every write is either wholly there (the row and its audit entry) or not at all, and the chain
 * verifies. The 5 s and 30 s are the acceptance bounds, checked as bounds (the load's HTTP client gives up after
 * 5 s, recovery is awaited for at most 30 s); the figures are printed and recorded in docs/performance.md.
 */
@Tag("integration")
@SuppressWarnings("unchecked")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesIntegrationTest {

    static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("portal.test.outage-seconds", 60));
    static final Duration RECOVER_WITHIN = Duration.ofSeconds(30);

    static final String[] GATES = {"credential-transit", "rollback", "residency-compliance"};
    static final int MIGRATIONS = 2;
    static final int RACING_CREATIONS = 6;

    static Path dataDir;
    static int dbPort;
    static EmbeddedPostgres postgres;
    static JdbcClient db;
    static PortalInstance a;
    static PortalInstance b;

    final String analyst = basic("analyst", RunningPortal.DEMO_PASSWORD);
    final String reviewer = basic("reviewer", RunningPortal.DEMO_PASSWORD);
    final String reviewer2 = basic("reviewer2", RunningPortal.DEMO_PASSWORD);
    final String admin = basic("admin", RunningPortal.DEMO_PASSWORD);
    final String viewer = basic("viewer", RunningPortal.DEMO_PASSWORD);

    @BeforeAll
    static void start() throws Exception {
        // a fixed port and data directory, so the outage test can stop PostgreSQL and start it again where it was
        dataDir = Files.createDirectories(Path.of("target", "test-data", "instances-" + UUID.randomUUID(), "postgres"));
        try (var socket = new ServerSocket(0)) {
            dbPort = socket.getLocalPort();
        }
        postgres = startDatabase();
        String url = "jdbc:postgresql://localhost:" + dbPort + "/postgres";
        db = JdbcClient.create(postgres.getPostgresDatabase());
        a = PortalInstance.start("a", url, Map.of());
        // B stands behind a balancer: it takes the client's address from X-Forwarded-For (PORTAL_FORWARDED_HEADERS=native)
        b = PortalInstance.start("b", url, Map.of("server.forward-headers-strategy", "native"));
    }

    static EmbeddedPostgres startDatabase() throws IOException {
        return EmbeddedPostgres.builder().setPort(dbPort).setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setServerConfig("timezone", "UTC").setServerConfig("max_connections", "60").start();
    }

    @AfterAll
    static void stop() throws Exception {
        for (var instance : new PortalInstance[] {a, b}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void signOffsAndAppendsRacingOnBothInstancesLeaveOneLinearChain() throws Exception {
        var apiA = a.api();
        var apiB = b.api();
        var pool = Executors.newFixedThreadPool(8);
        try {
            // two migrations, three gates each with evidence and submitted; the writes alternate between the instances
            var migrations = new ArrayList<String>();
            for (int m = 0; m < MIGRATIONS; m++) {
                var created = (m % 2 == 0 ? apiA : apiB).post("/api/v1/migrations", analyst, """
                        {"name": "Two instances %d", "source": "auth0", "destination": "keycloak",
                         "inventory": {"totalUsers": 1000, "passwordShare": 1.0},
                         "members": [{"username": "reviewer", "role": "REVIEWER"}, {"username": "reviewer2", "role": "REVIEWER"}]}"""
                        .formatted(m));
                assertThat(created.status()).as(created.body()).isEqualTo(201);
                migrations.add((String) created.json().get("id"));
            }
            var prepare = new ArrayList<Callable<Void>>();
            int n = 0;
            for (String id : migrations) {
                for (String gate : GATES) {
                    var api = n++ % 2 == 0 ? apiA : apiB;
                    prepare.add(() -> {
                        var evidence = api.post("/api/v1/migrations/" + id + "/gates/" + gate + "/evidence", analyst,
                                "{\"kind\": \"TEXT\", \"title\": \"Runbook\", \"text\": \"Rehearsed on both instances\"}");
                        assertThat(evidence.status()).as(evidence.body()).isEqualTo(200);
                        var submitted = api.post("/api/v1/migrations/" + id + "/gates/" + gate + "/submit", analyst, "");
                        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
                        return null;
                    });
                }
            }
            for (var f : pool.invokeAll(prepare)) {
                f.get();
            }

            long signOffsBefore = db.sql("SELECT count(*) FROM audit_entry WHERE action = 'GATE_SIGNED_OFF'").query(Long.class).single();
            // every gate: reviewer approves through A while reviewer2 approves through B, and migrations are created on
            // both at the same moment: all of it appends to the one audit chain
            var start = new CountDownLatch(1);
            var approved = new AtomicInteger();
            var conflicts = new AtomicInteger();
            var futures = new ArrayList<Future<?>>();
            for (String id : migrations) {
                for (String gate : GATES) {
                    for (var signer : List.of(Map.entry(apiA, reviewer), Map.entry(apiB, reviewer2))) {
                        futures.add(pool.submit(() -> {
                            start.await();
                            var answer = signer.getKey().post("/api/v1/migrations/" + id + "/gates/" + gate + "/sign-offs", signer.getValue(),
                                    "{\"decision\": \"APPROVE\", \"comment\": \"Checked\"}");
                            assertThat(answer.status()).as(answer.body()).isIn(200, 409);
                            (answer.status() == 200 ? approved : conflicts).incrementAndGet();
                            return null;
                        }));
                    }
                }
            }
            for (int i = 0; i < RACING_CREATIONS; i++) {
                var api = i % 2 == 0 ? apiA : apiB;
                int number = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    var created = api.post("/api/v1/migrations", analyst, """
                            {"name": "Racing %d", "source": "cognito", "destination": "clerk", "inventory": {"totalUsers": 10}}"""
                            .formatted(number));
                    assertThat(created.status()).as(created.body()).isEqualTo(201);
                    return null;
                }));
            }
            start.countDown();
            for (var f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }

            assertThat(approved.get()).as("at least one sign-off per gate went through").isGreaterThanOrEqualTo(MIGRATIONS * GATES.length);
            long signOffs = db.sql("SELECT count(*) FROM audit_entry WHERE action = 'GATE_SIGNED_OFF'").query(Long.class).single();
            assertThat(signOffs - signOffsBefore).as("one audit entry per stored sign-off").isEqualTo(approved.get());
            long rows = db.sql("""
                    SELECT count(*) FROM gate_sign_off s JOIN gate g ON g.id = s.gate_id
                    WHERE g.migration_id IN (?::uuid, ?::uuid)""").params(migrations.get(0), migrations.get(1))
                    .query(Long.class).single();
            assertThat(rows).isEqualTo(approved.get());
            for (String id : migrations) {
                for (String gate : GATES) {
                    var state = apiB.get("/api/v1/migrations/" + id + "/gates/" + gate, reviewer).json();
                    int approvals = ((Number) state.get("approvals")).intValue();
                    assertThat(approvals).as("one of two racing sign-offs always wins").isBetween(1, 2);
                    assertThat(state.get("status")).isEqualTo(approvals >= 2 ? "APPROVED" : "SUBMITTED");
                }
            }
            assertOneLinearChain();
            System.out.printf("Two instances: %d sign-offs stored, %d lost a race (409), %d migrations created, chain of %d entries intact%n",
                    approved.get(), conflicts.get(), RACING_CREATIONS, db.sql("SELECT count(*) FROM audit_entry").query(Long.class).single());
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertOneLinearChain() {
        // ids 1..n without a gap, each entry's previous hash is the hash of the entry before it, no two extend one entry
        long breaks = db.sql("""
                SELECT count(*) FROM (
                    SELECT id, prev_hash, lag(id) OVER (ORDER BY id) AS before_id, lag(hash) OVER (ORDER BY id) AS before_hash
                    FROM audit_entry) e
                WHERE (before_id IS NULL AND (id <> 1 OR prev_hash <> repeat('0', 64)))
                   OR (before_id IS NOT NULL AND (before_id <> id - 1 OR before_hash <> prev_hash))""").query(Long.class).single();
        assertThat(breaks).as("entries that do not extend the one before them").isZero();
        assertThat(db.sql("SELECT count(DISTINCT prev_hash) = count(*) FROM audit_entry").query(Boolean.class).single())
                .as("no fork").isTrue();
        // both instances' verifiers recompute every hash and see the same head
        var onA = a.api().get("/api/v1/audit/verify", admin).json();
        var onB = b.api().get("/api/v1/audit/verify", admin).json();
        assertThat(onA).containsEntry("intact", true);
        assertThat(onB).isEqualTo(onA);
    }

    @Test
    @Order(2)
    void aChangeMadeThroughOneInstanceIsWhatTheOtherShows() throws Exception {
        var apiA = a.api();
        var apiB = b.api();

        // a vendor fact curated on A: B shows the new value and the new version, and refuses an edit based on the old one
        var before = apiB.get("/api/v1/vendors/ory", admin);
        var edit = apiA.put("/api/v1/vendors/ory/capabilities/totp-import", admin,
                "{\"support\": \"partial\", \"note\": \"Curated on instance A.\", \"sources\": [], \"confirmed\": false}", before.etag());
        assertThat(edit.status()).as(edit.body()).isEqualTo(200);
        var after = apiB.get("/api/v1/vendors/ory", admin);
        assertThat(after.etag()).isEqualTo(edit.etag()).isNotEqualTo(before.etag());
        assertThat((List<Map<String, Object>>) after.json().get("capabilities")).filteredOn(c -> "totp-import".equals(c.get("key")))
                .singleElement().satisfies(c -> assertThat(c).containsEntry("support", "partial").containsEntry("note", "Curated on instance A."));
        var late = apiB.put("/api/v1/vendors/ory/capabilities/totp-import", admin,
                "{\"support\": \"yes\", \"note\": \"Late edit on B.\", \"sources\": [], \"confirmed\": false}", before.etag());
        assertThat(late.status()).isEqualTo(412);

        // a migration renamed on A is renamed on B
        var created = apiB.post("/api/v1/migrations", analyst,
                "{\"name\": \"Before the rename\", \"source\": \"auth0\", \"destination\": \"keycloak\", \"inventory\": {\"totalUsers\": 10}}");
        String id = (String) created.json().get("id");
        var renamed = apiA.patch("/api/v1/migrations/" + id, analyst, "{\"name\": \"Renamed on A\"}", apiA.get("/api/v1/migrations/" + id, analyst).etag());
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        var onB = apiB.get("/api/v1/migrations/" + id, analyst);
        assertThat(onB.etag()).isEqualTo(renamed.etag());
        assertThat(onB.body()).contains("Renamed on A").doesNotContain("Before the rename");

        // roles changed on A apply at once to a session signed in on B (instances keep their own sessions)
        String username = "roles-" + UUID.randomUUID().toString().substring(0, 6);
        var account = asAdmin(a, () -> a.bean(UserAdminService.class).createLocalUser(username, "Roles Test", null,
                "Two-Instances-Password-2026", EnumSet.of(PortalRole.VIEWER)));
        var browser = new SessionClient(b.baseUrl());
        browser.signIn(username, "Two-Instances-Password-2026");
        assertThat(browser.get("/api/v1/me").body()).contains("VIEWER").doesNotContain("ANALYST");
        var changed = apiA.put("/api/v1/users/" + account.id() + "/roles", admin, "{\"roles\": [\"VIEWER\", \"ANALYST\"]}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(browser.get("/api/v1/me").body()).contains("ANALYST");
        // and a disabled account's session on B ends at its next request
        assertThat(apiA.post("/api/v1/users/" + account.id() + "/disable", admin, "").status()).isEqualTo(200);
        assertThat(browser.get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void failedSignInsSpreadOverBothInstancesBlockTheAccountOnBoth() {
        String username = "throttle-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "Throttle-Password-2026";
        asAdmin(a, () -> a.bean(UserAdminService.class).createLocalUser(username, "Throttle Test", null, password, EnumSet.of(PortalRole.VIEWER)));
        var apiA = a.api();
        var apiB = b.api();
        assertThat(apiB.get("/api/v1/me", basic(username, password)).status()).isEqualTo(200);

        // five failures are free, the sixth blocks: three on each instance, which alone would block neither
        for (int i = 0; i < 6; i++) {
            var wrong = (i % 2 == 0 ? apiA : apiB).get("/api/v1/me", basic(username, "wrong-" + i));
            assertThat(wrong.status()).isEqualTo(401);
        }
        for (var api : List.of(apiA, apiB)) {
            var blocked = api.get("/api/v1/me", basic(username, password));
            assertThat(blocked.status()).isEqualTo(401);
            assertThat((String) blocked.json().get("message")).startsWith("Too many failed sign-ins");
        }

        // the table holds the SHA-256 of scope and username, never the username itself
        String hash = sha256("username\u0000" + username);
        assertThat(db.sql("SELECT failures FROM sign_in_throttle WHERE key_hash = ?").param(hash).query(Integer.class).single()).isEqualTo(6);
        assertThat(db.sql("SELECT count(*) FROM sign_in_throttle WHERE key_hash LIKE ?").param("%" + username + "%").query(Long.class).single())
                .isZero();
    }

    @Test
    @Order(4)
    void behindABalancerTheAddressThrottleCountsTheClientsAddressNotTheBalancers() throws Exception {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        java.util.function.BiFunction<String, String, HttpResponse<String>> me = (client, authorization) -> {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(b.baseUrl() + "/api/v1/me")).timeout(Duration.ofSeconds(30))
                        .header("Accept", "application/json").header("Authorization", authorization).header("X-Forwarded-For", client)
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        // 30 failures from one client address are free (each with another unknown username), the 31st blocks that address
        String client = "203.0.113." + (1 + new java.util.Random().nextInt(250));
        for (int i = 0; i < 31; i++) {
            assertThat(me.apply(client, basic("nobody-" + UUID.randomUUID(), "wrong")).statusCode()).isEqualTo(401);
        }
        var blocked = me.apply(client, viewer);
        assertThat(blocked.statusCode()).isEqualTo(401);
        assertThat(blocked.body()).contains("Too many failed sign-ins");
        // another client behind the same balancer signs in
        assertThat(me.apply("198.51.100.9", viewer).statusCode()).isEqualTo(200);
        assertThat(db.sql("SELECT count(*) FROM sign_in_throttle WHERE key_hash = ?").param(sha256("address\u0000" + client))
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @Order(5)
    void theThrottleTableCountsEveryFailureWhenBothInstancesWriteAtOnceAndForgetsExpiredOnes() throws Exception {
        var tables = List.of(a.bean(SignInThrottleTable.class), b.bean(SignInThrottleTable.class));
        String key = sha256("username\u0000concurrent-" + UUID.randomUUID());
        var now = java.time.Instant.now();
        var pool = Executors.newFixedThreadPool(8);
        try {
            var start = new CountDownLatch(1);
            var futures = new ArrayList<Future<?>>();
            for (int i = 0; i < 40; i++) {
                var table = tables.get(i % 2);
                futures.add(pool.submit(() -> {
                    start.await();
                    table.update(key, state -> new SignInThrottle.State(state == null ? 1 : state.failures() + 1, now, java.time.Instant.EPOCH,
                            now.plus(Duration.ofMinutes(15))));
                    return null;
                }));
            }
            start.countDown();
            for (var f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tables.get(1).find(key)).hasValueSatisfying(state -> assertThat(state.failures()).as("no failure lost").isEqualTo(40));

        // a state past its expiry is deleted, a live one stays
        String expired = sha256("username\u0000expired-" + UUID.randomUUID());
        tables.get(0).update(expired, state -> new SignInThrottle.State(3, now.minus(Duration.ofHours(1)), java.time.Instant.EPOCH,
                now.minus(Duration.ofMinutes(45))));
        assertThat(tables.get(1).deleteExpired()).isGreaterThanOrEqualTo(1);
        assertThat(tables.get(0).find(expired)).isEmpty();
        assertThat(tables.get(0).find(key)).isPresent();
    }

    @Test
    @Order(100)
    void theDatabaseStopsUnderLoadAndBothInstancesFailFastSaySoAndRecoverOnTheirOwn() throws Exception {
        // the migration whose rollback gate B's load keeps cycling: evidence, submit, two approvals, evidence again
        var created = a.api().post("/api/v1/migrations", analyst, """
                {"name": "Outage: the cycling gate", "source": "auth0", "destination": "keycloak", "inventory": {"totalUsers": 1000},
                 "members": [{"username": "reviewer", "role": "REVIEWER"}, {"username": "reviewer2", "role": "REVIEWER"}]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String cycling = (String) created.json().get("id");
        long entriesBefore = db.sql("SELECT count(*) FROM audit_entry").query(Long.class).single();

        try (var browser = OutageBrowser.startIfChromium(a.baseUrl()); var load = new OutageLoad(a, b, cycling)) {
            Thread.sleep(5_000);
            assertThat(load.calls(c -> c.kind().equals("write") && c.ok())).as("the load runs before the outage").isNotEmpty();

            long stopping = System.nanoTime();
            postgres.close();
            long stopped = System.nanoTime();
            browser.duringOutage();
            Thread.sleep(Math.max(0, OUTAGE.minusNanos(System.nanoTime() - stopped).toMillis()));
            long restarting = System.nanoTime();
            postgres = startDatabase();
            long restarted = System.nanoTime();
            db = JdbcClient.create(postgres.getPostgresDatabase());

            // recovered: on both instances a read, a write and health succeed again, within 30 s of the database's return
            long recovered = -1;
            while (System.nanoTime() < restarted + RECOVER_WITHIN.toNanos() && recovered < 0) {
                long latest = 0;
                for (String instance : List.of("a", "b")) {
                    for (String kind : List.of("read", "write", "health")) {
                        long first = load.firstSuccess(instance, kind, restarted);
                        latest = first < 0 || latest < 0 ? -1 : Math.max(latest, first);
                    }
                }
                if (latest > 0) {
                    recovered = latest;
                } else {
                    Thread.sleep(200);
                }
            }
            assertThat(recovered).as("both instances serve again within %s of the database's return, without a restart", RECOVER_WITHIN)
                    .isPositive();
            Thread.sleep(2_000);
            load.close();
            browser.afterRecovery();

            // during the outage (from the stop's end to the restart's start) every answer was a quick, clear 503
            var during = load.calls(c -> c.start() >= stopped && c.end() <= restarting);
            assertThat(during).as("requests during the outage").hasSizeGreaterThan(10);
            for (var c : during) {
                assertThat(c.status()).as("%s on %s answered within %s", c.what(), c.instance(), OutageLoad.ANSWER_WITHIN).isPositive();
                if (c.kind().equals("liveness")) {
                    assertThat(c.status()).as("liveness stays UP: the instance needs no restart").isEqualTo(200);
                    continue;
                }
                assertThat(c.status()).as(c.what() + ": " + c.body()).isEqualTo(503);
                if (c.kind().equals("health") || c.kind().equals("readiness")) {
                    assertThat(c.json()).containsEntry("status", "DOWN");
                    assertThat((Map<String, Object>) c.json().get("components")).containsEntry("db", Map.of("status", "DOWN"));
                } else {
                    assertThat(c.json()).containsEntry("status", 503).containsEntry("error", "database_unavailable");
                    assertThat(c.body()).doesNotContain("Exception").doesNotContain("at io.ciamportal");
                }
            }
            assertThat(during).as("both instances were asked").extracting(OutageLoad.Call::instance).contains("a", "b");

            // no partial write: each migration is there with its audit entry and its six gates, or not at all
            var rows = db.sql("SELECT id::text FROM migration WHERE name LIKE 'Outage load %'").query(String.class).list();
            var audited = db.sql("""
                    SELECT target_id FROM audit_entry WHERE action = 'MIGRATION_CREATED' AND after_state::jsonb ->> 'name' LIKE 'Outage load %'""")
                    .query(String.class).list();
            assertThat(audited).containsExactlyInAnyOrderElementsOf(rows);
            assertThat(rows).containsAll(load.acknowledged());
            assertThat(db.sql("""
                    SELECT count(*) FROM migration m WHERE m.name LIKE 'Outage load %'
                    AND (SELECT count(*) FROM gate g WHERE g.migration_id = m.id) <> 6""").query(Long.class).single()).isZero();
            // and each evidence row and sign-off of the cycling gate has its audit entry, and no entry lacks its row
            long evidence = db.sql("SELECT count(*) FROM gate_evidence e JOIN gate g ON g.id = e.gate_id WHERE g.migration_id = ?::uuid")
                    .param(cycling).query(Long.class).single();
            assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE action = 'GATE_EVIDENCE_ADDED' AND target_id = ?")
                    .param(cycling).query(Long.class).single()).isEqualTo(evidence).isPositive();
            long signOffs = db.sql("SELECT count(*) FROM gate_sign_off s JOIN gate g ON g.id = s.gate_id WHERE g.migration_id = ?::uuid")
                    .param(cycling).query(Long.class).single();
            assertThat(db.sql("SELECT count(*) FROM audit_entry WHERE action = 'GATE_SIGNED_OFF' AND target_id = ?")
                    .param(cycling).query(Long.class).single()).isEqualTo(signOffs).isPositive();
            assertOneLinearChain();

            var api = during.stream().filter(c -> c.kind().equals("read") || c.kind().equals("write")).map(OutageLoad.Call::took).sorted().toList();
            var health = during.stream().filter(c -> c.kind().equals("health")).map(OutageLoad.Call::took).sorted().toList();
            System.out.printf("""
                    Database outage (%d s, two instances):
                      PostgreSQL stop %d ms, start again %d ms
                      API requests during the outage: %d, all 503; time to fail median %d ms, max %d ms
                      health requests during the outage: %d, all DOWN; median %d ms, max %d ms
                      recovered (a read, a write and health succeed on both instances) %d ms after PostgreSQL was back
                      written under load: %d migrations (%d answered 201), %d evidence rows, %d sign-offs, %d audit entries; each with its entry
                    """, OUTAGE.toSeconds(), (stopped - stopping) / 1_000_000, (restarted - restarting) / 1_000_000,
                    api.size(), median(api), api.getLast().toMillis(), health.size(), median(health), health.getLast().toMillis(),
                    (recovered - restarted) / 1_000_000, rows.size(), load.acknowledged().size(), evidence, signOffs,
                    db.sql("SELECT count(*) FROM audit_entry").query(Long.class).single() - entriesBefore);
        }
    }

    private static long median(List<Duration> sorted) {
        return sorted.get(sorted.size() / 2).toMillis();
    }

    private static <T> T asAdmin(PortalInstance instance, java.util.function.Supplier<T> work) {
        var contexts = instance.bean(SecurityContextHolderStrategy.class);
        var context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("test-admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        contexts.setContext(context);
        try {
            return work.get();
        } finally {
            contexts.clearContext();
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser in the small: a cookie jar, the form sign-in, then API reads with the session cookie. */
    static final class SessionClient {
        private final String baseUrl;
        private final HttpClient http;

        SessionClient(String baseUrl) {
            this.baseUrl = baseUrl;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }

        void signIn(String username, String password) throws Exception {
            get("/login");
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
