package io.ciamportal.vendor;

import io.ciamportal.vendor.internal.DatasetStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The three-way merge that brings an installation's vendor index up to a new dataset release (docs/dataset.md).
 * Each vendor is compared field by field: a top-level fact ({@code deployment}, {@code regions}, ...), one sourced fact
 * ({@code facts.pricing}), one migration fact ({@code migration.hashExport}) or one capability value
 * ({@code capabilities.passkeys}, with its support, note, sources, confirmed flag and date as one unit).
 * <ul>
 * <li>the installation's value equals the base (the release it last took): nobody curated it, the new release's
 * value is taken;</li>
 * <li>it differs from the base: a curator changed it, and it is kept; when the new release changed it too, the pair
 * is a {@link Conflict} for a curator to settle.</li>
 * </ul>
 * Without a base (an installation seeded before releases existed), the fields the audit log shows a curator changed
 * count as curated, all others as untouched. Vendors the release adds are added; vendors it drops are removed unless
 * a migration uses them; vendors created locally stay. Curators' difficulty overrides are local and always stay.
 * Pure: no Spring, no database.
 */
final class ReleaseMerge {

    /** Migration facts that repeat a capability value; they are derived from the capability, never merged alone. */
    static final Map<String, String> MIRRORED = Map.of("totpExport", "totp-export", "totpImport", "totp-import",
            "passkeys", "passkeys", "passkeyImport", "passkey-import");

    /** Migration facts whose support is the capability's; the rest of them (hook, format, note) is merged. */
    static final Map<String, String> SUPPORT_FROM = Map.of("jitMigration", "jit-migration", "bulkImport", "bulk-import",
            "bulkExport", "bulk-export");

    /** In {@code curatedWithoutBase}: every field of the vendor is the curators' (a vendor created in the portal). */
    static final String ALL_FIELDS = "*";

    /** A value changed both here and in the release. {@code local} is null when the curator removed the field. */
    record Conflict(String slug, String path, JsonNode release, @Nullable JsonNode local) {}

    /** A vendor the release dropped that stays, because migrations use it. */
    record KeptVendor(String slug, List<String> migrations) {}

    record Counts(int valuesUpdated, int valuesAdded, int keptLocal, int conflicts, int vendorsAdded, int vendorsRemoved,
            int vendorsKeptInUse, int vendorsChanged) {

        Map<String, Object> asMap() {
            var map = new LinkedHashMap<String, Object>();
            map.put("valuesUpdated", valuesUpdated);
            map.put("valuesAdded", valuesAdded);
            map.put("keptLocal", keptLocal);
            map.put("conflicts", conflicts);
            map.put("vendorsAdded", vendorsAdded);
            map.put("vendorsRemoved", vendorsRemoved);
            map.put("vendorsKeptInUse", vendorsKeptInUse);
            map.put("vendorsChanged", vendorsChanged);
            return map;
        }
    }

    /**
     * What to write: vendors to insert, vendors to rewrite (the whole merged file), slugs to delete, and the conflicts
     * to list.
     */
    record Result(List<Dataset.VendorFile> inserts, List<Dataset.VendorFile> replacements, List<String> deletions,
            List<Conflict> conflicts, List<KeptVendor> kept, Counts counts) {}

    private final JsonMapper json;

    ReleaseMerge(JsonMapper json) {
        this.json = json;
    }

    /**
     * @param base the release this installation last took, or null when it never took one
     * @param local the vendor index as it is now
     * @param incoming the new release
     * @param curatedWithoutBase only read when {@code base} is null: {@code slug -> paths} a curator changed
     * @param usage {@code slug -> names of the migrations that use it}
     */
    Result merge(@Nullable Dataset base, Dataset local, Dataset incoming, Map<String, Set<String>> curatedWithoutBase,
            Map<String, List<String>> usage) {
        var baseVendors = base == null ? Map.<String, Dataset.VendorFile>of() : bySlug(base.vendors());
        var localVendors = bySlug(local.vendors());
        var incomingVendors = bySlug(incoming.vendors());
        var capabilityKeys = incoming.catalog().groups().stream().flatMap(g -> g.capabilities().stream())
                .map(Dataset.CapabilityDef::key).toList();
        var inserts = new ArrayList<Dataset.VendorFile>();
        var replacements = new ArrayList<Dataset.VendorFile>();
        var deletions = new ArrayList<String>();
        var conflicts = new ArrayList<Conflict>();
        var kept = new ArrayList<KeptVendor>();
        int updated = 0;
        int added = 0;
        int keptLocal = 0;
        int vendorsAdded = 0;
        for (var release : incomingVendors.values()) {
            var here = localVendors.get(release.slug());
            if (here == null) {
                // a vendor the installation had from an earlier release and no longer has was removed on purpose
                if (!baseVendors.containsKey(release.slug())) {
                    inserts.add(release);
                    vendorsAdded++;
                }
                continue;
            }
            var releaseFields = fields(release);
            var localFields = fields(here);
            var was = baseVendors.get(release.slug());
            Map<String, JsonNode> baseFields;
            if (was != null) {
                baseFields = fields(was);
            } else if (base == null) {
                // no base: what the audit log does not show as curated counts as untouched
                var curated = curatedWithoutBase.getOrDefault(release.slug(), Set.of());
                baseFields = new LinkedHashMap<>(localFields);
                if (curated.contains(ALL_FIELDS)) {
                    baseFields.clear();
                }
                curated.forEach(baseFields::remove);
            } else {
                // created here, and the release now brings a vendor of the same slug: every difference is the curator's
                baseFields = Map.of();
            }
            var merged = new LinkedHashMap<>(localFields);
            boolean changed = false;
            for (var entry : releaseFields.entrySet()) {
                String path = entry.getKey();
                JsonNode theirs = entry.getValue();
                JsonNode ours = localFields.get(path);
                JsonNode before = baseFields.get(path);
                if (ours == null) {
                    merged.put(path, theirs);
                    added++;
                    changed = true;
                } else if (ours.equals(theirs)) {
                    continue;
                } else if (ours.equals(before)) {
                    merged.put(path, theirs);
                    updated++;
                    changed = true;
                } else {
                    keptLocal++;
                    if (!theirs.equals(before)) {
                        conflicts.add(new Conflict(release.slug(), path, theirs, ours));
                    }
                }
            }
            if (changed) {
                replacements.add(file(merged, here));
            }
        }
        for (var here : localVendors.values()) {
            if (incomingVendors.containsKey(here.slug())) {
                continue;
            }
            boolean fromRelease = baseVendors.containsKey(here.slug());
            var users = usage.getOrDefault(here.slug(), List.of());
            if (fromRelease && users.isEmpty()) {
                deletions.add(here.slug());
                continue;
            }
            if (fromRelease) {
                kept.add(new KeptVendor(here.slug(), users));
            }
            // a vendor that stays must still have a value for every capability of the new catalogue
            var fields = fields(here);
            boolean changed = false;
            for (String key : capabilityKeys) {
                if (!fields.containsKey("capabilities." + key)) {
                    fields.put("capabilities." + key, json.valueToTree(unknown()));
                    added++;
                    changed = true;
                }
            }
            if (changed) {
                replacements.add(file(fields, here));
            }
        }
        var counts = new Counts(updated, added, keptLocal, conflicts.size(), vendorsAdded, deletions.size(), kept.size(),
                replacements.size());
        return new Result(inserts, replacements, deletions, conflicts, kept, counts);
    }

