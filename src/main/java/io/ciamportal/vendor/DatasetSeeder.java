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
    private final DatasetStore store;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Clock clock;

    DatasetSeeder(JdbcClient jdbc, DatasetStore store, JsonMapper json, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
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
        store.upsertCatalog(dataset.catalog());
        long vendors = jdbc.sql("SELECT count(*) FROM vendor").query(Long.class).single();
        if (vendors > 0) {
            return;
        }
        dataset.vendors().forEach(store::insert);
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

}
