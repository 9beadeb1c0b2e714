package io.ciamportal.vendor;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.shared.NotFoundException;
import io.ciamportal.vendor.internal.DatasetStore;
import io.ciamportal.vendor.internal.ReleaseStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The installed dataset release, its conflicts with local curation ("the release says X, you say Y") and the
 * dataset's completeness. Admins settle conflicts: accept takes the release's value, keep leaves the local one.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional
public class DatasetReleaseService {

    private final DatasetReleases releases;
    private final DatasetStore store;
    private final ReleaseStore releaseStore;
    private final AuditLog audit;
    private final Clock clock;

    DatasetReleaseService(DatasetReleases releases, DatasetStore store, ReleaseStore releaseStore, AuditLog audit, Clock clock) {
        this.releases = releases;
        this.store = store;
        this.releaseStore = releaseStore;
        this.audit = audit;
        this.clock = clock;
    }

    /** The release this installation holds, with what applying it did; empty before the first start finished. */
    public record Status(@Nullable String version, @Nullable LocalDate publishedOn, @Nullable OffsetDateTime appliedAt,
            Map<String, Object> summary, int conflicts) {}

    /** One field where the release and a local curator disagree. */
    public record Conflict(String slug, String vendor, String path, String field, String releaseVersion, String releaseSays,
            String youSay, OffsetDateTime detectedAt) {}

    @Transactional(readOnly = true)
    public Status status() {
        int conflicts = releaseStore.conflictCount();
        return releases.installed()
                .map(i -> new Status(i.version(), i.publishedOn(), i.appliedAt(), i.summary(), conflicts))
                .orElse(new Status(null, null, null, Map.of(), conflicts));
    }

    @Transactional(readOnly = true)
    public List<Conflict> conflicts() {
        var names = releaseStore.vendorNames();
        var capabilities = releaseStore.capabilityNames();
        return releaseStore.conflicts().stream()
                .map(c -> new Conflict(c.slug(), names.getOrDefault(c.slug(), c.slug()), c.path(), fieldName(c.path(), capabilities),
                        c.releaseVersion(), describe(node(c.releaseValue())), describe(node(c.localValue())), c.detectedAt()))
                .toList();
    }

    /** Takes the release's value for this field; the conflict is settled and the change audited. */
    public void accept(String slug, String path) {
        String releaseValue = conflictValue(slug, path);
        var dataset = store.read();
        var vendor = dataset.vendors().stream().filter(v -> v.slug().equals(slug)).findFirst()
                .orElseThrow(() -> new NotFoundException("No vendor with the slug " + slug + "."));
        var merge = releases.merge();
        var before = merge.fields(vendor).get(path);
        var changed = merge.with(vendor, path, node(releaseValue));
        var errors = new Dataset(dataset.catalog(), List.of(changed)).validate(LocalDate.now(clock));
        if (!errors.isEmpty()) {
            throw new io.ciamportal.shared.InvalidInputException("path", "The release's value cannot be taken: " + String.join("; ", errors));
        }
        store.replace(changed);
        store.markChanged(List.of(slug), "the release's value taken by a curator", OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
        releaseStore.deleteConflict(slug, path);
        audit.record(AuditEvent.success(AuditAction.DATASET_CONFLICT_ACCEPTED, AuditTarget.VENDOR, slug, entry(path, before), entry(path, node(releaseValue))));
    }

    /** Keeps the local value; the conflict is settled (a later release that changes the field again raises it anew). */
    public void keep(String slug, String path) {
        String releaseValue = conflictValue(slug, path);
        releaseStore.deleteConflict(slug, path);
        audit.record(AuditEvent.success(AuditAction.DATASET_CONFLICT_KEPT, AuditTarget.VENDOR, slug, entry(path, node(releaseValue)), Map.of("field", path)));
    }

    /** Completeness of the vendor index as it is now (curated values included). */
    @Transactional(readOnly = true)
    public Completeness completeness() {
        return Completeness.of(store.read());
    }

    private String conflictValue(String slug, String path) {
        return releaseStore.conflictValue(slug, path)
                .orElseThrow(() -> new NotFoundException("No open conflict for " + slug + " " + path + "; it may have been settled already."));
    }

    private static Map<String, Object> entry(String path, @Nullable JsonNode value) {
        var map = new LinkedHashMap<String, Object>();
        map.put("field", path);
        map.put("value", value == null ? null : describe(value));
        return map;
    }

    private static @Nullable JsonNode node(@Nullable String json) {
        return json == null ? null : DatasetFiles.JSON.readTree(json);
    }

    /** A field path in words: {@code capabilities.passkeys} is "Passkeys (WebAuthn)", {@code facts.pricing} "Pricing (source)". */
    static String fieldName(String path, Map<String, String> capabilities) {
        if (path.startsWith("capabilities.")) {
            return capabilities.getOrDefault(path.substring(13), path.substring(13));
        }
        if (path.startsWith("facts.")) {
            return words(path.substring(6)) + " (sourcing)";
        }
        if (path.startsWith("migration.")) {
            return words(path.substring(10));
        }
        return words(path);
    }

    private static String words(String key) {
        var out = new StringBuilder();
        for (char ch : key.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                out.append(' ').append(Character.toLowerCase(ch));
            } else {
                out.append(ch);
            }
        }
        return out.substring(0, 1).toUpperCase(Locale.ROOT) + out.substring(1);
    }

    /** A value in a line: a capability as "Yes — its note", a list joined, a fact by its note. */
    static String describe(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return "(nothing)";
        }
        if (value.isArray()) {
            var parts = new ArrayList<String>();
            value.forEach(v -> parts.add(v.isString() ? v.asString() : v.toString()));
            return parts.isEmpty() ? "(none)" : String.join(", ", parts);
        }
        if (value.isObject()) {
            var parts = new ArrayList<String>();
            if (value.has("support")) {
                parts.add(Support.fromKey(value.get("support").asString()).label());
            }
            if (value.has("status")) {
                parts.add(value.get("status").asString());
            }
            for (var key : List.of("policy", "scheme", "schemes", "hookName", "format", "limits")) {
                if (value.has(key) && !value.get(key).isNull()) {
                    parts.add(describe(value.get(key)));
                }
            }
            if (value.has("note")) {
                parts.add(value.get("note").asString());
            }
            if (value.has("confirmed")) {
                parts.add(value.get("confirmed").asBoolean() ? "confirmed" : "unconfirmed");
            }
            return String.join(" — ", parts);
        }
        return value.isString() ? value.asString() : value.toString();
    }
}
