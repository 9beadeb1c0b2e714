package io.ciamportal.vendor;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.vendor.internal.DatasetStore;
import io.ciamportal.vendor.internal.ReleaseStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole vendor dataset as one JSON document (docs/dataset.md): export for anyone signed in, import for admins.
 * An import is validated in full first and then applied all or nothing; its errors name vendor, field and problem.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional
public class DatasetExchangeService {

    private static final int MAX_ERRORS_SHOWN = 25;

    /** The format name of a dataset document. */
    static final String FORMAT = "ciam-portal-dataset/v1";

    private final DatasetStore store;
    private final DatasetReleases releases;
    private final ReleaseStore releaseStore;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json = DatasetFiles.JSON;

    DatasetExchangeService(DatasetStore store, DatasetReleases releases, ReleaseStore releaseStore, AuditLog audit, Clock clock) {
        this.store = store;
        this.releases = releases;
        this.releaseStore = releaseStore;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The dataset as JSON: {@code {"format", "release", "capabilities": {...}, "vendors": [...]}}; {@code release} names
     * the release this installation last took (its curators' changes may have been made since).
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public byte[] export() {
        var dataset = store.read();
        var release = releases.installed().map(i -> new Dataset.Release(i.version(), i.publishedOn(), null, i.checksum())).orElse(null);
        return json.writeValueAsBytes(new Exchange(FORMAT, release, dataset.catalog(), dataset.vendors()));
    }

    /** Replaces the vendor index with the given document; nothing changes unless the whole document is valid. */
    @PreAuthorize("hasRole('ADMIN')")
    public ImportResult importDataset(byte[] document) {
        Exchange parsed;
        try {
            parsed = json.readValue(document, Exchange.class);
        } catch (JacksonException e) {
            throw new InvalidInputException("file", "The file is not a dataset export: " + e.getOriginalMessage());
        }
        if (parsed.capabilities() == null || parsed.vendors() == null) {
            throw new InvalidInputException("file", "The file needs both \"capabilities\" and \"vendors\".");
        }
        if (parsed.format() != null && !FORMAT.equals(parsed.format())) {
            throw new InvalidInputException("file", "The file's format is " + parsed.format() + "; this portal reads " + FORMAT + ".");
        }
        var dataset = new Dataset(parsed.capabilities(), parsed.vendors());
        List<String> errors = dataset.validate(java.time.LocalDate.now(clock));
        if (!errors.isEmpty()) {
            String shown = String.join("\n", errors.subList(0, Math.min(errors.size(), MAX_ERRORS_SHOWN)));
            throw new InvalidInputException("file", errors.size() + " problem(s); nothing was imported.\n" + shown
                    + (errors.size() > MAX_ERRORS_SHOWN ? "\n…" : ""));
        }
        long before = releaseStore.vendorCount();
        var wanted = dataset.vendors().stream().map(Dataset.VendorFile::slug).collect(java.util.stream.Collectors.toSet());
        var dropped = store.slugs().stream().filter(slug -> !wanted.contains(slug)).toList();
        var inUse = releases.usedBy(dropped);
        if (!inUse.isEmpty()) {
            var lines = new java.util.ArrayList<String>();
            new java.util.TreeMap<>(inUse).forEach((slug, names) -> lines.add("vendor " + slug + ": used by " + String.join(", ", names)));
            throw new InvalidInputException("file", "The file leaves out " + inUse.size() + " vendor(s) that migrations use; "
                    + "nothing was imported. Add them back to the file, or change those migrations first.\n" + String.join("\n", lines));
        }
        store.replaceAll(dataset);
        store.markChanged(dataset.vendors().stream().map(Dataset.VendorFile::slug).toList(), "a dataset import",
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        releases.settleConflicts();
        String checksum = sha256(document);
        releaseStore.recordImport(checksum, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), dataset.vendors().size());
        audit.record(AuditEvent.success(AuditAction.DATASET_IMPORTED, AuditTarget.DATASET, checksum, Map.of("vendors", before),
                Map.of("vendors", dataset.vendors().size())));
        return new ImportResult(dataset.vendors().size(), checksum);
    }

    /** What an import did. */
    public record ImportResult(int vendors, String checksum) {}

    record Exchange(@Nullable String format, Dataset.@Nullable Release release, Dataset.Catalog capabilities,
            List<Dataset.VendorFile> vendors) {}

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
