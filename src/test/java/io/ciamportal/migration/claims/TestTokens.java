package io.ciamportal.migration.claims;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Made-up compact tokens for tests: any header and claims, a signature of random-looking bytes nobody verifies. */
public final class TestTokens {

    private TestTokens() {}

    public static String jws(String headerJson, String payloadJson) {
        return b64(headerJson) + "." + b64(payloadJson) + "." + b64("not-a-real-signature-" + payloadJson.length());
    }

    public static String rs256(String payloadJson) {
        return jws("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}", payloadJson);
    }

    public static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
