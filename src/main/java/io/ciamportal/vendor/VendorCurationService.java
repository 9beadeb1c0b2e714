package io.ciamportal.vendor;

import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Curation of vendor data by admins: capability values and difficulty overrides, each audited with before/after. */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional
public class VendorCurationService {

    static final int MAX_NOTE = 1000;

    private final JdbcClient jdbc;
    private final VendorService vendors;
    private final AuditLog audit;
    private final Clock clock;

    VendorCurationService(JdbcClient jdbc, VendorService vendors, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.vendors = vendors;
        this.audit = audit;
        this.clock = clock;
    }

    /** Sets one capability value; reviewed-on becomes today. */
    public VendorViews.CapabilityValue updateCapability(String slug, String capability, CapabilityEdit edit) {
        var profile = vendors.profile(slug);
        var before = profile.capabilities().stream().filter(c -> c.key().equals(capability)).findFirst()
                .orElseThrow(() -> new InvalidInputException("capability", "Unknown capability " + capability + "."));
        var sources = validSources(edit.sources());
        String note = edit.note() == null ? "" : edit.note().strip();
        if (note.isEmpty()) {
            throw new InvalidInputException("note", "Write what the value rests on, in a sentence.");
        }
        if (note.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "Keep the note under " + MAX_NOTE + " characters.");
        }
        if (edit.confirmed() && sources.isEmpty()) {
            throw new InvalidInputException("sources", "A confirmed value needs at least one source URL.");
        }
        LocalDate today = LocalDate.now(clock);
        UUID vendorId = vendorId(slug);
        jdbc.sql("""
                INSERT INTO capability_value (vendor_id, capability_key, support, note, sources, confirmed, reviewed_on)
                VALUES (:vendor, :capability, :support, :note, :sources, :confirmed, :reviewed)
                ON CONFLICT (vendor_id, capability_key) DO UPDATE SET support = EXCLUDED.support, note = EXCLUDED.note,
                    sources = EXCLUDED.sources, confirmed = EXCLUDED.confirmed, reviewed_on = EXCLUDED.reviewed_on""")
                .param("vendor", vendorId).param("capability", capability).param("support", edit.support().name())
                .param("note", note).param("sources", sources.toArray(String[]::new)).param("confirmed", edit.confirmed())
                .param("reviewed", today).update();
        jdbc.sql("UPDATE vendor SET version = version + 1 WHERE id = ?").param(vendorId).update();
        var after = new VendorViews.CapabilityValue(before.key(), before.name(), before.groupKey(), before.groupName(),
                edit.support(), note, sources, edit.confirmed(), today);
        audit.record(AuditEvent.success("VENDOR_VALUE_CHANGED", "vendor", slug, describe(before), describe(after)));
        return after;
    }

    /** Updates the sourcing of one of the vendor's own facts (deployment, licence, hash export, ...). */
    public VendorViews.Fact updateFact(String slug, String factKey, String note, List<String> sources, boolean confirmed) {
        var profile = vendors.profile(slug);
        var before = profile.facts().get(factKey);
        if (before == null && !EDITABLE_FACTS.contains(factKey)) {
            throw new InvalidInputException("fact", "Unknown fact " + factKey + ".");
        }
        var cleanSources = validSources(sources);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "Write the fact in a sentence of at most " + MAX_NOTE + " characters.");
        }
        if (confirmed && cleanSources.isEmpty()) {
            throw new InvalidInputException("sources", "A confirmed value needs at least one source URL.");
        }
        var today = LocalDate.now(clock);
        UUID vendorId = vendorId(slug);
        jdbc.sql("""
                INSERT INTO vendor_fact (vendor_id, fact_key, note, sources, confirmed, reviewed_on) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (vendor_id, fact_key) DO UPDATE SET note = EXCLUDED.note, sources = EXCLUDED.sources,
                    confirmed = EXCLUDED.confirmed, reviewed_on = EXCLUDED.reviewed_on""")
                .params(vendorId, factKey, text, cleanSources.toArray(String[]::new), confirmed, today).update();
        jdbc.sql("UPDATE vendor SET version = version + 1 WHERE id = ?").param(vendorId).update();
        var after = new VendorViews.Fact(factKey, text, cleanSources, confirmed, today);
        audit.record(AuditEvent.success("VENDOR_FACT_CHANGED", "vendor", slug, before == null ? null : describe(before), describe(after)));
        return after;
    }

    /** Fact keys a curator can source; the same keys the dataset uses. */
    static final java.util.Set<String> EDITABLE_FACTS = java.util.Set.of("deployment", "license", "pricing", "audiences", "regions",
            "attestations", "lifecycle", "tier", "hashExport", "hashImportSchemes", "jitMigration", "bulkImport", "bulkExport");

    /** Adds a vendor with every capability unknown, ready to be curated. */
    public VendorViews.Profile createVendor(String slug, String name, VendorEnums.Deployment deployment, VendorEnums.Tier tier) {
        String cleanSlug = slug == null ? "" : slug.strip();
        if (!cleanSlug.matches("[a-z0-9]+(-[a-z0-9]+)*") || cleanSlug.length() > 60) {
            throw new InvalidInputException("slug", "Use lower-case letters, digits and single dashes, e.g. acme-identity.");
        }
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 120) {
            throw new InvalidInputException("name", "Enter the vendor's name (at most 120 characters).");
        }
        if (jdbc.sql("SELECT count(*) FROM vendor WHERE slug = ?").param(cleanSlug).query(Long.class).single() > 0) {
            throw new InvalidInputException("slug", "There is already a vendor " + cleanSlug + ".");
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO vendor (id, slug, name, full_name, tier, deployment, license, open_source, pricing_models, audiences,
                    regions, attestations, lifecycle_status, hash_export_policy, hash_import_schemes, version)
                VALUES (?, ?, ?, ?, ?, ?, 'Unknown', false, '{}', '{}', '{}', '{}', 'ACTIVE', 'UNKNOWN', '{}', 0)""")
                .params(id, cleanSlug, cleanName, cleanName, tier.name(), deployment.name()).update();
        // Every capability starts as an explicit unknown, so the vendor is complete in exports and in the matrix.
        jdbc.sql("""
                INSERT INTO capability_value (vendor_id, capability_key, support, note, sources, confirmed, reviewed_on)
                SELECT ?, key, 'UNKNOWN', 'Not researched yet; verify with the vendor.', '{}', false, ? FROM capability""")
                .params(id, LocalDate.now(clock)).update();
        var after = new LinkedHashMap<String, Object>();
        after.put("slug", cleanSlug);
        after.put("name", cleanName);
        after.put("deployment", deployment);
        after.put("tier", tier);
        audit.record(AuditEvent.success("VENDOR_CREATED", "vendor", cleanSlug, null, after));
        return vendors.profile(cleanSlug);
    }

    /** Sets or clears (score null) a curator's override of the inbound or outbound difficulty. */
    public void overrideDifficulty(String slug, Direction direction, @Nullable Integer score, @Nullable String reason) {
        var summary = vendors.profile(slug).summary();
        var current = direction == Direction.INBOUND ? summary.inbound() : summary.outbound();
        String why = reason == null ? "" : reason.strip();
        if (score != null && (score < 1 || score > 5)) {
            throw new InvalidInputException("score", "A score is between 1 (easy) and 5 (hard).");
        }
        if (score != null && why.isEmpty()) {
            throw new InvalidInputException("reason", "Explain the override: readers see this reason next to the score.");
        }
        String column = direction == Direction.INBOUND ? "inbound" : "outbound";
        jdbc.sql("UPDATE vendor SET " + column + "_override = :score, " + column + "_override_reason = :reason, version = version + 1 WHERE slug = :slug")
                .param("score", score).param("reason", score == null ? null : why).param("slug", slug).update();
        var before = new LinkedHashMap<String, Object>();
        before.put("direction", direction);
        before.put("override", current.override());
        before.put("reason", current.overrideReason());
        var after = new LinkedHashMap<String, Object>();
        after.put("direction", direction);
        after.put("override", score);
        after.put("reason", score == null ? null : why);
        after.put("computed", current.computed());
        audit.record(AuditEvent.success("VENDOR_DIFFICULTY_OVERRIDDEN", "vendor", slug, before, after));
    }

    public enum Direction { INBOUND, OUTBOUND }

    /** Unconfirmed values and values not reviewed for a year, vendor by vendor. */
    @Transactional(readOnly = true)
    public List<DataHealthItem> dataHealth() {
        var today = LocalDate.now(clock);
        var items = new ArrayList<DataHealthItem>();
        var matrix = vendors.matrix(List.of(), null, false);
        for (var v : matrix.vendors()) {
            for (var c : matrix.capabilities()) {
                var value = matrix.value(v.slug(), c.key());
                if (value.support() == Support.UNKNOWN) {
                    items.add(new DataHealthItem(v.slug(), v.name(), c.key(), c.name(), "Unknown", value.reviewedOn()));
                } else if (!value.confirmed()) {
                    items.add(new DataHealthItem(v.slug(), v.name(), c.key(), c.name(), "Unconfirmed", value.reviewedOn()));
                } else if (value.reviewedOn() != null && value.reviewedOn().plusDays(VendorViews.REVIEW_AFTER_DAYS).isBefore(today)) {
                    items.add(new DataHealthItem(v.slug(), v.name(), c.key(), c.name(), "Stale", value.reviewedOn()));
                }
            }
        }
        return items;
    }

    /** One value that needs a curator's attention. */
    public record DataHealthItem(String slug, String vendor, String capabilityKey, String capability, String problem,
            @Nullable LocalDate reviewedOn) {}

    private UUID vendorId(String slug) {
        return jdbc.sql("SELECT id FROM vendor WHERE slug = ?").param(slug).query(UUID.class).optional()
                .orElseThrow(() -> new NotFoundException("No vendor with the slug " + slug + "."));
    }

    static List<String> validSources(@Nullable List<String> sources) {
        var out = new ArrayList<String>();
        if (sources == null) {
            return out;
        }
        for (String raw : sources) {
            String url = raw == null ? "" : raw.strip();
            if (url.isEmpty()) {
                continue;
            }
            if (!Dataset.isHttpUrl(url)) {
                throw new InvalidInputException("sources", url + " is not an http(s) URL.");
            }
            out.add(url);
        }
        return out;
    }

    private static Map<String, Object> describe(VendorViews.Fact f) {
        var map = new LinkedHashMap<String, Object>();
        map.put("fact", f.key());
        map.put("note", f.note());
        map.put("sources", f.sources());
        map.put("confirmed", f.confirmed());
        map.put("reviewedOn", f.reviewedOn().toString());
        return map;
    }

    private static Map<String, Object> describe(VendorViews.CapabilityValue v) {
        var map = new LinkedHashMap<String, Object>();
        map.put("capability", v.key());
        map.put("support", v.support().key());
        map.put("note", v.note());
        map.put("sources", v.sources());
        map.put("confirmed", v.confirmed());
        map.put("reviewedOn", v.reviewedOn() == null ? null : v.reviewedOn().toString());
        return map;
    }
}
