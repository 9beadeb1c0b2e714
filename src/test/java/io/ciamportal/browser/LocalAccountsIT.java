package io.ciamportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.Browsers;
import io.ciamportal.testsupport.PortalPages;
import io.ciamportal.testsupport.PortalTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** User journeys with local accounts in a real Chromium against the running portal. */
@Tag("browser")
class LocalAccountsIT extends PortalTestBase {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    private BrowserContext context;

    private Page page(int width) {
        context = browsers.newContext(width, 900);
        return context.newPage();
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void anAnalystSignsInWithANewSessionIdAndSignsOut() {
        var page = page(1280);
        page.navigate(baseUrl() + "/");
        page.waitForURL(url -> url.contains("/login"));
        Browsers.screenshot(page, "login");
        String before = sessionId(context);

        PortalPages.fillSignInForm(page, "analyst", DEMO_PASSWORD);
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Demo analyst"))).isVisible();
        assertThat(sessionId(context)).as("a new session id at sign-in").isNotEqualTo(before);
        Browsers.screenshot(page, "home-analyst");

        PortalPages.signOut(page);
        page.navigate(baseUrl() + "/");
        page.waitForURL(url -> url.contains("/login"));

        var api = new ApiClient(baseUrl());
        var trail = api.get("/api/v1/audit?actor=Demo%20analyst&limit=50", basic("admin", DEMO_PASSWORD));
        assertThat(trail.body()).contains("\"action\":\"SIGN_IN\"").contains("\"action\":\"SIGN_OUT\"");
    }

    @Test
    void aWrongPasswordIsRefusedWithAClearMessage() {
        var page = page(1280);
        page.navigate(baseUrl() + "/login");
        PortalPages.fillSignInForm(page, "reviewer", "not-the-password");
        assertThat(page.getByText("The username or password is wrong")).isVisible();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?error"));
        Browsers.screenshot(page, "login-error");
    }

    @Test
    void aViewerSeesNoAdminAreaAndIsRefusedTheAdminViewAndApi() {
        var page = page(1280);
        PortalPages.signIn(page, baseUrl(), "viewer", DEMO_PASSWORD);
        var nav = page.locator("vaadin-side-nav");
        assertThat(nav.getByText("Home")).isVisible();
        assertThat(nav.getByText("Users")).hasCount(0);
        assertThat(nav.getByText("Audit")).hasCount(0);

        page.navigate(baseUrl() + "/admin/users");
        assertThat(page.getByText("you do not have access")).isVisible();
        assertThat(page.locator("vaadin-grid")).hasCount(0);

        var response = page.request().get(baseUrl() + "/api/v1/users");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.text()).contains("\"error\":\"forbidden\"");
    }

    @Test
    void aSessionWriteWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        var api = new ApiClient(baseUrl());
        String viewerId = api.get("/api/v1/me", basic("viewer", DEMO_PASSWORD)).json().get("id").toString();
        var page = page(1280);
        PortalPages.signIn(page, baseUrl(), "admin", DEMO_PASSWORD);

        var response = page.request().post(baseUrl() + "/api/v1/users/" + viewerId + "/disable");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.text()).contains("\"error\":\"csrf\"");
        var viewer = api.get("/api/v1/users/" + viewerId, basic("admin", DEMO_PASSWORD));
        assertThat(viewer.json()).containsEntry("enabled", true);
        assertThat(api.get("/api/v1/audit?action=CSRF_REJECTED", basic("admin", DEMO_PASSWORD)).body()).contains(viewerId);
    }

    @Test
    void anAdminChangesARoleAndFindsItInTheAuditLogWithAnIntactChain() {
        var page = page(1280);
        PortalPages.signIn(page, baseUrl(), "admin", DEMO_PASSWORD);
        page.locator("vaadin-side-nav").getByText("Users").click();
        page.waitForURL(url -> url.endsWith("/admin/users"));
        page.getByLabel("Search users").fill("reviewer2");
        assertThat(page.locator("vaadin-grid").getByText("Demo viewer")).isHidden(); // the filter has run
        Browsers.settle(page);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change roles of Demo reviewer2")).click();
        page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Analyst"))).check();
        Browsers.screenshot(page, "users-roles-dialog");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save roles")).click();
        assertThat(page.getByText("Roles of Demo reviewer2 saved.")).isVisible();
        Browsers.settle(page);
        Browsers.screenshot(page, "users");

        page.locator("vaadin-side-nav").getByText("Audit").click();
        page.waitForURL(url -> url.endsWith("/admin/audit"));
        var grid = page.locator("vaadin-grid");
        assertThat(grid.getByText("User roles changed").first()).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Verify chain")).click();
        assertThat(page.getByText("Chain intact")).isVisible();
        Browsers.screenshot(page, "audit");
        grid.getByText("User roles changed").first().click();
        assertThat(page.getByText("USER_ROLES_CHANGED on user")).isVisible();
        Browsers.screenshot(page, "audit-details");

        var api = new ApiClient(baseUrl());
        var changes = api.get("/api/v1/audit?action=USER_ROLES_CHANGED&actor=admin", basic("admin", DEMO_PASSWORD)).body();
        assertThat(changes).contains("\"after\":\"{\\\"roles\\\":[\\\"ANALYST\\\",\\\"REVIEWER\\\",\\\"VIEWER\\\"]}\"");
    }

    @Test
    void theShellWorksOnANarrowScreenAndInDarkMode() {
        var page = page(400);
        PortalPages.signIn(page, baseUrl(), "admin", DEMO_PASSWORD);
        Browsers.screenshot(page, "home-narrow");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show or hide the navigation")).click();
        var nav = page.locator("vaadin-side-nav");
        assertThat(nav.getByText("Audit")).isVisible();
        Browsers.animationsDone(page); // the drawer has finished sliding in before the picture
        Browsers.screenshot(page, "nav-narrow");
        nav.getByText("Audit").click();
        page.waitForURL(url -> url.endsWith("/admin/audit"));
        Browsers.settle(page);
        Browsers.screenshot(page, "audit-narrow");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to dark theme")).click();
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
        Browsers.screenshot(page, "audit-narrow-dark");
        page.reload();
        Browsers.settle(page);
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
    }

    @Test
    void anUnknownAddressShowsAPlainNotFoundPage() {
        var page = page(1280);
        PortalPages.signIn(page, baseUrl(), "analyst", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/no/such/page");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found"))).isVisible();
        assertThat(page.content()).doesNotContain("Exception").doesNotContain("at io.ciamportal");
        Browsers.screenshot(page, "not-found");
    }

    @Test
    void theKeyboardAloneReachesSignIn() {
        var page = page(1280);
        page.navigate(baseUrl() + "/login");
        page.getByLabel("Username").focus();
        page.keyboard().type("viewer");
        page.keyboard().press("Tab");
        page.keyboard().type(DEMO_PASSWORD);
        page.keyboard().press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Demo viewer"))).isVisible();
    }

    private static String sessionId(BrowserContext context) {
        return context.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).map(c -> c.value).findFirst().orElse("");
    }
}
