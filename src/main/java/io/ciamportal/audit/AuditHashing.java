package io.ciamportal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The canonical form of an audit entry and its SHA-256. Documented in docs/verify-audit.md; changing anything here
 * breaks every stored chain, so a new form gets a new version tag instead.
 */
public final class AuditHashing {

    public static final String FORM_VERSION = "ciam-portal-audit/v1";
    public static final String GENESIS_HASH = "0".repeat(64);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private AuditHashing() {}

    /** Time as it is stored and hashed: UTC, microseconds (PostgreSQL's precision). */
    public static Instant storedPrecision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    public static String formatTime(Instant instant) {
        return TIME.format(storedPrecision(instant));
    }

    /**
     * The canonical form: a JSON array of the fields in a fixed order, before/after embedded as their stored
     * canonical JSON text.
     */
    public static String canonicalForm(AuditEntry e) {
        var out = new StringBuilder(256);
        out.append('[');
        CanonicalJson.string(out, FORM_VERSION);
        out.append(',').append(e.id());
        field(out, formatTime(e.occurredAt()));
        field(out, e.actorId());
        field(out, e.actorName());
        field(out, e.actorRoles());
        field(out, e.action());
        field(out, e.targetType());
        field(out, e.targetId());
        out.append(',').append(e.before() == null ? "null" : e.before());
        out.append(',').append(e.after() == null ? "null" : e.after());
        field(out, e.outcome().name());
        field(out, e.prevHash());
        out.append(']');
        return out.toString();
    }

    public static String hash(AuditEntry e) {
        return sha256Hex(canonicalForm(e));
    }

    static String sha256Hex(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void field(StringBuilder out, @Nullable String value) {
        out.append(',');
        if (value == null) {
            out.append("null");
        } else {
            CanonicalJson.string(out, value);
        }
    }
}
