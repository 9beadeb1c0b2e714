package io.ciamportal.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.vendor.VendorEnums.Deployment;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import io.ciamportal.vendor.VendorEnums.Tier;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatrixTest {

    private static final Difficulty ANY = new Difficulty(1, 1, null, null, List.of());

    private static VendorViews.Summary vendor(String slug) {
        return new VendorViews.Summary(slug, slug, Deployment.MANAGED, Tier.DEVELOPER_FIRST,
                new VendorViews.Lifecycle(LifecycleStatus.ACTIVE, null, null), List.of(), List.of(), false, ANY, ANY, Map.of());
    }

    private static VendorViews.CapabilityInfo capability(String key) {
        return new VendorViews.CapabilityInfo(key, key, "", "g", "Group");
    }

    private static VendorViews.CapabilityValue value(String key, Support support) {
        return new VendorViews.CapabilityValue(key, key, "g", "Group", support, "", List.of(), false, LocalDate.of(2026, 11, 22));
    }

    @Test
    void onlyDifferencesKeepsRowsWhereSupportLevelsDiffer() {
        var matrix = new Matrix(List.of(vendor("a"), vendor("b")), List.of(capability("same"), capability("differs"), capability("half-unknown")),
                Map.of("a", Map.of("same", value("same", Support.YES), "differs", value("differs", Support.YES), "half-unknown", value("half-unknown", Support.NO)),
                        "b", Map.of("same", value("same", Support.YES), "differs", value("differs", Support.NO))));
        assertThat(matrix.onlyDifferences().capabilities()).extracting(VendorViews.CapabilityInfo::key)
                .containsExactly("differs", "half-unknown");
    }

    @Test
    void aSingleVendorHasNoDifferences() {
        var matrix = new Matrix(List.of(vendor("a")), List.of(capability("x")), Map.of("a", Map.of("x", value("x", Support.YES))));
        assertThat(matrix.onlyDifferences().capabilities()).isEmpty();
    }
}
