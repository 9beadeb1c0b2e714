package io.ciamportal.vendor;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditActor;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.vendor.internal.DatasetStore;
import io.ciamportal.vendor.internal.ReleaseStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Applies a dataset release to this installation's vendor index, in the caller's transaction: a fresh installation takes
 * it whole; an installation that holds an older release (or none, but has vendors) is merged with {@link ReleaseMerge}.
 * Conflicts are stored for Data health; the whole application is one audit entry with its counts.
 */
@Component
class DatasetReleases {

    /** Serialises release applications across portal instances on one database. */
    private static final Logger log = LoggerFactory.getLogger(DatasetReleases.class);

    private final ReleaseStore releases;
    private final DatasetStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final List<VendorUsage> usage;
    private final ReleaseMerge merge = new ReleaseMerge(DatasetFiles.JSON);

    DatasetReleases(ReleaseStore releases, DatasetStore store, AuditLog audit, Clock clock, List<VendorUsage> usage) {
        this.releases = releases;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.usage = usage;
    }


    /** What applying a release did; {@code applied} is false when the installation already held it (or a newer one). */
    record Outcome(boolean applied, String version, @Nullable String from, ReleaseMerge.Counts counts,
            List<ReleaseMerge.KeptVendor> kept) {}

    Optional<ReleaseStore.Installed> installed() {
        return releases.installed();
    }

    /**
     * Whether this installation holds exactly {@code shipped} (same version, same checksum), so that applying it would
     * change nothing. Its content was valid when it was installed, and stays so: every date rule asks "not after today".
     */
    boolean holds(DatasetFiles.Stamp shipped) {
        return installed().filter(i -> i.version().equals(shipped.version()) && i.checksum().equals(shipped.checksum())).isPresent();
    }

    /** Brings the vendor index up to {@code shipped}; the caller's transaction makes it all or nothing. */
    Outcome apply(DatasetFiles.Shipped shipped) {
        var errors = shipped.dataset().validate(LocalDate.now(clock));
        if (!errors.isEmpty()) {
            throw new IllegalStateException("Dataset release " + shipped.release().version() + " is not valid:\n  " + String.join("\n  ", errors));
        }
        releases.lock();
        var installed = installed();
        String version = shipped.release().version();
        if (installed.isPresent()) {
            int order = Dataset.Release.compare(installed.get().version(), version);
            if (order >= 0) {
                if (order == 0 && !installed.get().checksum().equals(shipped.checksum())) {
                    log.warn("Dataset release {} differs from the one installed under that version; give changed data a new version", version);
                }
                if (order > 0) {
                    log.info("This installation holds dataset release {}, newer than the shipped {}; nothing to do",
                            installed.get().version(), version);
                }
                return new Outcome(false, installed.get().version(), installed.get().version(), zero(), List.of());
            }
        }
        store.upsertCatalog(shipped.dataset().catalog());
        var local = store.read();
        ReleaseMerge.Result result;
        if (installed.isEmpty() && local.vendors().isEmpty()) {
            result = new ReleaseMerge.Result(shipped.dataset().vendors(), List.of(), List.of(), List.of(), List.of(),
                    new ReleaseMerge.Counts(0, 0, 0, 0, shipped.dataset().vendors().size(), 0, 0, 0));
        } else {
            var base = installed.map(i -> baseDocument(i.version())).orElse(null);
            var slugs = local.vendors().stream().map(Dataset.VendorFile::slug).toList();
            result = merge.merge(base, local, shipped.dataset(), installed.isEmpty() ? legacyCuration() : Map.of(), usedBy(slugs));
        }
        result.deletions().forEach(store::delete);
        result.replacements().forEach(store::replace);
        result.inserts().forEach(store::insert);
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        var touched = new ArrayList<String>();
        result.replacements().forEach(v -> touched.add(v.slug()));
        result.inserts().forEach(v -> touched.add(v.slug()));
        store.markChanged(touched, "dataset release " + version, now);
        var summary = result.counts().asMap();
        releases.recordRelease(version, shipped.checksum(), shipped.release().publishedOn(), document(shipped), now,
                DatasetFiles.JSON.writeValueAsString(summary));
        for (var conflict : result.conflicts()) {
            releases.saveConflict(conflict.slug(), conflict.path(), version, conflict.release().toString(),
                    conflict.local() == null ? null : conflict.local().toString(), now);
        }
        releases.clearLegacyCuration();
        settleConflicts();
        var before = new LinkedHashMap<String, Object>();
        before.put("release", installed.map(ReleaseStore.Installed::version).orElse(null));
        var after = new LinkedHashMap<String, Object>();
        after.put("release", version);
        after.putAll(summary);
        if (!result.kept().isEmpty()) {
            after.put("keptInUse", result.kept().stream().map(ReleaseMerge.KeptVendor::slug).toList());
        }
        audit.record(AuditActor.SYSTEM, AuditEvent.success(AuditAction.DATASET_RELEASE_APPLIED, AuditTarget.DATASET, version, before, after));
        log.info("Vendor dataset release {} applied: {}", version, summary);
        return new Outcome(true, version, installed.map(ReleaseStore.Installed::version).orElse(null), result.counts(), result.kept());
    }

    /**
     * Drops conflicts that no longer hold: the vendor is gone, or its value now equals the release's (a curator or an
     * import made them agree). Keeps the stored local side current for the rest.
     */
    void settleConflicts() {
        var conflicts = releases.conflicts();
        if (conflicts.isEmpty()) {
            return;
        }
        var vendors = new HashMap<String, Map<String, JsonNode>>();
        store.read().vendors().forEach(v -> vendors.put(v.slug(), merge.fields(v)));
        for (var c : conflicts) {
            var fields = vendors.get(c.slug());
            JsonNode local = fields == null ? null : fields.get(c.path());
            if (fields == null || DatasetFiles.JSON.readTree(c.releaseValue()).equals(local)) {
                releases.deleteConflict(c.slug(), c.path());
            } else {
                releases.updateConflictLocal(c.slug(), c.path(), local == null ? null : local.toString());
            }
        }
    }

    /** {@code slug -> migrations} for the slugs any migration uses. */
    Map<String, List<String>> usedBy(List<String> slugs) {
        var used = new HashMap<String, List<String>>();
        for (var u : usage) {
            u.migrationsUsing(slugs).forEach((slug, names) -> used.computeIfAbsent(slug, k -> new ArrayList<>()).addAll(names));
        }
        return used;
    }

    ReleaseMerge merge() {
        return merge;
    }

    private Dataset baseDocument(String version) {
        String document = releases.document(version);
        var exchange = DatasetFiles.JSON.readValue(document, DatasetExchangeService.Exchange.class);
        return new Dataset(exchange.capabilities(), exchange.vendors());
    }

    private Map<String, Set<String>> legacyCuration() {
        return releases.legacyCuration();
    }

    private static String document(DatasetFiles.Shipped shipped) {
        return DatasetFiles.JSON.writeValueAsString(new DatasetExchangeService.Exchange(DatasetExchangeService.FORMAT,
                shipped.release(), shipped.dataset().catalog(), shipped.dataset().vendors()));
    }

    private static ReleaseMerge.Counts zero() {
        return new ReleaseMerge.Counts(0, 0, 0, 0, 0, 0, 0, 0);
    }
}
