package io.ciamportal.testsupport;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal as {@link PortalTestBase} runs it, on a database of its own: for tests that replace the whole vendor
 * dataset or apply releases, so what they change never reaches the tests that share the main one. Its subclasses
 * share this second context.
 */
@DemoPortalTest
public abstract class OwnDatabaseTestBase extends RunningPortal {

    private static final String DATA_DIR = "target/test-data/own-" + UUID.randomUUID();

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("portal.data-dir", () -> DATA_DIR);
    }
}
