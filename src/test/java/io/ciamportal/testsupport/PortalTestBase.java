package io.ciamportal.testsupport;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal as it runs for real: embedded PostgreSQL (a fresh data directory per test JVM), demo accounts, an HTTP
 * port. Every subclass shares one application context, so state is shared too: tests create their own users and
 * migrations instead of relying on counts, restore what they change, and none grants the admin role (the last-admin
 * test depends on it). Tests that replace the whole dataset use {@link OwnDatabaseTestBase}.
 */
@DemoPortalTest
public abstract class PortalTestBase extends RunningPortal {

    private static final String DATA_DIR = "target/test-data/" + UUID.randomUUID();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("portal.data-dir", () -> DATA_DIR);
    }
}
