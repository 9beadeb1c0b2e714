package io.ciamportal.vendor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How complete and how well sourced a dataset is: the share of capability cells that are unknown and that are
 * confirmed, overall, per capability group and per vendor, and which vendor-level facts are still blank. The Data
 * health view, the {@code dataset-report} command and the dataset's tests all count with this one class. Pure.
 *
 * @param overall every capability cell of every vendor
 * @param byGroup group key -> its cells, in catalogue order
 * @param groupNames group key -> name
 * @param byVendor slug -> its cells, in slug order
 * @param blankFacts "slug: field" for each vendor-level fact that is empty and not explained by a confirmed source
 */
public record Completeness(Share overall, Map<String, Share> byGroup, Map<String, String> groupNames, Map<String, Share> byVendor,
        List<String> blankFacts) {

    /** Cells, how many of them are unknown, how many confirmed. */
    public record Share(int cells, int unknown, int confirmed) {

        public double unknownPercent() {
            return cells == 0 ? 0 : 100.0 * unknown / cells;
        }

        public double confirmedPercent() {
            return cells == 0 ? 0 : 100.0 * confirmed / cells;
        }

        Share plus(boolean isUnknown, boolean isConfirmed) {
            return new Share(cells + 1, unknown + (isUnknown ? 1 : 0), confirmed + (isConfirmed ? 1 : 0));
        }

        /** For example {@code 1247 cells, 3.1 % unknown, 88.0 % confirmed}. */
        public String describe() {
            return String.format(Locale.ROOT, "%d cells, %.1f %% unknown, %.1f %% confirmed", cells, unknownPercent(), confirmedPercent());
        }
    }

    static final Share EMPTY = new Share(0, 0, 0);

    static Completeness of(Dataset dataset) {
        var groupOf = new LinkedHashMap<String, String>();
        var byGroup = new LinkedHashMap<String, Share>();
        var names = new LinkedHashMap<String, String>();
        for (var group : dataset.catalog().groups()) {
            names.put(group.key(), group.name());
            byGroup.put(group.key(), EMPTY);
            group.capabilities().forEach(c -> groupOf.put(c.key(), group.key()));
        }
        var overall = EMPTY;
        var byVendor = new java.util.TreeMap<String, Share>();
        var blank = new ArrayList<String>();
        for (var vendor : dataset.vendors()) {
            var own = EMPTY;
            for (var key : groupOf.keySet()) {
                var value = vendor.capabilities().get(key);
                boolean unknown = value == null || "unknown".equals(value.support());
                boolean confirmed = value != null && value.confirmed();
                own = own.plus(unknown, confirmed);
                overall = overall.plus(unknown, confirmed);
                byGroup.merge(groupOf.get(key), EMPTY.plus(unknown, confirmed), Completeness::sum);
            }
            byVendor.put(vendor.slug(), own);
            blank.addAll(blankFacts(vendor));
        }
        return new Completeness(overall, byGroup, names, byVendor, List.copyOf(blank));
    }

    private static Share sum(Share a, Share b) {
        return new Share(a.cells() + b.cells(), a.unknown() + b.unknown(), a.confirmed() + b.confirmed());
    }

    /**
     * The vendor-level facts a buyer compares on that are blank: an empty list or an unknown licence counts as blank
     * unless its sourcing fact is confirmed or says what was searched (a vendor that publishes no attestation, with the
     * search written down, is answered; a placeholder such as "not researched" is not).
     */
    static List<String> blankFacts(Dataset.VendorFile v) {
        var blank = new ArrayList<String>();
        check(blank, v, "audiences", v.audiences().isEmpty());
        check(blank, v, "pricing", v.pricingModels().isEmpty());
        check(blank, v, "regions", v.regions().isEmpty());
        check(blank, v, "attestations", v.attestations().isEmpty());
        check(blank, v, "license", v.license() == null || v.license().isBlank() || "unknown".equalsIgnoreCase(v.license()));
        var free = v.capabilities().get("free-tier");
        if (free == null || "unknown".equals(free.support()) && !researched(free.note())) {
            blank.add(v.slug() + ": free tier");
        }
        for (var fact : List.of("deployment", "lifecycle")) {
            var f = v.facts().get(fact);
            if (f == null || f.sources().isEmpty()) {
                blank.add(v.slug() + ": " + fact + " (no source)");
            }
        }
        return blank;
    }

    private static void check(List<String> blank, Dataset.VendorFile v, String fact, boolean empty) {
        var f = v.facts().get(fact);
        if (empty && (f == null || !(f.confirmed() || researched(f.note())))) {
            blank.add(v.slug() + ": " + fact);
        }
    }

    /** Whether a note records a search, rather than a placeholder for research not yet done. */
    static boolean researched(String note) {
        String n = note == null ? "" : note.toLowerCase(java.util.Locale.ROOT);
        boolean placeholder = n.isBlank() || n.contains("not researched") || n.contains("not covered by the research");
        return !placeholder && (n.contains("search") || n.contains("found") || n.contains("publish"));
    }

    /** The figures as a plain-text table, for the {@code dataset-report} command and docs/dataset.md. */
    public String report() {
        var out = new StringBuilder();
        out.append("Overall: ").append(overall.describe()).append('\n');
        out.append("\nBy capability group\n");
        byGroup.forEach((key, share) -> out.append(String.format(Locale.ROOT, "  %-32s %s%n", groupNames.get(key), share.describe())));
        out.append("\nBy vendor\n");
        byVendor.forEach((slug, share) -> out.append(String.format(Locale.ROOT, "  %-20s %s%n", slug, share.describe())));
        out.append("\nBlank vendor facts: ").append(blankFacts.isEmpty() ? "none" : blankFacts.size()).append('\n');
        blankFacts.forEach(b -> out.append("  ").append(b).append('\n'));
        return out.toString();
    }
}
