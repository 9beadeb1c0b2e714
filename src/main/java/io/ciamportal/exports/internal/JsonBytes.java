package io.ciamportal.exports.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * JSON checked byte by byte, for readers that fill a record straight from the bytes of a user object
 * ({@link Reader}, used by {@link JsonLines}) instead of through the Jackson parser and a tree. It accepts only JSON
 * that the Jackson parser with the walker's limits accepts too: RFC 8259 grammar (no comments, no trailing commas,
 * no leading zeros, no {@code NaN}), only space, tab, CR and LF as white space, strings without control characters
 * and with valid escapes, UTF-8 checked strictly (no overlong forms, no surrogates, nothing above U+10FFFF), numbers
 * of at most {@link #MAX_NUMBER} characters, names of at most {@link #MAX_NAME} bytes, nesting under the depth limit.
 * Anything else, invalid or only unusual, is {@link #FAIL}: the caller then hands the bytes to the Jackson parser,
 * which reads them or names the error exactly as before. So this class never has to word an error.
 *
 * <p>One instance per thread: {@link #type}, {@link #escaped} and {@link #ascii} describe the last value passed.
 */
final class JsonBytes {

    /** Not read here: invalid, or not certain to be read by the Jackson parser the same way. */
    static final int FAIL = -1;

    /** Well under the parser's limit on a number (400 characters). */
    static final int MAX_NUMBER = 100;
    /** Well under the parser's limit on a name (64 Ki characters); a name this long is no user field. */
    static final int MAX_NAME = 1024;

    static final byte NONE = 0;
    static final byte STRING = 1;
    static final byte NUMBER = 2;
    static final byte TRUE = 3;
    static final byte FALSE = 4;
    static final byte NULL = 5;
    static final byte OBJECT = 6;
    static final byte ARRAY = 7;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;

    /** Containers deeper than this fail (the walker's limit less one, so the parser's own check can never be the one that trips). */
    private final int maxDepth;

    /** The type of the last value passed. */
    byte type;
    /** The last string passed held a backslash escape. */
    boolean escaped;
    /** The last string passed held only ASCII bytes. */
    boolean ascii;
    /**
     * The last string passed held a {@code \\u} escape of a UTF-16 surrogate. The parser checks their pairs in a name
     * (since Jackson 3.1) and not in a value, so a name with one is left to it.
     */
    boolean surrogate;

    JsonBytes(int maxNestingDepth) {
        this.maxDepth = maxNestingDepth - 1;
    }

    /** The deepest nesting passed (the user object is 1). */
    int maxDepth() {
        return maxDepth;
    }

    /** Past space, tab, CR and LF. */
    static int ws(byte[] b, int p, int end) {
        while (p < end) {
            byte c = b[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return p;
            }
            p++;
        }
        return p;
    }

    /** The value at {@code b[p]} (not white space), inside a container at {@code depth}: where it ends, or FAIL. */
    int value(byte[] b, int p, int end, int depth) {
        int q;
        byte t;
        switch (b[p]) {
            case '"' -> {
                q = string(b, p, end);
                t = STRING;
            }
            case '{' -> {
                q = object(b, p, end, depth + 1);
                t = OBJECT;
            }
            case '[' -> {
                q = array(b, p, end, depth + 1);
                t = ARRAY;
            }
            case 't' -> {
                q = literal(b, p, end, 't', 'r', 'u', 'e');
                t = TRUE;
            }
            case 'f' -> {
                q = p + 5 <= end && b[p + 1] == 'a' && b[p + 2] == 'l' && b[p + 3] == 's' && b[p + 4] == 'e' ? p + 5 : FAIL;
                t = FALSE;
            }
            case 'n' -> {
                q = literal(b, p, end, 'n', 'u', 'l', 'l');
                t = NULL;
            }
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> {
                q = number(b, p, end);
                t = NUMBER;
            }
            default -> {
                return FAIL;
            }
        }
        type = t;
        return q;
    }

    private static int literal(byte[] b, int p, int end, char c0, char c1, char c2, char c3) {
        return p + 4 <= end && b[p] == c0 && b[p + 1] == c1 && b[p + 2] == c2 && b[p + 3] == c3 ? p + 4 : FAIL;
    }

    /**
     * A number in JSON's grammar: {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}. What follows it is the
     * container's business (a comma, a bracket, white space; anything else fails there).
     */
    static int number(byte[] b, int p, int end) {
        int start = p;
        if (p < end && b[p] == '-') {
            p++;
        }
        if (p >= end) {
            return FAIL;
        }
        if (b[p] == '0') {
            p++;
        } else if (b[p] >= '1' && b[p] <= '9') {
            p = digits(b, p + 1, end);
        } else {
            return FAIL;
        }
        if (p < end && b[p] == '.') {
            int d = digits(b, p + 1, end);
            if (d == p + 1) {
                return FAIL;
            }
            p = d;
        }
        if (p < end && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            if (p < end && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            int d = digits(b, p, end);
            if (d == p) {
                return FAIL;
            }
            p = d;
        }
        return p - start > MAX_NUMBER ? FAIL : p;
    }

    private static int digits(byte[] b, int p, int end) {
        while (p < end && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        return p;
    }

    /** An object at {@code b[p] == '{'} at nesting {@code depth} (the user object is 1). */
    int object(byte[] b, int p, int end, int depth) {
        if (depth > maxDepth) {
            return FAIL;
        }
        p = ws(b, p + 1, end);
        if (p >= end) {
            return FAIL;
        }
        if (b[p] == '}') {
            return p + 1;
        }
        while (true) {
            if (b[p] != '"') {
                return FAIL;
            }
            int q = string(b, p, end);
            if (q < 0 || q - p > MAX_NAME || surrogate) {
                return FAIL;
            }
            p = ws(b, q, end);
            if (p >= end || b[p] != ':') {
                return FAIL;
            }
            p = ws(b, p + 1, end);
            if (p >= end) {
                return FAIL;
            }
            p = value(b, p, end, depth);
            if (p < 0) {
                return FAIL;
            }
            p = ws(b, p, end);
            if (p >= end) {
                return FAIL;
            }
            byte c = b[p];
            if (c == '}') {
                return p + 1;
            }
            if (c != ',') {
                return FAIL;
            }
            p = ws(b, p + 1, end);
            if (p >= end) {
                return FAIL;
            }
        }
    }

    /** An array at {@code b[p] == '['} at nesting {@code depth}. */
    int array(byte[] b, int p, int end, int depth) {
        if (depth > maxDepth) {
            return FAIL;
        }
        p = ws(b, p + 1, end);
        if (p >= end) {
            return FAIL;
        }
        if (b[p] == ']') {
            return p + 1;
        }
        while (true) {
            p = value(b, p, end, depth);
            if (p < 0) {
                return FAIL;
            }
            p = ws(b, p, end);
            if (p >= end) {
                return FAIL;
            }
            byte c = b[p];
            if (c == ']') {
                return p + 1;
            }
            if (c != ',') {
                return FAIL;
            }
            p = ws(b, p + 1, end);
            if (p >= end) {
                return FAIL;
            }
        }
    }

    /**
     * A string at {@code b[p] == '"'}: where it ends (after the closing quote), or FAIL. Sets {@link #escaped} and
     * {@link #ascii}. Plain bytes are passed eight at a time.
     */
    int string(byte[] b, int p, int end) {
        p++;
        boolean esc = false;
        boolean asc = true;
        boolean sur = false;
        while (true) {
            while (p + 8 <= end) {
                long special = special((long) LONGS.get(b, p));
                if (special != 0) {
                    p += Long.numberOfTrailingZeros(special) >>> 3;
                    break;
                }
                p += 8;
            }
            if (p >= end) {
                return FAIL;
            }
            int c = b[p];
            if (c == '"') {
                escaped = esc;
                ascii = asc;
                surrogate = sur;
                return p + 1;
            }
            if (c == '\\') {
                esc = true;
                // a \\u escape of D800 to DFFF: the first hex digit d, the second 8 to f
                sur |= p + 3 < end && b[p + 1] == 'u' && (b[p + 2] == 'd' || b[p + 2] == 'D') && hex(b[p + 3]) >= 8;
                p = escape(b, p, end);
            } else if (c < 0) {
                asc = false;
                p = utf8(b, p, end);
            } else if (c < 0x20) {
                return FAIL;
            } else {
                p++;
            }
            if (p < 0) {
                return FAIL;
            }
        }
    }

    /**
     * The bytes of {@code w} (eight, little-endian) that end a run of plain string bytes: a quote, a backslash, a
     * control character or a byte of a multi-byte character. Only the lowest marked byte is exact (a borrow may mark
     * a later one), which is the one used.
     */
    private static long special(long w) {
        long quote = w ^ QUOTES;
        long backslash = w ^ BACKSLASHES;
        long zeroQuote = (quote - ONES) & ~quote;
        long zeroBackslash = (backslash - ONES) & ~backslash;
        long control = (w - SPACES) & ~w;
        return (zeroQuote | zeroBackslash | control | w) & HIGHS;
    }

    /** An escape at {@code b[p] == '\\'}: {@code \" \\ \/ \b \f \n \r \t} or {@code \\u} and four hex digits. */
    private static int escape(byte[] b, int p, int end) {
        if (p + 1 >= end) {
            return FAIL;
        }
        switch (b[p + 1]) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return p + 2;
            }
            case 'u' -> {
                if (p + 6 > end) {
                    return FAIL;
                }
                for (int i = p + 2; i < p + 6; i++) {
                    if (hex(b[i]) < 0) {
                        return FAIL;
                    }
                }
                return p + 6;
            }
            default -> {
                return FAIL;
            }
        }
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** A multi-byte UTF-8 character at {@code b[p]} (its lead byte is above 0x7f), checked strictly (RFC 3629). */
    private static int utf8(byte[] b, int p, int end) {
        int c = b[p] & 0xff;
        if (c >= 0xC2 && c <= 0xDF) {
            return p + 1 < end && continuation(b[p + 1]) ? p + 2 : FAIL;
        }
        if (c >= 0xE0 && c <= 0xEF) {
            if (p + 2 >= end) {
                return FAIL;
            }
            int c1 = b[p + 1] & 0xff;
            boolean second = c == 0xE0 ? c1 >= 0xA0 && c1 <= 0xBF : c == 0xED ? c1 >= 0x80 && c1 <= 0x9F : c1 >= 0x80 && c1 <= 0xBF;
            return second && continuation(b[p + 2]) ? p + 3 : FAIL;
        }
        if (c >= 0xF0 && c <= 0xF4) {
            if (p + 3 >= end) {
                return FAIL;
            }
            int c1 = b[p + 1] & 0xff;
            boolean second = c == 0xF0 ? c1 >= 0x90 && c1 <= 0xBF : c == 0xF4 ? c1 >= 0x80 && c1 <= 0x8F : c1 >= 0x80 && c1 <= 0xBF;
            return second && continuation(b[p + 2]) && continuation(b[p + 3]) ? p + 4 : FAIL;
        }
        return FAIL;
    }

    private static boolean continuation(byte c) {
        return (c & 0xC0) == 0x80;
    }

    /**
     * The text of a string whose content is {@code b[from, to)} (between its quotes), passed by {@link #string} with
     * the given flags: the same characters the parser gives (escapes one character each, {@code \\u} one UTF-16 unit
     * each, as it does).
     */
    static String text(byte[] b, int from, int to, boolean escaped, boolean ascii) {
        if (!escaped) {
            return new String(b, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        }
        var out = new StringBuilder(to - from);
        int run = from;
        int p = from;
        while (p < to) {
            if (b[p] != '\\') {
                p++;
                continue;
            }
            if (p > run) {
                out.append(new String(b, run, p - run, StandardCharsets.UTF_8));
            }
            byte e = b[p + 1];
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) (hex(b[p + 2]) << 12 | hex(b[p + 3]) << 8 | hex(b[p + 4]) << 4 | hex(b[p + 5])));
                    p += 4;
                }
                default -> out.append((char) e);
            }
            p += 2;
            run = p;
        }
        if (to > run) {
            out.append(new String(b, run, to - run, StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /**
     * Fills a record from the bytes of one user object, as the kind's tree reading would ({@link JsonLines}). One
     * per worker thread.
     */
    abstract static class Reader {
        /** The record is filled: count it. */
        static final int FILLED = 0;
        /** An object without properties. */
        static final int EMPTY = 1;
        /** Valid JSON (the parser reads it), but a shape this reader leaves to the tree: the record is reset. */
        static final int TREE = 2;
        /** Not read here (see {@link JsonBytes}): the batch goes to the parser. The record may be half filled. */
        static final int GIVE_UP = 3;

        /** Where the object read last ends (after its closing brace). */
        int end;
        /** How many properties it had (a repeated name counts each time, as the tree walk counts). */
        int properties;

        /** Reads the object at {@code b[from] == '{'}, within {@code b[from, to)}. */
        abstract int read(byte[] b, int from, int to, UserRecord record);
    }
}
