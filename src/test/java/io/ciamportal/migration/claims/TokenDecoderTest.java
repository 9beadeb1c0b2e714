package io.ciamportal.migration.claims;

import static io.ciamportal.migration.claims.TestTokens.b64;
import static io.ciamportal.migration.claims.TestTokens.jws;
import static io.ciamportal.migration.claims.TestTokens.rs256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Decoding pasted tokens: what is read, what is refused and with which sentence, and that no sentence quotes the input. */
class TokenDecoderTest {

    /** Planted in every refused input: it must never come back in a message. */
    private static final String SECRET = "SECRET-VALUE-93ab";

    static Stream<Arguments> refused() {
        String claims = "{\"sub\":\"" + SECRET + "\"}";
        String nested = "{\"sub\":\"" + SECRET + "\",\"a\":" + "{\"b\":".repeat(12) + "1" + "}".repeat(12) + "}";
        return Stream.of(
                Arguments.of("empty", "   ", "No token was pasted."),
                Arguments.of("plain text", "hello " + SECRET, "This is not a JWT"),
                Arguments.of("two parts", b64("{\"alg\":\"RS256\"}") + "." + b64(claims), "This is not a JWT"),
                Arguments.of("four parts", rs256(claims) + ".x", "This is not a JWT"),
                Arguments.of("JWE compact", b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".a.b.c.d", "This is an encrypted token (JWE, five parts)"),
                Arguments.of("enc in a JWS-shaped header", jws("{\"alg\":\"dir\",\"enc\":\"A128GCM\"}", claims), "This is an encrypted token (JWE: its header"),
                Arguments.of("JWE JSON", "{\"protected\":\"x\",\"ciphertext\":\"" + SECRET + "\"}", "This is an encrypted token (JWE JSON)"),
                Arguments.of("alg none", jws("{\"alg\":\"none\"}", claims), "The token is unsigned (alg \"none\")"),
                Arguments.of("alg NONE with empty signature", b64("{\"alg\":\"NONE\"}") + "." + b64(claims) + ".", "The token is unsigned"),
                Arguments.of("unknown algorithm", jws("{\"alg\":\"" + SECRET + "\"}", claims), "The token's algorithm is not a JWS algorithm"),
                Arguments.of("lower-case rs256", jws("{\"alg\":\"rs256\"}", claims), "The token's algorithm is not a JWS algorithm"),
                Arguments.of("no alg", jws("{\"typ\":\"JWT\"}", claims), "names no signing algorithm"),
                Arguments.of("alg a number", jws("{\"alg\":256}", claims), "names no signing algorithm"),
                Arguments.of("empty signature", b64("{\"alg\":\"RS256\"}") + "." + b64(claims) + ".", "has no signature part"),
                Arguments.of("bad base64url in payload", b64("{\"alg\":\"RS256\"}") + "." + SECRET + "+/." + "c2ln", "payload is not valid base64url"),
                Arguments.of("impossible base64 length", b64("{\"alg\":\"RS256\"}") + ".A." + "c2ln", "payload is not valid base64url"),
                Arguments.of("payload not JSON", jws("{\"alg\":\"RS256\"}", SECRET), "payload is not valid JSON"),
                Arguments.of("payload an array", jws("{\"alg\":\"RS256\"}", "[\"" + SECRET + "\"]"), "payload is not a JSON object"),
                Arguments.of("payload not UTF-8", b64("{\"alg\":\"RS256\"}") + ".__79." + "c2ln", "payload is not UTF-8 text"),
                Arguments.of("trailing JSON", jws("{\"alg\":\"RS256\"}", claims + "{}"), "payload is not valid JSON"),
                Arguments.of("duplicate claim", jws("{\"alg\":\"RS256\"}", "{\"sub\":\"a\",\"sub\":\"" + SECRET + "\"}"), "holds the same name twice"),
                Arguments.of("duplicate in pasted JSON", "{\"email\":\"" + SECRET + "\",\"email\":\"b\"}", "holds the same name twice"),
                Arguments.of("nested too deep", rs256(nested), "nested more than 10 levels deep"),
                Arguments.of("pasted JSON nested too deep", nested, "nested more than 10 levels deep"),
                Arguments.of("no claims", rs256("{}"), "holds no claims"),
                Arguments.of("broken pasted JSON", "{\"sub\": \"" + SECRET, "is not valid JSON"),
                Arguments.of("wrapped payload not an object", "{\"header\":{\"alg\":\"RS256\"},\"payload\":\"" + SECRET + "\"}", "payload is not a JSON object"),
                Arguments.of("wrapped with alg none", "{\"header\":{\"alg\":\"none\"},\"payload\":" + claims + "}", "unsigned"),
                Arguments.of("oversized", rs256("{\"sub\":\"" + SECRET + "x".repeat(TokenDecoder.MAX_CHARS) + "\"}"), "longer than 16 KiB (16,384 characters)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refused(String what, String input, String message) {
        assertThatThrownBy(() -> TokenDecoder.decode(input)).isInstanceOf(TokenFormatException.class)
                .hasMessageContaining(message)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(input.strip().isEmpty() ? "\u0000" : input.strip());
                    assertThat(e.getCause()).isNull();
                    assertThat(e.getStackTrace()).isEmpty();
                });
    }

