package io.ciamportal.vendor;

import io.ciamportal.vendor.VendorViews.CapabilityInfo;
import io.ciamportal.vendor.VendorViews.CapabilityValue;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The capability matrix: vendors as columns, capabilities as rows, a value in every cell (unknown where the dataset
 * has none).
 *
 * @param vendors the columns, in the order asked for (or by name)
 * @param capabilities the rows, grouped in catalogue order
 * @param values slug -> capability key -> value
 */
public record Matrix(List<VendorViews.Summary> vendors, List<CapabilityInfo> capabilities,
        Map<String, Map<String, CapabilityValue>> values) {

    public CapabilityValue value(String slug, String capability) {
        return values.getOrDefault(slug, Map.of()).get(capability);
    }

    /** Rows where the vendors do not all have the same support level. Pure. */
    public Matrix onlyDifferences() {
        var rows = capabilities.stream().filter(c -> {
            var levels = new HashSet<Support>();
            vendors.forEach(v -> levels.add(supportOf(v.slug(), c.key())));
            return levels.size() > 1;
        }).toList();
        return new Matrix(vendors, rows, values);
    }

    Support supportOf(String slug, String capability) {
        var value = value(slug, capability);
        return value == null ? Support.UNKNOWN : value.support();
    }
}
