package io.ciamportal.migration.claims;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Compares the old platform's token with the new one's claim by claim (rules in docs/dual-run.md). Nested objects are
 * compared path by path ({@code address.country}); arrays are compared as sets of values. The details name JSON types,
 * value formats, counts, algorithm names and lifetimes, never a value.
 */
public final class ClaimDiffer {

    /** Claims past this many paths per token are refused rather than compared. */
    public static final int MAX_CLAIMS = 500;
    /** A claim name is cut at this length in what is shown and stored. */
    public static final int MAX_NAME = 200;

    /** Claims that differ per token or per platform by design; only their type, format and presence are judged. */
    public static final Set<String> EXPECTED_TO_DIFFER = Set.of("jti", "iat", "nbf", "auth_time", "nonce", "at_hash", "c_hash", "s_hash",
            "sid", "session_state", "azp", "client_id", "uti", "rh", "origin_jti", "event_id", "aio", "xms_st");
    private static final Set<String> TIMES = Set.of("iat", "nbf", "auth_time");

    private static final Comparator<ClaimDiff.Claim> ORDER = Comparator.comparing(ClaimDiff.Claim::verdict)
            .thenComparing(ClaimDiff.Claim::name);

    private ClaimDiffer() {}

    public static ClaimDiff compare(DecodedToken oldToken, DecodedToken newToken) {
        var before = Flat.of(oldToken.payload(), "old");
        var after = Flat.of(newToken.payload(), "new");
        var out = new ArrayList<ClaimDiff.Claim>();
        var oldOnly = new ArrayList<String>();
        var newOnly = new ArrayList<String>(after.leaves.keySet().stream().filter(p -> !before.leaves.containsKey(p)).toList());

        for (var e : before.leaves.entrySet()) {
            String path = e.getKey();
            JsonNode now = after.leaves.get(path);
            if (now != null) {
                out.add(both(path, e.getValue(), now, oldToken.payload(), newToken.payload()));
            } else if (after.objects.contains(path)) {
                // a value became an object: one row for the path, not one per leaf under it
                out.add(claim(path, ClaimVerdict.TYPE_CHANGED, null, type(e.getValue()) + " -> object"));
                newOnly.removeIf(p -> p.startsWith(path + "."));
            } else {
                oldOnly.add(path);
            }
        }
        for (String objectPath : before.objects) {
            JsonNode now = after.leaves.get(objectPath);
            if (now != null) {
                out.add(claim(objectPath, ClaimVerdict.TYPE_CHANGED, null, "object -> " + type(now)));
                newOnly.remove(objectPath);
                oldOnly.removeIf(p -> p.startsWith(objectPath + "."));
            }
        }
        renames(oldOnly, newOnly, before.leaves, after.leaves, out);
        oldOnly.forEach(p -> out.add(claim(p, ClaimVerdict.MISSING, null, type(before.leaves.get(p)) + " not in the new token")));
        newOnly.forEach(p -> out.add(claim(p, ClaimVerdict.ADDED, null, type(after.leaves.get(p)) + " only in the new token")));
        header(oldToken, newToken, out);

        out.sort(ORDER);
        boolean subChanged = out.stream().anyMatch(c -> c.name().equals("sub") && c.verdict() != ClaimVerdict.SAME);
        return new ClaimDiff(out, oldToken.kind(), newToken.kind(), subChanged);
    }

