package io.ciamportal.migration.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Claim verdicts on made-up claims, one row per rule: old claims, new claims, the claim looked at, its verdict and detail. */
class ClaimDifferTest {

    static Stream<Arguments> verdicts() {
        return Stream.of(
                // name, old claims, new claims, claim, verdict, detail (null: not checked), renamed to
                row("same string", "{\"email\":\"a@example.com\"}", "{\"email\":\"a@example.com\"}", "email", ClaimVerdict.SAME, "", null),
                row("same number, another spelling", "{\"n\":1}", "{\"n\":1.0}", "n", ClaimVerdict.SAME, "", null),
                row("same roles, another order", "{\"roles\":[\"a\",\"b\"]}", "{\"roles\":[\"b\",\"a\"]}", "roles", ClaimVerdict.SAME,
                        "same values, in another order", null),
                row("missing", "{\"email\":\"a@example.com\",\"x\":1}", "{\"x\":1}", "email", ClaimVerdict.MISSING, "string not in the new token", null),
                row("added", "{\"x\":1}", "{\"x\":1,\"locale\":\"de\"}", "locale", ClaimVerdict.ADDED, "string only in the new token", null),
                row("sub from an Auth0 id to a UUID", "{\"sub\":\"auth0|64f1c0ffee\"}", "{\"sub\":\"0b9a4c3e-2f1d-4e5a-9b8c-7d6e5f4a3b2c\"}", "sub",
                        ClaimVerdict.FORMAT_CHANGED, "auth0-id -> uuid", null),
                row("sub from a social provider id to a Clerk id", "{\"sub\":\"google-oauth2|1234\"}", "{\"sub\":\"user_2abcdefghijK\"}", "sub",
                        ClaimVerdict.FORMAT_CHANGED, "provider|id -> prefixed-id", null),
                row("sub another UUID", "{\"sub\":\"0b9a4c3e-2f1d-4e5a-9b8c-7d6e5f4a3b2c\"}", "{\"sub\":\"1b9a4c3e-2f1d-4e5a-9b8c-7d6e5f4a3b2c\"}",
                        "sub", ClaimVerdict.VALUE_DIFFERS, "uuid differs", null),
                row("string to array", "{\"groups\":\"admins\"}", "{\"groups\":[\"admins\"]}", "groups", ClaimVerdict.TYPE_CHANGED,
                        "string -> array", null),
                row("boolean to string", "{\"email_verified\":true}", "{\"email_verified\":\"true\"}", "email_verified", ClaimVerdict.TYPE_CHANGED,
                        "boolean -> string (boolean-string)", null),
                row("number to numeric string", "{\"tier\":3}", "{\"tier\":\"3\"}", "tier", ClaimVerdict.TYPE_CHANGED,
                        "number (integer) -> string (numeric-string)", null),
                row("updated_at from ISO text to epoch", "{\"updated_at\":\"2026-01-02T03:04:05Z\"}", "{\"updated_at\":1767323045}", "updated_at",
                        ClaimVerdict.TYPE_CHANGED, "string (iso-datetime) -> number (epoch-seconds)", null),
                row("email_verified differs", "{\"email_verified\":true}", "{\"email_verified\":false}", "email_verified",
                        ClaimVerdict.VALUE_DIFFERS, "boolean differs", null),
                row("email differs", "{\"email\":\"a@example.com\"}", "{\"email\":\"b@example.com\"}", "email", ClaimVerdict.VALUE_DIFFERS,
                        "email differs", null),
                row("roles differ", "{\"roles\":[\"a\",\"b\",\"c\"]}", "{\"roles\":[\"a\",\"b\"]}", "roles", ClaimVerdict.VALUE_DIFFERS,
                        "3 values -> 2 values, 2 in common", null),
                row("roles of strings to roles of objects", "{\"roles\":[\"a\"]}", "{\"roles\":[{\"name\":\"a\"}]}", "roles", ClaimVerdict.TYPE_CHANGED,
                        "array of string -> array of object", null),
                row("namespaced roles renamed", "{\"https://example.com/roles\":[\"admin\"]}", "{\"roles\":[\"admin\"]}", "https://example.com/roles",
                        ClaimVerdict.RENAMED, "same value", "roles"),
                row("roles moved into realm_access", "{\"https://example.com/roles\":[\"admin\"]}", "{\"realm_access\":{\"roles\":[\"admin\"]}}",
                        "https://example.com/roles", ClaimVerdict.RENAMED, "same value", "realm_access.roles"),
                row("renamed by a distinctive value", "{\"org\":\"org_8Hk2mQ\"}", "{\"tenant\":\"org_8Hk2mQ\"}", "org", ClaimVerdict.RENAMED,
                        "same value", "tenant"),
                row("a boolean is no proof of a rename", "{\"email_verified\":true}", "{\"phone_verified\":true}", "email_verified",
                        ClaimVerdict.MISSING, null, null),
                row("same word, other value", "{\"https://example.com/tenant\":\"t1\"}", "{\"tenant\":\"t2\"}", "https://example.com/tenant",
                        ClaimVerdict.RENAMED, "and the value differs", "tenant"),
                row("camel case to snake case", "{\"emailVerified\":true}", "{\"email_verified\":true}", "emailVerified", ClaimVerdict.RENAMED,
                        "same value", "email_verified"),
                row("nested claim differs", "{\"address\":{\"country\":\"DE\",\"locality\":\"Berlin\"}}",
                        "{\"address\":{\"country\":\"FR\",\"locality\":\"Berlin\"}}", "address.country", ClaimVerdict.VALUE_DIFFERS, "opaque differs", null),
                row("nested claim same", "{\"address\":{\"country\":\"DE\",\"locality\":\"Berlin\"}}",
                        "{\"address\":{\"country\":\"FR\",\"locality\":\"Berlin\"}}", "address.locality", ClaimVerdict.SAME, "", null),
                row("a string became an object", "{\"address\":\"Main St 1\"}", "{\"address\":{\"street\":\"Main St 1\"}}", "address",
                        ClaimVerdict.TYPE_CHANGED, "string -> object", null),
                row("an object became a string", "{\"address\":{\"street\":\"Main St 1\"}}", "{\"address\":\"Main St 1\"}", "address",
                        ClaimVerdict.TYPE_CHANGED, "object -> string", null),
                row("issuer changed", "{\"iss\":\"https://tenant.auth0.com/\"}", "{\"iss\":\"https://id.example.com/realms/main\"}", "iss",
                        ClaimVerdict.ISSUER_CHANGED, null, null),
                row("issuer same", "{\"iss\":\"https://id.example.com/\"}", "{\"iss\":\"https://id.example.com/\"}", "iss", ClaimVerdict.SAME, "", null),
                row("audience changed", "{\"aud\":\"app-1\"}", "{\"aud\":[\"app-2\",\"account\"]}", "aud", ClaimVerdict.AUDIENCE_CHANGED,
                        "1 audience -> 2 audiences, 0 in common: APIs that check aud must accept the new one", null),
                row("another single audience", "{\"aud\":\"app-1\"}", "{\"aud\":\"app-2\"}", "aud", ClaimVerdict.AUDIENCE_CHANGED,
                        "another audience: APIs that check aud must accept the new one", null),
                row("audience string to array, same set", "{\"aud\":\"app-1\"}", "{\"aud\":[\"app-1\"]}", "aud", ClaimVerdict.TYPE_CHANGED,
                        "string -> array (same audience)", null),
                row("audience same set", "{\"aud\":[\"a\",\"b\"]}", "{\"aud\":[\"b\",\"a\"]}", "aud", ClaimVerdict.SAME, "", null),
                row("audience of numbers", "{\"aud\":\"a\"}", "{\"aud\":[1]}", "aud", ClaimVerdict.TYPE_CHANGED, null, null),
                row("lifetime changed", "{\"iat\":1767225600,\"exp\":1767312000}", "{\"iat\":1767225700,\"exp\":1767229300}", "exp",
                        ClaimVerdict.LIFETIME_CHANGED, "lifetime 1 d -> 1 h", null),
                row("lifetime the same", "{\"iat\":1767225600,\"exp\":1767229200}", "{\"iat\":1767225700,\"exp\":1767229300}", "exp",
                        ClaimVerdict.EXPECTED, "differs per token; same lifetime (1 h)", null),
                row("lifetime unknown without iat", "{\"exp\":1767229200}", "{\"exp\":1767229300}", "exp", ClaimVerdict.EXPECTED, null, null),
                row("exp in milliseconds", "{\"exp\":1767229200}", "{\"exp\":1767229200000}", "exp", ClaimVerdict.FORMAT_CHANGED,
                        "epoch-seconds -> epoch-millis", null),
                row("iat differs as expected", "{\"iat\":1767225600}", "{\"iat\":1767225700}", "iat", ClaimVerdict.EXPECTED, null, null),
                row("iat in milliseconds", "{\"iat\":1767225600}", "{\"iat\":1767225600000}", "iat", ClaimVerdict.FORMAT_CHANGED,
                        "epoch-seconds -> epoch-millis", null),
                row("jti differs as expected, even in another format", "{\"jti\":\"0b9a4c3e-2f1d-4e5a-9b8c-7d6e5f4a3b2c\"}", "{\"jti\":\"abc\"}", "jti",
                        ClaimVerdict.EXPECTED, null, null),
                row("nonce missing is still missing", "{\"nonce\":\"n-1\",\"x\":1}", "{\"x\":1}", "nonce", ClaimVerdict.MISSING, null, null),
                row("azp differs as expected", "{\"azp\":\"client-a\"}", "{\"azp\":\"client-b\"}", "azp", ClaimVerdict.EXPECTED, null, null),
                row("sid type change still counts", "{\"sid\":\"s\"}", "{\"sid\":5}", "sid", ClaimVerdict.TYPE_CHANGED, null, null),
                row("null to string", "{\"middle_name\":null}", "{\"middle_name\":\"Q\"}", "middle_name", ClaimVerdict.TYPE_CHANGED,
                        "null -> string", null));
    }

