package io.ciamportal.vendor.api;

import io.ciamportal.shared.api.Versions;
import io.ciamportal.vendor.DatasetExchangeService;
import io.ciamportal.vendor.Difficulty;
import io.ciamportal.vendor.VendorEnums.Deployment;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import io.ciamportal.vendor.VendorQuery;
import io.ciamportal.vendor.VendorService;
import io.ciamportal.vendor.VendorViews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/vendors}, {@code /api/v1/matrix}, {@code /api/v1/capabilities}: the vendor index for any signed-in user. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("isAuthenticated()")
class VendorApiController {

    private final VendorService vendors;
    private final DatasetExchangeService datasets;

    VendorApiController(VendorService vendors, DatasetExchangeService datasets) {
        this.vendors = vendors;
        this.datasets = datasets;
    }

    @Operation(summary = "The whole dataset (docs/dataset.md), the same document an admin can import again")
    @GetMapping(value = "/dataset", produces = "application/json")
    ResponseEntity<byte[]> dataset() {
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"ciam-portal-dataset.json\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(datasets.export());
    }

    @Operation(summary = "Replace the vendor index with an exported document (admins)",
            description = "All or nothing; 400 naming vendor, field and problem; refused when it would drop a vendor a migration uses.")
    @PostMapping(value = "/dataset", consumes = "application/json")
    @PreAuthorize("hasRole('ADMIN')")
    DatasetExchangeService.ImportResult importDataset(@RequestBody byte[] document) {
        return datasets.importDataset(document);
    }

    // ---- JSON shapes --------------------------------------------------------------------------------------------

    record LifecycleJson(String status, @Nullable String endOfSale, @Nullable String endOfLife) {}

    record DifficultyJson(int inbound, int outbound) {}

    @Schema(description = "A row of the vendor index")
    record VendorListItem(String slug, String name, String deployment, LifecycleJson lifecycle, DifficultyJson difficulty) {}

    @Schema(description = "A sourced fact; reviewedOn is the day it was read at its source, null when nobody has")
    record FactJson(String key, String note, List<String> sources, boolean confirmed, @Nullable String reviewedOn) {

        static FactJson of(VendorViews.Fact f) {
            return new FactJson(f.key(), f.note(), f.sources(), f.confirmed(), f.reviewedOn() == null ? null : f.reviewedOn().toString());
        }
    }

    @Schema(description = "A capability value of a vendor")
    record CapabilityValueJson(String key, String group, String support, String note, List<String> sources, boolean confirmed,
            @Nullable String reviewedOn) {

        static CapabilityValueJson of(VendorViews.CapabilityValue c) {
            return new CapabilityValueJson(c.key(), c.groupKey(), c.support().key(), c.note(), c.sources(), c.confirmed(),
                    c.reviewedOn() == null ? null : c.reviewedOn().toString());
        }
    }

    record HashExportJson(String policy, @Nullable String scheme) {}

    record MigrationFactsJson(@Nullable String storedScheme, @Nullable String jitHookName, @Nullable String bulkImportFormat,
            @Nullable String bulkImportLimits, @Nullable String bulkExportFormat, @Nullable String bulkExportLimits) {}

    record BreakdownJson(int computed, @Nullable Integer override, @Nullable String overrideReason, List<Difficulty.Contribution> contributions) {

        static BreakdownJson of(Difficulty d) {
            return new BreakdownJson(d.computed(), d.override(), d.overrideReason(), d.breakdown());
        }
    }

    record ProfileDifficultyJson(int inbound, int outbound, Map<String, BreakdownJson> breakdown) {}

