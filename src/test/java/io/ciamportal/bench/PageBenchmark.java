package io.ciamportal.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * How fast the main views are in a browser: for each view, an in-app navigation (a click on a navigation link, a
 * link in a view or a tab, until the view is rendered and Vaadin has no request in flight) and a full page load
 * ({@code page.navigate} until the same point), warm, over N rounds. Against the packaged jar with the demo data,
 * signed in as admin, in headless Chromium. Next to each time it prints what the server spent on that step (sum of
 * the time to first byte of Vaadin's requests, read from the browser's resource timing) and how many such requests the
 * step made, so that server time and client render can be told apart.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests package exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.ciamportal.bench.PageBenchmark}. Properties: {@code -Dbench.rounds=20} (after 3 warm-up rounds),
 * {@code -Dbench.jar=…} (another build), {@code -Dbench.jvm=…} (the portal's JVM flags). It prints numbers; it
 * asserts nothing.
 */
public final class PageBenchmark {

    /** Vaadin has nothing in flight, no grid is loading, and the browser has painted twice since. */
    private static final String SETTLED = "() => !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)"
            + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())"
            + " && !document.querySelector('vaadin-grid[loading]')";
    private static final String TWO_FRAMES = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))";
    private static final String TAB_READY = "() => { const t = document.querySelector('vaadin-tabsheet vaadin-tab[selected]');"
            + " const c = t && document.querySelector('vaadin-tabsheet > [tab=\"' + t.id + '\"]');"
            + " return !!c && c.textContent.trim().length > 0; }";

    private record Step(String name, String path, Consumer<Page> click, Function<Page, Locator> ready, boolean tab) {}

    private static final class Times {
        final List<Double> inApp = new ArrayList<>();
        final List<Double> inAppServer = new ArrayList<>();
        final List<Double> inAppRequests = new ArrayList<>();
        final List<Double> load = new ArrayList<>();
        final List<Double> loadServer = new ArrayList<>();
        boolean documentLoad;
    }

    /** What the requests of one step cost: server time (request start to first byte of Vaadin's requests and the document). */
    private static final class Meter {
        double serverMs;
        int requests;
        boolean document;

        void reset() {
            serverMs = 0;
            requests = 0;
            document = false;
        }

        void add(Request request) {
            String url = request.url();
            if ("document".equals(request.resourceType())) {
                document = true;
            }
            if (url.contains("v-r=uidl") || url.contains("v-r=init") || "document".equals(request.resourceType())) {
                var timing = request.timing();
                if (timing.responseStart > 0 && timing.requestStart >= 0) {
                    serverMs += timing.responseStart - timing.requestStart;
                }
                requests++;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(System.getProperty("bench.rounds", "20"));
        int warmUp = 3;
        System.out.println("Load average before: " + BenchSupport.loadAverage());
        BenchSupport.withDemoPortal((base, portal) -> {
            try (var playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                    Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(Path.of(System.getenv().getOrDefault("PORTAL_TEST_CHROMIUM", "/usr/bin/chromium")))
                            .setArgs(List.of("--disable-gpu", "--no-first-run", "--disable-background-networking")))) {
                javaScript(browser, base);
                var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("en-GB"));
                context.setDefaultTimeout(30_000);
                var page = context.newPage();
                var meter = new Meter();
                page.onRequestFinished(meter::add);
                page.navigate(base + "/login");
                page.getByLabel("Username").fill("admin");
                page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(BenchSupport.PASSWORD);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
                page.waitForURL(url -> !url.contains("/login"));
                settle(page);

                String migration = migrationPath(page, base);
                var steps = steps(migration);
                var times = new LinkedHashMap<String, Times>();
                steps.forEach(s -> times.put(s.name(), new Times()));
                long cpu0 = cpuMillis(portal);
                for (int round = 0; round < warmUp + rounds; round++) {
                    boolean measured = round >= warmUp;
                    // in-app: the whole tour by clicks, starting from the last view of the tour
                    page.navigate(base + "/" + steps.getLast().path());
                    settle(page);
                    for (var step : steps) {
                        meter.reset();
                        long t0 = System.nanoTime();
                        try {
                            step.click().accept(page);
                            waitReady(page, step);
                        } catch (RuntimeException e) {
                            throw new IllegalStateException("In-app navigation to " + step.name().strip() + " at " + page.url() + ": " + e.getMessage(), e);
                        }
                        double ms = (System.nanoTime() - t0) / 1e6;
                        var t = times.get(step.name());
                        if (measured) {
                            t.inApp.add(ms);
                            t.inAppServer.add(meter.serverMs);
                            t.inAppRequests.add((double) meter.requests);
                        }
                        t.documentLoad |= meter.document;
                    }
                    // full page loads: each view's URL typed in (the tabs have no URL of their own)
                    for (var step : steps) {
                        if (step.tab()) {
                            continue;
                        }
                        meter.reset();
                        long t0 = System.nanoTime();
                        try {
                            page.navigate(base + "/" + step.path());
                            waitReady(page, step);
                        } catch (RuntimeException e) {
                            throw new IllegalStateException("Loading " + step.name().strip() + " at " + page.url() + ": " + e.getMessage(), e);
                        }
                        double ms = (System.nanoTime() - t0) / 1e6;
                        if (measured) {
                            var t = times.get(step.name());
                            t.load.add(ms);
                            t.loadServer.add(meter.serverMs);
                        }
                    }
                }
                long cpu = cpuMillis(portal) - cpu0;
                print(times, rounds, warmUp, cpu);
            }
        });
        System.out.println("Load average after: " + BenchSupport.loadAverage());
    }

    /** Bytes of JavaScript (as transferred, compressed) the sign-in page loads with an empty cache, and what the first page after it adds. */
    private static void javaScript(Browser browser, String base) {
        try (var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900))) {
            var page = context.newPage();
            var bytes = new long[2];
            var scripts = new int[2];
            var phase = new int[1];
            page.onRequestFinished(request -> {
                if ("script".equals(request.resourceType())) {
                    long size = request.sizes().responseBodySize;
                    if (size > 0) {
                        bytes[phase[0]] += size;
                        scripts[phase[0]]++;
                    }
                }
            });
            page.navigate(base + "/login");
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            phase[0] = 1;
            page.getByLabel("Username").fill("admin");
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(BenchSupport.PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.waitForURL(url -> !url.contains("/login"));
            page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            settle(page);
            System.out.printf(Locale.ROOT, "JavaScript, empty cache: the sign-in page loads %d scripts, %.1f KB as transferred (compressed);"
                    + " the first page after sign-in adds %d scripts, %.1f KB%n", scripts[0], bytes[0] / 1024.0, scripts[1], bytes[1] / 1024.0);
        }
    }

    private static String migrationPath(Page page, String base) {
        page.navigate(base + "/migrations");
        var link = page.locator("vaadin-grid-cell-content a", new Page.LocatorOptions().setHasText("Auth0 to Keycloak")).first();
        link.waitFor();
        return link.getAttribute("href");
    }

    private static List<Step> steps(String migration) {
        var steps = new ArrayList<Step>();
        steps.add(nav("home", "", p -> p.locator(".portal-home h2")));
        steps.add(nav("vendors", "vendors", p -> p.locator("vaadin-grid-cell-content a[href^='vendors/']").first()));
        steps.add(nav("matrix", "matrix", p -> p.locator("portal-matrix td").nth(840)));
        steps.add(nav("selector", "selector", p -> p.locator("#selector-step-count")));
        steps.add(nav("migrations", "migrations", p -> cell(p, "Auth0 to Keycloak")));
        steps.add(new Step("migration page", migration,
                p -> p.locator("vaadin-grid-cell-content a", new Page.LocatorOptions().setHasText("Auth0 to Keycloak")).first().click(),
                p -> p.locator("#migration-title"), false));
        for (String tab : List.of("Inventory", "Applications", "User export", "Plan", "Cutover calendar", "Dual run", "Compare destinations",
                "Members", "Audit", "Assessment")) {
            steps.add(new Step("  tab " + tab, migration,
                    p -> p.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(tab).setExact(true)).click(),
                    p -> p.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(tab).setExact(true)).and(p.locator("[selected]")), true));
        }
        steps.add(new Step("gates", migration + "/gates", p -> p.locator(".portal-links a", new Page.LocatorOptions().setHasText("Security gates")).click(),
                p -> p.locator("#cutover-status"), false));
        steps.add(new Step("a gate", migration + "/gates/rollback", p -> p.locator(".portal-gate-board a[href$='/gates/rollback']").click(),
                p -> p.locator("#gate-approvals"), false));
        steps.add(nav("audit", "admin/audit", p -> p.locator("vaadin-grid-cell-content").nth(20)));
        steps.add(nav("users", "admin/users", p -> cell(p, "reviewer2")));
        return steps;
    }

    private static Step nav(String name, String path, Function<Page, Locator> ready) {
        return new Step(name, path, p -> p.locator("vaadin-side-nav-item[path='" + path + "']").click(), ready, false);
    }

    private static Locator cell(Page page, String text) {
        return page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(text)).first();
    }

    private static void waitReady(Page page, Step step) {
        page.waitForURL(url -> url.endsWith("/" + step.path()) || url.contains("/" + step.path() + "?"));
        step.ready().apply(page).waitFor();
        if (step.tab()) {
            page.waitForFunction(TAB_READY);
        }
        settle(page);
    }

    private static void settle(Page page) {
        page.waitForFunction(SETTLED);
        page.evaluate(TWO_FRAMES);
        page.waitForFunction(SETTLED);
    }

    private static long cpuMillis(Process process) {
        if (process == null) {
            return -1;
        }
        return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
    }

    private static void print(Map<String, Times> times, int rounds, int warmUp, long cpuMs) {
        System.out.printf(Locale.ROOT, "%nWarm, %d rounds after %d warm-up rounds; times in ms. Server: sum of Vaadin's request-to-first-byte"
                + " in the step (median).%n%n", rounds, warmUp);
        System.out.println("| view | in-app median | in-app p95 | server | requests | full load median | full load p95 | server |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        var allInApp = new ArrayList<Double>();
        var allLoad = new ArrayList<Double>();
        times.forEach((name, t) -> {
            allInApp.addAll(t.inApp);
            allLoad.addAll(t.load);
            System.out.printf(Locale.ROOT, "| %s%s | %.0f | %.0f | %.0f | %.0f | %s | %s | %s |%n", name.strip(),
                    t.documentLoad ? " (reloads the document)" : "", p(t.inApp, 50), p(t.inApp, 95), p(t.inAppServer, 50), p(t.inAppRequests, 50),
                    f(t.load, 50), f(t.load, 95), f(t.loadServer, 50));
        });
        System.out.printf(Locale.ROOT, "| all views | %.0f | %.0f | | | %.0f | %.0f | |%n", p(allInApp, 50), p(allInApp, 95), p(allLoad, 50),
                p(allLoad, 95));
        System.out.printf(Locale.ROOT, "%nPortal CPU time during the measured and warm-up rounds: %.1f s%n", cpuMs / 1000.0);
    }

    private static double p(List<Double> values, int percentile) {
        return BenchSupport.percentile(values, percentile);
    }

    private static String f(List<Double> values, int percentile) {
        return values.isEmpty() ? "—" : String.format(Locale.ROOT, "%.0f", p(values, percentile));
    }
}
