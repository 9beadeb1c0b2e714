package io.ciamportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.ciamportal.testsupport.Browsers;
import io.ciamportal.testsupport.PortalPages;
import io.ciamportal.testsupport.PortalTestBase;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Browsing the vendor index and a vendor's profile in Chromium. */
@Tag("browser")
class VendorIndexIT extends PortalTestBase {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    private BrowserContext context;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void filterTheIndexOpenAProfileAndFindItsSources() {
        context = browsers.newContext(1280, 900);
        var page = context.newPage();
        PortalPages.signIn(page, baseUrl(), "viewer", DEMO_PASSWORD);
        page.locator("vaadin-side-nav").getByText("Vendors").click();
        page.waitForURL(url -> url.endsWith("/vendors"));
        assertThat(page.getByText(Pattern.compile("^(29|3\\d) vendors$"))).isVisible();
        Browsers.screenshot(page, "vendors");

        page.getByLabel("Search").fill("key");
        assertThat(page.getByText("1 vendor")).isVisible();
        Browsers.settle(page);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Keycloak")).click();
        page.waitForURL(url -> url.endsWith("/vendors/keycloak"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Keycloak").setExact(true))).isVisible();
        assertThat(page.getByText(Pattern.compile("Leaving Keycloak \\(outbound\\): \\d of 5"))).isVisible();
        var source = page.locator(".portal-sources a").first();
        assertThat(source).hasAttribute("href", Pattern.compile("^https?://"));
        assertThat(source).hasAttribute("target", "_blank");
        Browsers.screenshot(page, "vendor-keycloak");
    }

    @Test
    void theMatrixShowsOnlyDifferencesBetweenChosenVendors() {
        context = browsers.newContext(1280, 900);
        var page = context.newPage();
        PortalPages.signIn(page, baseUrl(), "viewer", DEMO_PASSWORD);
        page.locator("vaadin-side-nav").getByText("Matrix").click();
        page.waitForURL(url -> url.endsWith("/matrix"));
        var rows = page.locator("portal-matrix tbody tr:not(.group)");
        assertThat(rows).hasCount(catalogueSize());
        var cell = page.locator("portal-matrix td").first();
        cell.focus();
        assertThat(page.locator("portal-matrix [role=status]")).containsText(" · ");
        Browsers.screenshot(page, "matrix");

        var vendorsBox = page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Vendors"));
        for (String name : new String[] {"Keycloak", "Auth0"}) {
            vendorsBox.fill(name);
            page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
        }
        vendorsBox.press("Escape");
        Browsers.settle(page);
        assertThat(page.locator("portal-matrix thead th")).hasCount(3);
        page.getByText("Only differences").click();
        Browsers.settle(page);
        int shown = rows.count();
        org.assertj.core.api.Assertions.assertThat(shown).isBetween(1, 28);
        Browsers.screenshot(page, "matrix-differences");
    }

    @Test
    void anAdminEditsAValueAndFindsItInHistoryWhileAViewerSeesNoEditControl() {
        context = browsers.newContext(1280, 900);
        var page = context.newPage();
        PortalPages.signIn(page, baseUrl(), "admin", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/vendors/propelauth");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit Licence"))).isVisible();
        // set the value to something it is not now, whatever the dataset says
        String current = jdbc.sql("""
                SELECT lower(support) FROM capability_value WHERE capability_key = 'webhooks'
                  AND vendor_id = (SELECT id FROM vendor WHERE slug = 'propelauth')""").query(String.class).single();
        boolean toYes = !current.equals("yes");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit Webhooks")).click();
        var dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Support").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(toYes ? "✓ Yes" : "◐ Partial")).click();
        dialog.getByLabel("Note").fill("Webhooks for user and organization events (checked by the curator).");
        dialog.getByLabel("Sources").fill("https://docs.propelauth.com/reference/webhooks");
        Browsers.screenshot(page, "vendor-edit-dialog");
        dialog.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByText("Saved. The change is in the History tab.")).isVisible();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("History")).click();
        assertThat(page.getByText("Vendor value changed").first()).isVisible();
        assertThat(page.getByText("support: " + current + " → " + (toYes ? "yes" : "partial")).first()).isVisible();
        Browsers.screenshot(page, "vendor-history");
        context.close();

        context = browsers.newContext(1280, 900);
        var viewer = context.newPage();
        PortalPages.signIn(viewer, baseUrl(), "viewer", DEMO_PASSWORD);
        viewer.navigate(baseUrl() + "/vendors/propelauth");
        assertThat(viewer.getByText("Webhooks").first()).isVisible();
        assertThat(viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit Webhooks"))).hasCount(0);
        assertThat(viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Override score"))).hasCount(0);
        assertThat(viewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit facts"))).hasCount(0);
    }

    @Test
    void anAdminEditsAVendorsFactsInOneFormAndAWrongFieldIsNamed() {
        context = browsers.newContext(1280, 900);
        var page = context.newPage();
        PortalPages.signIn(page, baseUrl(), "admin", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/vendors/mojoauth");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit facts")).click();
        var dialog = page.getByRole(AriaRole.DIALOG);
        // a licence text the vendor does not have yet, so the save changes something whatever the dataset says
        dialog.getByLabel("Licence", new com.microsoft.playwright.Locator.GetByLabelOptions().setExact(true))
                .fill("Proprietary (read " + System.nanoTime() + ")");
        dialog.getByLabel("Website").fill("not a url");
        Browsers.screenshot(page, "vendor-facts-dialog");
        dialog.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(dialog.getByText("not a url is not an http(s) URL.")).isVisible();
        dialog.getByLabel("Website").fill("https://mojoauth.com");
        dialog.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save")).click();
        assertThat(page.getByText("Saved. The change is in the History tab.")).isVisible();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("History")).click();
        assertThat(page.getByText("Vendor facts changed").first()).isVisible();
        assertThat(page.getByText(java.util.regex.Pattern.compile("license: .* → Proprietary")).first()).isVisible();
    }

    @Test
    void compareThreeVendorsSeeTheRadarAndOpenAVendorFromTheScatterChart() {
        context = browsers.newContext(1280, 900);
        var page = context.newPage();
        PortalPages.signIn(page, baseUrl(), "viewer", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/compare?vendors=keycloak,auth0,mojoauth");
        var radar = page.locator("portal-chart");
        assertThat(radar).hasAttribute("data-rendered", "true");
        assertThat(radar.locator("canvas")).hasCount(1);
        assertThat(page.locator("vaadin-grid").getByText("Migration (import and export)")).isVisible();
        // known support and the unknown share are shown apart, never an unknown counted as missing
        assertThat(page.locator("vaadin-grid").getByText(Pattern.compile("^\\d+ % supported, \\d+ % unknown$")).first()).isVisible();
        assertThat(page.locator("portal-matrix thead th")).hasCount(4);
        Browsers.screenshot(page, "compare");

        page.navigate(baseUrl() + "/vendors");
        var scatter = page.locator("portal-chart");
        assertThat(scatter).hasAttribute("data-rendered", "true");
        // What the chart fires when a point is clicked (canvas points have no DOM to click).
        scatter.evaluate("el => el.dispatchEvent(new CustomEvent('chart-click', {detail: {id: 'zitadel'}, bubbles: true, composed: true}))");
        page.waitForURL(url -> url.endsWith("/vendors/zitadel"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("ZITADEL").setExact(true))).isVisible();
    }

    @Test
    void anEndOfSaleVendorCarriesABanner() {
        context = browsers.newContext(400, 900);
        var page = context.newPage();
        PortalPages.signIn(page, baseUrl(), "viewer", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/vendors/azure-ad-b2c");
        assertThat(page.getByText(Pattern.compile("no longer sold to new customers \\(since 2025-05-01\\)"))).isVisible();
        Browsers.screenshot(page, "vendor-azure-ad-b2c-narrow");
        page.navigate(baseUrl() + "/vendors/not-a-vendor");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found"))).isVisible();
    }

    @Test
    void anAdminReadsDataHealthAndSettlesAReleaseConflict() {
        // a conflict as a release leaves it: the release's value next to the (unchanged) local one
        jdbc.sql("""
                INSERT INTO dataset_conflict (slug, path, release_version, release_value, local_value, detected_at)
                SELECT 'kinde', 'capabilities.ldap', (SELECT version FROM dataset_release ORDER BY applied_at DESC LIMIT 1),
                    '{"support": "no", "note": "Release says LDAP is not offered.", "sources": [], "confirmed": false, "reviewedOn": null}'::jsonb,
                    NULL, now()""").update();
        context = browsers.newContext(1280, 900);
        var page = context.newPage();
        PortalPages.signIn(page, baseUrl(), "admin", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/admin/data-health");
        assertThat(page.getByText(Pattern.compile("^Release \\d{4}\\.\\d{2}\\.\\d{2}"))).isVisible();
        assertThat(page.getByText("confirmed at the vendor's own source")).isVisible();
        assertThat(page.locator("portal-chart")).hasAttribute("data-rendered", "true");
        var conflicts = page.locator("vaadin-grid#release-conflicts");
        assertThat(conflicts.getByText("Kinde")).isVisible();
        assertThat(conflicts.getByText("Release says LDAP")).isVisible();
        Browsers.screenshot(page, "data-health");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keep the local value for Kinde LDAP")).click();
        assertThat(page.getByText("Kept the local value for Kinde · LDAP.")).isVisible();
        assertThat(page.getByText("No conflicts: wherever the release changed a value, nobody here had changed it.")).isVisible();

        var narrow = browsers.newContext(400, 800).newPage();
        PortalPages.signIn(narrow, baseUrl(), "admin", DEMO_PASSWORD);
        narrow.navigate(baseUrl() + "/admin/data-health");
        assertThat(narrow.getByText("capability values", new Page.GetByTextOptions().setExact(true))).isVisible();
        Browsers.screenshot(narrow, "data-health-narrow");
        narrow.context().close();
    }

    private int catalogueSize() {
        return jdbc.sql("SELECT count(*) FROM capability").query(Integer.class).single();
    }
}
