package io.ciamportal.vendor.internal;

import io.ciamportal.vendor.Dataset;
import io.ciamportal.vendor.Support;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes a dataset into the vendor tables and reads the tables back as a dataset (seed, import, export). */
@Component
public class DatasetStore {

    /** The note of a value nobody has researched. */
    public static final String NOT_RESEARCHED = "Not researched yet; verify with the vendor.";

    private final JdbcClient jdbc;

    public DatasetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void upsertCatalog(Dataset.Catalog catalog) {
        int groupPosition = 0;
        for (var group : catalog.groups()) {
            jdbc.sql("""
                    INSERT INTO capability_group (key, name, position) VALUES (?, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET name = EXCLUDED.name, position = EXCLUDED.position""")
                    .params(group.key(), group.name(), groupPosition++).update();
            int position = 0;
            for (var capability : group.capabilities()) {
                jdbc.sql("""
                        INSERT INTO capability (key, group_key, name, description, position) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (key) DO UPDATE SET group_key = EXCLUDED.group_key, name = EXCLUDED.name,
                            description = EXCLUDED.description, position = EXCLUDED.position""")
                        .params(capability.key(), group.key(), capability.name(), capability.description(), position++).update();
            }
        }
    }

    public void insert(Dataset.VendorFile v) {
        var id = UUID.randomUUID();
        columns(jdbc.sql("""
                INSERT INTO vendor (id, slug, name, full_name, website, docs_url, tier, deployment, license, open_source,
                    pricing_models, audiences, regions, attestations, lifecycle_status, end_of_sale, end_of_life,
                    hash_export_policy, hash_export_scheme, stored_scheme, hash_import_schemes, jit_hook_name, bulk_import_format,
                    bulk_import_limits, bulk_export_format, bulk_export_limits, outbound_override, outbound_override_reason,
                    inbound_override, inbound_override_reason, version)
                VALUES (:id, :slug, :name, :fullName, :website, :docsUrl, :tier, :deployment, :license, :openSource,
                    :pricing, :audiences, :regions, :attestations, :lifecycle, :endOfSale, :endOfLife,
                    :policy, :scheme, :stored, :schemes, :hook, :importFormat, :importLimits, :exportFormat, :exportLimits,
                    :outbound, :outboundReason, :inbound, :inboundReason, 0)"""), v).param("id", id).update();
        children(id, v);
    }

    /**
     * Rewrites an existing vendor (found by slug) with the file's facts and values, keeping its identity; the caller's
     * transaction makes it all or nothing.
     */
    public void replace(Dataset.VendorFile v) {
        var id = jdbc.sql("SELECT id FROM vendor WHERE slug = ?").param(v.slug()).query(UUID.class).single();
        columns(jdbc.sql("""
                UPDATE vendor SET name = :name, full_name = :fullName, website = :website, docs_url = :docsUrl, tier = :tier,
                    deployment = :deployment, license = :license, open_source = :openSource, pricing_models = :pricing,
                    audiences = :audiences, regions = :regions, attestations = :attestations, lifecycle_status = :lifecycle,
                    end_of_sale = :endOfSale, end_of_life = :endOfLife, hash_export_policy = :policy, hash_export_scheme = :scheme,
                    stored_scheme = :stored, hash_import_schemes = :schemes, jit_hook_name = :hook,
                    bulk_import_format = :importFormat, bulk_import_limits = :importLimits, bulk_export_format = :exportFormat,
                    bulk_export_limits = :exportLimits, outbound_override = :outbound, outbound_override_reason = :outboundReason,
                    inbound_override = :inbound, inbound_override_reason = :inboundReason, version = version + 1
                WHERE id = :id"""), v).param("id", id).update();
        jdbc.sql("DELETE FROM vendor_fact WHERE vendor_id = ?").param(id).update();
        jdbc.sql("DELETE FROM capability_value WHERE vendor_id = ?").param(id).update();
        children(id, v);
    }

    /** Records who made the last change of these vendors (a release, an import, a curator) and when. */
    public void markChanged(List<String> slugs, String by, java.time.OffsetDateTime at) {
        if (!slugs.isEmpty()) {
            jdbc.sql("UPDATE vendor SET changed_by = ?, changed_at = ? WHERE slug = ANY(?)").params(by, at, array(slugs)).update();
        }
    }

    public void delete(String slug) {
        jdbc.sql("DELETE FROM vendor WHERE slug = ?").param(slug).update();
    }

