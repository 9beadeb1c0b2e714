package io.ciamportal.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.exports.internal.Auth0BytesCheck.Outcome;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte reader of Auth0's export job ({@link Auth0Bytes}) against the parser and the tree, object by object
 * ({@link Auth0BytesCheck}: what the byte reader fills is what the tree fills; what it accepts the parser accepts):
 * the generated export lines, random objects with every shape of every property the kind reads (escapes, unicode,
 * nulls, numbers and booleans where text is read, nested identities, missing fields, repeated names), the same
 * objects with bytes changed at random, and invalid JSON, which it must never fill.
 */
class Auth0BytesTest {

    private final Auth0BytesCheck check = new Auth0BytesCheck();

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theByteReaderNotesTheNamesTheKindReads() {
        // a property added to the kind's reading and not to the byte reader would be skipped there: this says so first
        assertThat(java.util.Set.of(Auth0Bytes.NAMES)).isEqualTo(Auth0Kinds.ExportJson.FIELDS);
    }

    @Test
    void theExportJobLinesAreFilledFromTheirBytes() {
        for (String line : JsonLinesTest.lines(3_000)) {
            assertThat(check.check(utf8(line))).as(line).isEqualTo(Outcome.FILLED);
        }
        assertThat(check.check(utf8("""
                {"user_id":"auth0|4747652274a1e5395a8ce3be","email":"alice.moreau@example.com","email_verified":true,"name":"Alice Moreau",\
                "identities":[{"connection":"Username-Password-Authentication","provider":"auth0","user_id":"4747652274a1e5395a8ce3be",\
                "isSocial":false}],"created_at":"2022-03-14T10:02:11.120Z","last_login":"2026-10-28T07:45:03.991Z","last_ip":"203.0.113.235",\
                "logins_count":212,"multifactor":["google-authenticator"],"user_metadata":{"locale":"fr-FR","newsletter":true},\
                "app_metadata":{"plan":"enterprise","roles":["admin"]}}"""))).isEqualTo(Outcome.FILLED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // escapes and unicode in read values, names and skipped values
        "{\"user_id\":\"auth0|\\u00e9t\\u00E9\",\"email\":\"Zo\u00eb.\u540d\u524d@example.com\",\"name\":\"P\\\"erson \\\\ \\/ \\b\\f\\n\\r\\t\"}",
        "{\"user_id\":\"sms|\\ud83d\\ude00\",\"email\":\"\\ud800 lone\",\"x\\u0041\":1}",
        "{\"email\":\"\ud83d\ude00@example.com\",\"user_metadata\":{\"\u00e9l\u00e8ve\":1,\"\u540d\":2,\"\ud83d\ude00\":3}}",
        // nulls, blanks and missing fields
        "{\"user_id\":null,\"email\":\"   \",\"email_verified\":null,\"identities\":null,\"multifactor\":null,\"last_login\":null,\"blocked\":null}",
        "{\"user_id\":\"\",\"logins_count\":0}",
        "{\"name\":\"only a name\"}",
        "{\"user_id\":\"google-oauth2|123\"}",
        "{\"user_id\":\"nopipe\",\"connection\":\"Username-Password-Authentication\"}",
        "{\"provider\":\"email\"}",
        // nested identities of every shape
        "{\"identities\":[]}",
        "{\"identities\":[{}]}",
        "{\"identities\":[{\"provider\":\"auth0\",\"provider\":\"google-oauth2\",\"connection\":null,\"isSocial\":\"true\"}]}",
        "{\"identities\":[{\"connection\":\"c\",\"provider\":\"sms\",\"user_id\":12345,\"profileData\":{\"a\":[1,{\"b\":null}]}},"
                + "{\"connection\":\"google-oauth2\",\"provider\":\"google-oauth2\",\"isSocial\":true}]}",
        "{\"identities\":[null]}",
        "{\"identities\":[\"auth0\"]}",
        "{\"identities\":{\"provider\":\"auth0\"},\"provider\":\"auth0\"}",
        "{\"identities\":[{\"provider\":1}]}",
        "{\"identities\":[{\"isSocial\":1}]}",
        "{\"identities\":[{\"provider\":\"  samlp  \",\"connection\":\"  \"}]}",
        // numbers and booleans where text is read (the tree reads them)
        "{\"user_id\":12345,\"email\":true}",
        "{\"email_verified\":1}",
        "{\"email_verified\":\"yes\",\"blocked\":\"TRUE \"}",
        "{\"blocked\":0}",
        "{\"blocked\":{}}",
        "{\"email_verified\":[]}",
        // multifactor
        "{\"multifactor\":[\"google-authenticator\",\"guardian\",\"sms\",\"email\",\"webauthn-roaming\",\"duo\",\" OTP \",\"\",null,[],{}]}",
        "{\"multifactor\":\"sms, otp|push;  email\"}",
        "{\"multifactor\":[1]}",
        "{\"multifactor\":{}}",
        "{\"multifactor\":7}",
        "{\"multifactor\":[]}",
        "{\"multifactor\":[\"\\u0073ms\"]}",
        // last sign-in
        "{\"last_login\":\"2026-10-28T07:45:03Z\"}",
        "{\"last_login\":\"2026-10-28 07:45:03.5+00\"}",
        "{\"last_login\":\"2026-10-28T07:45:03+02:00\"}",
        "{\"last_login\":\" 2026-10-28T07:45:03Z \"}",
        "{\"last_login\":\"1700000000\"}",
        "{\"last_login\":\"1700000000123\"}",
        "{\"last_login\":\"1700000000.5\"}",
        "{\"last_login\":\"garbage\"}",
        "{\"last_login\":\"\"}",
        "{\"last_login\":1700000000}",
        "{\"last_login\":{\"$date\":\"2026-10-28T07:45:03Z\"}}",
        "{\"last_login\":[]}",
        "{\"last_login\":true}",
        "{\"logins_count\":\"3\"}",
        "{\"last_login\":\"2026-02-30T07:45:03Z\"}",
        "{\"last_login\":\"2026-10-28T07:45:03.1234567891Z\"}",
        // metadata
        "{\"user_metadata\":{\"a\":1,\"b\":{\"c\":[]},\"a\":2},\"app_metadata\":{\"a\":1}}",
        "{\"user_metadata\":\"{\\\"a\\\":1}\"}",
        "{\"user_metadata\":\"plain\"}",
        "{\"app_metadata\":[1,2]}",
        "{\"app_metadata\":1.5e3}",
        "{\"user_metadata\":{}}",
        "{\"user_metadata\":{\"k\\u0065y\":1}}",
        // repeated read names: the last wins
        "{\"user_id\":\"auth0|a\",\"email\":\"a@example.com\",\"user_id\":\"auth0|b\",\"identities\":[{\"provider\":\"auth0\"}],\"identities\":\"x\"}",
        "{\"multifactor\":[\"sms\"],\"multifactor\":null}",
        // an escaped name that spells a read one
        "{\"user\\u005fid\":\"auth0|x\"}",
        // white space everywhere
        " \t{ \"user_id\" : \"auth0|x\" ,\r\n \"identities\" : [ { \"provider\" : \"auth0\" } , { } ] , \"user_metadata\" : { \"a\" : [ ] } } ",
        // numbers of every form in skipped values
        "{\"n\":[0,-0,1.5,-1.5e-3,1E+10,12345678901234567890123,0.0]}",
        "{}",
        "{ }",
    })
    void everyShapeGivesTheTreesRecordOrIsLeftToTheTree(String json) {
        assertThat(check.check(utf8(json))).as(json).isIn(Outcome.FILLED, Outcome.TREE, Outcome.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\":01}", "{\"a\":1,}", "{\"a\":1 \"b\":2}", "{\"a\"1}", "{\"a\":tru}", "{\"a\":truex}", "{\"a\":NaN}", "{\"a\":-}", "{\"a\":1.}",
        "{\"a\":.5}", "{\"a\":1e}", "{\"a\":+1}", "{'a':1}", "{a:1}", "{\"a\":\"x\u0001y\"}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12G4\"}",
        "{\"a\":[1,]}", "{\"a\":[1 2]}", "{\"a\":\"unterminated}", "{\"a\":1", "{\"a\":/*c*/1}", "{\"a\":1}}", "{\"a\":\u000b1}",
        "{\"user_id\":\"auth0|x\",}",
    })
    void invalidJsonIsNeverFilled(String json) {
        byte[] input = utf8(json);
        Outcome outcome = check.check(input);
        if (json.equals("{\"a\":1}}")) {
            // the object itself is whole; what follows it is the batch's check (JsonLinesTest)
            assertThat(outcome).isEqualTo(Outcome.FILLED);
        } else {
            assertThat(outcome).as(json).isEqualTo(Outcome.GIVEN_UP);
        }
    }

