package io.ciamportal.vendor;

import io.ciamportal.vendor.VendorEnums.Deployment;
import io.ciamportal.vendor.VendorEnums.HashExportPolicy;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import io.ciamportal.vendor.VendorEnums.Tier;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the vendor feature hands to views and the API: plain records, no entities. */
public final class VendorViews {

    private VendorViews() {}

    public record Lifecycle(LifecycleStatus status, @Nullable LocalDate endOfSale, @Nullable LocalDate endOfLife) {}

    /**
     * One sourced fact: what it says, where it comes from, whether it was confirmed, and the day it was read at its
     * source ({@code null}: nobody has read it).
     */
    public record Fact(String key, String note, List<String> sources, boolean confirmed, @Nullable LocalDate reviewedOn) {}

    public record CapabilityValue(String key, String name, String groupKey, String groupName, Support support, String note,
            List<String> sources, boolean confirmed, @Nullable LocalDate reviewedOn) {}

    public record CapabilityInfo(String key, String name, String description, String groupKey, String groupName) {}

    public record Migration(HashExportPolicy hashExportPolicy, @Nullable String hashExportScheme, @Nullable String storedScheme,
            List<String> hashImportSchemes,
            @Nullable String jitHookName, @Nullable String bulkImportFormat, @Nullable String bulkImportLimits,
            @Nullable String bulkExportFormat, @Nullable String bulkExportLimits) {}

    /** A row of the vendor index. {@code capabilities} maps capability keys to support. */
    public record Summary(String slug, String name, Deployment deployment, Tier tier, Lifecycle lifecycle,
            List<String> pricingModels, List<String> audiences, boolean openSource, Difficulty inbound, Difficulty outbound,
            Map<String, Support> capabilities) {}

    /**
     * A vendor's page. {@code version} is what a curator's edit must be based on; {@code changedBy} and {@code changedAt}
     * say who made the last change (a curator, a dataset release, an import) and when.
     */
    public record Profile(Summary summary, String fullName, @Nullable String website, @Nullable String docsUrl, String license,
            List<String> regions, List<String> attestations, Map<String, Fact> facts, Migration migration,
            List<CapabilityValue> capabilities, long version, @Nullable String changedBy, java.time.@Nullable Instant changedAt) {}

    /** Everything the selector ranks on, for one vendor: the index row plus residency, attestations and migration facts. */
    public record Snapshot(Summary summary, List<String> regions, List<String> attestations, Migration migration) {}
}
