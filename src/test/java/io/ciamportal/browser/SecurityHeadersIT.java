package io.ciamportal.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.ciamportal.testsupport.Browsers;
import io.ciamportal.testsupport.PortalPages;
import io.ciamportal.testsupport.PortalTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The security headers of decision record 0007, as a browser gets them: every view works under the Content-Security-
 * Policy with no violation reported (by the page's own {@code securitypolicyviolation} events and Chromium's console),
 * and the sign-in page, the views and the API send the other headers.
 */
@Tag("browser")
class SecurityHeadersIT extends PortalTestBase {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @Autowired
    JdbcClient jdbc;

    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void everyViewRunsUnderThePolicyWithoutAViolation() {
        var migration = jdbc.sql("SELECT id FROM migration ORDER BY created_at LIMIT 1").query(UUID.class).single();
        context = browsers.newContext(1280, 900);
        var violations = new CopyOnWriteArrayList<String>();
        context.addInitScript("document.addEventListener('securitypolicyviolation', e => "
                + "(window.__cspViolations = window.__cspViolations || []).push(e.violatedDirective + ' ' + e.blockedURI));");
        var page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy") || m.text().contains("Content-Security-Policy")) {
                violations.add(m.text());
            }
        });
        var loginHeaders = page.navigate(baseUrl() + "/login").allHeaders();
        assertThat(loginHeaders.get("content-security-policy")).contains("'nonce-").doesNotContain("'unsafe-inline' 'unsafe-eval'")
                .contains("frame-ancestors 'none'");
        Browsers.settle(page);
        // the detector works: an injected inline script without the nonce is refused and reported
        try {
            page.addScriptTag(new Page.AddScriptTagOptions().setContent("window.__injected = true;"));
        } catch (RuntimeException refused) {
            // Playwright may report the refused script as an error; the violation is what counts
        }
        page.waitForFunction("() => (window.__cspViolations || []).length > 0");
        assertThat(page.evaluate("() => window.__injected === true")).isEqualTo(false);
        page.evaluate("() => { window.__cspViolations = []; }");
        violations.clear();
        collect(page, violations, "/login");
        PortalPages.signIn(page, baseUrl(), "admin", DEMO_PASSWORD);
        var views = new ArrayList<>(List.of("/", "/vendors", "/vendors/keycloak", "/vendors/how-scores-work", "/matrix", "/compare",
                "/selector", "/selector/runs", "/migrations", "/migrations/" + migration, "/migrations/" + migration + "/gates",
                "/migrations/" + migration + "/gates/rollback", "/migrations/how-scoring-works", "/gates/inbox", "/admin/users",
                "/admin/audit", "/admin/data-health"));
        for (String view : views) {
            var response = page.navigate(baseUrl() + view);
            assertThat(response.status()).as(view).isEqualTo(200);
            Browsers.settle(page);
            assertThat(page.locator("vaadin-app-layout, .portal-page, main").first().isVisible()).as(view + " rendered").isTrue();
            collect(page, violations, view);
        }
        // the tabs of a migration page build charts and uploads when they are first shown
        page.navigate(baseUrl() + "/migrations/" + migration);
        Browsers.settle(page);
        for (var tab : page.locator("vaadin-tab").all()) {
            tab.click();
            Browsers.settle(page);
        }
        collect(page, violations, "migration tabs");
        Browsers.screenshot(page, "csp-migration-tabs");
        assertThat(violations).as("Content-Security-Policy violations").isEmpty();
    }

    @Test
    void pagesAndTheApiSendTheHeaders() throws Exception {
        var http = HttpClient.newHttpClient();
        for (String path : List.of("/login", "/", "/api/v1/vendors")) {
            var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(), HttpResponse.BodyHandlers.discarding());
            var h = response.headers();
            assertThat(h.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(h.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            assertThat(h.firstValue("Permissions-Policy")).as(path).hasValueSatisfying(v -> assertThat(v).contains("camera=()"));
            assertThat(h.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(v -> assertThat(v).contains("frame-ancestors 'none'"));
            assertThat(h.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            // not behind TLS in this test: no HSTS
            assertThat(h.firstValue("Strict-Transport-Security")).as(path).isEmpty();
        }
    }

    private static void collect(Page page, List<String> violations, String view) {
        Object found = page.evaluate("() => window.__cspViolations || []");
        if (found instanceof List<?> list) {
            list.forEach(v -> violations.add(view + ": " + v));
        }
        page.evaluate("() => { window.__cspViolations = []; }");
    }
}
