package io.ciamportal.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OIDC client registration, discovered lazily from the issuer's metadata instead of at start-up, so the portal
 * starts (and local accounts work) while the provider is down. A failed discovery is retried after a short pause;
 * the login page asks {@link #status()} to tell people whether single sign-on is available.
 */
final class OidcClientRegistrations implements ClientRegistrationRepository {

    static final String REGISTRATION_ID = "oidc";
    private static final Logger log = LoggerFactory.getLogger(OidcClientRegistrations.class);

    /** Whether single sign-on can be used now. */
    record Status(boolean available, String message) {}

    private final PortalProperties.Oidc settings;
    private final JsonMapper json;
    private final Clock clock;
    /** Made on the first discovery: a client starts a selector thread and the TLS set-up (about 0.2 s of a start). */
    private @Nullable HttpClient http;
    private @Nullable ClientRegistration registration;
    private @Nullable Instant lastFailure;
    private String lastProblem = "";

    OidcClientRegistrations(PortalProperties.Oidc settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        return REGISTRATION_ID.equals(registrationId) ? resolve() : null;
    }

    Status status() {
        return resolve() != null
                ? new Status(true, "")
                : new Status(false, settings.displayNameOrDefault() + " cannot be reached right now (" + lastProblem
                        + "). Try again in a minute; an administrator can check OIDC_ISSUER_URI.");
    }

    synchronized @Nullable ClientRegistration resolve() {
        if (registration != null) {
            return registration;
        }
        if (!settings.configured()) {
            return null; // single sign-on is off: nothing to discover
        }
        if (lastFailure != null && clock.instant().isBefore(lastFailure.plus(settings.retryAfterOrDefault()))) {
            return null;
        }
        try {
            registration = discover();
            lastFailure = null;
            log.info("OIDC provider {} discovered", settings.issuerUri());
        } catch (IOException | RuntimeException e) {
            lastFailure = clock.instant();
            lastProblem = e instanceof java.net.ConnectException || e instanceof java.net.http.HttpConnectTimeoutException
                    ? "no connection" : describe(e);
            log.warn("OIDC provider {} not reachable: {}", settings.issuerUri(), lastProblem);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        return registration;
    }

    private ClientRegistration discover() throws IOException, InterruptedException {
        String issuer = stripSlash(settings.issuerUri());
        var request = HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET().build();
        var client = http;
        if (client == null) {
            client = http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("discovery answered HTTP " + response.statusCode());
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = json.readValue(response.body(), Map.class);
        String reportedIssuer = text(metadata, "issuer");
        if (!stripSlash(reportedIssuer).equals(issuer)) {
            throw new IOException("the provider reports issuer " + reportedIssuer + ", not " + issuer);
        }
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .clientName(settings.displayNameOrDefault())
                .clientAuthenticationMethod(authenticationMethod(metadata.get("token_endpoint_auth_methods_supported")))
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(settings.scopeList())
                .authorizationUri(text(metadata, "authorization_endpoint"))
                .tokenUri(text(metadata, "token_endpoint"))
                .jwkSetUri(text(metadata, "jwks_uri"))
                .userInfoUri(metadata.get("userinfo_endpoint") instanceof String u ? u : null)
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .issuerUri(reportedIssuer)
                .providerConfigurationMetadata(metadata)
                .build();
    }

    private static ClientAuthenticationMethod authenticationMethod(@Nullable Object supported) {
        if (supported instanceof Collection<?> methods && !methods.contains("client_secret_basic")
                && methods.contains("client_secret_post")) {
            return ClientAuthenticationMethod.CLIENT_SECRET_POST;
        }
        return ClientAuthenticationMethod.CLIENT_SECRET_BASIC;
    }

    private static String text(Map<String, Object> metadata, String key) {
        if (metadata.get(key) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new IllegalStateException("the discovery document has no " + key);
    }

    private static String stripSlash(@Nullable String uri) {
        String s = uri == null ? "" : uri.strip();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

}
