package io.ciamportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.ciamportal.Application;
import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.Browsers;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OIDC sign-in end to end against an OIDC provider started inside the test (mock-oauth2-server): the portal starts
 * while the provider is down and says so, then signs people in through it with roles from the {@code groups} claim.
 */
@Tag("browser")
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.oidc.client-id=portal-test",
        "portal.oidc.client-secret=test-secret-not-real",
        "portal.oidc.roles-claim=groups",
        "portal.oidc.display-name=Test IdP",
        "portal.oidc.retry-after=1s",
        "portal.admin-emails=ada@example.com",
        "portal.local-accounts=true",
        "portal.demo=true",
        "portal.demo-password=" + OidcSignInIT.DEMO_PASSWORD,
        "spring.datasource.url="})
class OidcSignInIT {

    static final String DEMO_PASSWORD = "Oidc-Demo-Password-1";
    private static final int PROVIDER_PORT = freePort();
    private static final MockOAuth2Server provider = new MockOAuth2Server();

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("portal.oidc.issuer-uri", () -> "http://localhost:" + PROVIDER_PORT + "/default");
        registry.add("portal.data-dir", () -> "target/test-data/oidc-" + UUID.randomUUID());
    }

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @Test
    void signInThroughTheProviderWithRolesFromItsClaim() throws Exception {
        String base = "http://localhost:" + port;
        try (var context = browsers.newContext(1280, 900)) {
            var page = context.newPage();

            // The provider is down: the portal is up, says so, and local accounts still work.
            page.navigate(base + "/login");
            assertThat(page.getByText("Test IdP cannot be reached right now")).isVisible();
            assertThat(page.getByLabel("Username")).isVisible();
            Browsers.screenshot(page, "login-provider-down");

            provider.start(PROVIDER_PORT);
            // the portal asks the provider again once the retry pause (1 s here) has passed
            var ssoLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Test IdP"));
            boolean offered = false;
            for (int attempt = 0; attempt < 20 && !offered; attempt++) {
                page.navigate(base + "/login");
                try {
                    ssoLink.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(1_000));
                    offered = true;
                } catch (com.microsoft.playwright.TimeoutError notYet) {
                    // still inside the retry pause: load the page again
                }
            }
            org.assertj.core.api.Assertions.assertThat(offered).as("single sign-on offered once the provider is up").isTrue();

            provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", "ada-subject", "JWT", null, Map.of(
                    "email", "ada@example.com",
                    "email_verified", true,
                    "name", "Ada Lovelace",
                    "preferred_username", "ada",
                    "groups", List.of("/portal/analyst", "reviewer", "unrelated-group")), 3600));
            page.navigate(base + "/login");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Test IdP")).click();
            page.waitForURL(url -> url.startsWith(base) && !url.contains("/login"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Ada Lovelace"))).isVisible();
            for (String role : List.of("Analyst:", "Reviewer:", "Admin:", "Viewer:")) {
                assertThat(page.getByText(Pattern.compile("^" + role))).isVisible();
            }
            Browsers.screenshot(page, "home-oidc");
        }

        var api = new ApiClient(base);
        String admin = basic("admin", DEMO_PASSWORD);
        var users = api.get("/api/v1/users", admin).body();
        assertThat(users).contains("Ada Lovelace").contains("\"authSource\":\"OIDC\"");
        assertThat(api.get("/api/v1/audit?action=SIGN_IN&actor=Ada", admin).body()).contains("\\\"method\\\":\\\"oidc\\\"");

        // The next sign-in brings other groups: roles from the provider follow them, the admin role granted at the
        // first sign-in (PORTAL_ADMIN_EMAILS) stays.
        try (var context = browsers.newContext(1280, 900)) {
            var page = context.newPage();
            provider.enqueueCallback(new DefaultOAuth2TokenCallback("default", "ada-subject", "JWT", null, Map.of(
                    "email", "ada@example.com", "name", "Ada Lovelace", "groups", List.of("viewer")), 3600));
            page.navigate(base + "/login");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with Test IdP")).click();
            page.waitForURL(url -> url.startsWith(base) && !url.contains("/login"));
            assertThat(page.getByText(Pattern.compile("^Admin:"))).isVisible();
            assertThat(page.getByText(Pattern.compile("^Analyst:"))).hasCount(0);
        }
        assertThat(api.get("/api/v1/audit?action=USER_ROLES_CHANGED&actor=Identity", admin).body())
                .contains("identity provider claim");
    }

    /**
     * A port the provider can have later. The provider starts after the portal, so the port is free now but must stay
     * free meanwhile: it is taken below the kernel's ephemeral range (where the portal, PostgreSQL and Chromium get
     * their random ports), so nothing else picks it in between.
     */
    private static int freePort() {
        var random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + random.nextInt(12_000);
            try (var socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }
}
