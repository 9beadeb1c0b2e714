package io.ciamportal.vendor;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.vendor.internal.CurationStore;
import io.ciamportal.vendor.internal.DatasetStore;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Curation of vendor data by admins: capability values and difficulty overrides, each audited with before/after. */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional
public class VendorCurationService {

    static final int MAX_NOTE = Dataset.MAX_NOTE;

    private final CurationStore writes;
    private final VendorService vendors;
    private final DatasetStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final DatasetProperties properties;
    private final io.ciamportal.security.CurrentUser currentUser;

    VendorCurationService(CurationStore writes, VendorService vendors, DatasetStore store, AuditLog audit, Clock clock,
            DatasetProperties properties, io.ciamportal.security.CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.writes = writes;
        this.vendors = vendors;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.properties = properties;
    }

    /** Sets one capability value; reviewed-on becomes today. */
    public VendorViews.CapabilityValue updateCapability(String slug, long expectedVersion, String capability, CapabilityEdit edit) {
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
        UUID vendorId = claim(slug, expectedVersion);
        writes.saveCapability(vendorId, capability, edit.support(), note, sources, edit.confirmed(), today);
        var after = new VendorViews.CapabilityValue(before.key(), before.name(), before.groupKey(), before.groupName(),
                edit.support(), note, sources, edit.confirmed(), today);
        audit.record(AuditEvent.success(AuditAction.VENDOR_VALUE_CHANGED, AuditTarget.VENDOR, slug, describe(before), describe(after)));
        return after;
    }

    /** Updates the sourcing of one of the vendor's own facts (deployment, licence, hash export, ...). */
    public VendorViews.Fact updateFact(String slug, long expectedVersion, String factKey, String note, List<String> sources, boolean confirmed) {
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
        UUID vendorId = claim(slug, expectedVersion);
        writes.saveFact(vendorId, factKey, text, cleanSources, confirmed, today);
        var after = new VendorViews.Fact(factKey, text, cleanSources, confirmed, today);
        audit.record(AuditEvent.success(AuditAction.VENDOR_FACT_CHANGED, AuditTarget.VENDOR, slug, before == null ? null : describe(before), describe(after)));
        return after;
    }

    static final int MAX_TEXT = 300;

    /**
     * Replaces a vendor's own facts after validating all of them; nothing changes when one is invalid. The audit
     * entry holds the fields that changed, before and after.
     */
    public VendorViews.Profile updateFacts(String slug, long expectedVersion, FactsEdit edit) {
        var profile = vendors.profile(slug);
        if (profile.version() != expectedVersion) {
            throw stale(profile);
        }
        var before = FactsEdit.of(profile);
        var clean = validFacts(edit);
        var changedBefore = new LinkedHashMap<String, Object>();
        var changedAfter = new LinkedHashMap<String, Object>();
        var oldFields = fields(before);
        fields(clean).forEach((field, value) -> {
            if (!java.util.Objects.equals(oldFields.get(field), value)) {
                changedBefore.put(field, oldFields.get(field));
                changedAfter.put(field, value);
            }
        });
        if (changedAfter.isEmpty()) {
            return profile;
        }
        claim(slug, expectedVersion);
        writes.saveFacts(slug, clean);
        audit.record(AuditEvent.success(AuditAction.VENDOR_FACTS_CHANGED, AuditTarget.VENDOR, slug, changedBefore, changedAfter));
        return vendors.profile(slug);
    }

