package io.ciamportal.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless Chromium per test class, driven by Playwright. Uses the machine's Chromium (Debian's package);
 * fails with an install hint when it is missing rather than trying to download a browser.
 */
public final class Browsers implements BeforeAllCallback, AfterAllCallback {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PORTAL_TEST_CHROMIUM", "/usr/bin/chromium"));
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Playwright playwright;
    private Browser browser;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("No Chromium at " + CHROMIUM + ". Install it with `apt-get install -y chromium` "
                    + "(or point PORTAL_TEST_CHROMIUM at a Chromium binary); .ci/run does this.");
        }
        Files.createDirectories(SCREENSHOTS);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setTimeout(60_000)
                .setArgs(List.of("--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync")));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    /** A fresh browser profile (own cookies), like a different person at another machine. */
    public BrowserContext newContext(int width, int height) {
        var context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width, height).setLocale("en-GB"));
        context.setDefaultTimeout(20_000);
        return context;
    }

    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Waits until Vaadin has no request in flight, so the page shows the server's latest state. */
    public static void settle(Page page) {
        page.waitForFunction("() => !!(window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients)"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    /** Waits until no CSS animation or transition is running (a drawer sliding in), instead of a fixed pause. */
    public static void animationsDone(Page page) {
        page.waitForFunction("() => document.getAnimations({subtree: true}).every(a => a.playState !== 'running')");
    }
}
