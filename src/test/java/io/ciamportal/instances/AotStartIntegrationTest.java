package io.ciamportal.instances;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.testsupport.ApiClient;
import io.ciamportal.testsupport.Browsers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The packaged jar started with Spring AOT ({@code -Dspring.aot.enabled=true}), whose bean conditions were fixed when
 * the jar was built (with no {@code DB_URL} and no OIDC settings): the same jar must still use an external database
 * when {@code DB_URL} is set, and offer single sign-on when {@code OIDC_*} is set, because both are decided when the
 * beans are made. Runs the jar as a user does, in its own JVM.
 */
@Tag("integration")
class AotStartIntegrationTest {

    static final Path JAR = Path.of("target", "ciam-portal.jar");
    static final String ADMIN_PASSWORD = "Aot-Admin-Password-2026";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @BeforeAll
    static void theJarCarriesSpringAotsBeanDefinitions() throws IOException {
        assertThat(JAR).as("the packaged jar (mvn package)").isRegularFile();
        try (var zip = new ZipFile(JAR.toFile())) {
            assertThat(zip.getEntry("BOOT-INF/classes/io/ciamportal/Application__BeanFactoryRegistrations.class"))
                    .as("Spring AOT's bean registrations (process-aot in the pom)").isNotNull();
        }
    }

    @Test
    void withAnExternalDatabaseTheAotStartUsesItAndStartsNoEmbeddedOne() throws Exception {
        Path dbDir = Files.createDirectories(Path.of("target", "test-data", "aot-db-" + UUID.randomUUID()));
        try (var postgres = EmbeddedPostgres.builder().setDataDirectory(dbDir).setCleanDataDirectory(true).start()) {
            var portal = Portal.start(Map.of("DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "DB_USER", "postgres",
                    "DB_PASSWORD", ""));
            try {
                var api = new ApiClient(portal.base());
                var migrations = api.get("/api/v1/migrations", basic("admin", ADMIN_PASSWORD));
                assertThat(migrations.status()).as(migrations.body()).isEqualTo(200);
                var db = JdbcClient.create(postgres.getPostgresDatabase());
                assertThat(db.sql("SELECT count(*) FROM portal_user WHERE username = 'admin'").query(Long.class).single())
                        .as("the admin account is in the external database").isEqualTo(1);
                assertThat(db.sql("SELECT max(version) FROM flyway_schema_history").query(String.class).single()).isNotBlank();
                String log = portal.log();
                assertThat(log).contains("Starting AOT-processed Application").doesNotContain("Starting embedded PostgreSQL");
                assertThat(Files.exists(portal.dataDir().resolve("postgres"))).as("no embedded data directory").isFalse();
            } finally {
                portal.stop();
            }
        }
    }

    @Test
    void withOidcSettingsTheAotStartOffersSingleSignOnAndRunsTheEmbeddedDatabase() throws Exception {
        int deadPort;
        try (var socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort(); // nothing listens here once the socket is closed: the provider is down
        }
        var portal = Portal.start(Map.of("OIDC_ISSUER_URI", "http://127.0.0.1:" + deadPort + "/realms/aot", "OIDC_CLIENT_ID", "ciam-portal",
                "OIDC_CLIENT_SECRET", "aot-test-secret", "OIDC_DISPLAY_NAME", "Aot IdP", "PORTAL_LOCAL_ACCOUNTS", "true"));
        try {
            try (var context = browsers.newContext(1280, 900)) {
                var page = context.newPage();
                page.navigate(portal.base() + "/login");
                Browsers.settle(page);
                // single sign-on is configured (so offered), and the page says the provider cannot be reached now;
                // local accounts are on beside it (PORTAL_LOCAL_ACCOUNTS)
                assertThat(page.getByText("Aot IdP cannot be reached right now")).isVisible();
                assertThat(page.getByText("Sign in with Aot IdP")).isVisible();
                assertThat(page.getByLabel("Username")).isVisible();
            }
            var api = new ApiClient(portal.base());
            assertThat(api.get("/api/v1/migrations", basic("admin", ADMIN_PASSWORD)).status()).isEqualTo(200);
            assertThat(portal.log()).contains("Starting AOT-processed Application").contains("Starting embedded PostgreSQL");
        } finally {
            portal.stop();
        }
    }

    @Test
    void aTrainingRunThatEndsAtRefreshLeavesNoPostgresRunning() throws Exception {
        // as the Docker image and the README train the JDK's AOT cache: Spring halts the JVM once the context is ready
        // (the cache itself, -XX:AOTCacheOutput, is left out: it takes half a minute and changes nothing here)
        Path dataDir = Files.createDirectories(Path.of("target", "test-data", "aot-training-" + UUID.randomUUID()));
        var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Dspring.aot.enabled=true", "-Dspring.context.exit=onRefresh", "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("DB_") || k.startsWith("OIDC_") || k.startsWith("PORTAL_"));
        builder.environment().putAll(Map.of("PORT", "0", "PORTAL_DATA_DIR", dataDir.toString(), "PORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD));
        var training = builder.start();
        assertThat(training.waitFor(3, TimeUnit.MINUTES)).as("the training run ends by itself").isTrue();
        assertThat(training.exitValue()).isZero();
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).as("the embedded database ran").isTrue();
        assertThat(io.ciamportal.database.EmbeddedDatabases.inUse(dataDir)).as("its PostgreSQL was stopped").isFalse();
    }

    /** The jar in a JVM of its own, with AOT on, a free port, a fresh data directory and an admin password. */
    record Portal(Process process, String base, Path dataDir, Path logFile) {

        static Portal start(Map<String, String> environment) throws Exception {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path dataDir = Files.createDirectories(Path.of("target", "test-data", "aot-" + UUID.randomUUID()));
            Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-Dspring.aot.enabled=true", "-jar", JAR.toString()));
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("DB_") || k.startsWith("OIDC_") || k.startsWith("PORTAL_"));
            builder.environment().putAll(Map.of("PORT", String.valueOf(port), "PORTAL_DATA_DIR", dataDir.toString(),
                    "PORTAL_ADMIN_PASSWORD", ADMIN_PASSWORD));
            builder.environment().putAll(environment);
            var portal = new Portal(builder.start(), "http://localhost:" + port, dataDir, log);
            portal.waitForReadiness();
            return portal;
        }

        /** Ready once the start-up runners (dataset release, first accounts) are done, as a load balancer would wait. */
        void waitForReadiness() throws Exception {
            var request = HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("The portal exited with " + process.exitValue() + ":\n" + log());
                }
                try {
                    if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            throw new AssertionError("Not ready within 3 minutes:\n" + log());
        }

        String log() throws IOException {
            return Files.readString(logFile);
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
