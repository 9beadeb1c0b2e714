package io.ciamportal.vendor;

import io.ciamportal.Application;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long it takes to bring an installation with curated edits up to a newer dataset release: the portal (embedded
 * PostgreSQL, a fresh data directory) takes the shipped release, curators change 100 capability values and 20 vendor
 * facts, then a release that changes 300 values (those a curator also changed become conflicts; the printout counts
 * them), adds a capability to every vendor and adds a vendor is applied, in one transaction. Each run is rolled back, so every run starts from the same state.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests package exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.ciamportal.vendor.DatasetReleaseBenchmark}. It prints numbers; it asserts nothing.
 */
public final class DatasetReleaseBenchmark {

    private static final int RUNS = 7;

    public static void main(String[] args) throws Exception {
        var dataDir = Files.createTempDirectory("release-bench");
        var context = new SpringApplicationBuilder(Application.class).properties("spring.datasource.url=", "portal.data-dir=" + dataDir,
                "server.port=0", "portal.demo=true", "portal.demo-password=Bench-Password-2026", "logging.level.root=warn").run();
        try {
            var releases = context.getBean(DatasetReleases.class);
            var jdbc = context.getBean(JdbcClient.class);
            var tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
            var shipped = DatasetFiles.fromClasspath();
            var next = next(shipped);
            var times = new ArrayList<Double>();
            var summary = new StringBuilder();
            for (int run = 0; run < RUNS; run++) {
                tx.executeWithoutResult(status -> {
                    curate(jdbc);
                    long start = System.nanoTime();
                    var outcome = releases.apply(next);
                    times.add((System.nanoTime() - start) / 1e6);
                    summary.setLength(0);
                    summary.append(outcome.counts());
                    status.setRollbackOnly();
                });
            }
            var sorted = times.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "Release apply (%d vendors × %d capabilities, 100 curated values, 20 curated facts): "
                            + "median %.0f ms, min %.0f ms, max %.0f ms over %d runs%n%s%n", next.dataset().vendors().size(),
                    next.dataset().catalog().groups().stream().mapToInt(g -> g.capabilities().size()).sum(), sorted.get(RUNS / 2),
                    sorted.getFirst(), sorted.getLast(), RUNS, summary);
        } finally {
            context.close();
        }
    }

    /** Curators' edits: 100 capability values and 20 vendor facts changed in the database, as the curation forms do. */
    private static void curate(JdbcClient jdbc) {
        jdbc.sql("""
                UPDATE capability_value SET note = note || ' (curated)', reviewed_on = CURRENT_DATE
                WHERE (vendor_id, capability_key) IN (SELECT vendor_id, capability_key FROM capability_value ORDER BY capability_key, vendor_id LIMIT 100)""")
                .update();
        jdbc.sql("""
                UPDATE vendor_fact SET note = note || ' (curated)'
                WHERE (vendor_id, fact_key) IN (SELECT vendor_id, fact_key FROM vendor_fact ORDER BY fact_key, vendor_id LIMIT 20)""").update();
    }

    /** The shipped release changed: 300 values rewritten, one capability more for everyone, one vendor more. */
    private static DatasetFiles.Shipped next(DatasetFiles.Shipped shipped) {
        var vendors = new ArrayList<Dataset.VendorFile>();
        int changed = 0;
        var keys = shipped.dataset().catalog().groups().stream().flatMap(g -> g.capabilities().stream()).map(Dataset.CapabilityDef::key)
                .sorted().toList();
        var value = new Dataset.Value("yes", "Read in the next release.", List.of("https://vendor.example/next"), true, LocalDate.of(2026, 12, 1));
        for (var v : shipped.dataset().vendors()) {
            var file = v;
            for (String key : keys) {
                if (changed < 300 && (key.hashCode() + v.slug().hashCode()) % 4 == 0) {
                    file = MadeUpDataset.withCapability(file, key, value);
                    changed++;
                }
            }
            vendors.add(MadeUpDataset.withCapability(file, "bench-capability", value));
        }
        var groups = new ArrayList<>(shipped.dataset().catalog().groups());
        var last = groups.removeLast();
        var caps = new ArrayList<>(last.capabilities());
        caps.add(new Dataset.CapabilityDef("bench-capability", "Bench capability", "Added by the benchmark's release."));
        groups.add(new Dataset.Group(last.key(), last.name(), caps));
        var catalog = new Dataset.Catalog(groups);
        var values = new java.util.LinkedHashMap<String, Dataset.Value>();
        catalog.groups().forEach(g -> g.capabilities().forEach(c -> values.put(c.key(), value)));
        vendors.add(MadeUpDataset.vendor("bench-vendor", values));
        return new DatasetFiles.Shipped(new Dataset.Release("2099.01.01", LocalDate.of(2026, 12, 1), "benchmark", null),
                new Dataset(catalog, vendors), "b".repeat(64));
    }
}
