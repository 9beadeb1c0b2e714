package io.ciamportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.ciamportal.testsupport.Browsers;
import io.ciamportal.testsupport.PortalPages;
import io.ciamportal.testsupport.PortalTestBase;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The selector end to end in Chromium: the wizard, the results, a "why not", a saved run and its share link. */
@Tag("browser")
class SelectorIT extends PortalTestBase {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    private BrowserContext first;
    private BrowserContext second;

    @AfterEach
    void close() {
        for (var context : new BrowserContext[] {first, second}) {
            if (context != null) {
                context.close();
            }
        }
    }

    @Test
    void completeTheWizardReadTheResultsSaveTheRunAndShareIt() {
        first = browsers.newContext(1280, 900);
        var page = first.newPage();
        PortalPages.signIn(page, baseUrl(), "viewer", DEMO_PASSWORD);
        page.locator("vaadin-side-nav").getByText("Selector").click();
        page.waitForURL(Pattern.compile(".*/selector$"));
        assertThat(page.getByText("Step 1 of 6")).isVisible();
        Browsers.screenshot(page, "selector-step-1");

        // step 1: a reason that needs a platform is refused until one is chosen
        page.getByText("Forced off an end-of-life platform", new Page.GetByTextOptions().setExact(true)).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
        assertThat(page.getByText("Choose the platform you are forced off")).isVisible();
        var platform = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Current platform"));
        platform.fill("Auth0");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Auth0").setExact(true)).click();
        page.getByText("Need budget B2B enterprise SSO and SCIM", new Page.GetByTextOptions().setExact(true)).click();
        next(page);

        assertThat(page.getByText("Step 2 of 6")).isVisible();
        page.getByText("B2B SaaS", new Page.GetByTextOptions().setExact(true)).click();
        next(page);
        assertThat(page.getByText("Step 3 of 6")).isVisible();
        next(page);
        assertThat(page.getByText("Step 4 of 6")).isVisible();
        next(page);
        assertThat(page.getByText("Step 5 of 6")).isVisible();
        page.getByText("100,000 to 1 million", new Page.GetByTextOptions().setExact(true)).click();
        next(page);
        assertThat(page.getByText("Step 6 of 6")).isVisible();
        var must = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Must have"));
        must.fill("SCIM");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(Pattern.compile("^SCIM provisioning"))).click();
        must.press("Escape");
        Browsers.screenshot(page, "selector-step-6");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("See the shortlist")).click();

        // the results: a ranked list with points, a verify list, and the dropped vendors by gate
        page.waitForURL(Pattern.compile(".*/selector/results\\?.*must=scim-inbound.*"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your shortlist"))).isVisible();
        assertThat(page.locator("#results-counts")).containsText(Pattern.compile("\\d+ ranked · \\d+ to verify"));
        var ranking = ranking(page);
        org.assertj.core.api.Assertions.assertThat(ranking).isNotEmpty().doesNotContain("auth0", "azure-ad-b2c");
        assertThat(page.locator(".portal-ranked-card").first()).containsText("Reason fit");
        assertThat(page.locator("#verify-section")).containsText("SCIM provisioning (inbound) · unknown");
        Browsers.screenshot(page, "selector-results");

        // why not Keycloak? its SCIM support is partial, which a must-have does not accept
        page.locator(".portal-gate-group[data-gate=must-have]").locator("summary, [slot=summary]").first().click();
        assertThat(page.locator(".portal-gate-group[data-gate=must-have]")).containsText("scim-inbound (partial)");
        var whyNot = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Why not…"));
        whyNot.fill("Auth0");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Auth0").setExact(true)).click();
        assertThat(page.locator("#why-not-answer")).containsText("Auth0 is the platform you are leaving");

        // save, then reopen from the list
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save run…")).click();
        var name = page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Name"));
        name.fill("Auth0 B2B shortlist");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        page.waitForURL(Pattern.compile(".*/selector/runs/[0-9a-f-]{36}$"));
        String shareLink = page.url();
        assertThat(page.locator("#results-title")).hasText("Auth0 B2B shortlist");
        org.assertj.core.api.Assertions.assertThat(ranking(page)).isEqualTo(ranking);

        page.navigate(baseUrl() + "/selector/runs");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Auth0 B2B shortlist")).click();
        page.waitForURL(shareLink);
        org.assertj.core.api.Assertions.assertThat(ranking(page)).isEqualTo(ranking);

        // the share link in a second browser, as someone else
        second = browsers.newContext(1280, 900);
        var other = second.newPage();
        PortalPages.signIn(other, baseUrl(), "analyst", DEMO_PASSWORD);
        other.navigate(shareLink);
        assertThat(other.locator("#results-title")).hasText("Auth0 B2B shortlist");
        assertThat(other.getByText(Pattern.compile("A saved run shared with you"))).isVisible();
        org.assertj.core.api.Assertions.assertThat(ranking(other)).isEqualTo(ranking);

        // and on a phone the results still read top to bottom
        var phone = browsers.newContext(390, 844);
        var small = phone.newPage();
        PortalPages.signIn(small, baseUrl(), "analyst", DEMO_PASSWORD);
        small.navigate(shareLink);
        assertThat(small.locator("#results-title")).isVisible();
        Browsers.screenshot(small, "selector-results-narrow");
        phone.close();
    }

    @Test
    void aVendorProfileListsAlternativesForEachReasonToLeave() {
        first = browsers.newContext(1280, 900);
        var page = first.newPage();
        PortalPages.signIn(page, baseUrl(), "viewer", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/vendors/auth0");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Alternatives")).click();
        var blocks = page.locator(".portal-alternative");
        assertThat(blocks).hasCount(6);
        assertThat(blocks.first()).containsText("Escape per-MAU cost at scale");
        assertThat(blocks.first().locator("li")).hasCount(3);
        assertThat(blocks.first()).containsText("reason fit");
        assertThat(page.locator(".portal-alternative li a", new Page.LocatorOptions().setHasText("Auth0"))).hasCount(0);
        Browsers.screenshot(page, "vendor-alternatives");
        blocks.first().getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("All vendors for this reason")).click();
        page.waitForURL(Pattern.compile(".*/selector/results\\?from=auth0&reason=per-mau-cost.*"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your shortlist"))).isVisible();
    }

    private static void next(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();
        Browsers.settle(page);
    }

    private static List<String> ranking(Page page) {
        page.locator(".portal-ranked-card").first().waitFor();
        Browsers.settle(page);
        return page.locator(".portal-ranked-card").evaluateAll("cards => cards.map(c => c.dataset.slug)")
                instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