    /** A claim both tokens hold under the same path. */
    private static ClaimDiff.Claim both(String path, JsonNode was, JsonNode now, ObjectNode oldPayload, ObjectNode newPayload) {
        if (path.equals("aud")) {
            return audience(was, now);
        }
        if (!type(was).equals(type(now))) {
            return claim(path, ClaimVerdict.TYPE_CHANGED, null, described(was) + " -> " + described(now));
        }
        if (canonical(was, true).equals(canonical(now, true))) {
            boolean sameOrder = canonical(was, false).equals(canonical(now, false));
            return claim(path, ClaimVerdict.SAME, null, sameOrder ? "" : "same values, in another order");
        }
        ValueFormat from = ValueFormat.of(was);
        ValueFormat to = ValueFormat.of(now);
        if (path.equals("iss")) {
            return claim(path, ClaimVerdict.ISSUER_CHANGED, null, "another issuer: apps and APIs must trust it and its signing keys (JWKS)");
        }
        if (path.equals("exp")) {
            return expiry(was, now, oldPayload, newPayload);
        }
        boolean expected = EXPECTED_TO_DIFFER.contains(path);
        if (from != to && (!expected || TIMES.contains(path))) {
            return claim(path, ClaimVerdict.FORMAT_CHANGED, null, from.label() + " -> " + to.label());
        }
        if (expected) {
            return claim(path, ClaimVerdict.EXPECTED, null, "differs per token or platform");
        }
        if (was.isArray()) {
            String types = elementTypes(was);
            String newTypes = elementTypes(now);
            if (!types.equals(newTypes)) {
                return claim(path, ClaimVerdict.TYPE_CHANGED, null, "array of " + types + " -> array of " + newTypes);
            }
            int common = common(was, now);
            return claim(path, ClaimVerdict.VALUE_DIFFERS, null, count(was.size(), "value") + " -> " + count(now.size(), "value") + ", "
                    + common + " in common");
        }
        return claim(path, ClaimVerdict.VALUE_DIFFERS, null, (from == ValueFormat.NONE ? type(was) : from.label()) + " differs");
    }

    /** {@code aud}: a string or an array of strings, compared as a set. */
    private static ClaimDiff.Claim audience(JsonNode was, JsonNode now) {
        var a = audiences(was);
        var b = audiences(now);
        if (a == null || b == null) {
            return claim("aud", ClaimVerdict.TYPE_CHANGED, null, described(was) + " -> " + described(now));
        }
        if (a.equals(b)) {
            return type(was).equals(type(now)) ? claim("aud", ClaimVerdict.SAME, null, "")
                    : claim("aud", ClaimVerdict.TYPE_CHANGED, null, type(was) + " -> " + type(now) + " (same audience)");
        }
        var common = new HashSet<>(a);
        common.retainAll(b);
        String what = a.size() == 1 && b.size() == 1 ? "another audience"
                : count(a.size(), "audience") + " -> " + count(b.size(), "audience") + ", " + common.size() + " in common";
        return claim("aud", ClaimVerdict.AUDIENCE_CHANGED, null, what + ": APIs that check aud must accept the new one");
    }

    private static @Nullable Set<String> audiences(JsonNode aud) {
        if (aud.isString()) {
            return Set.of(aud.stringValue());
        }
        if (!aud.isArray()) {
            return null;
        }
        var out = new HashSet<String>();
        for (JsonNode n : aud.values()) {
            if (!n.isString()) {
                return null;
            }
            out.add(n.stringValue());
        }
        return out;
    }

    /** {@code exp} differs in every token; what matters is the lifetime {@code exp − iat}. */
    private static ClaimDiff.Claim expiry(JsonNode was, JsonNode now, ObjectNode oldPayload, ObjectNode newPayload) {
        ValueFormat from = ValueFormat.of(was);
        ValueFormat to = ValueFormat.of(now);
        if (from != to) {
            return claim("exp", ClaimVerdict.FORMAT_CHANGED, null, from.label() + " -> " + to.label());
        }
        Long before = lifetime(was, oldPayload.get("iat"));
        Long after = lifetime(now, newPayload.get("iat"));
        if (before == null || after == null) {
            return claim("exp", ClaimVerdict.EXPECTED, null, "differs per token; lifetime not known (no iat in both tokens)");
        }
        if (!before.equals(after)) {
            return claim("exp", ClaimVerdict.LIFETIME_CHANGED, null, "lifetime " + duration(before) + " -> " + duration(after));
        }
        return claim("exp", ClaimVerdict.EXPECTED, null, "differs per token; same lifetime (" + duration(before) + ")");
    }