    private static FactsEdit validFacts(FactsEdit e) {
        String name = requiredText("name", e.name(), 120);
        String fullName = e.fullName() == null || e.fullName().isBlank() ? name : requiredText("fullName", e.fullName(), 200);
        String license = requiredText("license", e.license(), 100);
        String website = optionalUrl("website", e.website());
        String docsUrl = optionalUrl("docsUrl", e.docsUrl());
        var pricing = inVocabulary("pricingModels", e.pricingModels(), Vocabulary.PRICING_MODELS, "pricing model");
        var audiences = inVocabulary("audiences", e.audiences(), Vocabulary.AUDIENCES, "audience");
        var regions = inVocabulary("regions", e.regions(), Vocabulary.REGIONS, "region");
        var attestations = inVocabulary("attestations", e.attestations(), Vocabulary.ATTESTATIONS, "attestation");
        var imports = inVocabulary("hashImportSchemes", e.hashImportSchemes(), HashSchemes.ALL, "hash scheme");
        String scheme = e.hashExportScheme() == null || e.hashExportScheme().isBlank() ? null : e.hashExportScheme().strip();
        if (scheme != null && !HashSchemes.known(scheme)) {
            throw new InvalidInputException("hashExportScheme", scheme + " is not in the hash-scheme vocabulary.");
        }
        if (scheme != null && (e.hashExportPolicy() == VendorEnums.HashExportPolicy.NONE || e.hashExportPolicy() == VendorEnums.HashExportPolicy.UNKNOWN)) {
            throw new InvalidInputException("hashExportScheme", "A vendor that does not export hashes (or nobody knows) has no export scheme; clear it.");
        }
        if (e.lifecycle() == VendorEnums.LifecycleStatus.END_OF_SALE && e.endOfSale() == null) {
            throw new InvalidInputException("endOfSale", "An end-of-sale vendor needs the date it stopped selling.");
        }
        if (e.lifecycle() == VendorEnums.LifecycleStatus.END_OF_LIFE && e.endOfLife() == null) {
            throw new InvalidInputException("endOfLife", "An end-of-life vendor needs its end-of-life date.");
        }
        if (e.endOfSale() != null && e.endOfLife() != null && e.endOfLife().isBefore(e.endOfSale())) {
            throw new InvalidInputException("endOfLife", "The end of life cannot come before the end of sale.");
        }
        return new FactsEdit(name, fullName, website, docsUrl, e.tier(), e.deployment(), license, e.openSource(), pricing, audiences,
                regions, attestations, e.lifecycle(), e.endOfSale(), e.endOfLife(), e.hashExportPolicy(), scheme, imports,
                optionalText("jitHookName", e.jitHookName()), optionalText("bulkImportFormat", e.bulkImportFormat()),
                optionalText("bulkImportLimits", e.bulkImportLimits()), optionalText("bulkExportFormat", e.bulkExportFormat()),
                optionalText("bulkExportLimits", e.bulkExportLimits()));
    }

