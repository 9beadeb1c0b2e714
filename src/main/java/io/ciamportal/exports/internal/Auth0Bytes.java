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
    /** the identities of the last identities array: provider, connection and isSocial of each, three slots apiece */
    private static final int MAX_IDENTITIES = 32;
    private final int[] iFrom = new int[3 * MAX_IDENTITIES];
    private final int[] iTo = new int[3 * MAX_IDENTITIES];
    private final byte[] iTypes = new byte[3 * MAX_IDENTITIES];
    private final byte[] iFlags = new byte[3 * MAX_IDENTITIES];
    private int identities;
    /** an element that is not an object, an escaped name, or more identities than noted: the tree reads it */
    private boolean identitiesOdd;
    /** the names of the last user_metadata (0) and app_metadata (1) objects */
    private static final int MAX_KEYS = 64;
    private final int[][] kFrom = new int[2][MAX_KEYS];
    private final int[][] kTo = new int[2][MAX_KEYS];
    private final boolean[][] kAscii = new boolean[2][MAX_KEYS];
    private final int[] keys = new int[2];
    private final boolean[] keysOdd = new boolean[2];
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
            if (json.surrogate) {
                return GIVE_UP;
            }
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
            byte type;
            // the identities and the metadata objects are noted on the way (no second walk); the rest only checked
            if (field == IDENTITIES && b[p] == '[') {
                p = identities(b, p, limit);
                type = JsonBytes.ARRAY;
            } else if ((field == USER_METADATA || field == APP_METADATA) && b[p] == '{') {
                p = keys(b, p, limit, field == USER_METADATA ? 0 : 1);
                type = JsonBytes.OBJECT;
            } else {
                p = json.value(b, p, limit, 1);
                type = json.type;
            }
            if (p < 0) {
                return GIVE_UP;
            }
            if (field >= 0) {
                from[field] = v;
                to[field] = p;
                types[field] = type;
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

    /**
     * An identities array at {@code b[p] == '['}, checked as {@link JsonBytes#array} checks it, with the provider,
     * connection and isSocial of each element noted (the last of a repeated name). Where it ends, or FAIL.
     */
    private int identities(byte[] b, int p, int limit) {
        identities = 0;
        identitiesOdd = false;
        if (2 > json.maxDepth()) {
            return JsonBytes.FAIL;
        }
        p = JsonBytes.ws(b, p + 1, limit);
        if (p >= limit) {
            return JsonBytes.FAIL;
        }
        if (b[p] == ']') {
            return p + 1;
        }
        while (true) {
            if (b[p] == '{') {
                p = identity(b, p, limit);
            } else {
                identitiesOdd = true;
                p = json.value(b, p, limit, 2);
            }
            if (p < 0) {
                return JsonBytes.FAIL;
            }
            p = JsonBytes.ws(b, p, limit);
            if (p >= limit) {
                return JsonBytes.FAIL;
            }
            if (b[p] == ']') {
                return p + 1;
            }
            if (b[p] != ',') {
                return JsonBytes.FAIL;
            }
            p = JsonBytes.ws(b, p + 1, limit);
            if (p >= limit) {
                return JsonBytes.FAIL;
            }
        }
    }

    /** One identity object at {@code b[p] == '{'} (nesting 3), checked as {@link JsonBytes#object} checks it, and noted. */
    private int identity(byte[] b, int p, int limit) {
        if (3 > json.maxDepth()) {
            return JsonBytes.FAIL;
        }
        int slot = identities < MAX_IDENTITIES ? 3 * identities : -1;
        if (slot < 0) {
            identitiesOdd = true;
        } else {
            iTypes[slot] = JsonBytes.NONE;
            iTypes[slot + 1] = JsonBytes.NONE;
            iTypes[slot + 2] = JsonBytes.NONE;
        }
        identities++;
        p = JsonBytes.ws(b, p + 1, limit);
        if (p >= limit) {
            return JsonBytes.FAIL;
        }
        if (b[p] == '}') {
            return p + 1;
        }
        while (true) {
            if (b[p] != '"') {
                return JsonBytes.FAIL;
            }
            int q = json.string(b, p, limit);
            if (q < 0 || q - p > JsonBytes.MAX_NAME || json.surrogate) {
                return JsonBytes.FAIL;
            }
            int field = -1;
            if (json.escaped) {
                identitiesOdd = true;
            } else {
                field = match(IDENTITY_NAMES, b, p + 1, q - 1);
            }
            p = JsonBytes.ws(b, q, limit);
            if (p >= limit || b[p] != ':') {
                return JsonBytes.FAIL;
            }
            p = JsonBytes.ws(b, p + 1, limit);
            if (p >= limit) {
                return JsonBytes.FAIL;
            }
            int v = p;
            p = json.value(b, p, limit, 3);
            if (p < 0) {
                return JsonBytes.FAIL;
            }
            if (field >= 0 && slot >= 0) {
                iFrom[slot + field] = v;
                iTo[slot + field] = p;
                iTypes[slot + field] = json.type;
                iFlags[slot + field] = (byte) ((json.escaped ? 1 : 0) | (json.ascii ? 2 : 0));
            }
            p = JsonBytes.ws(b, p, limit);
            if (p >= limit) {
                return JsonBytes.FAIL;
            }
            if (b[p] == '}') {
                return p + 1;
            }
            if (b[p] != ',') {
                return JsonBytes.FAIL;
            }
            p = JsonBytes.ws(b, p + 1, limit);
            if (p >= limit) {
                return JsonBytes.FAIL;
            }
        }
    }

    /** The identities noted: {@code Auth0Kinds.identity} for each, in order; false when the tree must read them. */
    private boolean identities(byte[] b, UserRecord r) {
        if (identitiesOdd) {
            return false;
        }
        for (int k = 0; k < identities; k++) {
            int slot = 3 * k;
            String provider = identityText(b, slot + I_PROVIDER);
            String connection = identityText(b, slot + I_CONNECTION);
            Boolean social;
            int s = slot + I_SOCIAL;
            switch (iTypes[s]) {
                case JsonBytes.NONE, JsonBytes.NULL, JsonBytes.OBJECT, JsonBytes.ARRAY -> social = null;
                case JsonBytes.TRUE -> social = Boolean.TRUE;
                case JsonBytes.FALSE -> social = Boolean.FALSE;
                case JsonBytes.STRING -> social = Values.bool(JsonBytes.text(b, iFrom[s] + 1, iTo[s] - 1, (iFlags[s] & 1) != 0, (iFlags[s] & 2) != 0));
                default -> {
                    return false;
                }
            }
            if (provider == TREE_TEXT || connection == TREE_TEXT) {
                return false;
            }
            Auth0Kinds.identity(r, provider, connection, social);
        }
        return true;
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
     * A metadata object at {@code b[p] == '{'} (nesting 2), checked as {@link JsonBytes#object} checks it, with its
     * names noted. Where it ends, or FAIL.
     */
    private int keys(byte[] b, int p, int limit, int which) {
        keys[which] = 0;
        keysOdd[which] = false;
        if (2 > json.maxDepth()) {
            return JsonBytes.FAIL;
        }
        p = JsonBytes.ws(b, p + 1, limit);
        if (p >= limit) {
            return JsonBytes.FAIL;
        }
        if (b[p] == '}') {
            return p + 1;
        }
        while (true) {
            if (b[p] != '"') {
                return JsonBytes.FAIL;
            }
            int q = json.string(b, p, limit);
            if (q < 0 || q - p > JsonBytes.MAX_NAME || json.surrogate) {
                return JsonBytes.FAIL;
            }
            int n = keys[which];
            if (json.escaped || n == MAX_KEYS) {
                keysOdd[which] = true;
            } else {
                kFrom[which][n] = p + 1;
                kTo[which][n] = q - 1;
                kAscii[which][n] = json.ascii;
                keys[which] = n + 1;
            }
            p = JsonBytes.ws(b, q, limit);
            if (p >= limit || b[p] != ':') {
                return JsonBytes.FAIL;
            }
            p = JsonBytes.ws(b, p + 1, limit);
            if (p >= limit) {
                return JsonBytes.FAIL;
            }
            p = json.value(b, p, limit, 2);
            if (p < 0) {
                return JsonBytes.FAIL;
            }
            p = JsonBytes.ws(b, p, limit);
            if (p >= limit) {
                return JsonBytes.FAIL;
            }
            if (b[p] == '}') {
                return p + 1;
            }
            if (b[p] != ',') {
                return JsonBytes.FAIL;
            }
            p = JsonBytes.ws(b, p + 1, limit);
            if (p >= limit) {
                return JsonBytes.FAIL;
            }
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
        if (keysOdd[which]) {
            return false;
        }
        r.attributesObserved = true;
        int names = 0;
        for (int k = 0; k < keys[which]; k++) {
            String key = key(b, kFrom[which][k], kTo[which][k], kAscii[which][k], prefix, which);
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
        }
        Arrays.fill(seen, 0, names, null);
        return true;
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