    static Stream<Arguments> read() {
        String claims = "{\"sub\":\"auth0|abc\",\"email\":\"a@example.com\",\"nonce\":\"n\"}";
        return Stream.of(
                Arguments.of("compact RS256", rs256(claims), "RS256", TokenKind.ID, true),
                Arguments.of("Bearer prefix and line breaks", "Bearer " + rs256(claims).replace(".", ".\n"), "RS256", TokenKind.ID, true),
                Arguments.of("EdDSA access token by typ", jws("{\"alg\":\"EdDSA\",\"typ\":\"at+jwt\"}", "{\"sub\":\"x\"}"), "EdDSA", TokenKind.ACCESS, true),
                Arguments.of("ES256K, scope says access", jws("{\"alg\":\"ES256K\"}", "{\"sub\":\"x\",\"scope\":\"openid\"}"), "ES256K", TokenKind.ACCESS, true),
                Arguments.of("Cognito token_use id", jws("{\"alg\":\"RS256\"}", "{\"sub\":\"x\",\"token_use\":\"id\",\"scope\":\"s\"}"), "RS256", TokenKind.ID, true),
                Arguments.of("padded base64url", b64("{\"alg\":\"HS256\"}") + "." + b64("{\"n\":1}") + "==" + ".c2ln", "HS256", TokenKind.UNKNOWN, true),
                Arguments.of("pasted claims", claims, null, TokenKind.ID, false),
                Arguments.of("pasted header and payload", "{\"header\":{\"alg\":\"PS512\"},\"payload\":{\"client_id\":\"c\"},\"signature\":\"s\"}", "PS512",
                        TokenKind.ACCESS, false),
                Arguments.of("a claim named payload among others", "{\"payload\":{\"a\":1},\"sub\":\"x\"}", null, TokenKind.UNKNOWN, false),
                Arguments.of("exactly 10 levels", rs256("{\"a\":" + "{\"b\":".repeat(8) + "1" + "}".repeat(8) + "}"), "RS256", TokenKind.UNKNOWN, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void read(String what, String input, String algorithm, TokenKind kind, boolean compact) {
        var token = TokenDecoder.decode(input);
        assertThat(token.algorithm()).isEqualTo(algorithm);
        assertThat(token.kind()).isEqualTo(kind);
        assertThat(token.compact()).isEqualTo(compact);
        assertThat(token.toString()).doesNotContain("auth0|abc").doesNotContain("example.com");
    }

    @Test
    void everyAlgorithmOfTheAllowListIsReadAndNothingElse() {
        for (String alg : TokenDecoder.ALGORITHMS) {
            assertThat(TokenDecoder.decode(jws("{\"alg\":\"" + alg + "\"}", "{\"sub\":\"x\"}")).algorithm()).isEqualTo(alg);
        }
        for (String alg : new String[] {"HS1", "RS1", "ES256X", "RSA-OAEP", "dir", "A128KW", ""}) {
            assertThatThrownBy(() -> TokenDecoder.decode(jws("{\"alg\":\"" + alg + "\"}", "{\"sub\":\"x\"}"))).isInstanceOf(TokenFormatException.class);
        }
    }

    @Test
    void aTokenOfExactlyTheLimitIsReadAndOneCharacterMoreIsNot() {
        String head = b64("{\"alg\":\"RS256\"}") + ".";
        String tail = ".c2ln";
        String fill = "{\"p\":\"" + "x".repeat(12_000) + "\"}";
        String token = head + b64(fill) + tail;
        // pad the signature part to the exact limit with base64url letters
        String exact = token + "A".repeat(TokenDecoder.MAX_CHARS - token.length());
        assertThat(exact).hasSize(TokenDecoder.MAX_CHARS);
        assertThat(TokenDecoder.decode(exact).payload().has("p")).isTrue();
        assertThatThrownBy(() -> TokenDecoder.decode(exact + "A")).hasMessageContaining("longer than 16 KiB");
    }
}