    private static String requiredText(String field, @Nullable String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(field, "Required.");
        }
        if (text.length() > max) {
            throw new InvalidInputException(field, "At most " + max + " characters.");
        }
        return text;
    }

    private static @Nullable String optionalText(String field, @Nullable String value) {
        String text = value == null ? "" : value.strip();
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "At most " + MAX_TEXT + " characters.");
        }
        return text.isEmpty() ? null : text;
    }

    private static @Nullable String optionalUrl(String field, @Nullable String value) {
        String url = value == null ? "" : value.strip();
        if (url.isEmpty()) {
            return null;
        }
        if (!Dataset.isHttpUrl(url) || url.length() > 500) {
            throw new InvalidInputException(field, url + " is not an http(s) URL.");
        }
        return url;
    }

    private static List<String> inVocabulary(String field, @Nullable List<String> values, List<String> vocabulary, String what) {
        var out = new ArrayList<String>();
        for (String value : values == null ? List.<String>of() : values) {
            if (!vocabulary.contains(value)) {
                throw new InvalidInputException(field, value + " is not a known " + what + ".");
            }
        }
        // keep the vocabulary's order, so equal sets compare equal and diffs stay small
        vocabulary.stream().filter(v -> values != null && values.contains(v)).forEach(out::add);
        return out;
    }

    /** The facts as audit fields, by the names History shows. */
    private static Map<String, @Nullable Object> fields(FactsEdit e) {
        var map = new LinkedHashMap<String, @Nullable Object>();
        map.put("name", e.name());
        map.put("fullName", e.fullName());
        map.put("website", e.website());
        map.put("docsUrl", e.docsUrl());
        map.put("tier", e.tier().name());
        map.put("deployment", e.deployment().name());
        map.put("license", e.license());
        map.put("openSource", e.openSource());
        map.put("pricingModels", e.pricingModels());
        map.put("audiences", e.audiences());
        map.put("regions", e.regions());
        map.put("attestations", e.attestations());
        map.put("lifecycle", e.lifecycle().name());
        map.put("endOfSale", e.endOfSale() == null ? null : e.endOfSale().toString());
        map.put("endOfLife", e.endOfLife() == null ? null : e.endOfLife().toString());
        map.put("hashExportPolicy", e.hashExportPolicy().name());
        map.put("hashExportScheme", e.hashExportScheme());
        map.put("hashImportSchemes", e.hashImportSchemes());
        map.put("jitHookName", e.jitHookName());
        map.put("bulkImportFormat", e.bulkImportFormat());
        map.put("bulkImportLimits", e.bulkImportLimits());
        map.put("bulkExportFormat", e.bulkExportFormat());
        map.put("bulkExportLimits", e.bulkExportLimits());
        return map;
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
        if (writes.exists(cleanSlug)) {
            throw new InvalidInputException("slug", "There is already a vendor " + cleanSlug + ".");
        }
        writes.insertVendor(cleanSlug, cleanName, deployment, tier, DatasetStore.NOT_RESEARCHED);
        var after = new LinkedHashMap<String, Object>();
        after.put("slug", cleanSlug);
        after.put("name", cleanName);
        after.put("deployment", deployment);
        after.put("tier", tier);
        audit.record(AuditEvent.success(AuditAction.VENDOR_CREATED, AuditTarget.VENDOR, cleanSlug, null, after));
        return vendors.profile(cleanSlug);
    }

    /** Sets or clears (score null) a curator's override of the inbound or outbound difficulty. */
    public void overrideDifficulty(String slug, long expectedVersion, Direction direction, @Nullable Integer score, @Nullable String reason) {
        var summary = vendors.profile(slug).summary();
        var current = direction == Direction.INBOUND ? summary.inbound() : summary.outbound();
        String why = reason == null ? "" : reason.strip();
        if (score != null && (score < 1 || score > 5)) {
            throw new InvalidInputException("score", "A score is between 1 (easy) and 5 (hard).");
        }
        if (score != null && why.isEmpty()) {
            throw new InvalidInputException("reason", "Explain the override: readers see this reason next to the score.");
        }
        claim(slug, expectedVersion);
        writes.saveOverride(slug, direction == Direction.INBOUND, score, score == null ? null : why);
        var before = new LinkedHashMap<String, Object>();
        before.put("direction", direction);
        before.put("override", current.override());
        before.put("reason", current.overrideReason());
        var after = new LinkedHashMap<String, Object>();
        after.put("direction", direction);
        after.put("override", score);
        after.put("reason", score == null ? null : why);
        after.put("computed", current.computed());
        audit.record(AuditEvent.success(AuditAction.VENDOR_DIFFICULTY_OVERRIDDEN, AuditTarget.VENDOR, slug, before, after));
    }

    public enum Direction { INBOUND, OUTBOUND }

    /**
     * Every value that needs a curator, vendor by vendor: unknown capabilities, unconfirmed values, and facts read longer
     * ago than {@code PORTAL_STALE_AFTER_DAYS} (capability values and the vendor's own facts alike).
     */
    @Transactional(readOnly = true)
    public List<DataHealthItem> dataHealth() {
        var today = LocalDate.now(clock);
        var staleBefore = today.minusDays(properties.staleAfterDays());
        var dataset = store.read();
        var names = new java.util.HashMap<String, String>();
        dataset.catalog().groups().forEach(g -> g.capabilities().forEach(c -> names.put(c.key(), c.name())));
        var items = new ArrayList<DataHealthItem>();
        for (var v : dataset.vendors().stream().sorted(java.util.Comparator.comparing(d -> d.name().toLowerCase(java.util.Locale.ROOT))).toList()) {
            for (var group : dataset.catalog().groups()) {
                for (var c : group.capabilities()) {
                    var value = v.capabilities().get(c.key());
                    if (value == null || "unknown".equals(value.support())) {
                        items.add(new DataHealthItem(v.slug(), v.name(), c.key(), c.name(), Problem.UNKNOWN,
                                value == null ? null : value.reviewedOn(), value == null ? DatasetStore.NOT_RESEARCHED : value.note()));
                    } else {
                        health(items, v, c.key(), c.name(), value.confirmed(), value.reviewedOn(), value.note(), staleBefore);
                    }
                }
            }
            v.facts().forEach((key, fact) -> health(items, v, "facts." + key, FACT_NAMES.getOrDefault(key, key) + " (vendor fact)",
                    fact.confirmed(), fact.reviewedOn(), fact.note(), staleBefore));
            var m = v.migration();
            health(items, v, "migration.hashExport", "Password-hash export (migration fact)", m.hashExport().confirmed(),
                    m.hashExport().reviewedOn(), m.hashExport().note(), staleBefore);
            health(items, v, "migration.hashImportSchemes", "Imported hash schemes (migration fact)", m.hashImportSchemes().confirmed(),
                    m.hashImportSchemes().reviewedOn(), m.hashImportSchemes().note(), staleBefore);
        }
        return items;
    }

    private static void health(List<DataHealthItem> items, Dataset.VendorFile v, String key, String name, boolean confirmed,
            @Nullable LocalDate reviewedOn, String note, LocalDate staleBefore) {
        if (!confirmed) {
            items.add(new DataHealthItem(v.slug(), v.name(), key, name, Problem.UNCONFIRMED, reviewedOn, note));
        } else if (reviewedOn != null && reviewedOn.isBefore(staleBefore)) {
            items.add(new DataHealthItem(v.slug(), v.name(), key, name, Problem.STALE, reviewedOn, note));
        }
    }

    private static final Map<String, String> FACT_NAMES = Map.of("deployment", "Deployment", "license", "Licence", "pricing",
            "Pricing", "audiences", "Audiences", "regions", "Regions", "attestations", "Attestations", "lifecycle", "Lifecycle",
            "tier", "Tier");

    /** Why a value is listed. */
    public enum Problem {
        UNKNOWN("Unknown"), UNCONFIRMED("Unconfirmed"), STALE("Stale");

        private final String label;

        Problem(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One value that needs a curator's attention; {@code reviewedOn} is null when nobody has read it. */
    public record DataHealthItem(String slug, String vendor, String key, String name, Problem problem,
            @Nullable LocalDate reviewedOn, String note) {}

    /** The stale threshold in days ({@code PORTAL_STALE_AFTER_DAYS}). */
    public int staleAfterDays() {
        return properties.staleAfterDays();
    }

    /**
     * Takes the vendor's next version for this edit, if it is still at {@code expectedVersion}; otherwise someone saved in
     * between and nothing is changed. One statement, so two curators saving at once cannot both pass.
     */
    private UUID claim(String slug, long expectedVersion) {
        var me = currentUser.require();
        return writes.claim(slug, expectedVersion, me.displayName(), java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                .orElseThrow(() -> stale(vendors.profile(slug)));
    }

    private static io.ciamportal.shared.StaleVersionException stale(VendorViews.Profile current) {
        return new io.ciamportal.shared.StaleVersionException("This vendor", current.version(), current.changedBy(), current.changedAt(), current);
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
        map.put("reviewedOn", f.reviewedOn() == null ? null : f.reviewedOn().toString());
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