    @Test
    void invalidUtf8AndTooDeepNestingAreNeverFilled() {
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0x80}, new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98})) {
            for (String where : List.of("{\"user_id\":\"a%sb\"}", "{\"name\":\"a%sb\"}", "{\"n%s\":1}", "{\"user_metadata\":{\"k%s\":1}}")) {
                String[] parts = where.split("%s");
                byte[] input = concat(utf8(parts[0]), bad, utf8(parts[1]));
                assertThat(check.check(input)).isEqualTo(Outcome.GIVEN_UP);
            }
        }
        // the walker's limit is 64 levels: the byte reader leaves 64 and more to the parser
        assertThat(check.check(utf8(nested(62)))).isEqualTo(Outcome.FILLED);
        assertThat(check.check(utf8(nested(63)))).isEqualTo(Outcome.FILLED);
        assertThat(check.check(utf8(nested(64)))).isEqualTo(Outcome.GIVEN_UP);
        assertThat(check.check(utf8(nested(65)))).isEqualTo(Outcome.GIVEN_UP);
        // a UTF-16 surrogate escaped in a name is left to the parser, which checks their pairs there (not in a value;
        // found by Auth0BytesFuzzTest)
        for (String name : List.of("a\\ude00", "a\\ud800", "\\ud800\\u0041", "a\\ud83d\\ude00", "\\uDBFF\\uDFFF")) {
            for (String where : List.of("{\"%s\":1}", "{\"name\":{\"%s\":1}}", "{\"identities\":[{\"%s\":1}]}", "{\"user_metadata\":{\"%s\":1}}")) {
                assertThat(check.check(utf8(where.formatted(name)))).as(where.formatted(name)).isEqualTo(Outcome.GIVEN_UP);
            }
            assertThat(check.check(utf8("{\"user_id\":\"" + name + "\",\"name\":\"" + name + "\"}"))).isEqualTo(Outcome.FILLED);
        }
        // a long number or name is left to the parser too
        assertThat(check.check(utf8("{\"n\":" + "1".repeat(150) + "}"))).isEqualTo(Outcome.GIVEN_UP);
        assertThat(check.check(utf8("{\"" + "n".repeat(2_000) + "\":1}"))).isEqualTo(Outcome.GIVEN_UP);
    }

    /** A user object whose skipped property nests to {@code depth} levels in all (the user object is one). */
    private static String nested(int depth) {
        return "{\"user_id\":\"auth0|x\",\"deep\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
    }

    private static byte[] concat(byte[]... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void randomObjectsOfEveryShapeGiveTheTreesRecord() {
        var random = new Random(12);
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (int i = 0; i < 40_000; i++) {
            String json = RandomAuth0.user(random);
            outcomes.merge(check.check(utf8(json)), 1, Integer::sum);
        }
        // valid JSON throughout: nothing is given up, and most is filled from the bytes
        assertThat(outcomes.getOrDefault(Outcome.GIVEN_UP, 0)).isZero();
        assertThat(outcomes.get(Outcome.FILLED)).isGreaterThan(10_000);
        assertThat(outcomes.get(Outcome.TREE)).isGreaterThan(1_000);
    }

    @Test
    void randomObjectsWithBytesChangedKeepTheRule() {
        var random = new Random(34);
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        byte[] pool = {'"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', 0, 1, 0x1f, 0x7f, (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC2,
            (byte) 0xE0, (byte) 0xED, (byte) 0xF0, (byte) 0xF4, (byte) 0xF5, (byte) 0xFF, '0', '1', '-', '.', 'e', 'E', '+', 'u', 'n', 't', 'f', 'a'};
        for (int i = 0; i < 4_000; i++) {
            byte[] valid = utf8(RandomAuth0.user(random));
            for (int k = 0; k < 10; k++) {
                byte[] changed = RandomAuth0.mutate(random, valid, pool);
                outcomes.merge(check.check(changed), 1, Integer::sum);
            }
        }
        assertThat(outcomes.get(Outcome.GIVEN_UP)).isGreaterThan(10_000);
        assertThat(outcomes.get(Outcome.FILLED)).isGreaterThan(1_000);
    }
}
