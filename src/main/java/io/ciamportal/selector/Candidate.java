package io.ciamportal.selector;

import io.ciamportal.vendor.Support;
import io.ciamportal.vendor.VendorEnums.Deployment;
import io.ciamportal.vendor.VendorEnums.HashExportPolicy;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import io.ciamportal.vendor.VendorEnums.Tier;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One vendor as the engine sees it: the facts of the vendor index, copied, so ranking touches no database.
 * Empty {@code audiences}, {@code regions}, {@code attestations} or {@code pricingModels} mean "not researched", not "none".
 */
public record Candidate(
        String slug,
        String name,
        Deployment deployment,
        boolean openSource,
        Tier tier,
        LifecycleStatus lifecycle,
        @Nullable LocalDate endOfSale,
        @Nullable LocalDate endOfLife,
        List<String> pricingModels,
        List<String> audiences,
        List<String> regions,
        List<String> attestations,
        Map<String, Support> capabilities,
        int inbound,
        HashExportPolicy hashExportPolicy,
        @Nullable String hashExportScheme,
        Set<String> hashImportSchemes) {

    public Support support(String capability) {
        return capabilities.getOrDefault(capability, Support.UNKNOWN);
    }

    boolean selfHostable() {
        return deployment != Deployment.MANAGED;
    }

    boolean managedOffering() {
        return deployment != Deployment.SELF_HOSTED;
    }
}
