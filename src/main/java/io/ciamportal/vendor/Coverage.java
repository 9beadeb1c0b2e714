package io.ciamportal.vendor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Capability coverage per group, for the compare radar: a capability counts 1 when supported, 0.5 when partial or a
 * paid add-on, 0 when not supported or unknown; the group's score is the share in percent, rounded. Pure.
 */
public final class Coverage {

    private Coverage() {}

    /** slug -> group key -> percent (0 to 100), groups in catalogue order. */
    public static Map<String, Map<String, Integer>> perGroup(Matrix matrix) {
        var result = new LinkedHashMap<String, Map<String, Integer>>();
        for (var vendor : matrix.vendors()) {
            var sums = new LinkedHashMap<String, double[]>();
            for (var capability : matrix.capabilities()) {
                var cell = sums.computeIfAbsent(capability.groupKey(), k -> new double[2]);
                cell[0] += weight(matrix.supportOf(vendor.slug(), capability.key()));
                cell[1] += 1;
            }
            var percents = new LinkedHashMap<String, Integer>();
            sums.forEach((group, s) -> percents.put(group, (int) Math.round(100 * s[0] / s[1])));
            result.put(vendor.slug(), percents);
        }
        return result;
    }

    static double weight(Support support) {
        return switch (support) {
            case YES -> 1;
            case PARTIAL, PAID_ADDON -> 0.5;
            case NO, UNKNOWN -> 0;
        };
    }
}
