package io.ciamportal.migration;

import io.ciamportal.migration.internal.Migration;
import io.ciamportal.vendor.VendorService;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The two sides of migrations as the scorer reads them, each vendor read once per request: a vendor that is no longer
 * in the index becomes {@link Side#missing}, so its migration still opens and says so.
 */
@Component
class MigrationSides {

    private final VendorService vendors;

    MigrationSides(VendorService vendors) {
        this.vendors = vendors;
    }

    /** A memo of vendor sides for one request (the migrations list scores many pairs with few vendors). */
    final class Memo {
        private final Map<String, Side> vendorSides = new HashMap<>();

        Side side(String slug, Inventory inventory) {
            if (Side.IN_HOUSE.equals(slug)) {
                return Side.inHouse(inventory.sourceHashScheme());
            }
            return vendorSides.computeIfAbsent(slug, s -> vendors.findProfile(s).map(Side::of).orElseGet(() -> Side.missing(s)));
        }

        boolean missing(String slug) {
            return !Side.IN_HOUSE.equals(slug) && side(slug, Inventory.empty()).equals(Side.missing(slug));
        }

        Scored scored(Migration m) {
            var inventory = m.inventory();
            var evidence = ExportEvidence.fromJson(m.exportEvidence());
            var source = side(m.source(), inventory);
            if (evidence != null && evidence.platform().equals(platformOf(m.source()))) {
                source = source.withEvidence(evidence);
            }
            var destination = side(m.destination(), inventory);
            return new Scored(source, destination, Scorer.score(source, destination, inventory));
        }
    }

    /** The export platform id a source produces ("generic" for an in-house database), or "" when none is read. */
    static String platformOf(String sourceSlug) {
        if (Side.IN_HOUSE.equals(sourceSlug)) {
            return io.ciamportal.exports.Platform.GENERIC.id();
        }
        return io.ciamportal.exports.Platform.forVendor(sourceSlug).map(io.ciamportal.exports.Platform::id).orElse("");
    }

    Memo memo() {
        return new Memo();
    }

    /** The two sides of a migration and the assessment made from them. */
    record Scored(Side source, Side destination, Assessment assessment) {
        String sourceName() {
            return source.inHouse() ? "In-house database" : source.name();
        }
    }
}
