package io.ciamportal.vendor;

import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.NotFoundException;
import io.ciamportal.vendor.VendorViews.CapabilityInfo;
import io.ciamportal.vendor.VendorViews.CapabilityValue;
import io.ciamportal.vendor.internal.VendorReader;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Browse the vendor index: search, profiles with sources, difficulty with breakdown. Any signed-in user. */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class VendorService {

    private final VendorReader reader;

    VendorService(VendorReader reader) {
        this.reader = reader;
    }

    public List<VendorViews.Summary> search(VendorQuery query) {
        var catalogue = reader.catalogue();
        if (query.capability() != null && catalogue.stream().noneMatch(c -> c.key().equals(query.capability()))) {
            throw new InvalidInputException("capability", "Unknown capability " + query.capability() + ".");
        }
        var values = reader.values(null, catalogue);
        return reader.vendors(null).stream()
                .map(row -> summary(row, values.getOrDefault(row.id(), Map.of())))
                .filter(query::matches)
                .sorted(query.comparator())
                .toList();
    }

    public VendorViews.Profile profile(String slug) {
        return findProfile(slug).orElseThrow(() -> new NotFoundException("No vendor with the slug " + slug + "."));
    }

    /** The profile, or empty when no vendor has this slug (a migration may name one that left the index). */
    public java.util.Optional<VendorViews.Profile> findProfile(String slug) {
        var found = reader.vendors(slug).stream().findFirst();
        if (found.isEmpty()) {
            return java.util.Optional.empty();
        }
        var row = found.get();
        var catalogue = reader.catalogue();
        var values = reader.values(row.id(), catalogue).getOrDefault(row.id(), Map.of());
        var capabilities = catalogue.stream().map(c -> values.getOrDefault(c.key(), unknown(c))).toList();
        return java.util.Optional.of(new VendorViews.Profile(summary(row, values), row.fullName(), row.website(), row.docsUrl(),
                row.license(), row.regions(), row.attestations(), reader.facts(row.id()), row.migration(), capabilities, row.version(),
                row.changedBy(), row.changedAt()));
    }

    /**
     * The capability matrix for the given vendors (all when empty) and capability group (all when null).
     *
     * @throws IllegalArgumentException naming the first unknown slug or group
     */
    public Matrix matrix(List<String> slugs, @org.jspecify.annotations.Nullable String group, boolean onlyDifferences) {
        var catalogue = reader.catalogue();
        if (group != null && catalogue.stream().noneMatch(c -> c.groupKey().equals(group))) {
            throw new InvalidInputException("group", "Unknown capability group " + group + ".");
        }
        var values = reader.values(null, catalogue);
        var rows = reader.vendors(null);
        var bySlug = new LinkedHashMap<String, VendorReader.Row>();
        rows.forEach(r -> bySlug.put(r.slug(), r));
        for (String slug : slugs) {
            if (!bySlug.containsKey(slug)) {
                throw new InvalidInputException("vendors", "Unknown vendor " + slug + ".");
            }
        }
        var chosen = slugs.isEmpty() ? rows : slugs.stream().distinct().map(bySlug::get).toList();
        var columns = chosen.stream().map(r -> summary(r, values.getOrDefault(r.id(), Map.of()))).toList();
        var cells = new LinkedHashMap<String, Map<String, CapabilityValue>>();
        for (var r : chosen) {
            var own = values.getOrDefault(r.id(), Map.of());
            var full = new LinkedHashMap<String, CapabilityValue>();
            catalogue.forEach(c -> full.put(c.key(), own.getOrDefault(c.key(), unknown(c))));
            cells.put(r.slug(), full);
        }
        var capabilities = catalogue.stream().filter(c -> group == null || c.groupKey().equals(group)).toList();
        var matrix = new Matrix(columns, capabilities, cells);
        return onlyDifferences ? matrix.onlyDifferences() : matrix;
    }

    /** Every vendor with the facts the selector needs, read in three queries. */
    public List<VendorViews.Snapshot> snapshots() {
        var values = reader.values(null, reader.catalogue());
        return reader.vendors(null).stream()
                .map(row -> new VendorViews.Snapshot(summary(row, values.getOrDefault(row.id(), Map.of())), row.regions(),
                        row.attestations(), row.migration()))
                .toList();
    }

    public List<CapabilityInfo> catalogue() {
        return reader.catalogue();
    }

    /** The capability groups in display order, with their names. */
    public Map<String, String> groups() {
        var groups = new LinkedHashMap<String, String>();
        catalogue().forEach(c -> groups.putIfAbsent(c.groupKey(), c.groupName()));
        return groups;
    }

    static VendorViews.Summary summary(VendorReader.Row row, Map<String, CapabilityValue> values) {
        var supports = values.values().stream().collect(Collectors.toMap(CapabilityValue::key, CapabilityValue::support));
        var inputs = new DifficultyRules.Inputs(row.migration().hashExportPolicy(), row.migration().hashExportScheme(),
                new HashSet<>(row.migration().hashImportSchemes()), supports, row.lifecycle().status(), row.openSource());
        return new VendorViews.Summary(row.slug(), row.name(), row.deployment(), row.tier(), row.lifecycle(),
                row.pricingModels(), row.audiences(), row.openSource(),
                DifficultyRules.inbound(inputs, row.inboundOverride(), row.inboundOverrideReason()),
                DifficultyRules.outbound(inputs, row.outboundOverride(), row.outboundOverrideReason()),
                supports);
    }

    private static CapabilityValue unknown(CapabilityInfo c) {
        return new CapabilityValue(c.key(), c.name(), c.groupKey(), c.groupName(), Support.UNKNOWN,
                "Not researched yet; verify with the vendor.", List.of(), false, null);
    }
}
