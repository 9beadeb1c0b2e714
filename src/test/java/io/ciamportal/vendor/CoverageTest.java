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
    void countsYesOnePartialHalfAndKeepsUnknownApart() {
        var vendor = new VendorViews.Summary("v", "V", Deployment.MANAGED, Tier.DEVELOPER_FIRST,
                new VendorViews.Lifecycle(LifecycleStatus.ACTIVE, null, null), List.of(), List.of(), false, ANY, ANY, Map.of());
        var caps = List.of(cap("a", "g1"), cap("b", "g1"), cap("c", "g1"), cap("d", "g1"), cap("e", "g2"));
        var values = Map.of("v", Map.of("a", value("a", Support.YES), "b", value("b", Support.PARTIAL), "c", value("c", Support.UNKNOWN),
                "d", value("d", Support.PAID_ADDON), "e", value("e", Support.NO)));
        var coverage = Coverage.perGroup(new Matrix(List.of(vendor), caps, values));
        // g1: yes 1 + partial 0.5 + paid 0.5 of 4 = 50 % supported; 1 of 4 unknown = 25 %; g2: a plain no
        assertThat(coverage.get("v")).containsExactly(Map.entry("g1", new Coverage.Share(50, 25)), Map.entry("g2", new Coverage.Share(0, 0)));
        assertThat(coverage.get("v").get("g1").describe()).isEqualTo("50 % supported, 25 % unknown");
        assertThat(coverage.get("v").get("g1").atMost()).isEqualTo(75);
        assertThat(coverage.get("v").get("g2").describe()).isEqualTo("0 % supported");
    }

    @Test
    void aVendorNobodyResearchedIsAllUnknownNotZeroSupport() {
        var vendor = new VendorViews.Summary("v", "V", Deployment.MANAGED, Tier.DEVELOPER_FIRST,
                new VendorViews.Lifecycle(LifecycleStatus.ACTIVE, null, null), List.of(), List.of(), false, ANY, ANY, Map.of());
        var coverage = Coverage.perGroup(new Matrix(List.of(vendor), List.of(cap("a", "g1"), cap("b", "g1")), Map.of("v", Map.of())));
        assertThat(coverage.get("v").get("g1")).isEqualTo(new Coverage.Share(0, 100));
    }

    private static VendorViews.CapabilityInfo cap(String key, String group) {
        return new VendorViews.CapabilityInfo(key, key, "", group, group);
    }

    private static VendorViews.CapabilityValue value(String key, Support support) {
        return new VendorViews.CapabilityValue(key, key, "g", "g", support, "", List.of(), false, LocalDate.of(2026, 11, 22));
    }
}
