package io.ciamportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
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

/**
 * The Applications tab in Chromium: an analyst fills the application side (a client with its URIs, a domain,
 * templates, a webhook, counts), sees a bad URI marked as typed and a refused save on the field it names, and reads the
 * verdicts; a viewer reads the same, read-only; a phone shows it top to bottom.
 */
@Tag("browser")
class ApplicationsIT extends PortalTestBase {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    private static final Locator.GetByLabelOptions EXACT = new Locator.GetByLabelOptions().setExact(true);
    private static final Page.GetByLabelOptions PAGE_EXACT = new Page.GetByLabelOptions().setExact(true);

    private static Locator.GetByRoleOptions named(String name) {
        return new Locator.GetByRoleOptions().setName(name);
    }

    private static Page.GetByRoleOptions button(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    @Test
    void anAnalystFillsTheApplicationSideAndReadsTheVerdicts() {
        var api = new ApiClient(baseUrl());
        var created = api.post("/api/v1/migrations", ApiClient.basic("analyst", DEMO_PASSWORD), """
                {"name": "Browser apps: Auth0 to Keycloak", "source": "auth0", "destination": "keycloak",
                 "inventory": {"totalUsers": 5000, "enterpriseConnections": 2}, "members": [{"username": "viewer", "role": "VIEWER"}]}""");
        org.assertj.core.api.Assertions.assertThat(created.status()).isEqualTo(201);
        String url = baseUrl() + "/migrations/" + created.json().get("id");

        context = browsers.newContext(1280, 900);
        var page = context.newPage();
        PortalPages.signIn(page, baseUrl(), "analyst", DEMO_PASSWORD);
        page.navigate(url);
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Applications")).click();
        assertThat(page.locator("[data-notice=applications-empty]")).isVisible();
        assertThat(page.locator(".portal-item[data-item=clients]")).containsText("affects: unknown");
        Browsers.screenshot(page, "applications-empty");

        // one client: a bad redirect URI is marked as it is typed
        page.getByRole(AriaRole.BUTTON, button("Add client application")).click();
        var shop = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Client application 1"));
        shop.getByLabel("Name", EXACT).fill("Shop");
        shop.locator("vaadin-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Web application (server side)")).click();
        var redirects = shop.getByLabel("Redirect URIs, one per line", EXACT);
        redirects.fill("https://shop.example.com/callback\n/callback");
        redirects.press("Tab");
        assertThat(shop.locator("vaadin-text-area[invalid]")).containsText("Redirect URI 2");
        assertThat(shop.locator("vaadin-text-area[invalid]")).containsText("not an absolute URI");
        redirects.fill("https://shop.example.com/callback\nhttps://shop.example.com/silent");
        redirects.press("Tab");
        assertThat(shop.locator("vaadin-text-area[invalid]")).hasCount(0);
        shop.getByLabel("Logout URIs, one per line", EXACT).fill("https://shop.example.com/");
        shop.getByRole(AriaRole.CHECKBOX, named("authorization_code")).check();
        shop.getByRole(AriaRole.CHECKBOX, named("refresh_token")).check();
        shop.getByRole(AriaRole.CHECKBOX, named("Stores the user's sub as a key (a foreign key in its database)")).check();

        page.getByRole(AriaRole.BUTTON, button("Add custom domain")).click();
        var domain = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Custom domain"));
        domain.getByLabel("Domain", EXACT).fill("Login.Shop.Example.com");
        domain.getByLabel("DNS records", EXACT).fill("2");

        page.getByLabel("Email templates", PAGE_EXACT).fill("4");
        page.getByLabel("SMS templates", PAGE_EXACT).fill("0");
        page.getByLabel("Template locales", PAGE_EXACT).fill("en, de");
        page.getByLabel("Sender domains, one per line", PAGE_EXACT).fill("mail.shop.example.com");

        page.getByRole(AriaRole.BUTTON, button("Add webhook")).click();
        var hook = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Webhook"));
        hook.getByLabel("Webhook name", EXACT).fill("CRM sync");
        hook.getByLabel("Endpoint URL", EXACT).fill("https://crm.example.com/hooks/identity");
        hook.getByRole(AriaRole.CHECKBOX, named("The receiver verifies a signing secret")).check();

        page.getByLabel("APIs that validate tokens", PAGE_EXACT).fill("2");
        page.getByLabel("Log streams to a SIEM", PAGE_EXACT).fill("1");
        page.getByLabel("API keys", PAGE_EXACT).fill("1");
        page.getByLabel("Machine credentials", PAGE_EXACT).fill("0");
        page.getByRole(AriaRole.BUTTON, button("Save application side")).click();
        assertThat(page.getByText("Application side saved")).isVisible();

        // the page reloads on this tab: the verdicts count what was listed and cite the destination's facts
        assertThat(page.locator("[data-notice=applications-empty]")).hasCount(0);
        var domains = page.locator(".portal-item[data-item=domains]");
        assertThat(domains).containsText("Reconfigure");
        assertThat(domains).containsText("1 domains");
        assertThat(domains).containsText("login.shop.example.com");
        assertThat(domains.locator(".portal-sources a").first()).hasAttribute("href", java.util.regex.Pattern.compile("^https://"));
        assertThat(page.locator(".portal-item[data-item=clients]")).containsText("1 client applications");
        assertThat(page.locator(".portal-item[data-item=issuer]")).containsText("Shop");
        assertThat(page.locator(".portal-item[data-item=webhooks]")).containsText("1 signed receiver");
        assertThat(page.locator(".portal-item[data-item=enterprise_handoff]")).containsText("2 connections");
        assertThat(page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Client application 1")).getByLabel("Name", EXACT))
                .hasValue("Shop");
        Browsers.screenshot(page, "applications");
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Application inventory")).scrollIntoViewIfNeeded();
        Browsers.screenshot(page, "applications-form");
        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Webhooks")).scrollIntoViewIfNeeded();
        Browsers.screenshot(page, "applications-form-more");

        // a refusal the service finds is shown on the field it names, and nothing is saved
        page.getByRole(AriaRole.BUTTON, button("Add client application")).click();
        var twin = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Client application 2"));
        twin.getByLabel("Name", EXACT).fill("shop");
        twin.locator("vaadin-select").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Single-page application")).click();
        page.getByRole(AriaRole.BUTTON, button("Save application side")).click();
        assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Two client applications are named shop")))
                .isVisible();
        assertThat(twin.locator("vaadin-text-field[invalid]")).hasCount(1);
        Browsers.screenshot(page, "applications-error");
        page.navigate(url);
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Applications")).click();
        assertThat(page.locator(".portal-item[data-item=clients]")).containsText("1 client applications");

        // a viewer reads it, read-only
        var viewerContext = browsers.newContext(1280, 900);
        var viewer = viewerContext.newPage();
        PortalPages.signIn(viewer, baseUrl(), "viewer", DEMO_PASSWORD);
        viewer.navigate(url);
        viewer.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Applications")).click();
        assertThat(viewer.locator(".portal-item[data-item=domains]")).containsText("Reconfigure");
        assertThat(viewer.getByRole(AriaRole.BUTTON, button("Save application side"))).hasCount(0);
        assertThat(viewer.getByRole(AriaRole.BUTTON, button("Add client application"))).hasCount(0);
        assertThat(viewer.locator("vaadin-text-field[readonly]").first()).isVisible();
        viewerContext.close();

        // on a phone it reads top to bottom
        var phone = browsers.newContext(390, 844);
        var small = phone.newPage();
        PortalPages.signIn(small, baseUrl(), "analyst", DEMO_PASSWORD);
        small.navigate(url);
        small.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Applications")).click();
        assertThat(small.locator(".portal-item[data-item=clients]")).isVisible();
        Browsers.settle(small);
        org.assertj.core.api.Assertions.assertThat((Boolean) small.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1"))
                .as("nothing wider than the phone").isTrue();
        Browsers.screenshot(small, "applications-narrow");
        small.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Client application 1")).scrollIntoViewIfNeeded();
        Browsers.screenshot(small, "applications-form-narrow");
        phone.close();
    }
}
