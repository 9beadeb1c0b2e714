package io.ciamportal.exports.rehearsal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/** Writing helpers the formats share: a JSON generator, CSV rows, time stamps and id shapes. */
final class Out {

    private static final JsonFactory JSON = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).rootValueSeparator("\n")
            .build();
    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Out() {}

    /** A generator that leaves the stream open; NDJSON gets one value per line. */
    static JsonGenerator json(OutputStream out) {
        return JSON.createGenerator(ObjectWriteContext.empty(), out);
    }

    /** {@code 2022-03-14T10:02:11.120Z} */
    static String iso(long millis) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(millis));
    }

    /** {@code 2022-03-03T03:03:03Z} */
    static String isoSeconds(long millis) {
        return ISO_SECONDS.format(Instant.ofEpochMilli(millis));
    }

    /** PostgreSQL's text form: {@code 2022-03-01 08:00:00.153624+00} */
    static String sql(long millis) {
        return SQL.format(Instant.ofEpochMilli(millis));
    }

    /** The AWS CLI's form: {@code 2022-05-10T13:48:51.396000+00:00} */
    static String micros(long millis) {
        return MICROS.format(Instant.ofEpochMilli(millis));
    }

    static String hex(byte[] b, int chars) {
        return HexFormat.of().formatHex(b).substring(0, chars);
    }

    static String uuid(byte[] b) {
        String h = HexFormat.of().formatHex(b);
        // version 4, variant 1, as a real random UUID has
        char variant = "89ab".charAt(Character.digit(h.charAt(16), 16) & 3);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-" + variant + h.substring(17, 20) + "-"
                + h.substring(20, 32);
    }

    /** A uuid of other bytes of the same user (a second id: a credential, an address). */
    static String uuid(byte[] b, int salt) {
        byte[] c = b.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] = (byte) (c[i] * 31 + salt * 17 + i);
        }
        return uuid(c);
    }

    /** A stable uuid named by a string (a realm, a tenant, an application of this run). */
    static String uuidOf(String name) {
        try {
            return uuid(java.util.Arrays.copyOf(java.security.MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8)), 16));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base62(byte[] b, int n) {
        var sb = new StringBuilder(n);
        long state = 0;
        for (int i = 0; i < n; i++) {
            state = state * 6364136223846793005L + (b[i % b.length] & 0xff) + i + 1442695040888963407L;
            sb.append(BASE62.charAt((int) Long.remainderUnsigned(state >>> 16, 62)));
        }
        return sb.toString();
    }

    static String digits(byte[] b, int n) {
        var sb = new StringBuilder(n);
        long state = 7;
        for (int i = 0; i < n; i++) {
            state = state * 6364136223846793005L + (b[i % b.length] & 0xff) + i + 1442695040888963407L;
            sb.append((char) ('0' + (int) Long.remainderUnsigned(state >>> 20, 10)));
            if (i == 0 && sb.charAt(0) == '0') {
                sb.setCharAt(0, '1');
            }
        }
        return sb.toString();
    }

    static String base64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static String base64Url(byte[] b) {
        return Base64.getUrlEncoder().encodeToString(b);
    }

    /** Base32 (RFC 4648, no padding) to bytes: TOTP secrets for platforms that store the raw key. */
    static byte[] base32(String s) {
        var out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : s.toCharArray()) {
            int v = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".indexOf(Character.toUpperCase(c));
            if (v < 0) {
                continue;
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    /** One CSV row (RFC 4180): every cell quoted when {@code quoteAll}, else only cells that need it. */
    static void csv(Writer w, List<String> cells, boolean quoteAll) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            String c = cells.get(i);
            boolean quote = quoteAll || c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0;
            if (quote) {
                w.write('"');
                w.write(c.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(c);
            }
        }
        w.write('\n');
    }

    static Writer writer(OutputStream out) {
        return new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }
}
