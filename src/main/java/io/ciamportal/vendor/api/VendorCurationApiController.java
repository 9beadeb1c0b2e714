package io.ciamportal.vendor.api;

import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.api.Versions;
import io.ciamportal.vendor.CapabilityEdit;
import io.ciamportal.vendor.Completeness;
import io.ciamportal.vendor.DatasetReleaseService;
import io.ciamportal.vendor.FactsEdit;
import io.ciamportal.vendor.Support;
import io.ciamportal.vendor.VendorCurationService;
import io.ciamportal.vendor.VendorEnums.Deployment;
import io.ciamportal.vendor.VendorEnums.Tier;
import io.ciamportal.vendor.VendorService;
import io.ciamportal.vendor.api.VendorApiController.CapabilityValueJson;
import io.ciamportal.vendor.api.VendorApiController.FactJson;
import io.ciamportal.vendor.api.VendorApiController.ProfileJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Curation for admins, the same actions as the vendor profile and Data health offer: capability values, the sourcing of
 * a fact, the facts form, difficulty overrides, new vendors, and settling release conflicts. Every edit of a vendor
 * sends the version it was based on in {@code If-Match} (the profile's ETag); 412 with the current profile otherwise.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasRole('ADMIN')")
class VendorCurationApiController {

    private final VendorCurationService curation;
    private final VendorService vendors;
    private final DatasetReleaseService releases;

    VendorCurationApiController(VendorCurationService curation, VendorService vendors, DatasetReleaseService releases) {
        this.curation = curation;
        this.vendors = vendors;
        this.releases = releases;
    }

    @Schema(description = "A capability value: support yes, partial, paid_addon, no or unknown; a confirmed value needs a source URL")
    record CapabilityRequest(@Nullable String support, @Nullable String note, @Nullable List<String> sources, @Nullable Boolean confirmed) {}

    @Operation(summary = "Set one capability value of a vendor; its date becomes today; audited")
    @PutMapping(value = "/vendors/{slug}/capabilities/{key}", consumes = "application/json")
    ResponseEntity<CapabilityValueJson> capability(@PathVariable String slug, @PathVariable String key,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch, @RequestBody CapabilityRequest request) {
        long version = Versions.ifMatch(ifMatch);
        Support support;
        try {
            support = Support.fromKey(request.support() == null ? "" : request.support());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("support", "Use yes, partial, paid_addon, no or unknown.");
        }
        var value = api(() -> curation.updateCapability(slug, version, key, new CapabilityEdit(support, request.note() == null ? "" : request.note(),
                request.sources() == null ? List.of() : request.sources(), Boolean.TRUE.equals(request.confirmed()))));
        return Versions.tagged(CapabilityValueJson.of(value), vendors.profile(slug).version());
    }

    @Schema(description = "The sourcing of one of the vendor's own facts")
    record FactRequest(@Nullable String note, @Nullable List<String> sources, @Nullable Boolean confirmed) {}

    @Operation(summary = "Set the sourcing of one of the vendor's facts (deployment, license, pricing, ...); audited")
    @PutMapping(value = "/vendors/{slug}/facts/{key}", consumes = "application/json")
    ResponseEntity<FactJson> fact(@PathVariable String slug, @PathVariable String key,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch, @RequestBody FactRequest request) {
        long version = Versions.ifMatch(ifMatch);
        var fact = api(() -> curation.updateFact(slug, version, key, request.note() == null ? "" : request.note(),
                request.sources() == null ? List.of() : request.sources(), Boolean.TRUE.equals(request.confirmed())));
        return Versions.tagged(FactJson.of(fact), vendors.profile(slug).version());
    }

    @Operation(summary = "Replace the vendor's own facts in one validated edit (the facts form); audited field by field")
    @PutMapping(value = "/vendors/{slug}/facts", consumes = "application/json")
    ResponseEntity<ProfileJson> facts(@PathVariable String slug, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody FactsEdit edit) {
        long version = Versions.ifMatch(ifMatch);
        var profile = api(() -> curation.updateFacts(slug, version, edit));
        return Versions.tagged(ProfileJson.of(profile), profile.version());
    }

    @Schema(description = "A difficulty override from 1 to 5 with its reason; a null score clears it")
    record OverrideRequest(@Nullable Integer score, @Nullable String reason) {}

    @Operation(summary = "Override (or clear) the inbound or outbound difficulty, with a reason readers see; audited")
    @PutMapping(value = "/vendors/{slug}/overrides/{direction}", consumes = "application/json")
    ResponseEntity<ProfileJson> override(@PathVariable String slug, @PathVariable VendorCurationService.Direction direction,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch, @RequestBody OverrideRequest request) {
        long version = Versions.ifMatch(ifMatch);
        api(() -> {
            curation.overrideDifficulty(slug, version, direction, request.score(), request.reason());
            return null;
        });
        var profile = vendors.profile(slug);
        return Versions.tagged(ProfileJson.of(profile), profile.version());
    }

    @Schema(description = "A new vendor: every capability starts unknown and never read")
    record NewVendorRequest(@Nullable String slug, @Nullable String name, @Nullable Deployment deployment, @Nullable Tier tier) {}

    @Operation(summary = "Add a vendor to the index; audited")
    @PostMapping(value = "/vendors", consumes = "application/json")
    ResponseEntity<ProfileJson> create(@RequestBody NewVendorRequest request) {
        var profile = curation.createVendor(request.slug() == null ? "" : request.slug(), request.name() == null ? "" : request.name(),
                request.deployment() == null ? Deployment.MANAGED : request.deployment(), request.tier() == null ? Tier.DEVELOPER_FIRST : request.tier());
        return ResponseEntity.status(201).header(HttpHeaders.ETAG, Versions.etag(profile.version())).body(ProfileJson.of(profile));
    }

    @Schema(description = "The installed dataset release, its conflicts, and the completeness of the index")
    record HealthJson(DatasetReleaseService.Status release, List<DatasetReleaseService.Conflict> conflicts, ShareJson overall,
            Map<String, ShareJson> byGroup, Map<String, ShareJson> byVendor, List<String> blankFacts, int staleAfterDays) {}

    record ShareJson(int cells, int unknown, int confirmed, double unknownPercent, double confirmedPercent) {

        static ShareJson of(Completeness.Share s) {
            return new ShareJson(s.cells(), s.unknown(), s.confirmed(), Math.round(s.unknownPercent() * 10) / 10.0,
                    Math.round(s.confirmedPercent() * 10) / 10.0);
        }
    }

    @Operation(summary = "Data health: the installed release, release conflicts and completeness (admins)")
    @GetMapping("/dataset/health")
    HealthJson health() {
        var c = releases.completeness();
        var groups = new java.util.LinkedHashMap<String, ShareJson>();
        c.byGroup().forEach((k, v) -> groups.put(k, ShareJson.of(v)));
        var byVendor = new java.util.LinkedHashMap<String, ShareJson>();
        c.byVendor().forEach((k, v) -> byVendor.put(k, ShareJson.of(v)));
        return new HealthJson(releases.status(), releases.conflicts(), ShareJson.of(c.overall()), groups, byVendor, c.blankFacts(),
                curation.staleAfterDays());
    }

    @Schema(description = "A release conflict: the vendor and the field")
    record ConflictRequest(@Nullable String slug, @Nullable String path) {}

    @Operation(summary = "Take the release's value for a conflicting field; audited")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Settled: the release's value is taken")
    @PostMapping(value = "/dataset/conflicts/accept", consumes = "application/json")
    ResponseEntity<Void> accept(@RequestBody ConflictRequest request) {
        releases.accept(required("slug", request.slug()), required("path", request.path()));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Keep the local value of a conflicting field; audited")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "204", description = "Settled: the local value stays")
    @PostMapping(value = "/dataset/conflicts/keep", consumes = "application/json")
    ResponseEntity<Void> keep(@RequestBody ConflictRequest request) {
        releases.keep(required("slug", request.slug()), required("path", request.path()));
        return ResponseEntity.noContent().build();
    }

    /** Runs an edit; a refused stale edit answers with the current profile in this API's shape. */
    private static <T> T api(java.util.function.Supplier<T> edit) {
        try {
            return edit.get();
        } catch (io.ciamportal.shared.StaleVersionException e) {
            throw e.withCurrent(e.current() instanceof io.ciamportal.vendor.VendorViews.Profile p ? ProfileJson.of(p) : null);
        }
    }

    private static String required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "Required.");
        }
        return value;
    }
}
