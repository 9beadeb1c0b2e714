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
        // the shapes nearly every export writes, read without a parser (a million dates take milliseconds, not seconds)
        long fast = fastTime(v);
        return fast != NOT_FAST ? Long.valueOf(fast) : slowTime(v);
    }

    /** Every form {@link #time(String)} reads, with the JDK's parsers (the stripped, non-blank text). */
    static @Nullable Long slowTime(String v) {
        if (v.chars().allMatch(Character::isDigit) && v.length() <= 15) {
            return epoch(Long.parseLong(v));
        }
        if (v.length() <= 20 && DECIMAL.matcher(v).matches()) {
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
            var parsed = SQL.parseBest(v.length() > 3 && HOURS_OFFSET.matcher(v).matches() ? v + "00" : v, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime o ? o.toInstant().toEpochMilli()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException | ArithmeticException | ClassCastException unreadable) {
            return null;
        }
    }

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("^\\d+\\.\\d+$");
    private static final java.util.regex.Pattern HOURS_OFFSET = java.util.regex.Pattern.compile(".*[+-]\\d\\d$");
    static final long NOT_FAST = Long.MIN_VALUE;

    /**
     * Epoch digits (up to 15), or {@code yyyy-MM-ddTHH:mm:ss[.fraction]} in UTC ({@code Z}, {@code +00:00} or no zone,
     * which the full parse also reads as UTC), or PostgreSQL's {@code yyyy-MM-dd HH:mm:ss[.fraction]} with {@code +00},
     * {@code +00:00} or no zone: the epoch milliseconds, the same as {@link #slowTime} gives (ValuesTest checks it);
     * {@link #NOT_FAST} for any other shape (another offset, a date out of range), which then takes the full parse.
     */
    static long fastTime(String v) {
        int n = v.length();
        if (n == 0 || n > 40) {
            return NOT_FAST;
        }
        boolean digits = true;
        for (int i = 0; i < n && digits; i++) {
            char c = v.charAt(i);
            digits = c >= '0' && c <= '9';
        }
        if (digits) {
            return n <= 15 ? epoch(Long.parseLong(v)) : NOT_FAST;
        }
        if (n < 19 || v.charAt(4) != '-' || v.charAt(7) != '-' || (v.charAt(10) != 'T' && v.charAt(10) != ' ') || v.charAt(13) != ':'
                || v.charAt(16) != ':') {
            return NOT_FAST;
        }
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = digits(v, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month) || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return NOT_FAST;
        }
        int i = 19;
        long millis = 0;
        if (i < n && v.charAt(i) == '.') {
            i++;
            int count = 0;
            while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                if (count < 3) {
                    millis = millis * 10 + (v.charAt(i) - '0');
                }
                count++;
                i++;
            }
            if (count == 0 || count > 9) {
                return NOT_FAST;
            }
            for (int k = count; k < 3; k++) {
                millis *= 10;
            }
        }
        String zone = v.substring(i);
        boolean utc = v.charAt(10) == 'T' ? zone.isEmpty() || zone.equals("Z") || zone.equals("+00:00")
                : zone.isEmpty() || zone.equals("+00") || zone.equals("+00:00");
        if (!utc) {
            return NOT_FAST;
        }
        return (daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second) * 1000L + millis;
    }

    /**
     * {@link #fastTime(String)} of the ASCII text {@code b[from, to)} without making a String of it: the same value for
     * the same characters ({@code FastTimeTest} checks both on the same texts).
     */
    static long fastTime(byte[] b, int from, int to) {
        int n = to - from;
        if (n <= 0 || n > 40) {
            return NOT_FAST;
        }
        boolean digits = true;
        for (int i = from; i < to && digits; i++) {
            byte c = b[i];
            digits = c >= '0' && c <= '9';
        }
        if (digits) {
            if (n > 15) {
                return NOT_FAST;
            }
            long value = 0;
            for (int i = from; i < to; i++) {
                value = value * 10 + (b[i] - '0');
            }
            return epoch(value);
        }
        if (n < 19 || b[from + 4] != '-' || b[from + 7] != '-' || (b[from + 10] != 'T' && b[from + 10] != ' ') || b[from + 13] != ':'
                || b[from + 16] != ':') {
            return NOT_FAST;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > monthLength(year, month) || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return NOT_FAST;
        }
        int i = from + 19;
        long millis = 0;
        if (i < to && b[i] == '.') {
            i++;
            int count = 0;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                if (count < 3) {
                    millis = millis * 10 + (b[i] - '0');
                }
                count++;
                i++;
            }
            if (count == 0 || count > 9) {
                return NOT_FAST;
            }
            for (int k = count; k < 3; k++) {
                millis *= 10;
            }
        }
        int z = to - i;
        boolean t = b[from + 10] == 'T';
        boolean utc = z == 0
                || (t && z == 1 && b[i] == 'Z')
                || (!t && z == 3 && b[i] == '+' && b[i + 1] == '0' && b[i + 2] == '0')
                || (z == 6 && b[i] == '+' && b[i + 1] == '0' && b[i + 2] == '0' && b[i + 3] == ':' && b[i + 4] == '0' && b[i + 5] == '0');
        if (!utc) {
            return NOT_FAST;
        }
        return (daysFromCivil(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second) * 1000L + millis;
    }

    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            byte c = b[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * {@link #time(String)} of a JSON string's content {@code b[from, to)} as {@link JsonBytes#text} would decode it:
     * plain ASCII with no space at either end (nothing to strip) is read from the bytes; anything else as text.
     */
    static @Nullable Long time(byte[] b, int from, int to, boolean escaped, boolean ascii) {
        if (!escaped && ascii && to > from && b[from] != ' ' && b[to - 1] != ' ') {
            long fast = fastTime(b, from, to);
            if (fast != NOT_FAST) {
                return fast;
            }
        }
        return time(JsonBytes.text(b, from, to, escaped, ascii));
    }

    private static int digits(String v, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long daysFromCivil(int y, int m, int d) {
        y -= m <= 2 ? 1 : 0;
        long era = (y >= 0 ? y : y - 399) / 400;
        long yoe = y - era * 400;
        long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
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
                    node = Parser.MAPPER.readTree(s);
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

    /** Built on first use (a JSON document inside a string is rare; building a mapper loads hundreds of classes). */
    private static final class Parser {
        static final tools.jackson.databind.json.JsonMapper MAPPER = tools.jackson.databind.json.JsonMapper.builder(
                tools.jackson.core.json.JsonFactory.builder().streamReadConstraints(tools.jackson.core.StreamReadConstraints.builder()
                        .maxNestingDepth(32).maxStringLength(1 << 20).build()).build()).build();
    }

    /** Parses a JSON document held in a cell or a string field (bounded), or null when it is not JSON. */
    public static @Nullable JsonNode json(@Nullable String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Parser.MAPPER.readTree(s);
        } catch (tools.jackson.core.JacksonException notJson) {
            return null;
        }
    }
}