    private static JdbcClient.StatementSpec columns(JdbcClient.StatementSpec spec, Dataset.VendorFile v) {
        var m = v.migration();
        return spec.param("slug", v.slug()).param("name", v.name()).param("fullName", v.fullName())
                .param("website", v.website()).param("docsUrl", v.docsUrl()).param("tier", v.tier())
                .param("deployment", v.deployment()).param("license", v.license()).param("openSource", v.openSource())
                .param("pricing", array(v.pricingModels())).param("audiences", array(v.audiences()))
                .param("regions", array(v.regions())).param("attestations", array(v.attestations()))
                .param("lifecycle", v.lifecycle().status()).param("endOfSale", v.lifecycle().endOfSale())
                .param("endOfLife", v.lifecycle().endOfLife())
                .param("policy", m.hashExport().policy()).param("scheme", m.hashExport().scheme())
                .param("stored", m.storedScheme() == null ? null : m.storedScheme().scheme())
                .param("schemes", array(m.hashImportSchemes().schemes())).param("hook", m.jitMigration().hookName())
                .param("importFormat", m.bulkImport().format()).param("importLimits", m.bulkImport().limits())
                .param("exportFormat", m.bulkExport().format()).param("exportLimits", m.bulkExport().limits())
                .param("outbound", v.overrides() == null ? null : v.overrides().outbound())
                .param("outboundReason", v.overrides() == null ? null : v.overrides().outboundReason())
                .param("inbound", v.overrides() == null ? null : v.overrides().inbound())
                .param("inboundReason", v.overrides() == null ? null : v.overrides().inboundReason());
    }

