package io.ciamportal.testsupport;

import io.ciamportal.Application;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal as it runs for real: embedded PostgreSQL (a fresh data directory per test JVM), demo accounts, an HTTP
 * port. Every subclass with the same settings shares one application context, so state is shared too: tests create
 * their own users instead of relying on counts, and none grants the admin role (the last-admin test depends on it).
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.demo=true",
        "portal.demo-password=" + PortalTestBase.DEMO_PASSWORD,
        "portal.admin-password=",
        "portal.local-accounts=",
        "portal.oidc.issuer-uri=",
        "spring.datasource.url="})
public abstract class PortalTestBase {

    public static final String DEMO_PASSWORD = "Demo-Password-2026";
    private static final String DATA_DIR = "target/test-data/" + UUID.randomUUID();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("portal.data-dir", () -> DATA_DIR);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
