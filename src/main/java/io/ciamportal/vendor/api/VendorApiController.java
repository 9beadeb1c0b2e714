package io.ciamportal.vendor.api;

import io.ciamportal.vendor.DatasetExchangeService;
import io.ciamportal.vendor.Difficulty;
import io.ciamportal.vendor.VendorEnums.Deployment;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import io.ciamportal.vendor.VendorQuery;
import io.ciamportal.vendor.VendorService;
import io.ciamportal.vendor.VendorViews;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/vendors} and {@code /api/v1/capabilities}: the vendor index for any signed-in user. */
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

    /** The whole dataset (docs/dataset.md), the same document an admin can import again. */
    @GetMapping(value = "/dataset", produces = "application/json")
    org.springframework.http.ResponseEntity<byte[]> dataset() {
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"ciam-portal-dataset.json\"")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(datasets.export());
    }

    /** Replaces the vendor index with an exported document (admin); 400 naming vendor, field and problem. */
    @org.springframework.web.bind.annotation.PostMapping(value = "/dataset", consumes = "application/json")
    @PreAuthorize("hasRole('ADMIN')")
    DatasetExchangeService.ImportResult importDataset(@org.springframework.web.bind.annotation.RequestBody byte[] document) {
        return datasets.importDataset(document);
    }

    record LifecycleJson(String status, @Nullable String endOfSale, @Nullable String endOfLife) {}

    record DifficultyJson(int inbound, int outbound) {}

    record VendorListItem(String slug, String name, String deployment, LifecycleJson lifecycle, DifficultyJson difficulty) {}

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

    @GetMapping("/vendors/{slug}")
    Map<String, Object> profile(@PathVariable String slug) {
        var p = vendors.profile(slug);
        var s = p.summary();
        var body = new LinkedHashMap<String, Object>();
        body.put("slug", s.slug());
        body.put("name", s.name());
        body.put("fullName", p.fullName());
        body.put("website", p.website());
        body.put("docsUrl", p.docsUrl());
        body.put("tier", s.tier().name());
        body.put("deployment", s.deployment().name());
        body.put("license", p.license());
        body.put("openSource", s.openSource());
        body.put("pricingModels", s.pricingModels());
        body.put("audiences", s.audiences());
        body.put("regions", p.regions());
        body.put("attestations", p.attestations());
        body.put("lifecycle", lifecycle(s.lifecycle()));
        body.put("facts", p.facts().values().stream().map(VendorApiController::fact).toList());
        var m = p.migration();
        var hashExport = new LinkedHashMap<String, Object>();
        hashExport.put("policy", m.hashExportPolicy().name());
        hashExport.put("scheme", m.hashExportScheme());
        body.put("hashExport", hashExport);
        body.put("hashImportSchemes", m.hashImportSchemes());
        var migration = new LinkedHashMap<String, Object>();
        migration.put("jitHookName", m.jitHookName());
        migration.put("bulkImportFormat", m.bulkImportFormat());
        migration.put("bulkImportLimits", m.bulkImportLimits());
        migration.put("bulkExportFormat", m.bulkExportFormat());
        migration.put("bulkExportLimits", m.bulkExportLimits());
        body.put("migration", migration);
        body.put("capabilities", p.capabilities().stream().map(c -> {
            var value = new LinkedHashMap<String, Object>();
            value.put("key", c.key());
            value.put("group", c.groupKey());
            value.put("support", c.support().key());
            value.put("note", c.note());
            value.put("sources", c.sources());
            value.put("confirmed", c.confirmed());
            value.put("reviewedOn", c.reviewedOn() == null ? null : c.reviewedOn().toString());
            return value;
        }).toList());
        var difficulty = new LinkedHashMap<String, Object>();
        difficulty.put("inbound", s.inbound().score());
        difficulty.put("outbound", s.outbound().score());
        difficulty.put("breakdown", Map.of("inbound", breakdown(s.inbound()), "outbound", breakdown(s.outbound())));
        body.put("difficulty", difficulty);
        return body;
    }

    /** {@code /api/v1/matrix?vendors=a,b&group=migration&onlyDifferences=true}; all vendors when none are named. */
    @GetMapping("/matrix")
    Map<String, Object> matrix(@RequestParam(required = false) @Nullable List<String> vendors,
            @RequestParam(required = false) @Nullable String group,
            @RequestParam(defaultValue = "false") boolean onlyDifferences) {
        var matrix = this.vendors.matrix(vendors == null ? List.of() : vendors.stream().map(String::strip).filter(s -> !s.isEmpty()).toList(),
                group, onlyDifferences);
        var values = new LinkedHashMap<String, Object>();
        for (var v : matrix.vendors()) {
            var row = new LinkedHashMap<String, Object>();
            for (var c : matrix.capabilities()) {
                var value = matrix.value(v.slug(), c.key());
                var cell = new LinkedHashMap<String, Object>();
                cell.put("support", value.support().key());
                cell.put("note", value.note());
                cell.put("sources", value.sources());
                cell.put("confirmed", value.confirmed());
                cell.put("reviewedOn", value.reviewedOn() == null ? null : value.reviewedOn().toString());
                row.put(c.key(), cell);
            }
            values.put(v.slug(), row);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("vendors", matrix.vendors().stream().map(v -> Map.of("slug", v.slug(), "name", v.name())).toList());
        body.put("capabilities", matrix.capabilities().stream().map(c -> Map.of("key", c.key(), "group", c.groupKey(), "name", c.name())).toList());
        body.put("values", values);
        return body;
    }

    @GetMapping("/capabilities")
    List<VendorViews.CapabilityInfo> capabilities() {
        return vendors.catalogue();
    }

    private static Map<String, Object> breakdown(Difficulty d) {
        var out = new LinkedHashMap<String, Object>();
        out.put("computed", d.computed());
        out.put("override", d.override());
        out.put("overrideReason", d.overrideReason());
        out.put("contributions", d.breakdown());
        return out;
    }

    private static Map<String, Object> fact(VendorViews.Fact f) {
        var out = new LinkedHashMap<String, Object>();
        out.put("key", f.key());
        out.put("note", f.note());
        out.put("sources", f.sources());
        out.put("confirmed", f.confirmed());
        out.put("reviewedOn", f.reviewedOn() == null ? null : f.reviewedOn().toString());
        return out;
    }

    private static LifecycleJson lifecycle(VendorViews.Lifecycle l) {
        return new LifecycleJson(l.status().name(), l.endOfSale() == null ? null : l.endOfSale().toString(),
                l.endOfLife() == null ? null : l.endOfLife().toString());
    }
}
