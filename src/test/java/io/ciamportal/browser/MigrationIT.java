package io.ciamportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.ciamportal.testsupport.Browsers;
import io.ciamportal.testsupport.PortalPages;
import io.ciamportal.testsupport.PortalTestBase;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A migration end to end in Chromium: create, inventory, verdicts, what-if, plan, PDF; a non-member is turned away. */
@Tag("browser")
class MigrationIT extends PortalTestBase {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void createFillReadCompareTickAndDownload() throws Exception {
        context = browsers.newContext(1280, 900);
        var page = context.newPage();
        PortalPages.signIn(page, baseUrl(), "analyst", DEMO_PASSWORD);
        page.locator("vaadin-side-nav").getByText("Migrations").click();
        page.waitForURL(Pattern.compile(".*/migrations$"));
        assertThat(page.getByText("Customer login: Auth0 to Keycloak")).isVisible();
        Browsers.screenshot(page, "migrations");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("New migration")).click();
        var dialog = page.getByRole(AriaRole.DIALOG);
        dialog.getByLabel("Name").fill("Browser test: Auth0 to Keycloak");
        pick(page, dialog.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("Source: where users are today")), "Auth0");
        pick(page, dialog.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("Destination")), "Keycloak");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Create")).click();
        page.waitForURL(Pattern.compile(".*/migrations/[0-9a-f-]{36}$"));
        assertThat(page.locator("#migration-title")).hasText("Browser test: Auth0 to Keycloak");
        String url = page.url();

        // the inventory
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Inventory")).click();
        page.getByLabel("Total users").fill("100000");
        page.getByLabel("Monthly active users").fill("40000");
        page.getByLabel("With passwords").fill("90");
        page.getByLabel("With TOTP").fill("10");
        page.getByLabel("Inactive for more than 90 days").fill("30");
        page.getByLabel("Enterprise connections (SAML/OIDC)").fill("4");
        page.getByLabel("Custom logic units (Actions, rules, hooks, Lambdas)").fill("17");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save inventory")).click();
        assertThat(page.getByText("Inventory saved")).isVisible();

        // the verdicts
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Assessment")).click();
        var hashes = page.locator(".portal-item[data-item=password_hashes]");
        assertThat(hashes).containsText("Migrates with conditions");
        assertThat(hashes).containsText("90,000 users with a password");
        assertThat(page.locator(".portal-item[data-item=sessions]")).containsText("Lost");
        assertThat(page.locator(".portal-item[data-item=custom_logic]")).containsText("17 logic units");
        assertThat(hashes.locator(".portal-sources a").first()).hasAttribute("href", Pattern.compile("^https://"));
        Browsers.screenshot(page, "migration-assessment");

        // what if Clerk instead?
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Compare destinations")).click();
        pick(page, page.getByRole(AriaRole.COMBOBOX, new Page.GetByRoleOptions().setName("Destinations to compare (up to 5)")), "Clerk");
        page.keyboard().press("Escape");
        Browsers.settle(page);
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Clerk")).first()).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Bulk import after a support-ticket export")).first())
                .isVisible();
        Browsers.screenshot(page, "migration-what-if");

        // tick the first task of phase 1
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Plan")).click();
        var phase1 = page.locator(".portal-phase[data-phase='1']");
        assertThat(phase1).containsText("0 of");
        phase1.locator("vaadin-checkbox").first().click();
        assertThat(page.getByText("Marked done.")).isVisible();
        assertThat(page.locator(".portal-phase[data-phase='1']")).containsText("1 of");
        assertThat(page.locator(".portal-phase[data-phase='2']")).containsText("Rewrite 17 custom logic units for Keycloak");
        Browsers.screenshot(page, "migration-plan");

        // the PDF
        var download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PDF report")).click());
        Path file = Browsers.SCREENSHOTS.resolve("migration-report.pdf");
        Files.createDirectories(file.getParent());
        download.saveAs(file);
        try (var pdf = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            org.assertj.core.api.Assertions.assertThat(text).contains("Browser test: Auth0 to Keycloak").contains("Page 1 of")
                    .contains("90,000 users").contains("Rewrite 17 custom logic units");
            var renderer = new PDFRenderer(pdf);
            for (int i : new int[] {0, 2}) {
                BufferedImage image = renderer.renderImageWithDPI(i, 60);
                ImageIO.write(image, "png", Browsers.SCREENSHOTS.resolve("migration-report-page-" + (i + 1) + ".png").toFile());
            }
        }

        // rename, audited
        page.navigate(url);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rename")).click();
        page.getByRole(AriaRole.DIALOG).getByLabel("Name").fill("Browser test: Auth0 to Keycloak (EU)");
        page.getByRole(AriaRole.DIALOG).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Rename")).click();
        assertThat(page.locator("#migration-title")).hasText("Browser test: Auth0 to Keycloak (EU)");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Audit")).click();
        assertThat(page.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("MIGRATION_RENAMED")).first()).isVisible();

        // on a phone the migration and its gate board read top to bottom
        var phone = browsers.newContext(390, 844);
        var small = phone.newPage();
        PortalPages.signIn(small, baseUrl(), "analyst", DEMO_PASSWORD);
        small.navigate(url);
        assertThat(small.locator("#migration-title")).isVisible();
        // the long title in the navbar gives way to the user menu (squeezed, the menu hid its avatar in an overflow button)
        assertThat(small.locator(".portal-user-menu .portal-avatar")).isVisible();
        Browsers.screenshot(small, "migration-narrow");
        small.navigate(url + "/gates");
        assertThat(small.locator(".portal-gate-card")).hasCount(6);
        Browsers.screenshot(small, "gate-board-narrow");
        phone.close();

        // someone who is not a member gets "not found"
        context.close();
        context = browsers.newContext(1280, 900);
        var stranger = context.newPage();
        PortalPages.signIn(stranger, baseUrl(), "reviewer2", DEMO_PASSWORD);
        stranger.navigate(url);
        assertThat(stranger.getByText("Page not found")).isVisible();
        org.assertj.core.api.Assertions.assertThat(stranger.content()).doesNotContain("Browser test: Auth0 to Keycloak");
    }

    @Test
    void twoPeopleEditTheSameInventoryAndTheSecondIsToldInsteadOfOverwritingIt() {
        var api = new io.ciamportal.testsupport.ApiClient(baseUrl());
        var created = api.post("/api/v1/migrations", io.ciamportal.testsupport.ApiClient.basic("analyst", DEMO_PASSWORD), """
                {"name": "Lost update: Cognito to Ory", "source": "cognito", "destination": "ory", "inventory": {"totalUsers": 1000}}""");
        org.assertj.core.api.Assertions.assertThat(created.status()).isEqualTo(201);
        String url = baseUrl() + "/migrations/" + created.json().get("id");

        context = browsers.newContext(1280, 900);
        var analyst = context.newPage();
        PortalPages.signIn(analyst, baseUrl(), "analyst", DEMO_PASSWORD);
        var other = browsers.newContext(1280, 900);
        var admin = other.newPage();
        PortalPages.signIn(admin, baseUrl(), "admin", DEMO_PASSWORD);
        for (var page : new Page[] {analyst, admin}) {
            page.navigate(url);
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Inventory")).click();
            assertThat(page.getByLabel("Total users")).hasValue("1000");
        }

        analyst.getByLabel("Total users").fill("1111");
        analyst.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save inventory")).click();
        assertThat(analyst.getByText("Inventory saved")).isVisible();

        // the admin still sees the old version: their save is refused, named, and changes nothing
        admin.getByLabel("Total users").fill("2222");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save inventory")).click();
        var stale = admin.locator("[data-notice=stale]");
        assertThat(stale).containsText(Pattern.compile("changed by Demo analyst at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC — reload to see it"));
        Browsers.screenshot(admin, "inventory-stale");
        admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reload")).click();
        assertThat(admin.getByLabel("Total users")).hasValue("1111");
        other.close();

        // a field's own error is shown on that field, not on another
        analyst.getByLabel("With passwords").fill("140");
        analyst.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save inventory")).click();
        assertThat(analyst.locator("vaadin-number-field[invalid]")).hasCount(1);
        assertThat(analyst.getByText("A share from 0 to 100 %.")).isVisible();
    }

    @Test
    void anAnalystUploadsTheExportAndTheInventorySaysWhatCameFromIt() throws Exception {
        var api = new io.ciamportal.testsupport.ApiClient(baseUrl());
        var created = api.post("/api/v1/migrations", io.ciamportal.testsupport.ApiClient.basic("analyst", DEMO_PASSWORD),
                "{\"name\": \"Browser export: Auth0 to Clerk\", \"source\": \"auth0\", \"destination\": \"clerk\"}");
        org.assertj.core.api.Assertions.assertThat(created.status()).isEqualTo(201);
        String id = (String) created.json().get("id");
        Path users = Path.of(MigrationIT.class.getResource("/exports/auth0/users.ndjson").toURI());
        Path hashes = Path.of(MigrationIT.class.getResource("/exports/auth0/password-hashes.ndjson").toURI());

        context = browsers.newContext(1280, 900);
        var page = context.newPage();
        PortalPages.signIn(page, baseUrl(), "analyst", DEMO_PASSWORD);
        page.navigate(baseUrl() + "/migrations/" + id);
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("User export")).click();
        assertThat(page.locator("[data-empty=exports]")).isVisible();
        page.locator("vaadin-upload input[type=file]").setInputFiles(new Path[] {users, hashes});
        assertThat(page.getByText("Analysed 12 users (Auth0)")).isVisible();
        assertThat(page.locator("[data-card=export-provenance]")).containsText("users.ndjson");
        assertThat(page.locator("[data-card=export-provenance]")).containsText("password-hashes.ndjson");
        assertThat(page.locator("[data-card=export-counts] .portal-figure").first()).containsText("12");
        assertThat(page.locator("[data-card=export-counts]")).containsText("with a password hash");
        assertThat(page.locator("portal-chart")).hasCount(3);
        assertThat(page.locator("[data-grid=export-destinations]")).containsText("Clerk (this migration)");
        Browsers.screenshot(page, "migration-export");

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Inventory")).click();
        var total = page.locator("vaadin-number-field[data-source=export]").filter(new Locator.FilterOptions().setHasText("Total users"));
        assertThat(total).hasCount(1);
        assertThat(page.getByLabel("Total users")).hasValue("12");
        assertThat(page.locator("vaadin-number-field[data-source=typed]").filter(new Locator.FilterOptions()
                .setHasText("Custom logic units"))).hasCount(1);
        Browsers.screenshot(page, "migration-inventory-from-export");

        // a narrow screen: the export tab still reads
        var narrow = browsers.newContext(390, 844);
        try {
            var phone = narrow.newPage();
            PortalPages.signIn(phone, baseUrl(), "analyst", DEMO_PASSWORD);
            phone.navigate(baseUrl() + "/migrations/" + id);
            phone.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("User export")).click();
            assertThat(phone.locator("[data-card=export-counts]")).isVisible();
            Browsers.screenshot(phone, "migration-export-narrow");
        } finally {
            narrow.close();
        }
    }

    private static void pick(Page page, Locator combo, String option) {
        combo.fill(option);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(option).setExact(true)).click();
    }
}
