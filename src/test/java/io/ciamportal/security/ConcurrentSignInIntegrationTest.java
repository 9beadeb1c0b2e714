package io.ciamportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.testsupport.PortalTestBase;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One account signed in from several places at the same moment (a team sharing the demo reviewer, a load test): every
 * form sign-in succeeds, and recording its time does not take a new account version, so the other sessions of the
 * account are not refreshed for it. The load benchmark found these sign-ins failing with HTTP 500 on the version.
 */
@Tag("integration")
class ConcurrentSignInIntegrationTest extends PortalTestBase {

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @Autowired
    private AccountDirectory accounts;

    @Test
    void simultaneousFormSignInsOfOneAccountAllSucceedAndKeepItsVersion() throws Exception {
        var id = accounts.localAccountId("viewer").orElseThrow();
        long version = accounts.snapshot(id).orElseThrow().version();
        var before = accounts.snapshot(id).orElseThrow();

        var signIns = new ArrayList<Callable<String>>();
        for (int i = 0; i < 12; i++) {
            signIns.add(this::formSignIn);
        }
        List<String> outcomes = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(12)) {
            for (var f : pool.invokeAll(signIns)) {
                outcomes.add(f.get());
            }
        }

        assertThat(outcomes).as("each sign-in's answer").containsOnly("302 " + baseUrl() + "/");
        var after = accounts.snapshot(id).orElseThrow();
        assertThat(after.version()).as("a sign-in changes nothing a session depends on").isEqualTo(version);
        assertThat(after.enabled()).isEqualTo(before.enabled());
    }

    @Test
    void simultaneousOidcSignInsOfOneAccountAllSucceedAndKeepItsVersion() throws Exception {
        String issuer = "https://idp.example.test/realms/concurrent";
        var roles = java.util.Set.of(PortalRole.ANALYST);
        var first = accounts.provisionOidc(issuer, "subject-1", "oidc-concurrent", "OIDC Concurrent", "oidc-concurrent@example.test", true, roles);
        long version = accounts.snapshot(first.userId()).orElseThrow().version();

        var signIns = new ArrayList<Callable<AccountSnapshot>>();
        for (int i = 0; i < 12; i++) {
            signIns.add(() -> accounts.provisionOidc(issuer, "subject-1", "oidc-concurrent", "OIDC Concurrent", "oidc-concurrent@example.test",
                    true, roles));
        }
        try (var pool = Executors.newFixedThreadPool(12)) {
            for (var f : pool.invokeAll(signIns)) {
                assertThat(f.get().userId()).isEqualTo(first.userId()); // throws if a sign-in failed
            }
        }
        var after = accounts.snapshot(first.userId()).orElseThrow();
        assertThat(after.version()).as("an unchanged profile and the same roles take no new version").isEqualTo(version);
        assertThat(after.roles()).contains(PortalRole.ANALYST);

        // a changed name is a change of the account: it takes a version
        accounts.provisionOidc(issuer, "subject-1", "oidc-concurrent", "OIDC Renamed", "oidc-concurrent@example.test", true, roles);
        assertThat(accounts.snapshot(first.userId()).orElseThrow().version()).isGreaterThan(version);
    }

    /** GET /login for the session and its CSRF token, then POST the form; answers "status location". */
    private String formSignIn() throws Exception {
        var http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        var page = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        var token = CSRF.matcher(page.body());
        assertThat(token.find()).as("CSRF token on the sign-in page").isTrue();
        String form = "_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8) + "&username=viewer&password="
                + URLEncoder.encode(DEMO_PASSWORD, StandardCharsets.UTF_8);
        var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() + " " + response.headers().firstValue("Location").orElse("");
    }
}
