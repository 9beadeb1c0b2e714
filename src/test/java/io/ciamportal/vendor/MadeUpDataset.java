package io.ciamportal.vendor;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small made-up datasets for rule tests: real shapes, invented facts, so data changes never break the rules' tests. */
final class MadeUpDataset {

    static final LocalDate READ = LocalDate.of(2026, 11, 1);

    private MadeUpDataset() {}

    static Dataset.Catalog catalog(String... keys) {
        var caps = java.util.Arrays.stream(keys).map(k -> new Dataset.CapabilityDef(k, "Capability " + k, "About " + k)).toList();
        return new Dataset.Catalog(List.of(new Dataset.Group("core", "Core", caps)));
    }

    static Dataset.Value value(String support, String note) {
        boolean known = !support.equals("unknown");
        return new Dataset.Value(support, note, known ? List.of("https://vendor.example/docs") : List.of(), known, known ? READ : null);
    }

    /** A vendor with every capability of the catalogue set to {@code support}. */
    static Dataset.VendorFile vendor(String slug, Dataset.Catalog catalog, String support) {
        var caps = new LinkedHashMap<String, Dataset.Value>();
        catalog.groups().forEach(g -> g.capabilities().forEach(c -> caps.put(c.key(), value(support, "Made-up " + support))));
        return vendor(slug, caps);
    }

    static Dataset.VendorFile vendor(String slug, Map<String, Dataset.Value> caps) {
        var fact = new Dataset.Sourced("Made-up fact.", List.of("https://vendor.example/docs"), true, READ);
        var none = value("unknown", "Nobody looked.");
        var migration = new Dataset.Migration(
                new Dataset.HashExport("SELF_SERVE", "bcrypt", "Exports bcrypt.", List.of("https://vendor.example/export"), true, READ),
                null,
                new Dataset.HashImport(List.of("bcrypt"), "Imports bcrypt.", List.of("https://vendor.example/import"), true, READ),
                new Dataset.Jit(caps.getOrDefault("jit-migration", none).support(), "hook", "A hook.", List.of(), false, null),
                new Dataset.Bulk(caps.getOrDefault("bulk-import", none).support(), "JSON", null, "Bulk import.", List.of(), false, null),
                new Dataset.Bulk(caps.getOrDefault("bulk-export", none).support(), "JSON", null, "Bulk export.", List.of(), false, null),
                caps.getOrDefault("totp-export", none), caps.getOrDefault("totp-import", none), caps.getOrDefault("passkeys", none),
                caps.getOrDefault("passkey-import", none));
        return new Dataset.VendorFile(slug, "Vendor " + slug, "Vendor " + slug + " Inc.", "https://vendor.example", null,
                "DEVELOPER_FIRST", "MANAGED", "Proprietary", false, List.of("PER_MAU"), List.of("B2C"), List.of("EU"), List.of("SOC2"),
                new Dataset.Lifecycle("ACTIVE", null, null), Map.of("deployment", fact), migration, caps, null);
    }

    static Dataset.VendorFile withCapability(Dataset.VendorFile v, String key, Dataset.Value value) {
        var caps = new LinkedHashMap<>(v.capabilities());
        caps.put(key, value);
        return new Dataset.VendorFile(v.slug(), v.name(), v.fullName(), v.website(), v.docsUrl(), v.tier(), v.deployment(), v.license(),
                v.openSource(), v.pricingModels(), v.audiences(), v.regions(), v.attestations(), v.lifecycle(), v.facts(), v.migration(),
                caps, v.overrides());
    }

    static Dataset.VendorFile withRegions(Dataset.VendorFile v, List<String> regions) {
        return new Dataset.VendorFile(v.slug(), v.name(), v.fullName(), v.website(), v.docsUrl(), v.tier(), v.deployment(), v.license(),
                v.openSource(), v.pricingModels(), v.audiences(), regions, v.attestations(), v.lifecycle(), v.facts(), v.migration(),
                v.capabilities(), v.overrides());
    }

    static Dataset.VendorFile withOverrides(Dataset.VendorFile v, Dataset.Overrides overrides) {
        return new Dataset.VendorFile(v.slug(), v.name(), v.fullName(), v.website(), v.docsUrl(), v.tier(), v.deployment(), v.license(),
                v.openSource(), v.pricingModels(), v.audiences(), v.regions(), v.attestations(), v.lifecycle(), v.facts(), v.migration(),
                v.capabilities(), overrides);
    }
}
