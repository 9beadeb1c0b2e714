package io.ciamportal.audit;

import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes values as canonical JSON: object keys sorted by their UTF-16 code units, no white space, strings escaped
 * the same way every time, sets sorted. Two equal values always give the same text, so the text can be hashed.
 * Fields the caller declares sensitive are redacted on the way (see docs/verify-audit.md).
 */
public final class CanonicalJson {

    static final String REDACTED = "[redacted]";

    private CanonicalJson() {}

    /** Canonical text of a value, or null for null. */
    public static @Nullable String of(@Nullable Object value) {
        return of(value, Set.of());
    }

    /** Canonical text of a value with the values of the {@code sensitive} field names, at any depth, redacted. */
    public static @Nullable String of(@Nullable Object value, Set<String> sensitive) {
        if (value == null) {
            return null;
        }
        var out = new StringBuilder();
        write(out, value, sensitive);
        return out.toString();
    }

    static void write(StringBuilder out, @Nullable Object value) {
        write(out, value, Set.of());
    }

    private static void write(StringBuilder out, @Nullable Object value, Set<String> sensitive) {
        switch (value) {
            case null -> out.append("null");
            case RawJson raw -> out.append(raw);
            case String s -> string(out, s);
            case Boolean b -> out.append(b);
            case Integer i -> out.append(i);
            case Long l -> out.append(l);
            case Short s -> out.append(s);
            case BigDecimal d -> out.append(d.stripTrailingZeros().toPlainString());
            case Number n -> out.append(new BigDecimal(n.toString()).stripTrailingZeros().toPlainString());
            case Enum<?> e -> string(out, e.name());
            case TemporalAccessor t -> string(out, t.toString());
            case Map<?, ?> map -> object(out, map, sensitive);
            case Set<?> set -> array(out, sorted(set), sensitive);
            case Collection<?> list -> array(out, list, sensitive);
            case Object[] array -> array(out, List.of(array), sensitive);
            default -> string(out, value.toString());
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, Set<String> sensitive) {
        var sorted = new TreeMap<String, @Nullable Object>();
        map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
        out.append('{');
        boolean first = true;
        for (var entry : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, entry.getKey());
            out.append(':');
            write(out, sensitive.contains(entry.getKey()) && entry.getValue() != null ? REDACTED : entry.getValue(), sensitive);
        }
        out.append('}');
    }

    private static void array(StringBuilder out, Collection<?> values, Set<String> sensitive) {
        out.append('[');
        boolean first = true;
        for (Object v : values) {
            if (!first) {
                out.append(',');
            }
            first = false;
            write(out, v, sensitive);
        }
        out.append(']');
    }

    private static List<?> sorted(Set<?> set) {
        var texts = new ArrayList<String>();
        for (Object v : set) {
            texts.add(of(v));
        }
        texts.sort(null);
        return texts.stream().map(RawJson::new).toList();
    }

    static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Text that is already canonical JSON and is written as it is. */
    record RawJson(@Nullable String json) {
        @Override
        public String toString() {
            return json == null ? "null" : json;
        }
    }
}
