package io.ciamportal.exports.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Random Auth0 export-job user objects, valid JSON of every shape the byte reader and the tree must agree on: each
 * property the kind reads as text, number, boolean, null, array or object (mostly the shape Auth0 writes), escapes
 * and multi-byte characters in values and names, repeated names, nested identities and metadata, skipped properties
 * nested a few levels, white space between tokens. Made-up values only.
 */
public final class RandomAuth0 {

    private RandomAuth0() {}

    private static final String[] TEXTS = {"auth0|5f1b2c", "google-oauth2|1048293017", "email|abc", "sms|+15550100", "samlp|acme|bob", "nopipe",
        "", " ", "   ", " padded ", "Zo\u00eb", "\u540d\u524d", "\ud83d\ude00", "a\\\"b", "\\u00e9t\\u00E9", "\\ud83d\\ude00", "\\ud800", "line\\nbreak",
        "slash\\/", "tab\\t", "\\\\", "\\u0020", "x|y", "Username-Password-Authentication", "google-oauth2", "auth0", "email", "sms", "waad",
        "\u00a0nbsp\u00a0", "\u2003em\u2003", "true", "false", "yes", "1", "0", "TRUE ", "nope", "\u007f"};
    private static final String[] NUMBERS = {"0", "-0", "1", "12", "-7", "1.5", "-1.5e-3", "1E+10", "1e2", "0.0", "12345678901234567890123",
        "1700000000", "1700000000123", "9007199254740993", "3.0"};
    private static final String[] DATES = {"2026-10-28T07:45:03.991Z", "2026-10-28T07:45:03Z", "2026-10-28T07:45:03", "2026-10-28 07:45:03+00",
        "2026-10-28 07:45:03.123456+00:00", "2026-10-28T07:45:03+02:00", "2026-10-28T07:45:03.1234567891Z", "1700000000", "1700000000123",
        "1700000000.25", " 2026-10-28T07:45:03Z ", "2026-02-30T07:45:03Z", "2024-02-29T23:59:59Z", "garbage", "", "  ", "0", "-5",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2026-10-28T07:45:03\\u005a", "2026-10-28T07:45:03.Z"};
    private static final String[] FACTORS = {"google-authenticator", "guardian", "sms", "email", "webauthn-roaming", "webauthn-platform", "duo",
        "otp", " OTP ", "push", "phone", "[\\\"sms\\\"]", "", " ", "\\u0073ms", "webauthn"};
    private static final String[] NAMES = {"user_id", "email", "email_verified", "identities", "connection", "provider", "multifactor",
        "last_login", "logins_count", "blocked", "user_metadata", "app_metadata"};
    private static final String[] SKIPPED = {"name", "given_name", "picture", "created_at", "updated_at", "last_ip", "nickname", "phone_number",
        "n\u00e4me", "\u540d", "x\\u0041", "user\\u005fid", "emai", "email_verifie", "\\\"quoted\\\"", ""};
    private static final String[] KEYS = {"locale", "plan", "roles", "newsletter", "\u00e9l\u00e8ve", "\u540d", "\ud83d\ude00", "k\\u0065y", "a",
        "", " ", "dup"};

    /** One user object. */
    public static String user(Random r) {
        var props = new ArrayList<String>();
        for (String name : NAMES) {
            if (r.nextInt(10) < 6) {
                props.add(prop(r, name, read(r, name)));
            }
            if (r.nextInt(40) == 0) {
                // the same name again
                props.add(prop(r, name, read(r, name)));
            }
        }
        int skipped = r.nextInt(6);
        for (int i = 0; i < skipped; i++) {
            props.add(prop(r, SKIPPED[r.nextInt(SKIPPED.length)], any(r, 0)));
        }
        if (r.nextInt(3) > 0) {
            Collections.shuffle(props, r);
        }
        return ws(r) + "{" + ws(r) + String.join("," + ws(r), props) + ws(r) + "}" + ws(r);
    }

    private static String prop(Random r, String name, String value) {
        return "\"" + name + "\"" + ws(r) + ":" + ws(r) + value + ws(r);
    }

    private static String ws(Random r) {
        return switch (r.nextInt(12)) {
            case 0 -> " ";
            case 1 -> "\n";
            case 2 -> "\t";
            case 3 -> " \r\n ";
            default -> "";
        };
    }

    private static String text(Random r) {
        return "\"" + TEXTS[r.nextInt(TEXTS.length)] + "\"";
    }

    /** A value of a read property: mostly its own shape, now and then any other. */
    private static String read(Random r, String name) {
        if (r.nextInt(8) == 0) {
            return any(r, 1);
        }
        return switch (name) {
            case "user_id", "email", "connection", "provider" -> text(r);
            case "email_verified", "blocked" -> r.nextBoolean() ? String.valueOf(r.nextBoolean()) : r.nextBoolean() ? text(r) : "null";
            case "identities" -> {
                var ids = new ArrayList<String>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    ids.add(r.nextInt(12) == 0 ? any(r, 2) : identity(r));
                }
                yield "[" + ws(r) + String.join("," + ws(r), ids) + ws(r) + "]";
            }
            case "multifactor" -> {
                if (r.nextInt(4) == 0) {
                    yield "\"" + FACTORS[r.nextInt(FACTORS.length)] + (r.nextBoolean() ? ", " + FACTORS[r.nextInt(FACTORS.length)] : "") + "\"";
                }
                var fs = new ArrayList<String>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    fs.add(r.nextInt(10) == 0 ? any(r, 2) : "\"" + FACTORS[r.nextInt(FACTORS.length)] + "\"");
                }
                yield "[" + String.join(",", fs) + "]";
            }
            case "last_login" -> r.nextInt(10) == 0 ? "null" : "\"" + DATES[r.nextInt(DATES.length)] + "\"";
            case "logins_count" -> NUMBERS[r.nextInt(NUMBERS.length)];
            default -> {
                // the metadata objects
                var keys = new ArrayList<String>();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    keys.add(prop(r, KEYS[r.nextInt(KEYS.length)], any(r, 2)));
                }
                yield "{" + String.join(",", keys) + "}";
            }
        };
    }

    private static String identity(Random r) {
        var props = new ArrayList<String>();
        if (r.nextInt(10) < 8) {
            props.add(prop(r, "connection", r.nextInt(10) == 0 ? any(r, 3) : text(r)));
        }
        if (r.nextInt(10) < 8) {
            props.add(prop(r, "provider", r.nextInt(10) == 0 ? any(r, 3) : text(r)));
        }
        if (r.nextInt(10) < 7) {
            props.add(prop(r, "isSocial", r.nextInt(10) == 0 ? any(r, 3) : String.valueOf(r.nextBoolean())));
        }
        if (r.nextBoolean()) {
            props.add(prop(r, "user_id", r.nextBoolean() ? text(r) : NUMBERS[r.nextInt(NUMBERS.length)]));
        }
        if (r.nextInt(5) == 0) {
            props.add(prop(r, "profileData", any(r, 3)));
        }
        if (r.nextInt(20) == 0) {
            props.add(prop(r, r.nextBoolean() ? "provider" : "pro\\u0076ider", text(r)));
        }
        Collections.shuffle(props, r);
        return "{" + String.join(",", props) + "}";
    }

    /** Any JSON value, nested at most a few levels below {@code depth}. */
    static String any(Random r, int depth) {
        int pick = r.nextInt(depth >= 5 ? 6 : 9);
        return switch (pick) {
            case 0, 1 -> text(r);
            case 2 -> NUMBERS[r.nextInt(NUMBERS.length)];
            case 3 -> "true";
            case 4 -> "false";
            case 5 -> "null";
            case 6 -> {
                var items = new ArrayList<String>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    items.add(any(r, depth + 1));
                }
                yield "[" + ws(r) + String.join("," + ws(r), items) + ws(r) + "]";
            }
            default -> {
                var items = new ArrayList<String>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    items.add(prop(r, KEYS[r.nextInt(KEYS.length)], any(r, depth + 1)));
                }
                yield "{" + ws(r) + String.join("," + ws(r), items) + ws(r) + "}";
            }
        };
    }

    /** The bytes with one to three changes: a byte replaced, removed, or inserted from the pool. */
    public static byte[] mutate(Random r, byte[] valid, byte[] pool) {
        List<Byte> out = new ArrayList<>(valid.length + 3);
        for (byte b : valid) {
            out.add(b);
        }
        int changes = 1 + r.nextInt(3);
        for (int c = 0; c < changes && !out.isEmpty(); c++) {
            int at = r.nextInt(out.size());
            switch (r.nextInt(3)) {
                case 0 -> out.set(at, pool[r.nextInt(pool.length)]);
                case 1 -> out.remove(at);
                default -> out.add(at, pool[r.nextInt(pool.length)]);
            }
        }
        byte[] bytes = new byte[out.size()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = out.get(i);
        }
        return bytes;
    }
}
