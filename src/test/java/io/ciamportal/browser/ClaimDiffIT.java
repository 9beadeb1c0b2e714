package io.ciamportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.ciamportal.testsupport.ApiClient.basic;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.ciamportal.migration.claims.TestTokens;
import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.Browsers;
import io.ciamportal.testsupport.PortalPages;
import io.ciamportal.testsupport.PortalTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dual-run tab in Chromium: paste two tokens, read the diff and the sub warning; a bad token is refused unquoted; viewers read. */
@Tag("browser")
class ClaimDiffIT extends PortalTestBase {

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    private static final String OLD_TOKEN = TestTokens.rs256("""
            {"iss":"https://tenant.eu.auth0.com/","sub":"auth0|64f1c0ffee0123456789abcd","aud":"Xy12abc","iat":1767225600,"exp":1767261600,
             "nonce":"n-1","email":"grace@example.org","email_verified":true,"name":"Grace","https://example.com/roles":["admin","billing"]}""");
    private static final String NEW_TOKEN = TestTokens.jws("{\"alg\":\"ES256\",\"typ\":\"JWT\"}", """
            {"iss":"https://id.example.org/realms/main","sub":"0b9a4c3e-2f1d-4e5a-9b8c-7d6e5f4a3b2c","aud":"portal","iat":1767225700,
             "exp":1767226000,"nonce":"n-2","email":"grace@example.org","email_verified":"true","name":"Grace",
             "realm_access":{"roles":["admin","billing"]},"preferred_username":"grace"}""");

    private BrowserContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void pasteTwoTokensAndReadTheDiff() {
        var api = new ApiClient(baseUrl());
        var created = api.post("/api/v1/migrations", basic("analyst", DEMO_PASSWORD), """
                {"name": "Dual run in the browser %s", "source": "auth0", "destination": "keycloak",
                 "members": [{"username": "viewer", "role": "VIEWER"}]}""".formatted(System.nanoTime()));
        String url = baseUrl() + "/migrations/" + created.json().get("id");

        context = browsers.newContext(1280, 900);
        var page = context.newPage();
        PortalPages.signIn(page, baseUrl(), "analyst", DEMO_PASSWORD);
        page.navigate(url);
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Dual run")).click();
        assertThat(page.locator("[data-notice=flows-not-compared]")).containsText("Sign-in, Sign-up, Social sign-in, Token refresh");

        // a bad token first: refused on its field, not quoted, the areas emptied
        page.getByLabel("Old platform's token").fill("not-a-token-GRACE-SECRET");
        page.getByLabel("New platform's token").fill(NEW_TOKEN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Compare")).click();
        assertThat(page.getByText("The old platform's token: This is not a JWT")).isVisible();
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("GRACE-SECRET");
        assertThat(page.getByLabel("New platform's token")).hasValue("");

        page.getByLabel("Old platform's token").fill(OLD_TOKEN);
        page.getByLabel("New platform's token").fill(NEW_TOKEN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Compare")).click();
        var sub = page.locator("tr[data-claim=sub]");
        assertThat(sub).containsText("format changed");
        assertThat(sub).containsText("auth0-id -> uuid");
        assertThat(page.locator("tr[data-claim=email_verified]")).containsText("type changed");
        assertThat(page.locator("tr[data-claim='https://example.com/roles']")).containsText("realm_access.roles");
        assertThat(page.locator("tr[data-claim=exp]")).containsText("lifetime 10 h -> 5 min");
        assertThat(page.locator("tr[data-claim=email]")).containsText("same");
        assertThat(page.locator("[data-notice=sub-changed]")).containsText("The user's sub changes in this flow (auth0-id -> uuid)");
        assertThat(page.getByLabel("Old platform's token")).hasValue("");
        assertThat(page.getByLabel("New platform's token")).hasValue("");
        assertThat(page.locator("li[data-flow=SIGN_IN]")).containsText("compared");
        org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("grace@example.org").doesNotContain("64f1c0ffee");
        Browsers.screenshot(page, "claim-diff-form");
        page.locator("[data-notice=sub-changed]").scrollIntoViewIfNeeded();
        Browsers.screenshot(page, "claim-diff");

        // a viewer reads it on a phone and cannot compare
        var phone = browsers.newContext(390, 844);
        var small = phone.newPage();
        PortalPages.signIn(small, baseUrl(), "viewer", DEMO_PASSWORD);
        small.navigate(url);
        small.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Dual run")).click();
        assertThat(small.getByText("Analysts of this migration compare tokens")).isVisible();
        assertThat(small.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Compare"))).hasCount(0);
        small.locator("vaadin-details[data-flow=SIGN_IN]").click();
        assertThat(small.locator("tr[data-claim=sub]")).containsText("format changed");
        small.locator("[data-notice=sub-changed]").scrollIntoViewIfNeeded();
        Browsers.screenshot(small, "claim-diff-narrow");
        small.locator("tr[data-claim=exp]").scrollIntoViewIfNeeded();
        Browsers.screenshot(small, "claim-diff-narrow-table");
        phone.close();
    }
}
