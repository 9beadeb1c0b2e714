package io.ciamportal.migration;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.exports.AnalysisJson;
import io.ciamportal.exports.AnalysisOptions;
import io.ciamportal.exports.ExportAnalysis;
import io.ciamportal.exports.ExportFormatException;
import io.ciamportal.exports.ExportLimits;
import io.ciamportal.exports.IdFingerprints;
import io.ciamportal.exports.Platform;
import io.ciamportal.migration.internal.ExportStore;
import io.ciamportal.migration.internal.Migration;
import io.ciamportal.migration.internal.MigrationRepository;
import io.ciamportal.vendor.VendorQuery;
import io.ciamportal.vendor.VendorService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A migration's user exports: an analyst (owner or analyst of the migration) or an admin uploads the source
 * platform's export, which streams through the analyser and is never stored; the counts fill the inventory (each
 * field remembering it came from the export), what the file shows about hashes and TOTP secrets outranks the
 * vendor's documented facts for this migration, and a later export of the same platform says how many users were
 * added and removed. The same files again change nothing. Members read the results.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class MigrationExportsService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MigrationLoader loader;
    private final MigrationRepository migrations;
    private final ExportStore store;
    private final MigrationService migrationService;
    private final MigrationPlanService plan;
    private final MigrationSides sides;
    private final MigrationAssembler assembler;
    private final VendorService vendors;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ExportLimits limits;
    private final Clock clock;

    MigrationExportsService(MigrationLoader loader, MigrationRepository migrations, ExportStore store, MigrationService migrationService,
            MigrationPlanService plan, MigrationSides sides, MigrationAssembler assembler, VendorService vendors, AuditLog audit,
            ApplicationEventPublisher events, ExportLimits limits, Clock clock) {
        this.loader = loader;
        this.migrations = migrations;
        this.store = store;
        this.migrationService = migrationService;
        this.plan = plan;
        this.sides = sides;
        this.assembler = assembler;
        this.vendors = vendors;
        this.audit = audit;
        this.events = events;
        this.limits = limits;
        this.clock = clock;
    }

    /** How to read the files; all but the platform have defaults. */
    public record UploadOptions(@Nullable Platform platform, Map<String, String> mapping, @Nullable String scheme, int inactiveDays) {
        public static UploadOptions detect() {
            return new UploadOptions(null, Map.of(), null, AnalysisOptions.DEFAULT_INACTIVE_DAYS);
        }
    }

    /** The platform whose export this migration's source produces, if the analyser reads it. */
    public Optional<Platform> expectedPlatform(UUID migrationId) {
        var m = loader.readable(migrationId);
        return Optional.ofNullable(Platform.byId(MigrationSides.platformOf(m.source())).orElse(null));
    }

    /** Starts an upload after the permission check: owner or analyst of the migration, or an admin. */
    @Transactional
    public ExportUpload start(UUID migrationId, UploadOptions options) {
        var m = loader.editable(migrationId);
        var me = loader.me();
        var analysis = new AnalysisOptions(options.platform(), options.mapping(), options.scheme(), options.inactiveDays(), clock.instant());
        return new ExportUpload(m.id(), me.userId(), analysis, limits, store.fingerprintKey(m.id()));
    }

    /**
     * Finishes an upload: stores the analysis with its provenance, fills the inventory, re-scores. The same files as the
     * latest export change nothing ({@code unchanged}).
     */
    @Transactional
    public ExportViews.Result finish(ExportUpload upload) {
        if (upload.empty()) {
            throw new ExportFormatException("No file was uploaded.");
        }
        if (upload.failed()) {
            throw new ExportFormatException("A file of this upload could not be read; nothing was saved.");
        }
        var m = loader.editable(upload.migrationId());
        var me = loader.me();
        if (!me.userId().equals(upload.userId())) {
            throw new org.springframework.security.access.AccessDeniedException("This upload was started by someone else.");
        }
        ExportAnalysis analysis = upload.analysis();
        checkPlatform(m, analysis);
        String content = contentSha256(analysis);
        var latest = store.latest(m.id());
        if (latest.isPresent() && latest.get().contentSha256().equals(content)) {
            return new ExportViews.Result(true, analysed(m, latest.get()), assembler.details(m, me));
        }
        int[] fingerprints = upload.fingerprints();
        ExportViews.Diff diff = null;
        var previous = fingerprints == null ? Optional.<ExportStore.Row>empty() : store.latestWithFingerprints(m.id(), analysis.platform());
        if (previous.isPresent()) {
            byte[] packed = store.fingerprints(previous.get().id());
            var d = packed == null ? null : IdFingerprints.diff(IdFingerprints.unpack(packed), fingerprints);
            diff = new ExportViews.Diff(previous.get().id(), previous.get().uploadedAt(), previous.get().users(), analysis.users(),
                    d == null ? null : d.added(), d == null ? null : d.removed());
        } else {
            var sameOlder = store.history(m.id(), 20).stream().filter(r -> r.platform().equals(analysis.platform())).findFirst();
            if (sameOlder.isPresent()) {
                diff = new ExportViews.Diff(sameOlder.get().id(), sameOlder.get().uploadedAt(), sameOlder.get().users(), analysis.users(), null, null);
            }
        }
        var exportId = UUID.randomUUID();
        long bytes = analysis.files().stream().mapToLong(ExportAnalysis.FileInfo::bytes).sum();
        var row = new ExportStore.Row(exportId, m.id(), analysis.platform(), content, bytes, analysis.users(), AnalysisJson.write(analysis),
                upload.fromDocument(), diff == null ? null : JSON.writeValueAsString(diff), me.userId(), clock.instant(), fingerprints != null);
        store.insert(row, fingerprints == null ? null : IdFingerprints.pack(fingerprints));

        boolean evidenceApplies = analysis.platform().equals(MigrationSides.platformOf(m.source()));
        var fromExport = InventoryFromExport.of(m.inventory(), analysis, Side.IN_HOUSE.equals(m.source()));
        String evidence = evidenceApplies ? ExportEvidence.of(exportId, analysis).toJson() : m.exportEvidence();
        apply(m, fromExport, exportId, evidence);

        var after = new LinkedHashMap<String, Object>();
        after.put("exportId", exportId.toString());
        after.put("platform", analysis.platform());
        after.put("files", analysis.files().stream().map(f -> Map.of("name", f.name(), "bytes", f.bytes(), "sha256", f.sha256())).toList());
        after.put("users", analysis.users());
        after.put("fromDocument", upload.fromDocument());
        after.put("inventoryFields", new TreeSet<>(fromExport.fields()));
        if (diff != null && diff.added() != null) {
            after.put("usersAdded", diff.added());
            after.put("usersRemoved", diff.removed());
        }
        audit.record(AuditEvent.success(AuditAction.MIGRATION_EXPORT_ANALYSED, AuditTarget.MIGRATION, m.id().toString(), null, after));
        var saved = store.find(m.id(), exportId).orElseThrow();
        return new ExportViews.Result(false, analysed(m, saved), assembler.details(m, me));
    }

    /** The inventory as a typed save would change it, plus the provenance and the evidence; re-scored at once. */
    private void apply(Migration m, InventoryFromExport fromExport, UUID exportId, @Nullable String evidence) {
        boolean evidenceChanged = !Objects.equals(m.exportEvidence(), evidence);
        var clean = fromExport.inventory().validated();
        if (!m.inventory().equals(clean)) {
            m.setExportEvidence(evidence);
            migrationService.updateInventory(m.id(), m.version(), clean);
        } else {
            m.setExportEvidence(evidence);
            migrations.flush();
            if (evidenceChanged) {
                plan.refresh(m, sides.memo().scored(m));
                events.publishEvent(new MigrationEvents.InventoryChanged(m.id()));
            }
        }
        var sources = m.inventorySources();
        fromExport.fields().forEach(f -> sources.put(f, exportId.toString()));
        m.setInventorySources(sources);
        migrations.flush();
    }

    private void checkPlatform(Migration m, ExportAnalysis analysis) {
        String expected = MigrationSides.platformOf(m.source());
        if (expected.isEmpty() || expected.equals(analysis.platform())) {
            return;
        }
        String sourceName = sides.memo().side(m.source(), Inventory.empty()).name();
        String expectedName = Platform.byId(expected).map(Platform::label).orElse(expected);
        throw new ExportFormatException("This is " + (analysis.platformForced() ? "read as " : "") + "an export of " + analysis.platformName()
                + ", but this migration's source is " + sourceName + " (" + expectedName + "). Change the migration's source, or choose the "
                + "platform if the detection is wrong.");
    }

    /** The latest analysis of the migration with its provenance and per-destination outcomes; members and admins. */
    @Transactional(readOnly = true)
    public Optional<ExportViews.Analysed> latest(UUID migrationId) {
        var m = loader.readable(migrationId);
        return store.latest(m.id()).map(row -> analysed(m, row));
    }

    /**
     * The latest analysis, for rehearsal data made from its mix (owner, analysts of the migration, admins: they run the
     * rehearsal import). Not found when no export was analysed.
     */
    @Transactional(readOnly = true)
    public ExportAnalysis rehearsalSource(UUID migrationId) {
        var m = loader.editable(migrationId);
        var row = store.latest(m.id()).orElseThrow(() -> new io.ciamportal.shared.NotFoundException("No export has been analysed for this migration yet."));
        return AnalysisJson.read(new java.io.ByteArrayInputStream(row.analysis().getBytes(StandardCharsets.UTF_8)));
    }

    /** Every analysis of the migration, newest first (at most 50). */
    @Transactional(readOnly = true)
    public List<ExportViews.HistoryRow> history(UUID migrationId) {
        var m = loader.readable(migrationId);
        var rows = store.history(m.id(), 50);
        var names = assembler.names(rows.stream().map(ExportStore.Row::uploadedBy).toList());
        return rows.stream().map(r -> new ExportViews.HistoryRow(provenance(r, names), r.users(), diff(r))).toList();
    }

    /** Which inventory fields came from which export (field -> export id). */
    @Transactional(readOnly = true)
    public Map<String, String> inventorySources(UUID migrationId) {
        return loader.readable(migrationId).inventorySources();
    }

    private ExportViews.Analysed analysed(Migration m, ExportStore.Row row) {
        var analysis = AnalysisJson.read(new java.io.ByteArrayInputStream(row.analysis().getBytes(StandardCharsets.UTF_8)));
        var names = assembler.names(List.of(row.uploadedBy()));
        var memo = sides.memo();
        var evidence = ExportEvidence.fromJson(m.exportEvidence());
        boolean applied = evidence != null && evidence.exportId().equals(row.id());
        var source = memo.side(m.source(), m.inventory());
        if (applied) {
            source = source.withEvidence(evidence);
        }
        var destinations = new ArrayList<Side>();
        for (var v : vendors.search(VendorQuery.ALL)) {
            destinations.add(memo.side(v.slug(), m.inventory()));
        }
        String note = applied ? null : analysis.platform().equals(MigrationSides.platformOf(m.source())) ? "A later export is the evidence now."
                : "This export is not of the migration's source platform, so the scoring does not rest on it.";
        var fields = new java.util.HashSet<String>();
        m.inventorySources().forEach((field, id) -> {
            if (id.equals(row.id().toString())) {
                fields.add(field);
            }
        });
        return new ExportViews.Analysed(provenance(row, names), analysis, diff(row), DestinationOutcomes.of(analysis, source, destinations,
                m.destination()), Set.copyOf(fields), applied, note);
    }

    private ExportViews.Provenance provenance(ExportStore.Row r, Map<UUID, String> names) {
        var analysis = AnalysisJson.read(new java.io.ByteArrayInputStream(r.analysis().getBytes(StandardCharsets.UTF_8)));
        return new ExportViews.Provenance(r.id(), analysis.files(), r.platform(), analysis.platformName(), analysis.platformForced(),
                r.contentSha256(), r.totalBytes(), r.uploadedAt(), names.getOrDefault(r.uploadedBy(), "unknown"), r.fromDocument());
    }

    private static ExportViews.@Nullable Diff diff(ExportStore.Row r) {
        return r.diff() == null ? null : JSON.readValue(r.diff(), ExportViews.Diff.class);
    }

    /** One file: its own SHA-256; several: the SHA-256 of their sorted SHA-256s, so the order of upload does not matter. */
    static String contentSha256(ExportAnalysis analysis) {
        var hashes = analysis.files().stream().map(ExportAnalysis.FileInfo::sha256).sorted().toList();
        if (hashes.size() == 1) {
            return hashes.getFirst();
        }
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(String.join("\n", hashes).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
