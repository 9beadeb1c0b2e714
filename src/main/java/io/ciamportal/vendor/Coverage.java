package io.ciamportal.vendor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Capability coverage per group, for the compare radar and table, with what is known kept apart from what is not: a
 * capability counts 1 when supported, 0.5 when partial or a paid add-on, 0 when not supported; an unknown value counts
 * towards the unknown share, never as 0 % support, so a vendor little is known about looks unknown rather than weak.
 * Both shares are percentages of the group's capabilities, rounded. Pure.
 */
public final class Coverage {

    private Coverage() {}

    /**
     * @param supported share of the group's capabilities supported (weighted as above), in percent
     * @param unknown share of the group's capabilities whose support nobody knows, in percent
     */
    public record Share(int supported, int unknown) {

        /** The most the group can be once the unknowns are answered: the supported share plus the unknown share. */
        public int atMost() {
            return Math.min(100, supported + unknown);
        }

        /** For example {@code 62 % supported, 10 % unknown} (or just {@code 62 % supported} when nothing is unknown). */
        public String describe() {
            return supported + " % supported" + (unknown > 0 ? ", " + unknown + " % unknown" : "");
        }
    }

    /** slug -> group key -> shares, groups in catalogue order. */
    public static Map<String, Map<String, Share>> perGroup(Matrix matrix) {
        var result = new LinkedHashMap<String, Map<String, Share>>();
        for (var vendor : matrix.vendors()) {
            var sums = new LinkedHashMap<String, double[]>();
            for (var capability : matrix.capabilities()) {
                var cell = sums.computeIfAbsent(capability.groupKey(), k -> new double[3]);
                var support = matrix.supportOf(vendor.slug(), capability.key());
                cell[0] += weight(support);
                cell[1] += support == Support.UNKNOWN ? 1 : 0;
                cell[2] += 1;
            }
            var shares = new LinkedHashMap<String, Share>();
            sums.forEach((group, s) -> shares.put(group, new Share((int) Math.round(100 * s[0] / s[2]), (int) Math.round(100 * s[1] / s[2]))));
            result.put(vendor.slug(), shares);
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
