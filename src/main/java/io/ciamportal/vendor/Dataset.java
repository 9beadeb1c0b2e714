package io.ciamportal.vendor;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The reviewable vendor dataset as it is written in {@code db/dataset/}: {@code capabilities.json} (groups and
 * capabilities) and one {@code vendors/<slug>.json} per vendor. {@link #validate()} checks everything before
 * anything is written, and names the vendor, the field and the problem. Pure.
 */
record Dataset(Catalog catalog, List<VendorFile> vendors) {

    record Catalog(List<Group> groups) {}

    record Group(String key, String name, List<CapabilityDef> capabilities) {}

    record CapabilityDef(String key, String name, String description) {}

    record VendorFile(
            String slug, String name, String fullName, @Nullable String website, @Nullable String docsUrl,
            String tier, String deployment, String license, boolean openSource,
            List<String> pricingModels, List<String> audiences, List<String> regions, List<String> attestations,
            Lifecycle lifecycle, Map<String, Sourced> facts, Migration migration, Map<String, Value> capabilities,
            @Nullable Overrides overrides) {}

    /** Curators' difficulty overrides; absent in the seed files, carried by exports so an import keeps them. */
    record Overrides(@Nullable Integer outbound, @Nullable String outboundReason, @Nullable Integer inbound, @Nullable String inboundReason) {}

    record Lifecycle(String status, @Nullable LocalDate endOfSale, @Nullable LocalDate endOfLife) {}

    /** A note with its sources: the shape every fact shares. */
    record Sourced(String note, List<String> sources, boolean confirmed, LocalDate reviewedOn) {}

    record Value(String support, String note, List<String> sources, boolean confirmed, LocalDate reviewedOn) {}

    record HashExport(String policy, @Nullable String scheme, String note, List<String> sources, boolean confirmed, LocalDate reviewedOn) {}

    record HashImport(List<String> schemes, String note, List<String> sources, boolean confirmed, LocalDate reviewedOn) {}

    record Jit(String support, @Nullable String hookName, String note, List<String> sources, boolean confirmed, LocalDate reviewedOn) {}

    record Bulk(String support, @Nullable String format, @Nullable String limits, String note, List<String> sources,
            boolean confirmed, LocalDate reviewedOn) {}

    record Migration(HashExport hashExport, HashImport hashImportSchemes, Jit jitMigration, Bulk bulkImport, Bulk bulkExport,
            Value totpExport, Value totpImport, Value passkeys, Value passkeyImport) {}

    /** The 29 vendors the product promises. */
    static final List<String> REQUIRED_SLUGS = List.of("auth0", "okta", "ping-identity", "entra-external-id", "azure-ad-b2c",
            "cognito", "firebase-auth", "stytch", "descope", "clerk", "workos", "frontegg", "kinde", "fusionauth", "keycloak",
            "zitadel", "ory", "supertokens", "supabase-auth", "logto", "authentik", "better-auth", "sap-cdc", "loginradius",
            "curity", "transmit-security", "ssojet", "mojoauth", "propelauth");

    static final Set<String> PRICING_MODELS = Set.copyOf(Vocabulary.PRICING_MODELS);
    static final Set<String> AUDIENCES = Set.copyOf(Vocabulary.AUDIENCES);
    static final Set<String> REGIONS = Set.copyOf(Vocabulary.REGIONS);
    static final Set<String> ATTESTATIONS = Set.copyOf(Vocabulary.ATTESTATIONS);

    /** Every problem, each naming vendor, field and what is wrong; empty when the dataset can be loaded. */
    List<String> validate() {
        var errors = new ArrayList<String>();
        var capabilityKeys = new HashSet<String>();
        for (var group : catalog.groups()) {
            for (var capability : group.capabilities()) {
                if (!capabilityKeys.add(capability.key())) {
                    errors.add("capabilities: key " + capability.key() + " appears twice");
                }
            }
        }
        var slugs = new HashSet<String>();
        for (var v : vendors) {
            String who = "vendor " + v.slug();
            if (!v.slug().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                errors.add(who + ", slug: use lower-case kebab-case");
            }
            if (!slugs.add(v.slug())) {
                errors.add(who + ", slug: appears twice");
            }
            requireText(errors, who, "name", v.name());
            requireEnum(errors, who, "tier", v.tier(), VendorEnums.Tier.class);
            requireEnum(errors, who, "deployment", v.deployment(), VendorEnums.Deployment.class);
            requireEnum(errors, who, "lifecycle.status", v.lifecycle().status(), VendorEnums.LifecycleStatus.class);
            if ("END_OF_SALE".equals(v.lifecycle().status()) && v.lifecycle().endOfSale() == null) {
                errors.add(who + ", lifecycle.endOfSale: an end-of-sale vendor needs the date");
            }
            if ("END_OF_LIFE".equals(v.lifecycle().status()) && v.lifecycle().endOfLife() == null) {
                errors.add(who + ", lifecycle.endOfLife: an end-of-life vendor needs the date");
            }
            requireIn(errors, who, "pricingModels", v.pricingModels(), PRICING_MODELS);
            requireIn(errors, who, "audiences", v.audiences(), AUDIENCES);
            requireIn(errors, who, "regions", v.regions(), REGIONS);
            requireIn(errors, who, "attestations", v.attestations(), ATTESTATIONS);
            requireUrl(errors, who, "website", v.website());
            requireUrl(errors, who, "docsUrl", v.docsUrl());
            v.facts().forEach((key, fact) -> sourced(errors, who, "facts." + key, fact.note(), fact.sources(), fact.confirmed()));
            var m = v.migration();
            requireEnum(errors, who, "migration.hashExport.policy", m.hashExport().policy(), VendorEnums.HashExportPolicy.class);
            if (m.hashExport().scheme() != null && !HashSchemes.known(m.hashExport().scheme())) {
                errors.add(who + ", migration.hashExport.scheme: " + m.hashExport().scheme() + " is not in the hash-scheme vocabulary");
            }
            for (String scheme : m.hashImportSchemes().schemes()) {
                if (!HashSchemes.known(scheme)) {
                    errors.add(who + ", migration.hashImportSchemes: " + scheme + " is not in the hash-scheme vocabulary");
                }
            }
            sourced(errors, who, "migration.hashExport", m.hashExport().note(), m.hashExport().sources(), m.hashExport().confirmed());
            sourced(errors, who, "migration.hashImportSchemes", m.hashImportSchemes().note(), m.hashImportSchemes().sources(), m.hashImportSchemes().confirmed());
            supportValue(errors, who, "migration.jitMigration", m.jitMigration().support(), m.jitMigration().note(), m.jitMigration().sources(), m.jitMigration().confirmed());
            supportValue(errors, who, "migration.bulkImport", m.bulkImport().support(), m.bulkImport().note(), m.bulkImport().sources(), m.bulkImport().confirmed());
            supportValue(errors, who, "migration.bulkExport", m.bulkExport().support(), m.bulkExport().note(), m.bulkExport().sources(), m.bulkExport().confirmed());
            for (var entry : Map.of("totpExport", m.totpExport(), "totpImport", m.totpImport(), "passkeys", m.passkeys(),
                    "passkeyImport", m.passkeyImport()).entrySet()) {
                var value = entry.getValue();
                supportValue(errors, who, "migration." + entry.getKey(), value.support(), value.note(), value.sources(), value.confirmed());
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
                supportValue(errors, who, "capabilities." + key, value.support(), value.note(), value.sources(), value.confirmed());
            });
        }
        return errors;
    }

    private static void supportValue(List<String> errors, String who, String field, String support, String note,
            List<String> sources, boolean confirmed) {
        try {
            Support.fromKey(support);
        } catch (IllegalArgumentException e) {
            errors.add(who + ", " + field + ".support: " + support + " is not one of yes, partial, paid_addon, no, unknown");
        }
        sourced(errors, who, field, note, sources, confirmed);
    }

    private static void sourced(List<String> errors, String who, String field, String note, List<String> sources, boolean confirmed) {
        requireText(errors, who, field + ".note", note);
        if (confirmed && sources.isEmpty()) {
            errors.add(who + ", " + field + ": a confirmed value needs a source URL");
        }
        sources.forEach(source -> requireUrl(errors, who, field + ".sources", source));
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
