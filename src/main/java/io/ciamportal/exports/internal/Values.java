package io.ciamportal.exports.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reading the loosely typed values exports hold: booleans as text, dates as ISO text or epoch numbers. */
public final class Values {

    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSSSS][.SSSS][.SSS][.SS][.S][XXX][X]");

    private Values() {}

    public static @Nullable String text(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainer()) {
            return null;
        }
        String s = node.asString();
        return s.isBlank() ? null : s;
    }

    /** The text at a path of field names, or null. */
    public static @Nullable String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = n.path(p);
        }
        return text(n);
    }

    public static @Nullable Boolean bool(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainer()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return bool(node.asString());
    }

    public static @Nullable Boolean bool(@Nullable String s) {
        if (s == null) {
            return null;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "yes", "y" -> true;
            case "false", "f", "0", "no", "n" -> false;
            default -> null;
        };
    }

    /**
     * A point in time as epoch milliseconds: ISO-8601 text (with or without offset), SQL timestamps, epoch seconds
     * or milliseconds as numbers or text, {@code {"$date": ...}}. Null when absent or unreadable.
     */
    public static @Nullable Long time(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            return time(node.get("$date"));
        }
        if (node.isArray()) {
            return null;
        }
        if (node.isNumber()) {
            return node.canConvertToLong() ? epoch(node.asLong()) : null;
        }
        return time(node.asString());
    }

    public static @Nullable Long time(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.strip();
        if (v.chars().allMatch(Character::isDigit) && v.length() <= 15) {
            return epoch(Long.parseLong(v));
        }
        if (v.matches("^\\d+\\.\\d+$") && v.length() <= 20) {
            return epoch((long) Double.parseDouble(v));
        }
        // a year far out of range parses but does not fit epoch milliseconds (ArithmeticException): unreadable too
        try {
            return OffsetDateTime.parse(v).toInstant().toEpochMilli();
        } catch (DateTimeException | ArithmeticException notOffset) {
            // try the other forms
        }
        try {
            return Instant.parse(v).toEpochMilli();
        } catch (DateTimeException | ArithmeticException notInstant) {
            // try the other forms
        }
        try {
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException | ArithmeticException notLocal) {
            // try the other forms
        }
        try {
            var parsed = SQL.parseBest(v.length() > 3 && v.matches(".*[+-]\\d\\d$") ? v + "00" : v, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime o ? o.toInstant().toEpochMilli()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException | ArithmeticException | ClassCastException unreadable) {
            return null;
        }
    }

    /** Epoch seconds or milliseconds (told apart by size: seconds stop before the year 2286). */
    static long epoch(long value) {
        return value < 10_000_000_000L ? value * 1000 : value;
    }

    /** Adds the object's field names as custom attribute keys (a JSON string holding an object counts too). */
    public static void keys(@Nullable JsonNode node, UserRecord record, String prefix) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isString()) {
            String s = node.asString().strip();
            if (s.startsWith("{")) {
                try {
                    node = PARSER.readTree(s);
                } catch (tools.jackson.core.JacksonException notJson) {
                    return;
                }
            } else {
                return;
            }
        }
        record.attributesObserved = true;
        if (node.isObject()) {
            for (String name : node.propertyNames()) {
                record.attributeKey(prefix + name);
            }
        }
    }

    private static final tools.jackson.databind.json.JsonMapper PARSER = tools.jackson.databind.json.JsonMapper.builder(
            tools.jackson.core.json.JsonFactory.builder().streamReadConstraints(tools.jackson.core.StreamReadConstraints.builder()
                    .maxNestingDepth(32).maxStringLength(1 << 20).build()).build()).build();

    /** Parses a JSON document held in a cell or a string field (bounded), or null when it is not JSON. */
    public static @Nullable JsonNode json(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return PARSER.readTree(s);
        } catch (tools.jackson.core.JacksonException notJson) {
            return null;
        }
    }
}
