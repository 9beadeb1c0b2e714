package io.ciamportal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The response headers of every page and API answer (decision record 0007): a Content-Security-Policy that Vaadin's
 * production bundle works with, {@code nosniff}, {@code Referrer-Policy: same-origin}, a Permissions-Policy that
 * switches off the browser features the portal never uses, {@code frame-ancestors 'none'}, and HSTS when the portal
 * runs behind TLS ({@code PORTAL_SECURE_COOKIES=true}).
 *
 * <p>Scripts run only from the portal's own origin or with the page's nonce: the bootstrap page's inline scripts carry
 * a fresh nonce per request ({@code ui.ContentSecurityPolicyNonces}), so no inline script without it runs.
 * {@code 'unsafe-eval'} stays, because Flow's client engine builds functions from the expressions the server sends
 * ({@code executeJs}, event data); {@code style-src 'unsafe-inline'} stays, because Flow sets style attributes and the
 * components inject their styles.
 */
public final class SecurityHeaders {


    public static final String CSP = "Content-Security-Policy";
    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), hid=(), midi=(), magnetometer=(), gyroscope=(), accelerometer=(), "
            + "display-capture=(), browsing-topics=(), interest-cohort=()";
    public static final String HSTS = "max-age=31536000; includeSubDomains";
    /** For JSON and files: nothing in them may run or be framed. */
    public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String formActions;
    private final boolean secure;

    /**
     * @param issuerUri the identity provider, whose origin forms may reach (a sign-out redirects there), or null
     * @param secure the portal runs behind TLS: send HSTS
     */
    SecurityHeaders(@Nullable String issuerUri, boolean secure) {
        String origin = origin(issuerUri);
        this.formActions = origin == null ? "'self'" : "'self' " + origin;
        this.secure = secure;
    }

    public boolean secure() {
        return secure;
    }

    /**
     * Every header of a bootstrap page, with its nonce. Vaadin answers the bootstrap page before Spring Security's
     * header writer gets to it (and sets its own frame option), so the page sets them all itself.
     */
    public void writeBootstrapPage(java.util.function.BiConsumer<String, String> header, String nonce) {
        header.accept(CSP, uiPolicy(nonce));
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("X-Frame-Options", "DENY");
        header.accept("Referrer-Policy", "same-origin");
        header.accept("Permissions-Policy", PERMISSIONS_POLICY);
        if (secure) {
            header.accept("Strict-Transport-Security", HSTS);
        }
    }

    /** The UI's policy; {@code nonce} is null for responses that are not the bootstrap page (they run no inline script). */
    public String uiPolicy(@Nullable String nonce) {
        return "default-src 'self'; "
                + "script-src 'self' " + (nonce == null ? "" : "'nonce-" + nonce + "' ") + "'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data: blob:; "
                + "font-src 'self' data:; "
                + "connect-src 'self'; "
                + "worker-src 'self' blob:; "
                + "manifest-src 'self'; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action " + formActions + "; "
                + "frame-ancestors 'none'";
    }

    /** 128 random bits, base64: a nonce nobody can guess. */
    public static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Writes {@code policy} unless the response already has one (the bootstrap page sets its own, with the nonce). */
    static HeaderWriter policyUnlessSet(String policy) {
        return (HttpServletRequest request, HttpServletResponse response) -> {
            if (!response.containsHeader(CSP)) {
                response.setHeader(CSP, policy);
            }
        };
    }

    static @Nullable String origin(@Nullable String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        try {
            var u = URI.create(uri.strip());
            if (u.getScheme() == null || u.getHost() == null) {
                return null;
            }
            String scheme = u.getScheme().toLowerCase(Locale.ROOT);
            return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
