package io.ciamportal.vendor;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reviewable vendor dataset as it is written in {@code db/dataset/}: {@code capabilities.json} (groups and
 * capabilities) and one {@code vendors/<slug>.json} per vendor. {@link #validate()} checks everything before
 * anything is written, and names the vendor, the field and the problem. Pure.
 */
public record Dataset(Catalog catalog, List<VendorFile> vendors) {

    /**
     * The release a dataset ships as ({@code db/dataset/release.json}): installations holding an older version are
     * brought up to date at start (docs/dataset.md). Versions are {@code YYYY.MM.DD} with an optional {@code -N}.
     * {@code contentChecksum} is the SHA-256 of the capability and vendor files; a test fails when the files change but it
     * does not, so that no change of data ships under a version installations already hold.
     */
    public record Release(String version, LocalDate publishedOn, @Nullable String notes, @Nullable String contentChecksum) {

        static final java.util.regex.Pattern VERSION = java.util.regex.Pattern.compile("(\\d{4})\\.(\\d{2})\\.(\\d{2})(?:-(\\d{1,3}))?");

        /** Negative, zero or positive as {@code a} is older than, the same as or newer than {@code b}. */
        static int compare(String a, String b) {
            var ma = VERSION.matcher(a);
            var mb = VERSION.matcher(b);
            if (!ma.matches() || !mb.matches()) {
                throw new IllegalArgumentException("Not a release version: " + (ma.matches() ? b : a));
            }
            for (int i = 1; i <= 4; i++) {
                int x = ma.group(i) == null ? 0 : Integer.parseInt(ma.group(i));
                int y = mb.group(i) == null ? 0 : Integer.parseInt(mb.group(i));
                if (x != y) {
                    return Integer.compare(x, y);
                }
            }
            return 0;
        }
    }

    public record Catalog(List<Group> groups) {}

    public record Group(String key, String name, List<CapabilityDef> capabilities) {}

    public record CapabilityDef(String key, String name, String description) {}

    public record VendorFile(
            String slug, String name, String fullName, @Nullable String website, @Nullable String docsUrl,
            String tier, String deployment, String license, boolean openSource,
            List<String> pricingModels, List<String> audiences, List<String> regions, List<String> attestations,
            Lifecycle lifecycle, Map<String, Sourced> facts, Migration migration, Map<String, Value> capabilities,
            @Nullable Overrides overrides) {}

    /** Curators' difficulty overrides; absent in the seed files, carried by exports so an import keeps them. */
    public record Overrides(@Nullable Integer outbound, @Nullable String outboundReason, @Nullable Integer inbound, @Nullable String inboundReason) {}

    public record Lifecycle(String status, @Nullable LocalDate endOfSale, @Nullable LocalDate endOfLife) {}

    /**
     * A note with its sources: the shape every fact shares. {@code reviewedOn} is the day this fact was read at its
     * source; {@code null} when nobody has read it.
     */
    public record Sourced(String note, List<String> sources, boolean confirmed, @Nullable LocalDate reviewedOn) {}

    public record Value(String support, String note, List<String> sources, boolean confirmed, @Nullable LocalDate reviewedOn) {}

    public record HashExport(String policy, @Nullable String scheme, String note, List<String> sources, boolean confirmed,
            @Nullable LocalDate reviewedOn) {}

    /** The scheme the platform itself stores passwords in, when it says so (an export's raw digests are read by it). */
    public record StoredScheme(@Nullable String scheme, String note, List<String> sources, boolean confirmed, @Nullable LocalDate reviewedOn) {}

    public record HashImport(List<String> schemes, String note, List<String> sources, boolean confirmed, @Nullable LocalDate reviewedOn) {}

    public record Jit(String support, @Nullable String hookName, String note, List<String> sources, boolean confirmed,
            @Nullable LocalDate reviewedOn) {}

    public record Bulk(String support, @Nullable String format, @Nullable String limits, String note, List<String> sources,
            boolean confirmed, @Nullable LocalDate reviewedOn) {}

    public record Migration(HashExport hashExport, @Nullable StoredScheme storedScheme, HashImport hashImportSchemes, Jit jitMigration,
            Bulk bulkImport, Bulk bulkExport, Value totpExport, Value totpImport, Value passkeys, Value passkeyImport) {}

    /** The 29 vendors the product promises. */
    static final List<String> REQUIRED_SLUGS = List.of("auth0", "okta", "ping-identity", "entra-external-id", "azure-ad-b2c",
            "cognito", "firebase-auth", "stytch", "descope", "clerk", "workos", "frontegg", "kinde", "fusionauth", "keycloak",
            "zitadel", "ory", "supertokens", "supabase-auth", "logto", "authentik", "better-auth", "sap-cdc", "loginradius",
            "curity", "transmit-security", "ssojet", "mojoauth", "propelauth");

    static final Set<String> PRICING_MODELS = Set.copyOf(Vocabulary.PRICING_MODELS);
    static final Set<String> AUDIENCES = Set.copyOf(Vocabulary.AUDIENCES);
    static final Set<String> REGIONS = Set.copyOf(Vocabulary.REGIONS);
    static final Set<String> ATTESTATIONS = Set.copyOf(Vocabulary.ATTESTATIONS);

    /**
     * Every problem, each naming vendor, field and what is wrong; empty when the dataset can be loaded. {@code today}
     * decides which dates lie in the future (a fact cannot have been read tomorrow).
     */
    List<String> validate(LocalDate today) {
        var errors = new ArrayList<String>();
        var capabilityKeys = new HashSet<String>();
        for (var group : catalog.groups()) {
            if (group.key() == null || !group.key().matches(KEY)) {
                errors.add("capabilities: group key " + group.key() + " is not lower-case kebab-case");
            }
            for (var capability : group.capabilities()) {
                if (capability.key() == null || !capability.key().matches(KEY)) {
                    errors.add("capabilities: key " + capability.key() + " is not lower-case kebab-case");
                } else if (!capabilityKeys.add(capability.key())) {
                    errors.add("capabilities: key " + capability.key() + " appears twice");
                }
                requireText(errors, "capabilities", capability.key() + ".name", capability.name());
            }
        }
        var slugs = new HashSet<String>();
        for (var v : vendors) {
            String who = "vendor " + v.slug();
            if (v.slug() == null || !v.slug().matches(KEY)) {
                errors.add(who + ", slug: use lower-case kebab-case");
            }
            if (!slugs.add(v.slug())) {
                errors.add(who + ", slug: appears twice");
            }
            if (!complete(errors, who, v)) {
                continue;
            }
            var check = new Checker(errors, who, today);
            requireText(errors, who, "name", v.name());
            requireEnum(errors, who, "tier", v.tier(), VendorEnums.Tier.class);
            requireEnum(errors, who, "deployment", v.deployment(), VendorEnums.Deployment.class);
            requireEnum(errors, who, "lifecycle.status", v.lifecycle().status(), VendorEnums.LifecycleStatus.class);
            lifecycle(errors, who, v.lifecycle(), today);
            requireIn(errors, who, "pricingModels", v.pricingModels(), PRICING_MODELS);
            requireIn(errors, who, "audiences", v.audiences(), AUDIENCES);
            requireIn(errors, who, "regions", v.regions(), REGIONS);
            requireIn(errors, who, "attestations", v.attestations(), ATTESTATIONS);
            requireUrl(errors, who, "website", v.website());
            requireUrl(errors, who, "docsUrl", v.docsUrl());
            v.facts().forEach((key, fact) -> check.sourced("facts." + key, fact.note(), fact.sources(), fact.confirmed(), fact.reviewedOn()));
            var m = v.migration();
            requireEnum(errors, who, "migration.hashExport.policy", m.hashExport().policy(), VendorEnums.HashExportPolicy.class);
            requireScheme(errors, who, "migration.hashExport.scheme", m.hashExport().scheme());
            for (String scheme : m.hashImportSchemes().schemes()) {
                requireScheme(errors, who, "migration.hashImportSchemes", scheme);
            }
            var export = m.hashExport();
            check.sourced("migration.hashExport", export.note(), export.sources(), export.confirmed(), export.reviewedOn());
            var stored = m.storedScheme();
            if (stored != null) {
                requireScheme(errors, who, "migration.storedScheme.scheme", stored.scheme());
                check.sourced("migration.storedScheme", stored.note(), stored.sources(), stored.confirmed(), stored.reviewedOn());
            }
            var imports = m.hashImportSchemes();
            check.sourced("migration.hashImportSchemes", imports.note(), imports.sources(), imports.confirmed(), imports.reviewedOn());
            var jit = m.jitMigration();
            check.value("migration.jitMigration", jit.support(), jit.note(), jit.sources(), jit.confirmed(), jit.reviewedOn());
            for (var entry : Map.of("bulkImport", m.bulkImport(), "bulkExport", m.bulkExport()).entrySet()) {
                var bulk = entry.getValue();
                check.value("migration." + entry.getKey(), bulk.support(), bulk.note(), bulk.sources(), bulk.confirmed(), bulk.reviewedOn());
            }
            for (var entry : Map.of("totpExport", m.totpExport(), "totpImport", m.totpImport(), "passkeys", m.passkeys(),
                    "passkeyImport", m.passkeyImport()).entrySet()) {
                var value = entry.getValue();
                check.value("migration." + entry.getKey(), value.support(), value.note(), value.sources(), value.confirmed(), value.reviewedOn());
            }
            var o = v.overrides();
            if (o != null) {
                if (o.outbound() != null && (o.outbound() < 1 || o.outbound() > 5 || o.outboundReason() == null || o.outboundReason().isBlank())) {
                    errors.add(who + ", overrides.outbound: a score from 1 to 5 with a reason");
                }
                if (o.inbound() != null && (o.inbound() < 1 || o.inbound() > 5 || o.inboundReason() == null || o.inboundReason().isBlank())) {
                    errors.add(who + ", overrides.inbound: a score from 1 to 5 with a reason");
                }
            }
            for (String key : capabilityKeys) {
                if (!v.capabilities().containsKey(key)) {
                    errors.add(who + ", capabilities." + key + ": missing (use support \"unknown\" when nobody knows)");
                }
            }
            v.capabilities().forEach((key, value) -> {
                if (!capabilityKeys.contains(key)) {
                    errors.add(who + ", capabilities." + key + ": no such capability");
                }
                check.value("capabilities." + key, value.support(), value.note(), value.sources(), value.confirmed(), value.reviewedOn());
            });
        }
        return errors;
    }

    private static final String KEY = "[a-z0-9]+(-[a-z0-9]+)*";

    /** Whether every part a vendor file must have is there; names each missing one. */
    private static boolean complete(List<String> errors, String who, VendorFile v) {
        var parts = new LinkedHashMap<String, @Nullable Object>();
        parts.put("tier", v.tier());
        parts.put("deployment", v.deployment());
        parts.put("license", v.license());
        parts.put("pricingModels", v.pricingModels());
        parts.put("audiences", v.audiences());
        parts.put("regions", v.regions());
        parts.put("attestations", v.attestations());
        parts.put("lifecycle", v.lifecycle());
        parts.put("facts", v.facts());
        parts.put("capabilities", v.capabilities());
        parts.put("migration", v.migration());
        var m = v.migration();
        if (m != null) {
            parts.put("migration.hashExport", m.hashExport());
            parts.put("migration.hashImportSchemes", m.hashImportSchemes());
            parts.put("migration.jitMigration", m.jitMigration());
            parts.put("migration.bulkImport", m.bulkImport());
            parts.put("migration.bulkExport", m.bulkExport());
            parts.put("migration.totpExport", m.totpExport());
            parts.put("migration.totpImport", m.totpImport());
            parts.put("migration.passkeys", m.passkeys());
            parts.put("migration.passkeyImport", m.passkeyImport());
        }
        int before = errors.size();
        parts.forEach((field, value) -> {
            if (value == null) {
                errors.add(who + ", " + field + ": missing");
            }
        });
        return errors.size() == before && nonNullSources(errors, who, v);
    }

    private static boolean nonNullSources(List<String> errors, String who, VendorFile v) {
        int before = errors.size();
        v.facts().forEach((key, f) -> {
            if (f == null || f.sources() == null) {
                errors.add(who + ", facts." + key + ".sources: missing (use [] when there is none)");
            }
        });
        v.capabilities().forEach((key, c) -> {
            if (c == null || c.sources() == null) {
                errors.add(who + ", capabilities." + key + ".sources: missing (use [] when there is none)");
            }
        });
        var m = v.migration();
        for (var entry : Map.of("hashExport", m.hashExport().sources() == null, "hashImportSchemes",
                m.hashImportSchemes().sources() == null || m.hashImportSchemes().schemes() == null,
                "jitMigration", m.jitMigration().sources() == null, "bulkImport", m.bulkImport().sources() == null,
                "bulkExport", m.bulkExport().sources() == null, "totpExport", m.totpExport().sources() == null,
                "totpImport", m.totpImport().sources() == null, "passkeys", m.passkeys().sources() == null,
                "passkeyImport", m.passkeyImport().sources() == null,
                "storedScheme", m.storedScheme() != null && m.storedScheme().sources() == null).entrySet()) {
            if (entry.getValue()) {
                errors.add(who + ", migration." + entry.getKey() + ": a list is missing (sources or schemes)");
            }
        }
        return errors.size() == before;
    }

    /** Longest note a value may carry, here and in the curation forms. */
    static final int MAX_NOTE = 1000;

    private static void lifecycle(List<String> errors, String who, Lifecycle lifecycle, LocalDate today) {
        if ("END_OF_SALE".equals(lifecycle.status()) && lifecycle.endOfSale() == null) {
            errors.add(who + ", lifecycle.endOfSale: an end-of-sale vendor needs the date");
        }
        if ("END_OF_LIFE".equals(lifecycle.status()) && lifecycle.endOfLife() == null) {
            errors.add(who + ", lifecycle.endOfLife: an end-of-life vendor needs the date");
        }
        if ("END_OF_SALE".equals(lifecycle.status()) && lifecycle.endOfSale() != null && lifecycle.endOfSale().isAfter(today)) {
            errors.add(who + ", lifecycle.endOfSale: " + lifecycle.endOfSale() + " is in the future; until then the vendor is ACTIVE");
        }
        if ("END_OF_LIFE".equals(lifecycle.status()) && lifecycle.endOfLife() != null && lifecycle.endOfLife().isAfter(today)) {
            errors.add(who + ", lifecycle.endOfLife: " + lifecycle.endOfLife() + " is in the future; until then use END_OF_SALE or ACTIVE");
        }
        if (lifecycle.endOfSale() != null && lifecycle.endOfLife() != null && lifecycle.endOfLife().isBefore(lifecycle.endOfSale())) {
            errors.add(who + ", lifecycle.endOfLife: comes before the end of sale");
        }
    }

    private static void requireScheme(List<String> errors, String who, String field, @Nullable String scheme) {
        if (scheme != null && !HashSchemes.known(scheme)) {
            errors.add(who + ", " + field + ": " + scheme + " is not in the hash-scheme vocabulary");
        }
    }

    /** The checks every sourced value shares, for one vendor. */
    private record Checker(List<String> errors, String who, LocalDate today) {

        void value(String field, String support, String note, List<String> sources, boolean confirmed, @Nullable LocalDate reviewedOn) {
            Support level = null;
            try {
                level = Support.fromKey(String.valueOf(support));
            } catch (IllegalArgumentException e) {
                errors.add(who + ", " + field + ".support: " + support + " is not one of yes, partial, paid_addon, no, unknown");
            }
            if (level == Support.UNKNOWN && confirmed) {
                errors.add(who + ", " + field + ": an unknown value cannot be confirmed");
            }
            sourced(field, note, sources, confirmed, reviewedOn);
        }

        void sourced(String field, String note, List<String> sources, boolean confirmed, @Nullable LocalDate reviewedOn) {
            requireText(errors, who, field + ".note", note);
            if (note != null && note.length() > MAX_NOTE) {
                errors.add(who + ", " + field + ".note: longer than " + MAX_NOTE + " characters");
            }
            if (confirmed && sources.isEmpty()) {
                errors.add(who + ", " + field + ": a confirmed value needs a source URL");
            }
            if (confirmed && reviewedOn == null) {
                errors.add(who + ", " + field + ": a confirmed value needs the day it was read (reviewedOn)");
            }
            if (reviewedOn != null && reviewedOn.isAfter(today)) {
                errors.add(who + ", " + field + ".reviewedOn: " + reviewedOn + " is in the future");
            }
            sources.forEach(source -> requireUrl(errors, who, field + ".sources", source));
        }
    }

    private static void requireText(List<String> errors, String who, String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            errors.add(who + ", " + field + ": must not be empty");
        }
    }

    private static <E extends Enum<E>> void requireEnum(List<String> errors, String who, String field, @Nullable String value, Class<E> type) {
        try {
            Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            errors.add(who + ", " + field + ": " + value + " is not a known value");
        }
    }

    private static void requireIn(List<String> errors, String who, String field, List<String> values, Set<String> allowed) {
        for (String value : values) {
            if (!allowed.contains(value)) {
                errors.add(who + ", " + field + ": " + value + " is not a known value");
            }
        }
    }

    private static void requireUrl(List<String> errors, String who, String field, @Nullable String url) {
        if (url != null && !isHttpUrl(url)) {
            errors.add(who + ", " + field + ": " + url + " is not an http(s) URL");
        }
    }

    /** Sources and links must be absolute http(s) URLs (no javascript:, data: or relative links). */
    static boolean isHttpUrl(String url) {
        try {
            var uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
