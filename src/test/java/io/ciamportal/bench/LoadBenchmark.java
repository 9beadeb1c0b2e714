package io.ciamportal.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Load on real Vaadin sessions, without a browser: each virtual user is an HTTP client that speaks Vaadin Flow's
 * protocol as the browser does. It signs in through the form (with Spring's CSRF token), loads the bootstrap page,
 * makes the UI ({@code ?v-r=init}), and then sends UIDL messages ({@code ?v-r=uidl&v-uiId=…} with the UI's security
 * key, the server's sync id and its own client id): {@code ui-navigate} events to the vendor index, the matrix, the
 * selector's results (which run the selector), a migration page, a click on its Plan tab (the tab sheet's
 * {@code selected} property and event, on the node id found in the server's changes), the gate board and one gate;
 * then it signs the gate off through the JSON API with the same session (and withdraws the approval again, so the
 * next user finds the gate as it was). Between actions it waits a think time. Every request is timed on loopback: the
 * round trip is the server's time plus a little transfer.
 *
 * <p>Runs at 50, 100 and 200 concurrent users (all signed in as the demo reviewers, each with a session of its own),
 * then measures the heap an idle session keeps: full GC and {@code GC.heap_info} with no session open, again with
 * the 200 sessions of the last run still open on their last view, and the difference divided by 200.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests package exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.ciamportal.bench.LoadBenchmark}. Properties: {@code -Dbench.users=50,100,200},
 * {@code -Dbench.think=3000-7000} (ms, uniform), {@code -Dbench.iterations=2} (scenarios per user),
 * {@code -Dbench.ramp=10000} (ms over which the users start), {@code -Dbench.jar}, {@code -Dbench.jvm}. It prints
 * numbers; it asserts nothing.
 */
public final class LoadBenchmark {

    static final String SELECTOR_QUERY = "from=auth0&reason=b2b-sso-scim&shape=b2b&hosting=either&region=EU&mau=from-100k-to-1m"
            + "&price=high&must=scim-inbound&nice=passkeys&nice=totp-import";
    private static final String INIT_PARAMS = "&v-sh=900&v-sw=1280&v-wh=900&v-ww=1280&v-bh=900&v-bw=1280&v-curdate=%d&v-tzo=0&v-dstd=0"
            + "&v-rtzo=0&v-dston=false&v-tzid=UTC&v-wn=v-%s&v-td=false&v-pr=1&v-np=Linux%%20x86_64&v-cs=light%%20dark&v-pv=VISIBLE"
            + "&v-fs=NOT_FULLSCREEN&v-so=landscape-primary&v-soa=0&v-tn=lumo&v-ga=UNSUPPORTED&v-wla=SUPPORTED&v-ws=false";
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\":(\\d+)");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");
    private static final Pattern TABS_NODE = Pattern.compile("\"node\":(\\d+),\"type\":\"put\",\"key\":\"tag\",\"feat\":0,\"value\":\"vaadin-tabs\"");

    /** Send the unload beacon of the previous UI before a reload, as a browser does ({@code -Dbench.unload=false}: not). */
    private static final boolean UNLOAD = Boolean.parseBoolean(System.getProperty("bench.unload", "true"));
    /** How many classes to list by live-heap growth per open session ({@code -Dbench.histogram=40}); 0: none. */
    private static final int HISTOGRAM = Integer.getInteger("bench.histogram", 0);
    /** Shared by the virtual users; replaced (its connections closed) before each heap figure, see {@link #heapMb}. */
    private static volatile HttpClient HTTP = newClient();

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    }

    /** One timed request: which action, how long, whether it did what it should. */
    record Sample(String action, double ms, boolean ok, String error, int chars) {}

    /** Everything one run collects. */
    static final class Run {
        final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        final Map<String, AtomicInteger> signOffs = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        final AtomicInteger failedUsers = new AtomicInteger();

        void error(String what) {
            errors.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
        }
    }

    public static void main(String[] args) throws Exception {
        var users = new ArrayList<Integer>();
        for (String n : System.getProperty("bench.users", "50,100,200").split(",")) {
            users.add(Integer.parseInt(n.trim()));
        }
        String[] think = System.getProperty("bench.think", "3000-7000").split("-");
        int thinkMin = Integer.parseInt(think[0]);
        int thinkMax = Integer.parseInt(think[think.length - 1]);
        int iterations = Integer.parseInt(System.getProperty("bench.iterations", "2"));
        int ramp = Integer.parseInt(System.getProperty("bench.ramp", "10000"));
        System.out.println("Load average before: " + BenchSupport.loadAverage());
        BenchSupport.withDemoPortal((base, portal) -> {
            var probe = new User(base, "reviewer", new Run());
            probe.signIn();
            String migration = probe.migrationId("Auth0 to Keycloak");
            probe.logout();
            System.out.printf(Locale.ROOT, "Scenario: sign in, bootstrap, init, vendors, matrix, selector results, migration %s, its Plan tab,"
                    + " gates, gate rollback, sign-off and revoke via the API; think time %d-%d ms; %d scenario(s) per user%n", migration,
                    thinkMin, thinkMax, iterations);

            // warm-up: JIT, caches, connection pool
            var warm = run(base, migration, 20, 1, 0, 200, 2000);
            warm.forEach(User::logout);
            summary("warm-up", 20, warm.getFirst().run, 0, -1);
            double heapNone = heapMb(portal);
            System.out.printf(Locale.ROOT, "Heap after a full GC, no session open: %.1f MB%n", heapNone);
            var histogramNone = HISTOGRAM > 0 ? histogram(portal) : Map.<String, long[]>of();

            for (int i = 0; i < users.size(); i++) {
                int n = users.get(i);
                String loadBefore = BenchSupport.loadAverage();
                long cpu0 = cpuMillis(portal);
                long t0 = System.nanoTime();
                var vus = run(base, migration, n, iterations, thinkMin, thinkMax, ramp);
                double seconds = (System.nanoTime() - t0) / 1e9;
                long cpu = cpuMillis(portal) - cpu0;
                System.out.println();
                System.out.printf(Locale.ROOT, "=== %d concurrent users: %.0f s, load average %s -> %s, portal CPU %.1f s%n", n, seconds,
                        loadBefore, BenchSupport.loadAverage(), cpu / 1000.0);
                summary(n + " users", n, vus.getFirst().run, seconds, cpu);
                double heapOpen = i == users.size() - 1 ? heapMb(portal) : Double.NaN;
                // A user that stopped (a sign-in turned away as busy, say) has no UI on the gate page: the figures per
                // session are also given over the users that finished, when some stopped.
                int finished = n - vus.getFirst().run.failedUsers.get();
                Map<String, long[]> histogramOpen = Map.of();
                if (i == users.size() - 1) {
                    System.out.printf(Locale.ROOT, "Heap after a full GC with the %d sessions of this run open and idle: %.1f MB; per idle session"
                            + " %.0f KB (%.1f MB over the %.1f MB with none)%s%n", n, heapOpen, (heapOpen - heapNone) * 1024 / n,
                            heapOpen - heapNone, heapNone, finished == n ? "" : String.format(Locale.ROOT, "; per session of the %d users that"
                                    + " finished: %.0f KB", finished, (heapOpen - heapNone) * 1024 / Math.max(1, finished)));
                    if (HISTOGRAM > 0) {
                        histogramOpen = histogram(portal);
                        printGrowth("against the heap with none", histogramNone, histogramOpen, finished);
                    }
                }
                vus.forEach(User::logout);
                if (i == users.size() - 1) {
                    double heapGone = heapMb(portal);
                    System.out.printf(Locale.ROOT, "Heap after a full GC once they signed out: %.1f MB; per idle session against that: %.0f KB%s%n",
                            heapGone, (heapOpen - heapGone) * 1024 / n, finished == n ? "" : String.format(Locale.ROOT,
                                    "; per session of the %d users that finished: %.0f KB", finished, (heapOpen - heapGone) * 1024 / Math.max(1, finished)));
                    if (HISTOGRAM > 0) {
                        // What the sessions themselves hold: Tomcat's cached processors and buffers stay after sign-out.
                        printGrowth("against the heap once they signed out", histogram(portal), histogramOpen, finished);
                    }
                }
            }
        });
        System.out.println("Load average after: " + BenchSupport.loadAverage());
    }

    /** n users at once, started over {@code ramp} ms; each signs in and runs the scenario; returns them signed in. */
    private static List<User> run(String base, String migration, int n, int iterations, int thinkMin, int thinkMax, int ramp)
            throws InterruptedException {
        var run = new Run();
        var vus = new ArrayList<User>();
        for (int i = 0; i < n; i++) {
            vus.add(new User(base, i % 2 == 0 ? "reviewer" : "reviewer2", run));
        }
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < n; i++) {
            var vu = vus.get(i);
            long delay = n <= 1 ? 0 : (long) ramp * i / n;
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(delay);
                    vu.signIn();
                    for (int k = 0; k < iterations; k++) {
                        vu.scenario(migration, thinkMin, thinkMax);
                    }
                } catch (Exception e) {
                    run.failedUsers.incrementAndGet();
                    run.error("user stopped: " + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                }
            }));
        }
        for (var t : threads) {
            t.join();
        }
        return vus;
    }

    private static void summary(String label, int n, Run run, double seconds, long cpuMs) {
        var byAction = new TreeMap<String, List<Double>>();
        var sizes = new TreeMap<String, List<Double>>();
        var roundTrips = new ArrayList<Double>();
        var uidl = new ArrayList<Double>();
        int failed = 0;
        for (var s : run.samples) {
            byAction.computeIfAbsent(s.action(), k -> new ArrayList<>()).add(s.ms());
            sizes.computeIfAbsent(s.action(), k -> new ArrayList<>()).add((double) s.chars());
            if (!s.ok()) {
                failed++;
                run.error(s.action() + ": " + s.error());
            }
            if (!s.action().startsWith("sign-in")) {
                roundTrips.add(s.ms());
            }
            if (s.action().startsWith("uidl") || s.action().startsWith("init")) {
                uidl.add(s.ms());
            }
        }
        if (seconds <= 0) {
            System.out.printf(Locale.ROOT, "%s: %d requests, %d failed; errors: %s%n", label, run.samples.size(), failed,
                    run.errors.isEmpty() ? "none" : new TreeMap<>(run.errors));
            return;
        }
        System.out.printf(Locale.ROOT, "Requests: %d (%.1f/s), failed: %d, users that stopped: %d%n", run.samples.size(),
                run.samples.size() / seconds, failed, run.failedUsers.get());
        System.out.printf(Locale.ROOT, "Server round trip, every request but the sign-in POST (%d): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.0f ms%n",
                roundTrips.size(), p(roundTrips, 50), p(roundTrips, 95), p(roundTrips, 99), p(roundTrips, 100));
        System.out.printf(Locale.ROOT, "Vaadin requests only (init and UIDL, %d): p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", uidl.size(), p(uidl, 50),
                p(uidl, 95), p(uidl, 99));
        if (cpuMs > 0) {
            System.out.printf(Locale.ROOT, "Portal CPU per request: %.1f ms%n", cpuMs / (double) run.samples.size());
        }
        System.out.println("| action | count | p50 ms | p95 ms | p99 ms | answer, KB (median, uncompressed) |");
        System.out.println("|---|---|---|---|---|---|");
        byAction.forEach((action, times) -> System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", action, times.size(), p(times, 50),
                p(times, 95), p(times, 99), p(sizes.get(action), 50) / 1024));
        System.out.println("Sign-off outcomes (HTTP status of the API call): " + new TreeMap<>(run.signOffs));
        System.out.println("Errors: " + (run.errors.isEmpty() ? "none" : new TreeMap<>(run.errors)));
    }

    private static double p(List<Double> values, int percentile) {
        return BenchSupport.percentile(values, percentile);
    }

    private static long cpuMillis(Process process) {
        return process == null ? -1 : process.toHandle().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }

    /** Live objects per class (jcmd GC.class_histogram, which collects first): class name to {instances, bytes}. */
    private static Map<String, long[]> histogram(Process portal) throws Exception {
        heapMb(portal);
        var process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(portal.pid()),
                "GC.class_histogram").redirectErrorStream(true).start();
        var classes = new HashMap<String, long[]>();
        var line = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
        for (String l : new String(process.getInputStream().readAllBytes()).lines().toList()) {
            var m = line.matcher(l);
            if (m.find()) {
                classes.put(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
            }
        }
        process.waitFor(60, TimeUnit.SECONDS);
        return classes;
    }

    /** The classes whose live bytes grew most between the two histograms, per session. */
    private static void printGrowth(String against, Map<String, long[]> before, Map<String, long[]> after, int sessions) {
        System.out.printf(Locale.ROOT, "Live heap per open session by class, %s, over %d sessions (top %d):%n"
                + "| class | instances per session | bytes per session |%n|---|---|---|%n", against, sessions, HISTOGRAM);
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), new long[] {e.getValue()[0] - before.getOrDefault(e.getKey(), new long[2])[0],
                        e.getValue()[1] - before.getOrDefault(e.getKey(), new long[2])[1]}))
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(HISTOGRAM)
                .forEach(e -> System.out.printf(Locale.ROOT, "| %s | %.1f | %.0f |%n", e.getKey(), e.getValue()[0] / (double) sessions,
                        e.getValue()[1] / (double) sessions));
    }

    /**
     * Live heap after a full GC, with the load generator's keep-alive connections closed first: an idle browser tab's
     * connection is closed after the keep-alive timeout, and each open connection holds Tomcat's buffers (tens of KB),
     * which would otherwise be counted as the sessions'.
     */
    private static double heapMb(Process portal) throws Exception {
        if (portal == null) {
            return Double.NaN;
        }
        var old = HTTP;
        HTTP = newClient();
        old.close();
        Thread.sleep(2000);
        StartupBenchmark.liveHeapMb(portal.pid());
        return StartupBenchmark.liveHeapMb(portal.pid());
    }

    /** One virtual user: its own cookies (its own HTTP session), its own Vaadin UI. */
    static final class User {
        private final String base;
        private final String username;
        final Run run;
        private final Map<String, String> cookies = new HashMap<>();
        private String csrf = "";
        private String securityKey = "";
        private int uiId;
        private int syncId;
        private int clientId;
        private int history;

        User(String base, String username, Run run) {
            this.base = base;
            this.username = username;
            this.run = run;
        }

        void signIn() throws Exception {
            var login = send("sign-in page", get("/login"), 200);
            String token = match(META_CSRF, login.body(), "no CSRF token on the sign-in page");
            String form = "_csrf=" + enc(token) + "&username=" + enc(username) + "&password=" + enc(BenchSupport.PASSWORD);
            var post = send("sign-in POST (bcrypt)", request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), 302);
            String location = post.headers().firstValue("Location").orElse("");
            if (location.contains("error")) {
                throw new IllegalStateException("sign-in refused: " + location);
            }
        }

        /** Bootstrap page, init (a new UI), home, then the tour. */
        void scenario(String migration, int thinkMin, int thinkMax) throws Exception {
            if (UNLOAD && !securityKey.isEmpty()) {
                unload();
            }
            var page = send("bootstrap page", get("/"), 200);
            csrf = match(META_CSRF, page.body(), "no CSRF token on the bootstrap page");
            String init = send("init (new UI)", get("/?v-r=init&location=&query=" + String.format(Locale.ROOT, INIT_PARAMS,
                    System.currentTimeMillis(), ThreadLocalRandom.current().nextInt(1_000_000))), 200).body();
            securityKey = match(SECURITY_KEY, init, "no security key in init");
            uiId = Integer.parseInt(match(UI_ID, init, "no UI id in init"));
            syncId = 0;
            clientId = 0;
            history = 0;
            navigate("home", "", "");
            think(thinkMin, thinkMax);
            navigate("vendors", "vendors", "");
            think(thinkMin, thinkMax);
            navigate("matrix", "matrix", "");
            think(thinkMin, thinkMax);
            navigate("selector results", "selector/results", SELECTOR_QUERY);
            think(thinkMin, thinkMax);
            String page2 = navigate("migration page", "migrations/" + migration, "");
            think(thinkMin, thinkMax);
            var tabs = TABS_NODE.matcher(page2);
            if (tabs.find()) {
                uidl("uidl click tab Plan", "[{\"type\":\"mSync\",\"node\":" + tabs.group(1) + ",\"feature\":1,\"property\":\"selected\",\"value\":4},"
                        + "{\"type\":\"event\",\"node\":" + tabs.group(1) + ",\"event\":\"selected-changed\",\"data\":{}}]", "Phase");
            } else {
                run.error("no vaadin-tabs node on the migration page");
            }
            think(thinkMin, thinkMax);
            navigate("gates", "migrations/" + migration + "/gates", "");
            think(thinkMin, thinkMax);
            navigate("gate", "migrations/" + migration + "/gates/rollback", "");
            think(thinkMin, thinkMax);
            signOff(migration, "rollback");
            think(thinkMin, thinkMax);
        }

        String navigate(String name, String route, String query) throws Exception {
            String rpc = "[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":\"" + query
                    + "\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":" + history++ + "},\"trigger\":\"\"}}]";
            return uidl("uidl navigate " + name, rpc, null);
        }

        /** One UIDL message; the answer must be in sync, without an error, and not the error page. */
        String uidl(String action, String rpc, String expect) throws Exception {
            String body = "{\"csrfToken\":\"" + securityKey + "\",\"rpc\":" + rpc + ",\"syncId\":" + syncId + ",\"clientId\":" + clientId + "}";
            var request = request("/?v-r=uidl&v-uiId=" + uiId).header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t0 = System.nanoTime();
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            cookies(response);
            String text = response.body();
            String error = null;
            if (response.statusCode() != 200) {
                error = "HTTP " + response.statusCode();
            } else if (text.contains("\"appError\"") || text.contains("\"sessionExpired\"") || text.contains("\"resynchronize\"")) {
                error = "Vaadin error meta";
            } else if (text.contains("portal-error-page")) {
                error = "error page";
            } else if (expect != null && !text.contains(expect)) {
                error = "no '" + expect + "' in the answer";
            }
            run.samples.add(new Sample(action, ms, error == null, error, text.length()));
            var sync = SYNC_ID.matcher(text);
            int last = -1;
            while (sync.find()) {
                last = Integer.parseInt(sync.group(1));
            }
            if (last >= 0) {
                syncId = last;
            }
            var client = CLIENT_ID.matcher(text);
            if (client.find()) {
                clientId = Integer.parseInt(client.group(1));
            }
            return text;
        }

        /**
         * What the browser sends on {@code pagehide} before a reload (Flow's client, {@code sendBeacon}): the UI's
         * message with {@code "UNLOAD": true}, on which the server closes that UI.
         */
        void unload() throws Exception {
            String body = "{\"csrfToken\":\"" + securityKey + "\",\"rpc\":[],\"syncId\":" + syncId + ",\"clientId\":" + clientId
                    + ",\"UNLOAD\":true}";
            var response = HTTP.send(request("/?v-r=uidl&v-uiId=" + uiId).header("Content-Type", "text/plain;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
            cookies(response);
            if (response.statusCode() != 200) {
                run.error("unload beacon: HTTP " + response.statusCode());
            }
        }

        void signOff(String migration, String gate) throws Exception {
            String path = "/api/v1/migrations/" + migration + "/gates/" + gate;
            var approve = send("api sign-off", json(path + "/sign-offs", "{\"decision\":\"APPROVE\",\"comment\":\"load test\"}"), -1);
            run.signOffs.computeIfAbsent("approve " + approve.statusCode(), k -> new AtomicInteger()).incrementAndGet();
            if (approve.statusCode() == 200) {
                var revoke = send("api revoke", json(path + "/revoke", "{\"comment\":\"load test\"}"), -1);
                run.signOffs.computeIfAbsent("revoke " + revoke.statusCode(), k -> new AtomicInteger()).incrementAndGet();
            }
        }

        String migrationId(String name) throws Exception {
            String list = send("api migrations", get("/api/v1/migrations"), 200).body();
            var m = Pattern.compile("\"id\":\"([0-9a-f-]{36})\",\"name\":\"[^\"]*" + Pattern.quote(name)).matcher(list);
            if (!m.find()) {
                throw new IllegalStateException("No migration named " + name + " in " + list);
            }
            return m.group(1);
        }

        void logout() {
            try {
                if (csrf.isEmpty()) {
                    csrf = match(META_CSRF, HTTP.send(get("/"), HttpResponse.BodyHandlers.ofString()).body(), "no CSRF token");
                }
                HTTP.send(request("/logout").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + enc(csrf))).build(), HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                run.error("logout: " + e.getMessage());
            }
            cookies.clear();
            csrf = "";
        }

        private HttpRequest json(String path, String body) {
            return request(path).header("Content-Type", "application/json").header("X-CSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }

        private HttpRequest get(String path) {
            return request(path).GET().build();
        }

        private HttpRequest.Builder request(String path) {
            var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            if (!cookies.isEmpty()) {
                var header = new StringBuilder();
                cookies.forEach((k, v) -> header.append(header.isEmpty() ? "" : "; ").append(k).append('=').append(v));
                builder.header("Cookie", header.toString());
            }
            return builder;
        }

        /** Sends and times a request; {@code expected} -1 takes any status as an answer (the caller looks at it). */
        private HttpResponse<String> send(String action, HttpRequest request, int expected) throws Exception {
            long t0 = System.nanoTime();
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            double ms = (System.nanoTime() - t0) / 1e6;
            cookies(response);
            boolean ok = expected < 0 ? response.statusCode() < 500 : response.statusCode() == expected;
            run.samples.add(new Sample(action, ms, ok, ok ? null : "HTTP " + response.statusCode(), response.body().length()));
            if (!ok && expected >= 0) {
                throw new IllegalStateException(action + ": HTTP " + response.statusCode());
            }
            return response;
        }

        private void cookies(HttpResponse<?> response) {
            for (String c : response.headers().allValues("Set-Cookie")) {
                String pair = c.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String value = pair.substring(eq + 1);
                    if (value.isEmpty() || c.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                        cookies.remove(pair.substring(0, eq));
                    } else {
                        cookies.put(pair.substring(0, eq), value);
                    }
                }
            }
        }

        private static void think(int min, int max) throws InterruptedException {
            if (max > 0) {
                Thread.sleep(ThreadLocalRandom.current().nextInt(min, max + 1));
            }
        }

        private static String match(Pattern pattern, String text, String failure) {
            var m = pattern.matcher(text);
            if (!m.find()) {
                throw new IllegalStateException(failure);
            }
            return m.group(1);
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
