package io.ciamportal.vendor.internal;

import io.ciamportal.vendor.FactsEdit;
import io.ciamportal.vendor.Support;
import io.ciamportal.vendor.VendorEnums;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The writes a curator makes to the vendor index, one statement each; the curation service validates and audits. */
@Component
public class CurationStore {

    private final JdbcClient jdbc;

    CurationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the vendor's next version if it is still at {@code expectedVersion}, recording who and when. One statement,
     * so two curators saving at once cannot both pass. The vendor's id, or empty when someone saved in between (or
     * there is no such vendor).
     */
    public Optional<UUID> claim(String slug, long expectedVersion, String changedBy, OffsetDateTime at) {
        return jdbc.sql("UPDATE vendor SET version = version + 1, changed_by = ?, changed_at = ? WHERE slug = ? AND version = ? RETURNING id")
                .params(changedBy, at, slug, expectedVersion)
                .query(UUID.class).optional();
    }

    public boolean exists(String slug) {
        return jdbc.sql("SELECT count(*) FROM vendor WHERE slug = ?").param(slug).query(Long.class).single() > 0;
    }

    public void saveCapability(UUID vendorId, String capability, Support support, String note, List<String> sources, boolean confirmed,
            LocalDate reviewedOn) {
        jdbc.sql("""
                INSERT INTO capability_value (vendor_id, capability_key, support, note, sources, confirmed, reviewed_on)
                VALUES (:vendor, :capability, :support, :note, :sources, :confirmed, :reviewed)
                ON CONFLICT (vendor_id, capability_key) DO UPDATE SET support = EXCLUDED.support, note = EXCLUDED.note,
                    sources = EXCLUDED.sources, confirmed = EXCLUDED.confirmed, reviewed_on = EXCLUDED.reviewed_on""")
                .param("vendor", vendorId).param("capability", capability).param("support", support.name())
                .param("note", note).param("sources", sources.toArray(String[]::new)).param("confirmed", confirmed)
                .param("reviewed", reviewedOn).update();
    }

    public void saveFact(UUID vendorId, String factKey, String note, List<String> sources, boolean confirmed, LocalDate reviewedOn) {
        jdbc.sql("""
                INSERT INTO vendor_fact (vendor_id, fact_key, note, sources, confirmed, reviewed_on) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (vendor_id, fact_key) DO UPDATE SET note = EXCLUDED.note, sources = EXCLUDED.sources,
                    confirmed = EXCLUDED.confirmed, reviewed_on = EXCLUDED.reviewed_on""")
                .params(vendorId, factKey, note, sources.toArray(String[]::new), confirmed, reviewedOn).update();
    }

    public void saveFacts(String slug, FactsEdit clean) {
        jdbc.sql("""
                UPDATE vendor SET name = :name, full_name = :fullName, website = :website, docs_url = :docsUrl, tier = :tier,
                    deployment = :deployment, license = :license, open_source = :openSource, pricing_models = :pricing,
                    audiences = :audiences, regions = :regions, attestations = :attestations, lifecycle_status = :lifecycle,
                    end_of_sale = :endOfSale, end_of_life = :endOfLife, hash_export_policy = :policy, hash_export_scheme = :scheme,
                    hash_import_schemes = :imports, jit_hook_name = :jit, bulk_import_format = :bif, bulk_import_limits = :bil,
                    bulk_export_format = :bef, bulk_export_limits = :bel
                WHERE slug = :slug""")
                .param("name", clean.name()).param("fullName", clean.fullName()).param("website", clean.website())
                .param("docsUrl", clean.docsUrl()).param("tier", clean.tier().name()).param("deployment", clean.deployment().name())
                .param("license", clean.license()).param("openSource", clean.openSource())
                .param("pricing", clean.pricingModels().toArray(String[]::new)).param("audiences", clean.audiences().toArray(String[]::new))
                .param("regions", clean.regions().toArray(String[]::new)).param("attestations", clean.attestations().toArray(String[]::new))
                .param("lifecycle", clean.lifecycle().name()).param("endOfSale", clean.endOfSale()).param("endOfLife", clean.endOfLife())
                .param("policy", clean.hashExportPolicy().name()).param("scheme", clean.hashExportScheme())
                .param("imports", clean.hashImportSchemes().toArray(String[]::new)).param("jit", clean.jitHookName())
                .param("bif", clean.bulkImportFormat()).param("bil", clean.bulkImportLimits())
                .param("bef", clean.bulkExportFormat()).param("bel", clean.bulkExportLimits()).param("slug", slug)
                .update();
    }

    /** A new vendor with every capability an explicit unknown, so it is complete in exports and in the matrix. */
    public void insertVendor(String slug, String name, VendorEnums.Deployment deployment, VendorEnums.Tier tier, String unknownNote) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO vendor (id, slug, name, full_name, tier, deployment, license, open_source, pricing_models, audiences,
                    regions, attestations, lifecycle_status, hash_export_policy, hash_import_schemes, version)
                VALUES (?, ?, ?, ?, ?, ?, 'Unknown', false, '{}', '{}', '{}', '{}', 'ACTIVE', 'UNKNOWN', '{}', 0)""")
                .params(id, slug, name, name, tier.name(), deployment.name()).update();
        jdbc.sql("""
                INSERT INTO capability_value (vendor_id, capability_key, support, note, sources, confirmed, reviewed_on)
                SELECT ?, key, 'UNKNOWN', ?, '{}', false, NULL FROM capability""")
                .params(id, unknownNote).update();
    }

    /** Sets or clears (score null) the override of one direction ({@code inbound} or {@code outbound}). */
    public void saveOverride(String slug, boolean inbound, @Nullable Integer score, @Nullable String reason) {
        String column = inbound ? "inbound" : "outbound";
        jdbc.sql("UPDATE vendor SET " + column + "_override = :score, " + column + "_override_reason = :reason WHERE slug = :slug")
                .param("score", score).param("reason", reason).param("slug", slug).update();
    }
}