    static Dataset.Value unknown() {
        return new Dataset.Value("unknown", DatasetStore.NOT_RESEARCHED, List.of(), false, null);
    }

    /** A vendor file as merge fields: path -> value. Overrides and mirrored migration facts are left out. */
    Map<String, JsonNode> fields(Dataset.VendorFile vendor) {
        ObjectNode tree = json.valueToTree(vendor);
        var fields = new LinkedHashMap<String, JsonNode>();
        for (var entry : tree.properties()) {
            String key = entry.getKey();
            switch (key) {
                case "slug", "overrides" -> { }
                case "facts", "capabilities" -> entry.getValue().properties().forEach(e -> fields.put(key + "." + e.getKey(), e.getValue()));
                case "migration" -> entry.getValue().properties().forEach(e -> {
                    if (MIRRORED.containsKey(e.getKey()) || e.getValue().isNull()) {
                        return;
                    }
                    JsonNode value = e.getValue();
                    if (SUPPORT_FROM.containsKey(e.getKey())) {
                        value = ((ObjectNode) value.deepCopy()).without("support");
                    }
                    fields.put("migration." + e.getKey(), value);
                });
                default -> fields.put(key, entry.getValue());
            }
        }
        return fields;
    }

    /** The merged fields as a vendor file; mirrored migration facts are derived from the merged capabilities. */
    Dataset.VendorFile file(Map<String, JsonNode> fields, Dataset.VendorFile local) {
        ObjectNode tree = json.createObjectNode();
        tree.put("slug", local.slug());
        ObjectNode facts = tree.putObject("facts");
        ObjectNode capabilities = tree.putObject("capabilities");
        ObjectNode migration = tree.putObject("migration");
        fields.forEach((path, value) -> {
            if (path.startsWith("facts.")) {
                facts.set(path.substring(6), value);
            } else if (path.startsWith("capabilities.")) {
                capabilities.set(path.substring(13), value);
            } else if (path.startsWith("migration.")) {
                migration.set(path.substring(10), value.deepCopy());
            } else {
                tree.set(path, value);
            }
        });
        MIRRORED.forEach((fact, capability) -> {
            if (capabilities.has(capability)) {
                migration.set(fact, capabilities.get(capability));
            }
        });
        SUPPORT_FROM.forEach((fact, capability) -> {
            if (migration.has(fact) && capabilities.has(capability)) {
                ((ObjectNode) migration.get(fact)).set("support", capabilities.get(capability).get("support"));
            }
        });
        tree.set("overrides", json.valueToTree(local.overrides()));
        return json.treeToValue(tree, Dataset.VendorFile.class);
    }

    /** Sets one merged field of a vendor to a value (a curator accepting the release's value). */
    Dataset.VendorFile with(Dataset.VendorFile vendor, String path, JsonNode value) {
        var fields = fields(vendor);
        if (!fields.containsKey(path)) {
            throw new IllegalArgumentException("No field " + path);
        }
        fields.put(path, value);
        return file(fields, vendor);
    }

    private static Map<String, Dataset.VendorFile> bySlug(List<Dataset.VendorFile> vendors) {
        var map = new LinkedHashMap<String, Dataset.VendorFile>();
        vendors.forEach(v -> map.put(v.slug(), v));
        return map;
    }

    /** The paths a vendor file has, for messages and tests. */
    Set<String> paths(Dataset.VendorFile vendor) {
        return new LinkedHashSet<>(fields(vendor).keySet());
    }
}