    private static Arguments row(String name, String before, String after, String claim, ClaimVerdict verdict, @Nullable String detail,
            @Nullable String renamedTo) {
        return Arguments.of(name, before, after, claim, verdict, detail, renamedTo);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void verdicts(String name, String before, String after, String claim, ClaimVerdict verdict, @Nullable String detail, @Nullable String renamedTo) {
        var diff = ClaimDiffer.compare(TokenDecoder.decode(before), TokenDecoder.decode(after));
        assertThat(diff.claims()).filteredOn(c -> c.name().equals(claim)).singleElement().satisfies(c -> {
            assertThat(c.verdict()).isEqualTo(verdict);
            if (detail != null) {
                assertThat(c.detail()).isEqualTo(detail);
            }
            assertThat(c.newName()).isEqualTo(renamedTo);
        });
    }

    /** An Auth0 ID token and a Keycloak one for the same person: the headline case, every claim accounted for once. */
    @Test
    void auth0ToKeycloakSignIn() {
        var auth0 = TokenDecoder.decode(TestTokens.rs256("""
                {"iss":"https://tenant.eu.auth0.com/","sub":"auth0|64f1c0ffee0123456789abcd","aud":"Xy12abc","iat":1767225600,"exp":1767261600,
                 "nonce":"n-1","email":"ada@example.com","email_verified":true,"name":"Ada","https://example.com/roles":["admin","billing"],
                 "sid":"s-1"}"""));
        var keycloak = TokenDecoder.decode(TestTokens.jws("{\"alg\":\"ES256\",\"typ\":\"JWT\"}", """
                {"iss":"https://id.example.com/realms/main","sub":"0b9a4c3e-2f1d-4e5a-9b8c-7d6e5f4a3b2c","aud":"portal","iat":1767225700,
                 "exp":1767226000,"nonce":"n-2","email":"ada@example.com","email_verified":true,"name":"Ada",
                 "realm_access":{"roles":["admin","billing"]},"sid":"s-2","preferred_username":"ada","typ":"ID"}"""));
        var diff = ClaimDiffer.compare(auth0, keycloak);
        assertThat(diff.subChanged()).isTrue();
        assertThat(diff.oldKind()).isEqualTo(TokenKind.ID);
        assertThat(diff.newKind()).isEqualTo(TokenKind.ID);
        assertThat(diff.claims()).extracting(c -> c.name() + " " + c.verdict()).containsExactly(
                "sub FORMAT_CHANGED", "iss ISSUER_CHANGED", "aud AUDIENCE_CHANGED", "exp LIFETIME_CHANGED", "alg (header) ALGORITHM_CHANGED",
                "https://example.com/roles RENAMED", "preferred_username ADDED", "typ ADDED", "iat EXPECTED", "nonce EXPECTED", "sid EXPECTED",
                "email SAME", "email_verified SAME", "name SAME");
        assertThat(diff.counts()).containsEntry(ClaimVerdict.SAME, 3).containsEntry(ClaimVerdict.ADDED, 2).containsEntry(ClaimVerdict.MISSING, 0);
        String everything = diff.toString();
        assertThat(everything).doesNotContain("ada@example.com").doesNotContain("64f1c0ffee").doesNotContain("Ada,").doesNotContain("billing")
                .doesNotContain("tenant.eu.auth0.com").doesNotContain("n-1");
    }

    @Test
    void theSameTokenTwiceIsAllSameAndSubDoesNotChange() {
        var token = TokenDecoder.decode(TestTokens.rs256("{\"sub\":\"auth0|1\",\"iat\":1,\"exp\":2,\"roles\":[\"a\"]}"));
        var diff = ClaimDiffer.compare(token, token);
        assertThat(diff.subChanged()).isFalse();
        assertThat(diff.claims()).allSatisfy(c -> assertThat(c.verdict()).isEqualTo(ClaimVerdict.SAME));
    }

    @Test
    void subMissingFromAMachineTokenCountsAsChanged() {
        var diff = ClaimDiffer.compare(TokenDecoder.decode("{\"sub\":\"client@clients\",\"gty\":\"client-credentials\"}"),
                TokenDecoder.decode("{\"client_id\":\"client\",\"scope\":\"api\"}"));
        assertThat(diff.subChanged()).isTrue();
        assertThat(diff.oldKind()).isEqualTo(TokenKind.ACCESS);
    }

    @Test
    void tooManyClaimsAreRefusedAndLongNamesAreCut() {
        var many = new StringBuilder("{");
        for (int i = 0; i <= ClaimDiffer.MAX_CLAIMS; i++) {
            many.append(i == 0 ? "" : ",").append("\"c").append(i).append("\":1");
        }
        var big = TokenDecoder.decode(many.append("}").toString());
        assertThatThrownBy(() -> ClaimDiffer.compare(big, big)).isInstanceOf(TokenFormatException.class).hasMessageContaining("more than 500 claims");
        String longName = "n".repeat(300);
        var diff = ClaimDiffer.compare(TokenDecoder.decode("{\"" + longName + "\":1}"), TokenDecoder.decode("{\"x\":\"y\"}"));
        assertThat(diff.claims()).allSatisfy(c -> assertThat(c.name().length()).isLessThanOrEqualTo(ClaimDiffer.MAX_NAME));
    }
}
