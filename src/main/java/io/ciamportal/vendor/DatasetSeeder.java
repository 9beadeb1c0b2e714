package io.ciamportal.vendor;

import io.ciamportal.audit.AuditActor;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the reviewable dataset ({@code db/dataset/}) at start-up. The capability catalogue is reference data and is
 * brought up to date every time; vendors are loaded only into an empty index, so curated changes are never
 * overwritten. The whole dataset is validated first and written in one transaction, or not at all.
 */
@Component
@Order(10)
class DatasetSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DatasetSeeder.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;

    DatasetSeeder(JdbcClient jdbc, JsonMapper json, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        var loaded = load();
        var dataset = loaded.dataset();
        var errors = dataset.validate();
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The vendor dataset in db/dataset/ is not valid:\n  " + String.join("\n  ", errors));
        }
        upsertCatalog(dataset.catalog());
        long vendors = jdbc.sql("SELECT count(*) FROM vendor").query(Long.class).single();
        if (vendors > 0) {
            return;
        }
        for (var vendor : dataset.vendors()) {
            insert(vendor);
        }
        jdbc.sql("INSERT INTO dataset_import (checksum, imported_at, vendors, source) VALUES (?, ?, ?, 'seed')")
                .params(loaded.checksum(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), dataset.vendors().size())
                .update();
        audit.record(AuditActor.SYSTEM, AuditEvent.success("DATASET_SEEDED", "dataset", loaded.checksum(), null,
                Map.of("vendors", dataset.vendors().size())));
        log.info("Vendor dataset loaded: {} vendors", dataset.vendors().size());
    }

    record Loaded(Dataset dataset, String checksum) {}

    /** Reads capabilities.json and every vendors/*.json from the classpath, in slug order. */
    Loaded load() {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            var digest = MessageDigest.getInstance("SHA-256");
            var catalog = json.readValue(read(resolver.getResource("classpath:db/dataset/capabilities.json"), digest), Dataset.Catalog.class);
            var files = new ArrayList<>(Arrays.asList(resolver.getResources("classpath*:db/dataset/vendors/*.json")));
            files.sort(Comparator.comparing(r -> String.valueOf(r.getFilename())));
            var vendors = new ArrayList<Dataset.VendorFile>();
            for (Resource file : files) {
                try {
                    vendors.add(json.readValue(read(file, digest), Dataset.VendorFile.class));
                } catch (RuntimeException e) {
                    throw new IllegalStateException("db/dataset/vendors/" + file.getFilename() + " cannot be read: " + e.getMessage(), e);
                }
            }
            return new Loaded(new Dataset(catalog, List.copyOf(vendors)), HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(Resource resource, MessageDigest digest) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            digest.update(bytes);
            return bytes;
        }
    }

    private void upsertCatalog(Dataset.Catalog catalog) {
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

    private void insert(Dataset.VendorFile v) {
        var id = UUID.randomUUID();
        var m = v.migration();
        jdbc.sql("""
                INSERT INTO vendor (id, slug, name, full_name, website, docs_url, tier, deployment, license, open_source,
                    pricing_models, audiences, regions, attestations, lifecycle_status, end_of_sale, end_of_life,
                    hash_export_policy, hash_export_scheme, hash_import_schemes, jit_hook_name, bulk_import_format,
                    bulk_import_limits, bulk_export_format, bulk_export_limits, version)
                VALUES (:id, :slug, :name, :fullName, :website, :docsUrl, :tier, :deployment, :license, :openSource,
                    :pricing, :audiences, :regions, :attestations, :lifecycle, :endOfSale, :endOfLife,
                    :policy, :scheme, :schemes, :hook, :importFormat, :importLimits, :exportFormat, :exportLimits, 0)""")
                .param("id", id).param("slug", v.slug()).param("name", v.name()).param("fullName", v.fullName())
                .param("website", v.website()).param("docsUrl", v.docsUrl()).param("tier", v.tier())
                .param("deployment", v.deployment()).param("license", v.license()).param("openSource", v.openSource())
                .param("pricing", array(v.pricingModels())).param("audiences", array(v.audiences()))
                .param("regions", array(v.regions())).param("attestations", array(v.attestations()))
                .param("lifecycle", v.lifecycle().status()).param("endOfSale", v.lifecycle().endOfSale())
                .param("endOfLife", v.lifecycle().endOfLife())
                .param("policy", m.hashExport().policy()).param("scheme", m.hashExport().scheme())
                .param("schemes", array(m.hashImportSchemes().schemes())).param("hook", m.jitMigration().hookName())
                .param("importFormat", m.bulkImport().format()).param("importLimits", m.bulkImport().limits())
                .param("exportFormat", m.bulkExport().format()).param("exportLimits", m.bulkExport().limits())
                .update();
        v.facts().forEach((key, f) -> fact(id, key, f.note(), f.sources(), f.confirmed(), f.reviewedOn()));
        fact(id, "hashExport", m.hashExport().note(), m.hashExport().sources(), m.hashExport().confirmed(), m.hashExport().reviewedOn());
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

    private void fact(UUID vendor, String key, String note, List<String> sources, boolean confirmed, java.time.LocalDate reviewedOn) {
        jdbc.sql("INSERT INTO vendor_fact (vendor_id, fact_key, note, sources, confirmed, reviewed_on) VALUES (?, ?, ?, ?, ?, ?)")
                .params(vendor, key, note, array(sources), confirmed, reviewedOn).update();
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }
}
