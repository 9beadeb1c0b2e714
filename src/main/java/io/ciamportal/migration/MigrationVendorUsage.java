package io.ciamportal.migration;

import io.ciamportal.migration.internal.MigrationRepository;
import io.ciamportal.vendor.VendorUsage;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells the vendor index which migrations refer to a vendor, so that it never removes one still in use. */
@Component
class MigrationVendorUsage implements VendorUsage {

    private final MigrationRepository migrations;

    MigrationVendorUsage(MigrationRepository migrations) {
        this.migrations = migrations;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, List<String>> migrationsUsing(Collection<String> slugs) {
        var used = new TreeMap<String, List<String>>();
        if (slugs.isEmpty()) {
            return used;
        }
        for (Object[] row : migrations.findUsingVendors(slugs)) {
            String name = (String) row[0];
            for (Object slug : new Object[] {row[1], row[2]}) {
                if (slugs.contains(slug)) {
                    used.computeIfAbsent((String) slug, k -> new ArrayList<>()).add(name);
                }
            }
        }
        return used;
    }
}
