package io.ciamportal.migration;

import io.ciamportal.vendor.Support;
import io.ciamportal.vendor.VendorEnums.HashExportPolicy;
import io.ciamportal.vendor.VendorViews;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One side of a migration as the scorer reads it: a vendor's migration facts with their sources, or an in-house
 * database (whose owner holds every record and secret).
 */
public record Side(
        String slug,
        String name,
        boolean inHouse,
        HashExportPolicy hashExportPolicy,
        @Nullable String hashExportScheme,
        Set<String> hashImportSchemes,
        boolean hashImportResearched,
        @Nullable String jitHookName,
        Map<String, Citation> capabilities,
        Map<String, Citation> facts,
        int outbound,
        int inbound) {

    public static final String IN_HOUSE = "in-house";

    /** A vendor fact a verdict rests on, with where it comes from. */
    public record Citation(String vendor, String fact, String value, Support support, List<String> sources, boolean confirmed) {}

    public Support support(String capability) {
        var c = capabilities.get(capability);
        return c == null ? Support.UNKNOWN : c.support();
    }

    public Citation cite(String capability) {
        var c = capabilities.get(capability);
        return c != null ? c : new Citation(name, capability, "unknown", Support.UNKNOWN, List.of(), false);
    }

    public @Nullable Citation fact(String key) {
        return facts.get(key);
    }

    public static Side of(VendorViews.Profile p) {
        var s = p.summary();
        var capabilities = new HashMap<String, Citation>();
        for (var c : p.capabilities()) {
            capabilities.put(c.key(), new Citation(s.name(), c.name(), c.support().label() + (c.note().isBlank() ? "" : ": " + c.note()),
                    c.support(), c.sources(), c.confirmed()));
        }
        var facts = new HashMap<String, Citation>();
        var m = p.migration();
        p.facts().forEach((key, f) -> facts.put(key, new Citation(s.name(), label(key), f.note(), Support.UNKNOWN, f.sources(), f.confirmed())));
        boolean researched = !m.hashImportSchemes().isEmpty() || p.capabilities().stream()
                .anyMatch(c -> c.key().equals("hash-import") && c.support() == Support.NO);
        return new Side(s.slug(), s.name(), false, m.hashExportPolicy(), m.hashExportScheme(), Set.copyOf(m.hashImportSchemes()),
                researched, m.jitHookName(), Map.copyOf(capabilities), Map.copyOf(facts), s.outbound().score(), s.inbound().score());
    }

    /**
     * This side as the team's own export shows it: hashes in the file are exportable (in the schemes the file holds),
     * TOTP secrets in the file are exportable; each such fact cites the file. Facts the file cannot show stay as the
     * dataset has them.
     */
    public Side withEvidence(@Nullable ExportEvidence evidence) {
        if (evidence == null) {
            return this;
        }
        var newFacts = new HashMap<>(facts);
        var newCapabilities = new HashMap<>(capabilities);
        HashExportPolicy policy = hashExportPolicy;
        String scheme = hashExportScheme;
        String who = "Your export";
        if (evidence.withPassword() > 0) {
            String dominant = evidence.dominantScheme();
            policy = HashExportPolicy.SELF_SERVE;
            scheme = dominant;
            String value = String.format(java.util.Locale.ROOT, "%,d of %,d users have a password hash in the file", evidence.withPassword(),
                    evidence.users()) + (dominant == null ? " (scheme not recognised)" : ", mostly " + dominant);
            newFacts.put("hashExport", new Citation(who, "Password-hash export", value, Support.YES, List.of(evidence.source()), true));
            newCapabilities.put("hash-export", new Citation(who, "Password-hash export", value, Support.YES, List.of(evidence.source()), true));
        }
        if (evidence.totpSecretsInFile() > 0) {
            String value = String.format(java.util.Locale.ROOT, "%,d TOTP secrets in the file", evidence.totpSecretsInFile());
            newCapabilities.put("totp-export", new Citation(who, "TOTP secret export", value, Support.YES, List.of(evidence.source()), true));
        }
        return new Side(slug, name, inHouse, policy, scheme, hashImportSchemes, hashImportResearched, jitHookName,
                Map.copyOf(newCapabilities), Map.copyOf(newFacts), outbound, inbound);
    }

    /** Your own database: you can export everything, in the scheme you chose (null when you do not know it). */
    public static Side inHouse(@Nullable String scheme) {
        String name = "your in-house database";
        var capabilities = new HashMap<String, Citation>();
        for (String key : List.of("hash-export", "bulk-export", "totp-export", "audit-log-export")) {
            capabilities.put(key, new Citation(name, key, "Yes: you hold the records", Support.YES, List.of(), true));
        }
        return new Side(IN_HOUSE, "In-house database", true, HashExportPolicy.SELF_SERVE, scheme, Set.of(), false, null,
                Map.copyOf(capabilities), Map.of(), 1, 3);
    }

    /**
     * A vendor a migration names that is no longer in the vendor index: nothing about it is known, so every verdict that
     * rests on it is unknown, and the migration still opens.
     */
    public static Side missing(String slug) {
        return new Side(slug, slug + " (no longer in the vendor index)", false, HashExportPolicy.UNKNOWN, null, Set.of(), false, null,
                Map.of(), Map.of(), 4, 4);
    }

    private static String label(String key) {
        return switch (key) {
            case "hashExport" -> "Password-hash export";
            case "hashImportSchemes" -> "Password-hash import";
            case "jitMigration" -> "Just-in-time migration";
            case "bulkImport" -> "Bulk import";
            case "bulkExport" -> "Bulk export";
            default -> key;
        };
    }
}