    private static @Nullable Long lifetime(JsonNode exp, @Nullable JsonNode iat) {
        if (iat == null || !exp.isIntegralNumber() || !iat.isIntegralNumber() || !exp.canConvertToLong() || !iat.canConvertToLong()) {
            return null;
        }
        return exp.longValue() - iat.longValue();
    }

    static String duration(long seconds) {
        long abs = Math.abs(seconds);
        String text;
        if (abs != 0 && abs % 86_400 == 0) {
            text = abs / 86_400 + " d";
        } else if (abs != 0 && abs % 3_600 == 0) {
            text = abs / 3_600 + " h";
        } else if (abs != 0 && abs % 60 == 0) {
            text = abs / 60 + " min";
        } else {
            text = String.format(Locale.ENGLISH, "%,d s", abs);
        }
        return seconds < 0 ? "-" + text : text;
    }

    /**
     * Pairs a claim only the old token holds with one only the new token holds: the same value under a name with the
     * same last word ({@code https://example.com/roles} → {@code roles}), or a distinctive value (not a boolean, a short
     * string or a small number) under any name, or the same last word and type with another value.
     */
    private static void renames(List<String> oldOnly, List<String> newOnly, Map<String, JsonNode> before, Map<String, JsonNode> after,
            List<ClaimDiff.Claim> out) {
        record Pair(String from, String to, int score) {}
        var pairs = new ArrayList<Pair>();
        for (String o : oldOnly) {
            for (String n : newOnly) {
                JsonNode a = before.get(o);
                JsonNode b = after.get(n);
                boolean sameValue = canonical(a, true).equals(canonical(b, true));
                boolean sameWord = leaf(o).equals(leaf(n));
                int score = sameValue && sameWord ? 3 : sameValue && distinctive(a) ? 2 : sameWord && type(a).equals(type(b)) ? 1 : 0;
                if (score > 0) {
                    pairs.add(new Pair(o, n, score));
                }
            }
        }
        pairs.sort(Comparator.comparingInt(Pair::score).reversed());
        var used = new HashSet<String>();
        for (var p : pairs) {
            if (used.contains("o:" + p.from()) || used.contains("n:" + p.to())) {
                continue;
            }
            used.add("o:" + p.from());
            used.add("n:" + p.to());
            JsonNode a = before.get(p.from());
            JsonNode b = after.get(p.to());
            String detail = p.score() >= 2 ? "same value" : "and the value differs";
            ValueFormat from = ValueFormat.of(a);
            ValueFormat to = ValueFormat.of(b);
            if (p.score() == 1 && from != to) {
                detail = "and the format changed: " + from.label() + " -> " + to.label();
            }
            out.add(claim(p.from(), ClaimVerdict.RENAMED, cut(p.to()), detail));
            oldOnly.remove(p.from());
            newOnly.remove(p.to());
        }
    }

