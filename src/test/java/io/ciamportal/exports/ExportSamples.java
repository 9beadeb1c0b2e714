package io.ciamportal.exports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Small made-up exports for the hardening tests (bad input, fuzzing, personal data), written here rather than read
 * from fixtures so each test shows exactly what it feeds the analyser. Every value is invented.
 */
final class ExportSamples {

    static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");

    private ExportSamples() {}

    /** One Auth0 export-job user (NDJSON line, no newline); {@code n} makes the id and the email distinct. */
    static String auth0Line(int n) {
        return """
                {"user_id":"auth0|%024x","email":"user%d@example.com","email_verified":true,"name":"User %d",\
                "identities":[{"connection":"Username-Password-Authentication","provider":"auth0","user_id":"%024x","isSocial":false}],\
                "created_at":"2024-01-02T03:04:05.000Z","last_login":"2026-10-01T08:00:00.000Z","logins_count":%d,\
                "user_metadata":{"locale":"en-GB"},"app_metadata":{"plan":"pro"}}""".formatted(n, n, n, n, n + 1);
    }

    /** {@code users} Auth0 export-job lines, each ending in a newline. */
    static String auth0Ndjson(int users) {
        var out = new StringBuilder();
        for (int i = 0; i < users; i++) {
            out.append(auth0Line(i)).append('\n');
        }
        return out.toString();
    }

    static final String AUTH0_CSV = """
            user_id,email,email_verified,name,last_login,logins_count,connection,provider,user_metadata.locale
            auth0|000000000000000000000001,ann@example.com,true,Ann Example,2026-10-01T08:00:00.000Z,3,Username-Password-Authentication,auth0,en-GB
            google-oauth2|1098765432101234,bob@example.org,true,Bob Example,2025-02-01T08:00:00.000Z,9,google-oauth2,google-oauth2,
            """;

    static final String AUTH0_PASSWORD_HASHES = """
            {"_id":{"$oid":"000000000000000000000000"},"email":"user0@example.com","email_verified":true,"tenant":"acme","connection":"Username-Password-Authentication","passwordHash":"$2b$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234"}
            {"_id":{"$oid":"000000000000000000000001"},"email":"user1@example.com","email_verified":false,"tenant":"acme","connection":"Username-Password-Authentication","passwordHash":"$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234"}
            """;

    static final String GENERIC_CSV = """
            id,email,password,last_login,is_active
            1,ann@example.com,pbkdf2_sha256$870000$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo,2026-11-18 09:00:00+00,t
            2,bob@example.org,$2b$12$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234,,f
            """;

    static final String GENERIC_JSON = """
            [{"id":1,"email":"ann@example.com","password_hash":"$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA","last_login":"2026-11-18T09:00:00Z"},
             {"id":2,"email":"bob@example.org","password_hash":"","last_login":null}]
            """;

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] gzip(byte[] content) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static AnalysisOptions options(@Nullable Platform platform) {
        return AnalysisOptions.detect(AS_OF).withPlatform(platform);
    }

    /** Analyses name/content pairs in order; a content is a String (UTF-8), a byte[] or an InputStream. */
    static ExportAnalysis analyse(@Nullable Platform platform, ExportLimits limits, Object... namesAndContents) {
        Map<String, java.io.InputStream> files = new LinkedHashMap<>();
        for (int i = 0; i < namesAndContents.length; i += 2) {
            Object content = namesAndContents[i + 1];
            files.put((String) namesAndContents[i], switch (content) {
                case String s -> new ByteArrayInputStream(utf8(s));
                case byte[] bytes -> new ByteArrayInputStream(bytes);
                case java.io.InputStream in -> in;
                default -> throw new IllegalArgumentException("a file is a String, byte[] or InputStream");
            });
        }
        return ExportAnalyser.analyse(options(platform), limits, files);
    }

    static ExportAnalysis analyse(Object... namesAndContents) {
        return analyse(null, ExportLimits.defaults(), namesAndContents);
    }
}
