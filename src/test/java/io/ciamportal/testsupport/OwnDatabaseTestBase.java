package io.ciamportal.testsupport;

import io.ciamportal.Application;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal as {@link PortalTestBase} runs it, on a database of its own: for tests that replace the whole vendor
 * dataset or apply releases, so what they change never reaches the tests that share the main one. Its subclasses
 * share this second context.
 */
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.demo=true",
        "portal.demo-password=" + PortalTestBase.DEMO_PASSWORD,
        "portal.admin-password=",
        "portal.local-accounts=",
        "portal.oidc.issuer-uri=",
        "spring.datasource.url="})
public abstract class OwnDatabaseTestBase {

    public static final String DEMO_PASSWORD = PortalTestBase.DEMO_PASSWORD;
    private static final String DATA_DIR = "target/test-data/own-" + UUID.randomUUID();

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
