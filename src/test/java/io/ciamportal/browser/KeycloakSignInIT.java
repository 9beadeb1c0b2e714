package io.ciamportal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.ciamportal.Application;
import io.ciamportal.testsupport.Browsers;
import io.ciamportal.testsupport.ComposeFile;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sign-in through a real Keycloak, started from its own distribution on Maven Central with the realm and settings of
 * {@code docker/compose.yaml}: the portal gets compose's environment for the portal service (OIDC client, secret, roles
 * claim, admin emails; only the database and the hosts differ), Keycloak gets compose's command and environment and
 * imports compose's realm file. Every user of the realm signs in through the portal's OIDC client and gets the roles
 * of the realm's claim; signing out ends the session at Keycloak too (RP-initiated logout).
 */
@Tag("browser")
@SpringBootTest(classes = Application.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class KeycloakSignInIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ComposeFile COMPOSE = ComposeFile.read();
    private static final int KEYCLOAK_PORT = freePort();
    private static final int PORTAL_PORT = freePort();
    private static final String KEYCLOAK = "http://localhost:" + KEYCLOAK_PORT;
    private static final String PORTAL = "http://localhost:" + PORTAL_PORT;
    /** Where compose's browser reaches the portal ({@code ports: 8080:8080}) and Keycloak ({@code KC_HOSTNAME}). */
    private static final String COMPOSE_PORTAL = "http://localhost:8080";

    private static Process keycloak;
    private static Path realmFile;

    @RegisterExtension
    static final Browsers browsers = new Browsers();

    @DynamicPropertySource
    static void compose(DynamicPropertyRegistry registry) {
        var env = COMPOSE.environment("portal");
        String composeKeycloak = COMPOSE.environment("keycloak").get("KC_HOSTNAME");
        env.forEach((name, value) -> {
            if (!name.startsWith("DB_")) {
                // application.properties reads these names, so they are set under the same names here
                registry.add(name, () -> value.replace(composeKeycloak, KEYCLOAK));
            }
        });
        registry.add("server.port", () -> PORTAL_PORT);
        registry.add("portal.data-dir", () -> "target/test-data/keycloak-" + UUID.randomUUID());
        registry.add("portal.oidc.retry-after", () -> "2s");
        registry.add("spring.datasource.url", () -> "");
    }

    @BeforeAll
    static void startKeycloak() throws IOException {
        String version = System.getProperty("keycloak.version");
        assertThat(version).as("keycloak.version from the pom (run through failsafe)").isNotBlank();
        assertThat(COMPOSE.image("keycloak")).as("compose runs the Keycloak this test runs").endsWith(":" + version);
        Path home = unpack(Path.of(System.getProperty("keycloak.dist")), version);
        // the realm compose imports, with the portal's address as this test serves it
        realmFile = COMPOSE.bindMounts("keycloak").entrySet().stream().filter(e -> e.getKey().contains("/data/import/"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        Path imports = home.resolve("data").resolve("import");
        deleteTree(home.resolve("data"));
        Files.createDirectories(imports);
        Files.writeString(imports.resolve(realmFile.getFileName()), Files.readString(realmFile).replace(COMPOSE_PORTAL, PORTAL));

        var command = new ArrayList<String>();
        command.add(home.resolve("bin").resolve("kc.sh").toString());
        for (String argument : COMPOSE.command("keycloak")) {
            command.add(argument.startsWith("--http-port=") ? "--http-port=" + KEYCLOAK_PORT : argument);
        }
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(home.resolve("keycloak.log").toFile());
        process.environment().putAll(COMPOSE.environment("keycloak"));
        process.environment().put("KC_HOSTNAME", KEYCLOAK);
        process.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // Keycloak's thread pool needs this on Java 24 and later (it says so in its log otherwise)
        process.environment().put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
        keycloak = process.start();
    }

    @AfterAll
    static void stopKeycloak() throws InterruptedException {
        if (keycloak != null) {
            keycloak.descendants().forEach(ProcessHandle::destroy);
            keycloak.destroy();
            keycloak.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            keycloak.descendants().forEach(ProcessHandle::destroyForcibly);
            keycloak.destroyForcibly();
        }
    }

    @Test
    void everyUserOfTheRealmSignsInWithTheRolesOfItsClaimAndSignsOutAtTheProvider() throws Exception {
        awaitKeycloak();
        var realm = JSON.readTree(Files.readString(realmFile));
        String display = COMPOSE.environment("portal").get("OIDC_DISPLAY_NAME");
        var adminEmails = Set.of(COMPOSE.environment("portal").getOrDefault("PORTAL_ADMIN_EMAILS", "").split(","));
        int users = 0;
        for (JsonNode user : realm.get("users")) {
            String username = user.get("username").asString();
            String password = user.get("credentials").get(0).get("value").asString();
            // the realm's roles through the claim, viewer for everyone who signs in, admin for the admin emails
            var expected = new java.util.TreeSet<String>(Set.of("viewer"));
            user.get("realmRoles").forEach(r -> expected.add(r.asString()));
            if (adminEmails.contains(user.get("email").asString())) {
                expected.add("admin");
            }
            try (var context = browsers.newContext(1280, 900)) {
                var page = context.newPage();
                var visited = new java.util.concurrent.CopyOnWriteArrayList<String>();
                page.onRequest(r -> {
                    if (r.isNavigationRequest()) {
                        visited.add(r.url());
                    }
                });
                signInThroughKeycloak(page, display, username, password);
                String name = user.get("firstName").asString() + " " + user.get("lastName").asString();
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Welcome, " + name))).isVisible();
                var me = (ObjectNode) JSON.readTree(page.request().get(PORTAL + "/api/v1/me").text());
                var roles = new java.util.TreeSet<String>();
                me.get("roles").forEach(r -> roles.add(r.asString().toLowerCase(Locale.ROOT)));
                assertThat(roles).as(username + "'s roles").isEqualTo(expected);
                if (users == 0) {
                    Browsers.screenshot(page, "keycloak-signed-in");
                }

                // sign out: the portal ends its session and sends the browser to Keycloak's end-session endpoint,
                // which ends the provider's session and returns to the portal's sign-in page
                page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Account menu").setExact(false)).click();
                page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("Sign out")).click();
                page.waitForURL(url -> url.startsWith(PORTAL + "/login"), new Page.WaitForURLOptions().setTimeout(30_000));
                assertThat(visited).as("through Keycloak's end-session endpoint").anyMatch(u -> u.startsWith(KEYCLOAK) && u.contains("/logout"));
                assertThat(page.request().get(PORTAL + "/api/v1/me").status()).isEqualTo(401);
                // Keycloak asks for the password again: its session is gone, not only the portal's
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with " + display)).click();
                page.waitForURL(url -> url.startsWith(KEYCLOAK));
                assertThat(page.locator("#password")).isVisible();
            }
            users++;
        }
        assertThat(users).as("users in the realm").isGreaterThanOrEqualTo(4);
    }

    private static void signInThroughKeycloak(Page page, String display, String username, String password) {
        var link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with " + display));
        // the portal asks an unreachable provider again after its retry pause
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            page.navigate(PORTAL + "/login");
            try {
                link.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(3_000));
                break;
            } catch (com.microsoft.playwright.TimeoutError notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw notYet;
                }
            }
        }
        link.click();
        page.waitForURL(url -> url.startsWith(KEYCLOAK));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(PORTAL) && !url.contains("/login"), new Page.WaitForURLOptions().setTimeout(30_000));
        Browsers.settle(page);
    }

    /** Keycloak builds itself on its first start (a minute or two here): wait for the realm's discovery document. */
    private static void awaitKeycloak() throws Exception {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(URI.create(KEYCLOAK + "/realms/" + realmName() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            assertThat(keycloak.isAlive()).as("Keycloak is running (see its keycloak.log)").isTrue();
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1_000);
        }
        throw new AssertionError("Keycloak did not start within five minutes");
    }

    private static String realmName() throws IOException {
        return JSON.readTree(Files.readString(realmFile)).get("realm").asString();
    }

    private static Path unpack(Path zip, String version) throws IOException {
        Path target = zip.getParent();
        Path home = target.resolve("keycloak-" + version);
        if (Files.isExecutable(home.resolve("bin").resolve("kc.sh"))) {
            return home;
        }
        Path partial = Files.createTempDirectory(target, "unpack-");
        try (InputStream in = Files.newInputStream(zip); var entries = new ZipInputStream(in)) {
            for (var e = entries.getNextEntry(); e != null; e = entries.getNextEntry()) {
                Path out = partial.resolve(e.getName()).normalize();
                if (!out.startsWith(partial)) {
                    throw new IOException("zip entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(entries, out, StandardCopyOption.REPLACE_EXISTING);
                    if (out.getFileName().toString().endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        }
        Files.move(partial.resolve("keycloak-" + version), home);
        deleteTree(partial);
        return home;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Ports below the kernel's ephemeral range, so nothing else takes them before Keycloak and the portal bind. */
    private static int freePort() {
        var random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + random.nextInt(12_000);
            try (var socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }
}
