package io.ciamportal.migration.api;

import io.ciamportal.migration.ApplicationAssessment;
import io.ciamportal.migration.ApplicationInventory;
import io.ciamportal.migration.ApplicationsView;
import io.ciamportal.migration.MigrationApplicationsService;
import io.ciamportal.shared.StaleVersionException;
import io.ciamportal.shared.api.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/migrations/{id}/applications}: the application side of a migration (client applications, issuer,
 * domains, templates, webhooks, log streams, machine credentials) and its verdicts. The ETag is the migration's
 * version, shared with the migration and its inventory; a replacement sends it in {@code If-Match}.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("isAuthenticated()")
class ApplicationsApiController {

    private final MigrationApplicationsService applications;

    ApplicationsApiController(MigrationApplicationsService applications) {
        this.applications = applications;
    }

    @Schema(description = "A migration's application-side inventory and one verdict per application-side item; version is the ETag an "
            + "edit sends in If-Match. listed is false until the inventory is filled in (counts are then unknown).")
    record ApplicationsJson(UUID migrationId, String destination, ApplicationInventory inventory, boolean listed,
            List<MigrationJson.Item> items, boolean canEdit, long version) {

        static ApplicationsJson of(ApplicationsView v) {
            return new ApplicationsJson(v.migrationId(), v.destinationName(), v.inventory(), v.assessment().listed(),
                    items(v.assessment()), v.canEdit(), v.version());
        }

        static List<MigrationJson.Item> items(ApplicationAssessment a) {
            return a.items().stream().map(i -> new MigrationJson.Item(i.item().key(), i.verdict().name(), i.reason(),
                    i.facts().stream().map(f -> new MigrationJson.Fact(f.vendor(), f.fact(), f.value(), f.sources(), f.confirmed())).toList(),
                    i.affected(), i.unit(), i.effort())).toList();
        }
    }

    @Operation(summary = "The application side of a migration with its verdicts (members and admins; 404 otherwise)",
            description = "The ETag header is the migration's version, which PUT sends in If-Match.")
    @GetMapping("/migrations/{id}/applications")
    ResponseEntity<ApplicationsJson> get(@PathVariable UUID id) {
        var v = applications.applications(id);
        return Versions.tagged(ApplicationsJson.of(v), v.version());
    }

    @Operation(summary = "Replace the application-side inventory (owner, analyst members and admins); audited",
            description = "Needs If-Match with the migration's ETag. Client types: WEB, SPA, NATIVE, M2M; grant types: AUTHORIZATION_CODE, "
                    + "REFRESH_TOKEN, CLIENT_CREDENTIALS, DEVICE_CODE, TOKEN_EXCHANGE, IMPLICIT, PASSWORD; TLS: VENDOR_MANAGED, "
                    + "OWN_CERTIFICATE, UNKNOWN. A missing count is unknown, not zero. Redirect, logout and webhook URIs must be "
                    + "absolute without a fragment; a bad value answers 400 naming the field (e.g. clients[0].redirectUris[1]) and "
                    + "nothing is stored. A change outdates the security gates' sign-offs and updates the plan's suggestions.")
    @PutMapping(value = "/migrations/{id}/applications", consumes = "application/json")
    ResponseEntity<ApplicationsJson> put(@PathVariable UUID id,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch, @RequestBody ApplicationInventory inventory) {
        long version = Versions.ifMatch(ifMatch);
        try {
            var v = applications.update(id, version, inventory);
            return Versions.tagged(ApplicationsJson.of(v), v.version());
        } catch (StaleVersionException e) {
            throw e.withCurrent(e.current() instanceof ApplicationsView v ? ApplicationsJson.of(v) : null);
        }
    }
}
