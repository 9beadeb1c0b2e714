package io.ciamportal.exports.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Auth0's export-job user object read straight from its bytes ({@link JsonLines}): the record
 * {@link Auth0Kinds.ExportJson#user} fills from the tree, without the parser's names and tokens and without a tree.
 * The object is checked whole first ({@link JsonBytes}: what fails there goes to the parser with its batch); the
 * properties the kind reads are noted on the way (the last of a repeated name wins, as in the tree), the others only
 * checked. Then the record is filled in the order and with the helpers {@code user} uses. A value of a shape the tree
 * reading turns in ways not copied here (a number where text is read, a string holding JSON, an escaped name)
 * answers {@link #TREE}: that one object is then read through the tree. {@code Auth0BytesTest} compares the two.
 */
final class Auth0Bytes extends JsonBytes.Reader {

    private static final int USER_ID = 0;
    private static final int EMAIL = 1;
    private static final int EMAIL_VERIFIED = 2;
    private static final int IDENTITIES = 3;
    private static final int CONNECTION = 4;
    private static final int PROVIDER = 5;
    private static final int MULTIFACTOR = 6;
    private static final int LAST_LOGIN = 7;
    private static final int LOGINS_COUNT = 8;
    private static final int BLOCKED = 9;
    private static final int USER_METADATA = 10;
    private static final int APP_METADATA = 11;
    private static final int FIELDS = 12;

    /** Of an identity. */
    private static final int I_PROVIDER = 0;
    private static final int I_CONNECTION = 1;
    private static final int I_SOCIAL = 2;

    /** The names, by index; the same set as {@link Auth0Kinds.ExportJson#FIELDS}. */
    static final String[] NAMES = {"user_id", "email", "email_verified", "identities", "connection", "provider", "multifactor",
        "last_login", "logins_count", "blocked", "user_metadata", "app_metadata"};
    private static final byte[][] NAME_BYTES = bytes(NAMES);
    private static final byte[][] IDENTITY_NAMES = bytes(new String[] {"provider", "connection", "isSocial"});

    /** Marks a text the tree must read (compared by reference). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String TREE_TEXT = new String("tree");
    private static final int NULL_BOOL = -1;
    private static final int TREE_BOOL = 2;

    private final JsonBytes json;
    /** where each read property's value starts and ends, its type and its string flags (escaped 1, ASCII 2) */
    private final int[] from = new int[FIELDS];
    private final int[] to = new int[FIELDS];
    private final byte[] types = new byte[FIELDS];
    private final byte[] flags = new byte[FIELDS];
    private final int[] iFrom = new int[3];
    private final int[] iTo = new int[3];
    private final byte[] iTypes = new byte[3];
    private final byte[] iFlags = new byte[3];
    /** texts that recur (connections, providers, factors): the last few decoded, by their bytes */
    private final byte[][] cachedBytes = new byte[256][];
    private final String[] cachedText = new String[256];
    /** attribute keys with their prefix, by the name's bytes */
    private final byte[][] keyBytes = new byte[256][];
    private final String[] keyText = new String[256];
    private final int[] keyPrefix = new int[256];
    /** the names of one metadata object so far (a repeated one counts once, as in the tree) */
    private String[] seen = new String[16];

    Auth0Bytes(int maxNestingDepth) {
        this.json = new JsonBytes(maxNestingDepth);
    }

    private static byte[][] bytes(String[] names) {
        var out = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = names[i].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    @Override
    int read(byte[] b, int start, int limit, UserRecord r) {
        Arrays.fill(types, JsonBytes.NONE);
        properties = 0;
        boolean tree = false;
        int p = JsonBytes.ws(b, start + 1, limit);
        if (p >= limit) {
            return GIVE_UP;
        }
        if (b[p] == '}') {
            end = p + 1;
            return EMPTY;
        }
        while (true) {
            if (b[p] != '"') {
                return GIVE_UP;
            }
            int q = json.string(b, p, limit);
            if (q < 0 || q - p > JsonBytes.MAX_NAME) {
                return GIVE_UP;
            }
            properties++;
            int field = -1;
            if (json.escaped) {
                // an escaped name may spell a read one: the tree decides
                tree = true;
            } else {
                field = match(NAME_BYTES, b, p + 1, q - 1);
            }
            p = JsonBytes.ws(b, q, limit);
            if (p >= limit || b[p] != ':') {
                return GIVE_UP;
            }
            p = JsonBytes.ws(b, p + 1, limit);
            if (p >= limit) {
                return GIVE_UP;
            }
            int v = p;
            p = json.value(b, p, limit, 1);
            if (p < 0) {
                return GIVE_UP;
            }
            if (field >= 0) {
                from[field] = v;
                to[field] = p;
                types[field] = json.type;
                flags[field] = (byte) ((json.escaped ? 1 : 0) | (json.ascii ? 2 : 0));
            }
            p = JsonBytes.ws(b, p, limit);
            if (p >= limit) {
                return GIVE_UP;
            }
            if (b[p] == '}') {
                end = p + 1;
                break;
            }
            if (b[p] != ',') {
                return GIVE_UP;
            }
            p = JsonBytes.ws(b, p + 1, limit);
            if (p >= limit) {
                return GIVE_UP;
            }
        }
        if (tree || !fill(b, r)) {
            r.reset();
            return TREE;
        }
        return FILLED;
    }

    /** The index of the name {@code b[from, to)} in {@code names}, or -1. */
    private static int match(byte[][] names, byte[] b, int from, int to) {
        int n = to - from;
        for (int i = 0; i < names.length; i++) {
            byte[] name = names[i];
            if (name.length == n && name[0] == b[from] && Arrays.equals(name, 0, n, b, from, to)) {
                return i;
            }
        }
        return -1;
    }

    /** {@link Auth0Kinds.ExportJson#user}, from the bytes noted; false when the tree must read this object. */
    private boolean fill(byte[] b, UserRecord r) {
        String id = text(b, USER_ID, false);
        String email = text(b, EMAIL, false);
        int verified = bool(b, EMAIL_VERIFIED);
        if (id == TREE_TEXT || email == TREE_TEXT || verified == TREE_BOOL) {
            return false;
        }
        r.id = id;
        r.email = email;
        r.emailVerified = verified == NULL_BOOL ? null : verified == 1;
        if (types[IDENTITIES] == JsonBytes.ARRAY) {
            if (!identities(b, r)) {
                return false;
            }
        } else if (types[CONNECTION] != JsonBytes.NONE || types[PROVIDER] != JsonBytes.NONE) {
            String provider = text(b, PROVIDER, true);
            String connection = text(b, CONNECTION, true);
            if (provider == TREE_TEXT || connection == TREE_TEXT) {
                return false;
            }
            Auth0Kinds.identity(r, provider, connection, null);
        } else if (r.id != null && r.id.contains("|")) {
            Auth0Kinds.identity(r, r.id.substring(0, r.id.indexOf('|')), null, null);
        }
        if (r.providersObserved) {
            Auth0Kinds.settle(r);
        }
        if (!multifactor(b, r)) {
            return false;
        }
        if (types[LAST_LOGIN] != JsonBytes.NONE || types[LOGINS_COUNT] != JsonBytes.NONE) {
            Long last;
            switch (types[LAST_LOGIN]) {
                case JsonBytes.NONE, JsonBytes.NULL, JsonBytes.ARRAY -> last = null;
                case JsonBytes.STRING -> last = Values.time(b, from[LAST_LOGIN] + 1, to[LAST_LOGIN] - 1, (flags[LAST_LOGIN] & 1) != 0,
                        (flags[LAST_LOGIN] & 2) != 0);
                default -> {
                    return false;
                }
            }
            r.lastSignIn(last);
        }
        if (types[BLOCKED] != JsonBytes.NONE) {
            int blocked = bool(b, BLOCKED);
            if (blocked == TREE_BOOL) {
                return false;
            }
            r.blocked = blocked == 1;
        }
        return keys(b, USER_METADATA, "user_metadata.", 0, r) && keys(b, APP_METADATA, "app_metadata.", 1, r);
    }

    /** {@code Values.text} of a read property: null when absent, null, a container or blank; TREE_TEXT for a number or a boolean. */
    private @Nullable String text(byte[] b, int field, boolean recurs) {
        return switch (types[field]) {
            case JsonBytes.NONE, JsonBytes.NULL, JsonBytes.OBJECT, JsonBytes.ARRAY -> null;
            case JsonBytes.STRING -> text(b, from[field] + 1, to[field] - 1, flags[field], recurs);
            default -> TREE_TEXT;
        };
    }

    private @Nullable String text(byte[] b, int from, int to, byte flags, boolean recurs) {
        String s = recurs && flags == 2 ? cached(b, from, to) : JsonBytes.text(b, from, to, (flags & 1) != 0, (flags & 2) != 0);
        return s.isBlank() ? null : s;
    }

    /** A plain ASCII text seen before, as the same String (its hash is then worked out once, on the counting thread too). */
    private String cached(byte[] b, int from, int to) {
        int slot = hash(b, from, to) & (cachedBytes.length - 1);
        byte[] known = cachedBytes[slot];
        if (known != null && Arrays.equals(known, 0, known.length, b, from, to)) {
            return cachedText[slot];
        }
        String s = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        if (to - from <= 256) {
            cachedBytes[slot] = Arrays.copyOfRange(b, from, to);
            cachedText[slot] = s;
        }
        return s;
    }

    private static int hash(byte[] b, int from, int to) {
        int h = to - from;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return (h * 0x9E3779B9) >>> 24;
    }

    /** {@code Values.bool} of a read property: -1 for null, 0, 1, or TREE_BOOL for a number. */
    private int bool(byte[] b, int field) {
        return switch (types[field]) {
            case JsonBytes.NONE, JsonBytes.NULL, JsonBytes.OBJECT, JsonBytes.ARRAY -> NULL_BOOL;
            case JsonBytes.TRUE -> 1;
            case JsonBytes.FALSE -> 0;
            case JsonBytes.STRING -> {
                Boolean v = Values.bool(JsonBytes.text(b, from[field] + 1, to[field] - 1, (flags[field] & 1) != 0, (flags[field] & 2) != 0));
                yield v == null ? NULL_BOOL : v ? 1 : 0;
            }
            default -> TREE_BOOL;
        };
    }

    /** The identities array: each element an object whose provider, connection and isSocial are read. */
    private boolean identities(byte[] b, UserRecord r) {
        int limit = to[IDENTITIES];
        int p = JsonBytes.ws(b, from[IDENTITIES] + 1, limit);
        if (b[p] == ']') {
            return true;
        }
        while (true) {
            if (b[p] != '{') {
                // not an object: the tree reads it
                return false;
            }
            Arrays.fill(iTypes, JsonBytes.NONE);
            p = JsonBytes.ws(b, p + 1, limit);
            if (b[p] != '}') {
                while (true) {
                    int q = json.string(b, p, limit);
                    if (q < 0 || json.escaped) {
                        return false;
                    }
                    int field = match(IDENTITY_NAMES, b, p + 1, q - 1);
                    p = JsonBytes.ws(b, JsonBytes.ws(b, q, limit) + 1, limit);
                    int v = p;
                    p = json.value(b, p, limit, 3);
                    if (p < 0) {
                        return false;
                    }
                    if (field >= 0) {
                        iFrom[field] = v;
                        iTo[field] = p;
                        iTypes[field] = json.type;
                        iFlags[field] = (byte) ((json.escaped ? 1 : 0) | (json.ascii ? 2 : 0));
                    }
                    p = JsonBytes.ws(b, p, limit);
                    if (b[p] == '}') {
                        break;
                    }
                    p = JsonBytes.ws(b, p + 1, limit);
                }
            }
            p++;
            String provider = identityText(b, I_PROVIDER);
            String connection = identityText(b, I_CONNECTION);
            Boolean social;
            switch (iTypes[I_SOCIAL]) {
                case JsonBytes.NONE, JsonBytes.NULL, JsonBytes.OBJECT, JsonBytes.ARRAY -> social = null;
                case JsonBytes.TRUE -> social = Boolean.TRUE;
                case JsonBytes.FALSE -> social = Boolean.FALSE;
                case JsonBytes.STRING -> social = Values.bool(JsonBytes.text(b, iFrom[I_SOCIAL] + 1, iTo[I_SOCIAL] - 1, (iFlags[I_SOCIAL] & 1) != 0,
                        (iFlags[I_SOCIAL] & 2) != 0));
                default -> {
                    return false;
                }
            }
            if (provider == TREE_TEXT || connection == TREE_TEXT) {
                return false;
            }
            Auth0Kinds.identity(r, provider, connection, social);
            p = JsonBytes.ws(b, p, limit);
            if (b[p] == ']') {
                return true;
            }
            p = JsonBytes.ws(b, p + 1, limit);
        }
    }

    private @Nullable String identityText(byte[] b, int field) {
        return switch (iTypes[field]) {
            case JsonBytes.NONE, JsonBytes.NULL, JsonBytes.OBJECT, JsonBytes.ARRAY -> null;
            case JsonBytes.STRING -> text(b, iFrom[field] + 1, iTo[field] - 1, iFlags[field], true);
            default -> TREE_TEXT;
        };
    }

    /** {@code Auth0Kinds.multifactor}: present (even null) means observed; an array of names or one string of them. */
    private boolean multifactor(byte[] b, UserRecord r) {
        byte type = types[MULTIFACTOR];
        if (type == JsonBytes.NONE) {
            return true;
        }
        r.mfaObserved = true;
        if (type == JsonBytes.STRING) {
            r.mfaFactors |= Auth0Kinds.factors(JsonBytes.text(b, from[MULTIFACTOR] + 1, to[MULTIFACTOR] - 1, (flags[MULTIFACTOR] & 1) != 0,
                    (flags[MULTIFACTOR] & 2) != 0));
            return true;
        }
        if (type != JsonBytes.ARRAY) {
            return true;
        }
        int limit = to[MULTIFACTOR];
        int p = JsonBytes.ws(b, from[MULTIFACTOR] + 1, limit);
        if (b[p] == ']') {
            return true;
        }
        while (true) {
            int v = p;
            p = json.value(b, p, limit, 2);
            if (p < 0) {
                return false;
            }
            switch (json.type) {
                case JsonBytes.STRING -> {
                    String name = text(b, v + 1, p - 1, (byte) ((json.escaped ? 1 : 0) | (json.ascii ? 2 : 0)), true);
                    if (name != null) {
                        r.mfaFactors |= Auth0Kinds.factor(name);
                    }
                }
                case JsonBytes.NULL, JsonBytes.OBJECT, JsonBytes.ARRAY -> { }
                default -> {
                    return false;
                }
            }
            p = JsonBytes.ws(b, p, limit);
            if (b[p] == ']') {
                return true;
            }
            p = JsonBytes.ws(b, p + 1, limit);
        }
    }

    /**
     * {@code Values.keys}: an object's names (once each, in order) as attribute keys with the prefix; null or absent
     * adds nothing; another scalar or an array is observed without keys; a string (it may hold JSON) goes to the tree.
     */
    private boolean keys(byte[] b, int field, String prefix, int which, UserRecord r) {
        switch (types[field]) {
            case JsonBytes.NONE, JsonBytes.NULL -> {
                return true;
            }
            case JsonBytes.STRING -> {
                return false;
            }
            case JsonBytes.OBJECT -> { }
            default -> {
                r.attributesObserved = true;
                return true;
            }
        }
        r.attributesObserved = true;
        int limit = to[field];
        int p = JsonBytes.ws(b, from[field] + 1, limit);
        if (b[p] == '}') {
            return true;
        }
        int names = 0;
        while (true) {
            int q = json.string(b, p, limit);
            if (q < 0 || json.escaped) {
                return false;
            }
            String key = key(b, p + 1, q - 1, json.ascii, prefix, which);
            boolean repeated = false;
            for (int i = 0; i < names && !repeated; i++) {
                repeated = seen[i].equals(key);
            }
            if (!repeated) {
                if (names == seen.length) {
                    seen = Arrays.copyOf(seen, names * 2);
                }
                seen[names++] = key;
                r.attributeKey(key);
            }
            p = JsonBytes.ws(b, JsonBytes.ws(b, q, limit) + 1, limit);
            p = json.value(b, p, limit, 2);
            if (p < 0) {
                return false;
            }
            p = JsonBytes.ws(b, p, limit);
            if (b[p] == '}') {
                Arrays.fill(seen, 0, names, null);
                return true;
            }
            p = JsonBytes.ws(b, p + 1, limit);
        }
    }

    /** The prefix and the name {@code b[from, to)}, as the same String each time the same name recurs. */
    private String key(byte[] b, int from, int to, boolean ascii, String prefix, int which) {
        int slot = (hash(b, from, to) + 101 * which) & (keyBytes.length - 1);
        byte[] known = keyBytes[slot];
        if (known != null && keyPrefix[slot] == which && Arrays.equals(known, 0, known.length, b, from, to)) {
            return keyText[slot];
        }
        String key = prefix + JsonBytes.text(b, from, to, false, ascii);
        if (to - from <= 256) {
            keyBytes[slot] = Arrays.copyOfRange(b, from, to);
            keyText[slot] = key;
            keyPrefix[slot] = which;
        }
        return key;
    }
}