    @Schema(description = "A vendor with its sourced facts, migration facts, capability values and difficulty; version is its ETag")
    record ProfileJson(String slug, String name, String fullName, @Nullable String website, @Nullable String docsUrl, String tier,
            String deployment, String license, boolean openSource, List<String> pricingModels, List<String> audiences, List<String> regions,
            List<String> attestations, LifecycleJson lifecycle, List<FactJson> facts, HashExportJson hashExport,
            List<String> hashImportSchemes, MigrationFactsJson migration, List<CapabilityValueJson> capabilities,
            ProfileDifficultyJson difficulty, long version, @Nullable String changedBy, @Nullable String changedAt) {

        static ProfileJson of(VendorViews.Profile p) {
            var s = p.summary();
            var m = p.migration();
            var breakdown = new LinkedHashMap<String, BreakdownJson>();
            breakdown.put("inbound", BreakdownJson.of(s.inbound()));
            breakdown.put("outbound", BreakdownJson.of(s.outbound()));
            return new ProfileJson(s.slug(), s.name(), p.fullName(), p.website(), p.docsUrl(), s.tier().name(), s.deployment().name(),
                    p.license(), s.openSource(), s.pricingModels(), s.audiences(), p.regions(), p.attestations(), VendorApiController.lifecycle(s.lifecycle()),
                    p.facts().values().stream().map(FactJson::of).toList(), new HashExportJson(m.hashExportPolicy().name(), m.hashExportScheme()),
                    m.hashImportSchemes(), new MigrationFactsJson(m.storedScheme(), m.jitHookName(), m.bulkImportFormat(), m.bulkImportLimits(),
                            m.bulkExportFormat(), m.bulkExportLimits()),
                    p.capabilities().stream().map(CapabilityValueJson::of).toList(),
                    new ProfileDifficultyJson(s.inbound().score(), s.outbound().score(), breakdown), p.version(), p.changedBy(),
                    p.changedAt() == null ? null : p.changedAt().toString());
        }
    }

    record NamedVendor(String slug, String name) {}

    record MatrixCapability(String key, String group, String name) {}

    record MatrixCell(String support, String note, List<String> sources, boolean confirmed, @Nullable String reviewedOn) {}

    @Schema(description = "The capability matrix: values[vendor slug][capability key]")
    record MatrixJson(List<NamedVendor> vendors, List<MatrixCapability> capabilities, Map<String, Map<String, MatrixCell>> values) {}

    // ---- endpoints ----------------------------------------------------------------------------------------------

    @Operation(summary = "The vendor index, filtered and sorted")
    @GetMapping("/vendors")
    List<VendorListItem> list(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable Deployment deployment,
            @RequestParam(required = false) @Nullable String audience,
            @RequestParam(required = false) @Nullable String pricingModel,
            @RequestParam(required = false) @Nullable LifecycleStatus lifecycle,
            @RequestParam(required = false) @Nullable String capability,
            @RequestParam(defaultValue = "NAME") VendorQuery.Sort sort) {
        return vendors.search(new VendorQuery(q, deployment, audience, pricingModel, lifecycle, capability, sort)).stream()
                .map(v -> new VendorListItem(v.slug(), v.name(), v.deployment().name(), lifecycle(v.lifecycle()),
                        new DifficultyJson(v.inbound().score(), v.outbound().score())))
                .toList();
    }

    @Operation(summary = "A vendor's profile; the ETag header is the version a curator's edit must send in If-Match")
    @GetMapping("/vendors/{slug}")
    ResponseEntity<ProfileJson> profile(@PathVariable String slug) {
        var p = vendors.profile(slug);
        return Versions.tagged(ProfileJson.of(p), p.version());
    }

    @Operation(summary = "The capability matrix for the given vendors (all when none are named), one group or all")
    @GetMapping("/matrix")
    MatrixJson matrix(@RequestParam(required = false) @Nullable List<String> vendors,
            @RequestParam(required = false) @Nullable String group,
            @RequestParam(defaultValue = "false") boolean onlyDifferences) {
        var matrix = this.vendors.matrix(vendors == null ? List.of() : vendors.stream().map(String::strip).filter(s -> !s.isEmpty()).toList(),
                group, onlyDifferences);
        var values = new LinkedHashMap<String, Map<String, MatrixCell>>();
        for (var v : matrix.vendors()) {
            var row = new LinkedHashMap<String, MatrixCell>();
            for (var c : matrix.capabilities()) {
                var value = matrix.value(v.slug(), c.key());
                row.put(c.key(), new MatrixCell(value.support().key(), value.note(), value.sources(), value.confirmed(),
                        value.reviewedOn() == null ? null : value.reviewedOn().toString()));
            }
            values.put(v.slug(), row);
        }
        return new MatrixJson(matrix.vendors().stream().map(v -> new NamedVendor(v.slug(), v.name())).toList(),
                matrix.capabilities().stream().map(c -> new MatrixCapability(c.key(), c.groupKey(), c.name())).toList(), values);
    }

    @Operation(summary = "The capability catalogue: groups and capabilities with their keys")
    @GetMapping("/capabilities")
    List<VendorViews.CapabilityInfo> capabilities() {
        return vendors.catalogue();
    }

    static LifecycleJson lifecycle(VendorViews.Lifecycle l) {
        return new LifecycleJson(l.status().name(), l.endOfSale() == null ? null : l.endOfSale().toString(),
                l.endOfLife() == null ? null : l.endOfLife().toString());
    }
}
