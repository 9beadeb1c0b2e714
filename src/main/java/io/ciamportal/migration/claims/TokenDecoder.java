package io.ciamportal.migration.claims;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a pasted token in memory: a compact JWS ({@code header.payload.signature}, base64url) or its decoded JSON (the
 * claims object, or an object with {@code header} and {@code payload}). The signature is not verified: the portal holds
 * no keys of either platform, and the claims are compared, not trusted. Refused, with a sentence that never quotes the
 * input: more than {@value #MAX_CHARS} characters, not a JWT, an encrypted JWE, {@code alg} {@code none} or an algorithm
 * outside RFC 7518 (plus EdDSA, Ed25519, Ed448 and ES256K), invalid base64url, UTF-8 or JSON, JSON nested more than
 * {@value #MAX_DEPTH} levels, and the same name twice in one object.
 */
public final class TokenDecoder {

    /** Real ID and access tokens are one to four KiB; 16 KiB leaves room for large group claims. */
    public static final int MAX_CHARS = 16 * 1024;
    /** Objects and arrays inside each other, the outermost object counting as one. */
    public static final int MAX_DEPTH = 10;

    /** The JWS algorithms of RFC 7518 section 3.1 without {@code none}, EdDSA (RFC 8037), Ed25519/Ed448 (RFC 9864), ES256K (RFC 8812). */
    public static final Set<String> ALGORITHMS = Set.of("HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512",
            "PS256", "PS384", "PS512", "EdDSA", "Ed25519", "Ed448", "ES256K");

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*={0,2}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNameLength(1_000).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private TokenDecoder() {}

    public static DecodedToken decode(@Nullable String input) {
        if (input == null || input.isBlank()) {
            throw new TokenFormatException("No token was pasted.");
        }
        if (input.length() > MAX_CHARS) {
            throw new TokenFormatException("The token is longer than 16 KiB (" + String.format(Locale.ENGLISH, "%,d", MAX_CHARS)
                    + " characters), more than any ID or access token needs; it was not read.");
        }
        String text = input.strip();
        if (text.regionMatches(true, 0, "Bearer ", 0, 7)) {
            text = text.substring(7).strip();
        }
        if (text.startsWith("{")) {
            return fromJson(text);
        }
        return fromCompact(WHITESPACE.matcher(text).replaceAll(""));
    }

    private static DecodedToken fromCompact(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length == 5) {
            throw new TokenFormatException("This is an encrypted token (JWE, five parts): its claims cannot be read without the platform's "
                    + "private key. Paste a signed token (JWS, three parts) or its decoded claims as JSON.");
        }
        if (parts.length != 3) {
            throw new TokenFormatException("This is not a JWT: a signed token has three parts separated by dots (header.payload.signature), "
                    + "or paste its decoded claims as JSON.");
        }
        ObjectNode header = object(base64url(parts[0], "header"), "header");
        String algorithm = algorithm(header);
        if (parts[2].isEmpty()) {
            throw new TokenFormatException("The token has no signature part; an unsigned token is not accepted.");
        }
        base64url(parts[2], "signature");
        ObjectNode payload = object(base64url(parts[1], "payload"), "payload");
        return token(header, payload, algorithm, true);
    }

    private static DecodedToken fromJson(String text) {
        ObjectNode root = object(text, "JSON");
        if (root.has("ciphertext") || root.has("encrypted_key")) {
            throw new TokenFormatException("This is an encrypted token (JWE JSON): its claims cannot be read without the platform's private "
                    + "key. Paste a signed token or its decoded claims.");
        }
        JsonNode payload = root.get("payload");
        JsonNode header = root.get("header");
        boolean wrapped = payload != null && root.propertyNames().stream().allMatch(n -> Set.of("header", "payload", "signature").contains(n));
        if (!wrapped) {
            return token(null, root, null, false);
        }
        if (!payload.isObject()) {
            throw new TokenFormatException("The payload is not a JSON object of claims. Paste the compact token (three parts) or its decoded "
                    + "claims as a JSON object.");
        }
        if (header != null && !header.isObject()) {
            throw new TokenFormatException("The header is not a JSON object.");
        }
        ObjectNode h = header == null ? null : (ObjectNode) header;
        return token(h, (ObjectNode) payload, h == null ? null : algorithm(h), false);
    }

    private static DecodedToken token(@Nullable ObjectNode header, ObjectNode payload, @Nullable String algorithm, boolean compact) {
        if (payload.isEmpty()) {
            throw new TokenFormatException("The token holds no claims.");
        }
        return new DecodedToken(header, payload, algorithm, kind(header, payload), compact);
    }

    /** The header's algorithm, after refusing JWE, {@code none} and anything outside the allow-list (never quoted back). */
    private static String algorithm(ObjectNode header) {
        if (header.has("enc")) {
            throw new TokenFormatException("This is an encrypted token (JWE: its header names an encryption): its claims cannot be read "
                    + "without the platform's private key.");
        }
        JsonNode alg = header.get("alg");
        if (alg == null || !alg.isString() || alg.stringValue().isBlank()) {
            throw new TokenFormatException("The token's header names no signing algorithm (alg).");
        }
        String name = alg.stringValue();
        if (name.equalsIgnoreCase("none")) {
            throw new TokenFormatException("The token is unsigned (alg \"none\"); an unsigned token is not accepted.");
        }
        if (!ALGORITHMS.contains(name)) {
            throw new TokenFormatException("The token's algorithm is not a JWS algorithm the portal knows (RFC 7518: HS, RS, ES and PS with "
                    + "256, 384 or 512 bits; EdDSA, Ed25519, Ed448, ES256K).");
        }
        return name;
    }

    private static String base64url(String part, String which) {
        if (part.isEmpty() || !BASE64URL.matcher(part).matches()) {
            throw new TokenFormatException("The token's " + which + " is not valid base64url (letters, digits, - and _ only).");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part.replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw new TokenFormatException("The token's " + which + " is not valid base64url.");
        }
        if (which.equals("signature")) {
            return "";
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new TokenFormatException("The token's " + which + " is not UTF-8 text.");
        }
    }

    private static ObjectNode object(String json, String which) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new TokenFormatException("The token's " + which + " is nested more than " + MAX_DEPTH + " levels deep.");
        } catch (JacksonException e) {
            // the parser's own message may quote the input: only its kind is used
            String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().toLowerCase(Locale.ROOT);
            if (message.contains("duplicate")) {
                throw new TokenFormatException("The token's " + which + " holds the same name twice in one object; which one counts is "
                        + "ambiguous, so it is not read.");
            }
            throw new TokenFormatException("The token's " + which + " is not valid JSON.");
        }
        if (node == null || !node.isObject()) {
            throw new TokenFormatException("The token's " + which + " is not a JSON object.");
        }
        return (ObjectNode) node;
    }

    /** What the header and claims say the token is; {@link TokenKind#UNKNOWN} when they do not tell. */
    static TokenKind kind(@Nullable ObjectNode header, ObjectNode payload) {
        String typ = header == null ? "" : text(header.get("typ")).toLowerCase(Locale.ROOT);
        if (typ.equals("at+jwt") || typ.equals("application/at+jwt")) {
            return TokenKind.ACCESS;
        }
        String use = text(payload.get("token_use")).toLowerCase(Locale.ROOT) + text(payload.get("typ")).toLowerCase(Locale.ROOT);
        if (use.equals("id")) {
            return TokenKind.ID;
        }
        if (use.equals("access") || use.equals("bearer")) {
            return TokenKind.ACCESS;
        }
        if (payload.has("nonce") || payload.has("at_hash") || payload.has("c_hash") || payload.has("firebase")) {
            return TokenKind.ID;
        }
        if (payload.has("scope") || payload.has("scp") || payload.has("client_id") || payload.has("gty")) {
            return TokenKind.ACCESS;
        }
        if (payload.has("email") || payload.has("name") || payload.has("preferred_username")) {
            return TokenKind.ID;
        }
        return TokenKind.UNKNOWN;
    }

    private static String text(@Nullable JsonNode node) {
        return node != null && node.isString() ? node.stringValue() : "";
    }
}
