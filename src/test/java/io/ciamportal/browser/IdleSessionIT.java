package io.ciamportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.ciamportal.Application;
import io.ciamportal.testsupport.Browsers;
import io.ciamportal.testsupport.PortalPages;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An open tab that nobody touches does not keep its session alive: Vaadin's heartbeats (every second here) keep
 * arriving, yet after the session timeout (6 s here) the page lands on the sign-in page by itself.
 */
@Tag("browser")
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.servlet.session.timeout=6s",
        "vaadin.heartbeatInterval=1",
        "portal.demo=true",
        "portal.demo-password=" + IdleSessionIT.PASSWORD,
        "portal.local-accounts=",
        "portal.oidc.issuer-uri=",
        "spring.datasource.url="})
class IdleSessionIT {

    static final String PASSWORD = "Idle-Session-Password-1";

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("portal.data-dir", () -> "target/test-data/idle-" + UUID.randomUUID());
    }

    @Test
    void anIdleSessionIsClosedDespiteHeartbeats() {
        String base = "http://localhost:" + port;
        try (var context = browsers.newContext(1280, 900)) {
            var page = context.newPage();
            PortalPages.signIn(page, base, "viewer", PASSWORD);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, Demo viewer"))).isVisible();

            long signedInAt = System.nanoTime();
            // Heartbeats keep coming; once the session has been idle past its timeout, the next one finds it closed
            // and the page reloads itself onto the sign-in page.
            page.waitForURL(url -> url.contains("/login"), new Page.WaitForURLOptions().setTimeout(30_000));
            org.assertj.core.api.Assertions.assertThat(java.time.Duration.ofNanos(System.nanoTime() - signedInAt))
                    .as("the session outlived several heartbeats first").isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(5));
            page.navigate(base + "/");
            page.waitForURL(url -> url.contains("/login"));
            assertThat(page.getByLabel("Username")).isVisible();
        }
    }
}