    /** The last word of a claim path, without a namespace URL or URN, case and separators ignored. */
    static String leaf(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        if (path.contains("/") || path.contains(":")) {
            String tail = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf(':')) + 1);
            last = tail.substring(tail.lastIndexOf('.') + 1);
        }
        return last.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    private static boolean distinctive(JsonNode v) {
        if (v.isString()) {
            String s = v.stringValue();
            return s.length() >= 6 && ValueFormat.ofText(s) != ValueFormat.BOOLEAN_TEXT;
        }
        if (v.isNumber()) {
            return v.decimalValue().abs().compareTo(BigDecimal.valueOf(100_000)) >= 0;
        }
        if (v.isArray() || v.isObject()) {
            return !v.isEmpty() && canonical(v, true).length() >= 8;
        }
        return false;
    }

    private static void header(DecodedToken oldToken, DecodedToken newToken, List<ClaimDiff.Claim> out) {
        String a = oldToken.algorithm();
        String b = newToken.algorithm();
        if (a == null || b == null) {
            return;
        }
        // the names come from the allow-list, so they may be shown
        out.add(a.equals(b) ? claim("alg (header)", ClaimVerdict.SAME, null, a)
                : claim("alg (header)", ClaimVerdict.ALGORITHM_CHANGED, null, a + " -> " + b + ": token-validating libraries must allow it"));
    }

    // ---- values, described without showing them ------------------------------------------------------------------

    static String type(JsonNode v) {
        return switch (v.getNodeType()) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case ARRAY -> "array";
            case OBJECT -> "object";
            case NULL -> "null";
            default -> "value";
        };
    }

    /** The type, and for a string or number a format that says more than "opaque": "string (auth0-id)". */
    private static String described(JsonNode v) {
        ValueFormat f = ValueFormat.of(v);
        return f == ValueFormat.NONE || f == ValueFormat.OPAQUE ? type(v) : type(v) + " (" + f.label() + ")";
    }

    private static String elementTypes(JsonNode array) {
        var types = new TreeSet<String>();
        array.values().forEach(v -> types.add(type(v)));
        return types.isEmpty() ? "nothing" : String.join("/", types);
    }

    private static int common(JsonNode a, JsonNode b) {
        var left = new HashMap<String, Integer>();
        a.values().forEach(v -> left.merge(canonical(v, true), 1, Integer::sum));
        int common = 0;
        for (JsonNode v : b.values()) {
            String key = canonical(v, true);
            Integer n = left.get(key);
            if (n != null && n > 0) {
                common++;
                left.put(key, n - 1);
            }
        }
        return common;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** A value as comparable text: object keys sorted, numbers by their value, arrays sorted when order does not count. */
    static String canonical(JsonNode v, boolean sortArrays) {
        var out = new StringBuilder();
        canonical(v, sortArrays, out);
        return out.toString();
    }

    private static void canonical(JsonNode v, boolean sortArrays, StringBuilder out) {
        if (v.isObject()) {
            out.append('{');
            new TreeSet<>(v.propertyNames()).forEach(k -> {
                out.append(quoted(k)).append(':');
                canonical(v.get(k), sortArrays, out);
                out.append(',');
            });
            out.append('}');
        } else if (v.isArray()) {
            var items = new ArrayList<String>();
            v.values().forEach(item -> items.add(canonical(item, sortArrays)));
            if (sortArrays) {
                items.sort(null);
            }
            out.append('[').append(String.join(",", items)).append(']');
        } else if (v.isNumber()) {
            out.append(v.decimalValue().stripTrailingZeros().toPlainString());
        } else if (v.isString()) {
            out.append(quoted(v.stringValue()));
        } else {
            out.append(v.toString());
        }
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static ClaimDiff.Claim claim(String path, ClaimVerdict verdict, @Nullable String newName, String detail) {
        return new ClaimDiff.Claim(cut(path), verdict, newName, detail);
    }

    /** A name as it may be shown: no control characters, at most {@value #MAX_NAME} characters. */
    static String cut(String name) {
        String clean = name.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() <= MAX_NAME ? clean : clean.substring(0, MAX_NAME - 1) + "…";
    }

    /** A token's claims as paths: nested objects are walked, everything else is a leaf. */
    private record Flat(LinkedHashMap<String, JsonNode> leaves, Set<String> objects) {

        static Flat of(ObjectNode payload, String side) {
            var flat = new Flat(new LinkedHashMap<>(), new HashSet<>());
            flat.walk("", payload, side);
            return flat;
        }

        private void walk(String prefix, JsonNode object, String side) {
            for (var e : object.properties()) {
                String path = prefix + e.getKey();
                JsonNode v = e.getValue();
                if (v.isObject() && !v.isEmpty()) {
                    objects.add(path);
                    walk(path + ".", v, side);
                } else {
                    leaves.put(path, v);
                    if (leaves.size() > MAX_CLAIMS) {
                        throw new TokenFormatException("The " + side + " token holds more than " + MAX_CLAIMS + " claims; it was not compared.");
                    }
                }
            }
        }
    }
}