    private void children(UUID id, Dataset.VendorFile v) {
        var m = v.migration();
        v.facts().forEach((key, f) -> fact(id, key, f.note(), f.sources(), f.confirmed(), f.reviewedOn()));
        fact(id, "hashExport", m.hashExport().note(), m.hashExport().sources(), m.hashExport().confirmed(), m.hashExport().reviewedOn());
        if (m.storedScheme() != null) {
            var stored = m.storedScheme();
            fact(id, "storedScheme", stored.note(), stored.sources(), stored.confirmed(), stored.reviewedOn());
        }
        fact(id, "hashImportSchemes", m.hashImportSchemes().note(), m.hashImportSchemes().sources(), m.hashImportSchemes().confirmed(), m.hashImportSchemes().reviewedOn());
        fact(id, "jitMigration", m.jitMigration().note(), m.jitMigration().sources(), m.jitMigration().confirmed(), m.jitMigration().reviewedOn());
        fact(id, "bulkImport", m.bulkImport().note(), m.bulkImport().sources(), m.bulkImport().confirmed(), m.bulkImport().reviewedOn());
        fact(id, "bulkExport", m.bulkExport().note(), m.bulkExport().sources(), m.bulkExport().confirmed(), m.bulkExport().reviewedOn());
        v.capabilities().forEach((key, c) -> jdbc.sql("""
                INSERT INTO capability_value (vendor_id, capability_key, support, note, sources, confirmed, reviewed_on)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, key, Support.fromKey(c.support()).name(), c.note(), array(c.sources()), c.confirmed(), c.reviewedOn())
                .update());
    }

    private void fact(UUID vendor, String key, String note, List<String> sources, boolean confirmed, @Nullable LocalDate reviewedOn) {
        jdbc.sql("INSERT INTO vendor_fact (vendor_id, fact_key, note, sources, confirmed, reviewed_on) VALUES (?, ?, ?, ?, ?, ?)")
                .params(vendor, key, note, array(sources), confirmed, reviewedOn).update();
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    /**
     * Makes the vendor index exactly the dataset's: vendors it lacks are deleted, the others rewritten in place or
     * added. The caller's transaction makes it all or nothing; the caller checks that no deleted vendor is in use.
     */
    public void replaceAll(Dataset dataset) {
        upsertCatalog(dataset.catalog());
        var existing = new java.util.HashSet<>(slugs());
        var wanted = dataset.vendors().stream().map(Dataset.VendorFile::slug).collect(java.util.stream.Collectors.toSet());
        existing.stream().filter(slug -> !wanted.contains(slug)).forEach(this::delete);
        for (var vendor : dataset.vendors()) {
            if (existing.contains(vendor.slug())) {
                replace(vendor);
            } else {
                insert(vendor);
            }
        }
    }

    public List<String> slugs() {
        return jdbc.sql("SELECT slug FROM vendor ORDER BY slug").query(String.class).list();
    }

    /** The whole vendor index as a dataset, in the same shape as db/dataset/. */
    public Dataset read() {
        var groups = new LinkedHashMap<String, Dataset.Group>();
        var capsByGroup = new LinkedHashMap<String, java.util.ArrayList<Dataset.CapabilityDef>>();
        jdbc.sql("SELECT g.key AS gk, g.name AS gn, c.key, c.name, c.description FROM capability c "
                + "JOIN capability_group g ON g.key = c.group_key ORDER BY g.position, c.position").query(rs -> {
            capsByGroup.computeIfAbsent(rs.getString("gk"), k -> new java.util.ArrayList<>())
                    .add(new Dataset.CapabilityDef(rs.getString("key"), rs.getString("name"), rs.getString("description")));
            groups.putIfAbsent(rs.getString("gk"), new Dataset.Group(rs.getString("gk"), rs.getString("gn"), List.of()));
        });
        var catalog = new Dataset.Catalog(groups.values().stream()
                .map(g -> new Dataset.Group(g.key(), g.name(), List.copyOf(capsByGroup.get(g.key())))).toList());
        var facts = new HashMap<UUID, Map<String, Dataset.Sourced>>();
        jdbc.sql("SELECT * FROM vendor_fact ORDER BY fact_key").query(rs -> {
            facts.computeIfAbsent(rs.getObject("vendor_id", UUID.class), k -> new LinkedHashMap<>()).put(rs.getString("fact_key"),
                    new Dataset.Sourced(rs.getString("note"), strings(rs.getArray("sources")), rs.getBoolean("confirmed"),
                            rs.getObject("reviewed_on", LocalDate.class)));
        });
        var values = new HashMap<UUID, Map<String, Dataset.Value>>();
        jdbc.sql("SELECT v.* FROM capability_value v JOIN capability c ON c.key = v.capability_key "
                + "JOIN capability_group g ON g.key = c.group_key ORDER BY g.position, c.position").query(rs -> {
            values.computeIfAbsent(rs.getObject("vendor_id", UUID.class), k -> new LinkedHashMap<>()).put(rs.getString("capability_key"),
                    new Dataset.Value(Support.valueOf(rs.getString("support")).key(), rs.getString("note"), strings(rs.getArray("sources")),
                            rs.getBoolean("confirmed"), rs.getObject("reviewed_on", LocalDate.class)));
        });
        var vendors = jdbc.sql("SELECT * FROM vendor ORDER BY slug").query((rs, n) -> {
            var id = rs.getObject("id", UUID.class);
            var f = new LinkedHashMap<>(facts.getOrDefault(id, Map.of()));
            var caps = values.getOrDefault(id, Map.of());
            var hashExport = f.remove("hashExport");
            var hashImport = f.remove("hashImportSchemes");
            var jit = f.remove("jitMigration");
            var bulkImport = f.remove("bulkImport");
            var bulkExport = f.remove("bulkExport");
            var stored = f.remove("storedScheme");
            String storedScheme = rs.getString("stored_scheme");
            var migration = new Dataset.Migration(
                    new Dataset.HashExport(rs.getString("hash_export_policy"), rs.getString("hash_export_scheme"), note(hashExport),
                            sources(hashExport), confirmed(hashExport), reviewed(hashExport)),
                    stored == null && storedScheme == null ? null
                            : new Dataset.StoredScheme(storedScheme, note(stored), sources(stored), confirmed(stored), reviewed(stored)),
                    new Dataset.HashImport(strings(rs.getArray("hash_import_schemes")), note(hashImport), sources(hashImport),
                            confirmed(hashImport), reviewed(hashImport)),
                    new Dataset.Jit(support(caps, "jit-migration"), rs.getString("jit_hook_name"), note(jit), sources(jit), confirmed(jit), reviewed(jit)),
                    new Dataset.Bulk(support(caps, "bulk-import"), rs.getString("bulk_import_format"), rs.getString("bulk_import_limits"),
                            note(bulkImport), sources(bulkImport), confirmed(bulkImport), reviewed(bulkImport)),
                    new Dataset.Bulk(support(caps, "bulk-export"), rs.getString("bulk_export_format"), rs.getString("bulk_export_limits"),
                            note(bulkExport), sources(bulkExport), confirmed(bulkExport), reviewed(bulkExport)),
                    value(caps, "totp-export"), value(caps, "totp-import"), value(caps, "passkeys"), value(caps, "passkey-import"));
            Integer outbound = (Integer) rs.getObject("outbound_override", Integer.class);
            Integer inbound = (Integer) rs.getObject("inbound_override", Integer.class);
            var overrides = outbound == null && inbound == null ? null : new Dataset.Overrides(outbound,
                    rs.getString("outbound_override_reason"), inbound, rs.getString("inbound_override_reason"));
            return new Dataset.VendorFile(rs.getString("slug"), rs.getString("name"), rs.getString("full_name"),
                    rs.getString("website"), rs.getString("docs_url"), rs.getString("tier"), rs.getString("deployment"),
                    rs.getString("license"), rs.getBoolean("open_source"), strings(rs.getArray("pricing_models")),
                    strings(rs.getArray("audiences")), strings(rs.getArray("regions")), strings(rs.getArray("attestations")),
                    new Dataset.Lifecycle(rs.getString("lifecycle_status"), rs.getObject("end_of_sale", LocalDate.class),
                            rs.getObject("end_of_life", LocalDate.class)),
                    f, migration, caps, overrides);
        }).list();
        return new Dataset(catalog, vendors);
    }

    private static String support(Map<String, Dataset.Value> caps, String key) {
        var value = caps.get(key);
        return value == null ? "unknown" : value.support();
    }

    private static Dataset.Value value(Map<String, Dataset.Value> caps, String key) {
        var value = caps.get(key);
        return value != null ? value : new Dataset.Value("unknown", NOT_RESEARCHED, List.of(), false, null);
    }

    private static String note(Dataset.@Nullable Sourced f) {
        return f == null ? NOT_RESEARCHED : f.note();
    }

    private static List<String> sources(Dataset.@Nullable Sourced f) {
        return f == null ? List.of() : f.sources();
    }

    private static boolean confirmed(Dataset.@Nullable Sourced f) {
        return f != null && f.confirmed();
    }

    private static @Nullable LocalDate reviewed(Dataset.@Nullable Sourced f) {
        return f == null ? null : f.reviewedOn();
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
