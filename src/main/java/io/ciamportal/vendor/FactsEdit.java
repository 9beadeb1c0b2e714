package io.ciamportal.vendor;

import io.ciamportal.vendor.VendorEnums.Deployment;
import io.ciamportal.vendor.VendorEnums.HashExportPolicy;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import io.ciamportal.vendor.VendorEnums.Tier;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A curator's edit of a vendor's own facts: identity, deployment, licence, pricing, audiences, regions, attestations,
 * lifecycle and the migration facts. Validated by {@link VendorCurationService#updateFacts}; sourcing of each fact is
 * edited separately ({@link VendorCurationService#updateFact}).
 */
public record FactsEdit(
        String name,
        String fullName,
        @Nullable String website,
        @Nullable String docsUrl,
        Tier tier,
        Deployment deployment,
        String license,
        boolean openSource,
        List<String> pricingModels,
        List<String> audiences,
        List<String> regions,
        List<String> attestations,
        LifecycleStatus lifecycle,
        @Nullable LocalDate endOfSale,
        @Nullable LocalDate endOfLife,
        HashExportPolicy hashExportPolicy,
        @Nullable String hashExportScheme,
        List<String> hashImportSchemes,
        @Nullable String jitHookName,
        @Nullable String bulkImportFormat,
        @Nullable String bulkImportLimits,
        @Nullable String bulkExportFormat,
        @Nullable String bulkExportLimits) {

    /** The edit that changes nothing: the profile's current facts. */
    public static FactsEdit of(VendorViews.Profile p) {
        var s = p.summary();
        var m = p.migration();
        return new FactsEdit(s.name(), p.fullName(), p.website(), p.docsUrl(), s.tier(), s.deployment(), p.license(), s.openSource(),
                s.pricingModels(), s.audiences(), p.regions(), p.attestations(), s.lifecycle().status(), s.lifecycle().endOfSale(),
                s.lifecycle().endOfLife(), m.hashExportPolicy(), m.hashExportScheme(), m.hashImportSchemes(), m.jitHookName(),
                m.bulkImportFormat(), m.bulkImportLimits(), m.bulkExportFormat(), m.bulkExportLimits());
    }
}
