package io.ciamportal.instances;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import io.ciamportal.testsupport.Browsers;
import io.ciamportal.testsupport.PortalPages;
import io.ciamportal.testsupport.RunningPortal;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** The browser's view of the outage, when a Chromium is at hand (the browser tier's requirement; skipped without it). */
final class OutageBrowser implements AutoCloseable {
    private final Playwright playwright;
    private final Browser browser;
    private final Page page;
    private final String baseUrl;

    private OutageBrowser(Playwright playwright, Browser browser, Page page, String baseUrl) {
        this.playwright = playwright;
        this.browser = browser;
        this.page = page;
        this.baseUrl = baseUrl;
    }

    static OutageBrowser startIfChromium(String baseUrl) throws IOException {
        if (!Files.isExecutable(Browsers.CHROMIUM)) {
            System.out.println("No Chromium at " + Browsers.CHROMIUM + ": the outage's page in a browser is not checked.");
            return new OutageBrowser(null, null, null, baseUrl);
        }
        Files.createDirectories(Browsers.SCREENSHOTS);
        var playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        var browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Browsers.CHROMIUM).setHeadless(true)
                .setArgs(List.of("--disable-gpu", "--no-first-run", "--disable-background-networking")));
        var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("en-GB"));
        context.setDefaultTimeout(20_000);
        var page = context.newPage();
        PortalPages.signIn(page, baseUrl, "analyst", RunningPortal.DEMO_PASSWORD);
        page.navigate(baseUrl + "/migrations");
        Browsers.settle(page);
        return new OutageBrowser(playwright, browser, page, baseUrl);
    }

    /**
     * While the database is down: an action in an open view ends in a notification that says so, and a page opened
     * then is a plain page that says so, with a 503.
     */
    void duringOutage() {
        if (page == null) {
            return;
        }
        // an action in a view that is already open: a notification says so
        page.getByText("New migration").first().click();
        var notice = page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("The database is not reachable"));
        notice.first().waitFor();
        // the viewport, where the notification is (a full-page shot would put it below the fold)
        page.screenshot(new Page.ScreenshotOptions().setPath(Browsers.SCREENSHOTS.resolve("outage-ui-action.png")));
        // a page opened now: a plain page that says so
        var response = page.navigate(baseUrl + "/migrations");
        assertThat(response.status()).isEqualTo(503);
        assertThat(page.getByText("The database is not reachable").first().isVisible()).isTrue();
        assertThat(page.content()).doesNotContain("Exception");
        Browsers.screenshot(page, "outage-page");
    }

    /** And once it is back, the same page shows the migrations again. */
    void afterRecovery() {
        if (page == null) {
            return;
        }
        var response = page.navigate(baseUrl + "/migrations");
        assertThat(response.status()).isEqualTo(200);
        Browsers.settle(page);
        assertThat(page.getByText("Outage: the cycling gate").first().isVisible()).isTrue();
        Browsers.screenshot(page, "outage-recovered");
    }

    @Override
    public void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }
}
