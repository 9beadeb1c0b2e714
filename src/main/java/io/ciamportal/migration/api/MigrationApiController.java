package io.ciamportal.migration.api;

import io.ciamportal.migration.Inventory;
import io.ciamportal.migration.MemberRole;
import io.ciamportal.migration.MigrationMembersService;
import io.ciamportal.migration.MigrationPlanService;
import io.ciamportal.migration.MigrationRecordsService;
import io.ciamportal.migration.MigrationService;
import io.ciamportal.migration.MigrationViews;
import io.ciamportal.migration.ReportMarkdown;
import io.ciamportal.migration.ReportPdf;
import io.ciamportal.migration.api.MigrationJson.AssessmentJson;
import io.ciamportal.migration.api.MigrationJson.Details;
import io.ciamportal.migration.internal.PlanItem;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.api.Downloads;
import io.ciamportal.shared.api.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/assessments/score} (score a pair, store nothing) and {@code /api/v1/migrations} (stored migrations,
 * visible to their members and admins only; anyone else gets 404). A migration and its plan items carry an
 * {@code ETag}; every edit sends the version it was based on in {@code If-Match} (428 without, 412 with the current
 * state when someone changed it in between).
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("isAuthenticated()")
class MigrationApiController {

    private final MigrationService migrations;
    private final MigrationPlanService plan;
    private final MigrationMembersService members;
    private final MigrationRecordsService records;

    MigrationApiController(MigrationService migrations, MigrationPlanService plan, MigrationMembersService members,
            MigrationRecordsService records) {
        this.migrations = migrations;
        this.plan = plan;
        this.members = members;
        this.records = records;
    }

    @Schema(description = "A source (vendor slug or \"in-house\"), a destination vendor slug and the inventory; missing numbers are unknown")
    record ScoreRequest(@Nullable String source, @Nullable String destination, @Nullable Inventory inventory) {}

    @Operation(summary = "Score a migration pair without storing anything",
            description = "Item verdicts with the facts they rest on, the recommended strategy, the dual-run window and the pair difficulty. "
                    + "Shares are fractions from 0 to 1; a missing number is unknown, not zero. Invalid values: 400 with the field named.")
    @PostMapping(value = "/assessments/score", consumes = "application/json")
    AssessmentJson score(@RequestBody ScoreRequest request) {
        return AssessmentJson.of(migrations.score(text(request.source()), text(request.destination()),
                request.inventory() == null ? Inventory.empty() : request.inventory()));
    }

    record MemberRequest(@Nullable String username, @Nullable MemberRole role) {}

    record CreateRequest(@Nullable String name, @Nullable String source, @Nullable String destination, @Nullable Inventory inventory,
            @Nullable List<MemberRequest> members) {}

    @Operation(summary = "Create a migration (analysts and admins)", description = "The caller becomes its owner; members are given by username "
            + "with a role: ANALYST, REVIEWER or VIEWER. The five-phase plan is generated from the assessment. Audited.")
    @PostMapping(value = "/migrations", consumes = "application/json")
    ResponseEntity<Details> create(@RequestBody CreateRequest request) {
        var requested = request.members() == null ? List.<MigrationViews.MemberRequest>of()
                : request.members().stream().map(m -> new MigrationViews.MemberRequest(text(m.username()), m.role())).toList();
        var created = migrations.create(new MigrationViews.NewMigration(text(request.name()), text(request.source()),
                text(request.destination()), request.inventory() == null ? Inventory.empty() : request.inventory(), requested));
        return ResponseEntity.status(201).header(HttpHeaders.ETAG, Versions.etag(created.version())).body(Details.of(created));
    }

    @Operation(summary = "The migrations you are a member of (all of them for admins)")
    @GetMapping("/migrations")
    List<MigrationJson.Summary> list() {
        return migrations.list().stream().map(MigrationJson.Summary::of).toList();
    }

    @Operation(summary = "One migration with its members, inventory, assessment and plan (members and admins; 404 otherwise)",
            description = "The ETag header is the version an edit must send in If-Match.")
    @GetMapping("/migrations/{id}")
    ResponseEntity<Details> get(@PathVariable UUID id) {
        return tagged(migrations.get(id));
    }

    @Schema(description = "What to change; a missing field stays as it is")
    record PatchRequest(@Nullable String name, @Nullable String source, @Nullable String destination) {}

