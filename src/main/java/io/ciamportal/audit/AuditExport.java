package io.ciamportal.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A trail of audit entries as CSV (for spreadsheets) and as JSON with the chain hashes (for auditors), and the offline
 * check of such a JSON export: {@code java -jar ciam-portal.jar verify-audit export.json}. Pure: no Spring, no database.
 */
public final class AuditExport {

    public static final String FORMAT = "ciam-portal-audit-export/v1";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private AuditExport() {}

    /** The entries, oldest first, with everything needed to recompute each hash. */
    public static byte[] json(String scope, List<AuditEntry> entries, Instant exportedAt) {
        var document = new LinkedHashMap<String, Object>();
        document.put("format", FORMAT);
        document.put("hashForm", AuditHashing.FORM_VERSION);
        document.put("scope", scope);
        document.put("exportedAt", exportedAt.toString());
        var list = new ArrayList<Map<String, @Nullable Object>>();
        for (var e : entries) {
            var m = new LinkedHashMap<String, @Nullable Object>();
            m.put("id", e.id());
            m.put("occurredAt", AuditHashing.formatTime(e.occurredAt()));
            m.put("actorId", e.actorId());
            m.put("actorName", e.actorName());
            m.put("actorRoles", e.actorRoles());
            m.put("action", e.action());
            m.put("targetType", e.targetType());
            m.put("targetId", e.targetId());
            m.put("before", e.before());
            m.put("after", e.after());
            m.put("outcome", e.outcome().name());
            m.put("prevHash", e.prevHash());
            m.put("hash", e.hash());
            list.add(m);
        }
        document.put("entries", list);
        return JSON.writeValueAsBytes(document);
    }

    static final List<String> CSV_COLUMNS = List.of("id", "occurredAt", "actorName", "actorId", "actorRoles", "action", "targetType",
            "targetId", "outcome", "before", "after", "prevHash", "hash");

    /** CSV for spreadsheets; a cell that a spreadsheet would run as a formula is neutralised with a leading quote. */
    public static String csv(List<AuditEntry> entries) {
        var out = new StringBuilder();
        out.append(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (var e : entries) {
            var cells = List.of(String.valueOf(e.id()), AuditHashing.formatTime(e.occurredAt()), e.actorName(), e.actorId(),
                    e.actorRoles(), e.action(), e.targetType(), nz(e.targetId()), e.outcome().name(), nz(e.before()), nz(e.after()),
                    e.prevHash(), e.hash());
            var row = new ArrayList<String>();
            cells.forEach(c -> row.add(cell(c)));
            out.append(String.join(",", row)).append("\r\n");
        }
        return out.toString();
    }

    /** Quotes a CSV cell and defuses formulas: a cell starting with =, +, -, @, tab or carriage return gets a leading '. */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static String nz(@Nullable String value) {
        return value == null ? "" : value;
    }

    /** The outcome of checking an export offline. */
    public record Verification(boolean intact, int entries, @Nullable Long firstBrokenId, String message) {}

    /**
     * Recomputes every entry's hash from its fields and checks that each entry whose predecessor is also in the export
     * links to it. A changed field, hash or link is found; see docs/verify-audit.md for what a partial trail can prove.
     */
    public static Verification verify(byte[] document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (RuntimeException e) {
            return new Verification(false, 0, null, "Not a JSON document: " + e.getMessage());
        }
        if (!FORMAT.equals(root.path("format").asString(""))) {
            return new Verification(false, 0, null, "Not a " + FORMAT + " document.");
        }
        int count = 0;
        AuditEntry previous = null;
        for (JsonNode n : root.path("entries")) {
            count++;
            AuditEntry entry;
            try {
                entry = new AuditEntry(n.get("id").asLong(), Instant.parse(n.get("occurredAt").asString()), text(n, "actorId"),
                        text(n, "actorName"), text(n, "actorRoles"), text(n, "action"), text(n, "targetType"), nullable(n, "targetId"),
                        nullable(n, "before"), nullable(n, "after"), AuditOutcome.valueOf(text(n, "outcome")), text(n, "prevHash"),
                        text(n, "hash"));
            } catch (RuntimeException e) {
                return new Verification(false, count, null, "Entry " + count + " is incomplete or malformed: " + e.getMessage());
            }
            if (!entry.computeHash().equals(entry.hash())) {
                return new Verification(false, count, entry.id(), "Entry " + entry.id() + ": its content does not match its hash (it was changed).");
            }
            if (previous != null && entry.id() <= previous.id()) {
                return new Verification(false, count, entry.id(), "Entry " + entry.id() + " is out of order.");
            }
            if (previous != null && entry.id() == previous.id() + 1 && !entry.prevHash().equals(previous.hash())) {
                return new Verification(false, count, entry.id(), "Entry " + entry.id() + ": its previous-hash does not match entry " + previous.id() + ".");
            }
            previous = entry;
        }
        return new Verification(true, count, null, count + " entries verified: every hash matches its entry and consecutive entries are linked.");
    }

    private static String text(JsonNode n, String field) {
        var v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return v.asString();
    }

    private static @Nullable String nullable(JsonNode n, String field) {
        var v = n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    /** {@code verify-audit <export.json>}: prints the result; exit code 0 when intact, 1 when not, 2 on usage errors. */
    public static int runCommand(String[] args) {
        if (args.length != 2) {
            System.err.println("Usage: java -jar ciam-portal.jar verify-audit <export.json>");
            return 2;
        }
        byte[] document;
        try {
            document = Files.readAllBytes(Path.of(args[1]));
        } catch (java.io.IOException e) {
            System.err.println("Cannot read " + args[1] + ": " + e.getMessage());
            return 2;
        }
        var result = verify(document);
        (result.intact() ? System.out : System.err).println((result.intact() ? "OK: " : "BROKEN: ") + result.message());
        return result.intact() ? 0 : 1;
    }
}
