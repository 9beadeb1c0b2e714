package io.ciamportal.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.vendor.VendorEnums.Deployment;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import io.ciamportal.vendor.VendorEnums.Tier;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageTest {

    private static final Difficulty ANY = new Difficulty(1, 1, null, null, List.of());

    @Test
    void countsYesOnePartialHalfAndUnknownNothing() {
        var vendor = new VendorViews.Summary("v", "V", Deployment.MANAGED, Tier.DEVELOPER_FIRST,
                new VendorViews.Lifecycle(LifecycleStatus.ACTIVE, null, null), List.of(), List.of(), false, ANY, ANY, Map.of());
        var caps = List.of(cap("a", "g1"), cap("b", "g1"), cap("c", "g1"), cap("d", "g1"), cap("e", "g2"));
        var values = Map.of("v", Map.of("a", value("a", Support.YES), "b", value("b", Support.PARTIAL), "c", value("c", Support.UNKNOWN),
                "d", value("d", Support.PAID_ADDON), "e", value("e", Support.NO)));
        var coverage = Coverage.perGroup(new Matrix(List.of(vendor), caps, values));
        assertThat(coverage.get("v")).containsExactly(Map.entry("g1", 50), Map.entry("g2", 0));
    }

    private static VendorViews.CapabilityInfo cap(String key, String group) {
        return new VendorViews.CapabilityInfo(key, key, "", group, group);
    }

    private static VendorViews.CapabilityValue value(String key, Support support) {
        return new VendorViews.CapabilityValue(key, key, "g", "g", support, "", List.of(), false, LocalDate.of(2026, 11, 22));
    }
}