    @Operation(summary = "Rename a migration or change its source or destination (analyst members and admins); audited",
            description = "Needs If-Match. A new pair outdates every security-gate sign-off and reopens the gates, as in the portal.")
    @PatchMapping(value = "/migrations/{id}", consumes = "application/json")
    ResponseEntity<Details> patch(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody PatchRequest request) {
        long version = Versions.ifMatch(ifMatch);
        return tagged(api(() -> migrations.update(id, version, new MigrationViews.Patch(request.name(), request.source(), request.destination()))));
    }

    @Operation(summary = "Replace the inventory (owner or analyst members who are analysts, and admins); audited",
            description = "Needs If-Match with the migration's ETag.")
    @PutMapping(value = "/migrations/{id}/inventory", consumes = "application/json")
    ResponseEntity<Details> inventory(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody Inventory inventory) {
        long version = Versions.ifMatch(ifMatch);
        return tagged(api(() -> migrations.updateInventory(id, version, inventory)));
    }

    record PlanItemRequest(@Nullable Boolean done) {}

    @Operation(summary = "Mark a plan item done or not done; the cutover item needs all six gates approved (409 names the others)",
            description = "Needs If-Match with the item's version (its ETag, or \"version\" in the migration's plan).")
    @PutMapping(value = "/migrations/{id}/plan/{itemId}", consumes = "application/json")
    ResponseEntity<MigrationJson.PlanItem> planItem(@PathVariable UUID id, @PathVariable UUID itemId,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch, @RequestBody PlanItemRequest request) {
        long version = Versions.ifMatch(ifMatch);
        var item = api(() -> plan.setPlanItemDone(id, itemId, version, Boolean.TRUE.equals(request.done())));
        return Versions.tagged(MigrationJson.PlanItem.of(item), item.version());
    }

    @Operation(summary = "Add a member or change their role (owner and admins); audited",
            description = "Taking the reviewer role from someone stops their approvals from counting.")
    @PutMapping(value = "/migrations/{id}/members", consumes = "application/json")
    ResponseEntity<Details> member(@PathVariable UUID id, @RequestBody MemberRequest request) {
        if (request.role() == null) {
            throw new InvalidInputException("role", "Give a role: ANALYST, REVIEWER or VIEWER.");
        }
        return tagged(members.putMember(id, text(request.username()), request.role()));
    }

    record ApprovalsRequest(@Nullable Integer requiredApprovals) {}

    @Operation(summary = "How many distinct reviewers must approve each gate, 1 to 5 (owner and admins)")
    @PutMapping(value = "/migrations/{id}/required-approvals", consumes = "application/json")
    ResponseEntity<Details> requiredApprovals(@PathVariable UUID id, @RequestBody ApprovalsRequest request) {
        if (request.requiredApprovals() == null) {
            throw new InvalidInputException("requiredApprovals", "Give a number from 1 to 5.");
        }
        return tagged(migrations.setRequiredApprovals(id, request.requiredApprovals()));
    }

    @Operation(summary = "The report as Markdown")
    @GetMapping(value = "/migrations/{id}/report.md", produces = "text/markdown")
    ResponseEntity<byte[]> markdown(@PathVariable UUID id) {
        var report = records.report(id);
        return Downloads.attachment(ReportMarkdown.render(report).getBytes(StandardCharsets.UTF_8),
                MediaType.parseMediaType("text/markdown;charset=UTF-8"), fileName(report.details().summary().name()) + ".md");
    }

    @Operation(summary = "The report as PDF: title page, tables, page numbers, generation date")
    @GetMapping(value = "/migrations/{id}/report.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        var report = records.report(id);
        return Downloads.attachment(ReportPdf.render(report), MediaType.APPLICATION_PDF, fileName(report.details().summary().name()) + ".pdf");
    }

    static String fileName(String name) {
        String clean = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "migration-" + (clean.isEmpty() ? "report" : clean.length() > 60 ? clean.substring(0, 60) : clean);
    }

    /** Runs an edit; a refused stale edit answers with the current state in this API's shape. */
    private static <T> T api(java.util.function.Supplier<T> edit) {
        try {
            return edit.get();
        } catch (io.ciamportal.shared.StaleVersionException e) {
            throw e.withCurrent(switch (e.current()) {
                case MigrationViews.Details d -> Details.of(d);
                case MigrationViews.PlanItemView i -> MigrationJson.PlanItem.of(i);
                case null, default -> null;
            });
        }
    }

    private static ResponseEntity<Details> tagged(MigrationViews.Details d) {
        return Versions.tagged(Details.of(d), d.version());
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
