package io.ciamportal.migration.api;

import io.ciamportal.migration.Assessment;
import io.ciamportal.migration.Inventory;
import io.ciamportal.migration.MemberRole;
import io.ciamportal.migration.MigrationService;
import io.ciamportal.migration.MigrationViews;
import io.ciamportal.migration.ReportMarkdown;
import io.ciamportal.migration.ReportPdf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/assessments/score} (score a pair, store nothing) and {@code /api/v1/migrations} (stored migrations,
 * visible to their members and admins only; anyone else gets 404).
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("isAuthenticated()")
class MigrationApiController {

    private final MigrationService migrations;

    MigrationApiController(MigrationService migrations) {
        this.migrations = migrations;
    }

    @Schema(description = "A source (vendor slug or \"in-house\"), a destination vendor slug and the inventory; missing numbers are unknown")
    record ScoreRequest(@Nullable String source, @Nullable String destination, @Nullable Inventory inventory) {}

    @Operation(summary = "Score a migration pair without storing anything",
            description = "Item verdicts with the facts they rest on, the recommended strategy, the dual-run window and the pair difficulty. "
                    + "Shares are fractions from 0 to 1; a missing number is unknown, not zero. Invalid values: 400 with the field named.")
    @PostMapping(value = "/assessments/score", consumes = "application/json")
    Map<String, Object> score(@RequestBody ScoreRequest request) {
        return assessment(migrations.score(text(request.source()), text(request.destination()),
                request.inventory() == null ? Inventory.empty() : request.inventory()));
    }

    record MemberJson(@Nullable String username, @Nullable MemberRole role) {}

    record CreateRequest(@Nullable String name, @Nullable String source, @Nullable String destination, @Nullable Inventory inventory,
            @Nullable List<MemberJson> members) {}

    @Operation(summary = "Create a migration (analysts and admins)", description = "The caller becomes its owner; members are given by username "
            + "with a role: ANALYST, REVIEWER or VIEWER. The five-phase plan is generated from the assessment. Audited.")
    @PostMapping(value = "/migrations", consumes = "application/json")
    ResponseEntity<Map<String, Object>> create(@RequestBody CreateRequest request) {
        var members = request.members() == null ? List.<MigrationViews.MemberRequest>of()
                : request.members().stream().map(m -> new MigrationViews.MemberRequest(text(m.username()), m.role())).toList();
        var created = migrations.create(new MigrationViews.NewMigration(text(request.name()), text(request.source()),
                text(request.destination()), request.inventory() == null ? Inventory.empty() : request.inventory(), members));
        return ResponseEntity.status(201).body(details(created));
    }

    @Operation(summary = "The migrations you are a member of (all of them for admins)")
    @GetMapping("/migrations")
    List<Map<String, Object>> list() {
        return migrations.list().stream().map(MigrationApiController::summary).toList();
    }

    @Operation(summary = "One migration with its members, inventory, assessment and plan (members and admins; 404 otherwise)")
    @GetMapping("/migrations/{id}")
    Map<String, Object> get(@PathVariable UUID id) {
        return details(migrations.get(id));
    }

    @Operation(summary = "Replace the inventory (owner or analyst members who are analysts, and admins); audited")
    @PutMapping(value = "/migrations/{id}/inventory", consumes = "application/json")
    Map<String, Object> inventory(@PathVariable UUID id, @RequestBody Inventory inventory) {
        return details(migrations.updateInventory(id, inventory));
    }

    record PlanItemRequest(@Nullable Boolean done) {}

    @Operation(summary = "Mark a plan item done or not done; the cutover item needs all six gates approved (409 names the others)")
    @PutMapping(value = "/migrations/{id}/plan/{itemId}", consumes = "application/json")
    Map<String, Object> planItem(@PathVariable UUID id, @PathVariable UUID itemId, @RequestBody PlanItemRequest request) {
        var item = migrations.setPlanItemDone(id, itemId, Boolean.TRUE.equals(request.done()));
        return Map.of("id", item.id(), "text", item.text(), "done", item.done());
    }

    @Operation(summary = "Add a member or change their role (owner and admins); audited")
    @PutMapping(value = "/migrations/{id}/members", consumes = "application/json")
    Map<String, Object> member(@PathVariable UUID id, @RequestBody MemberJson request) {
        if (request.role() == null) {
            throw new io.ciamportal.shared.InvalidInputException("role", "Give a role: ANALYST, REVIEWER or VIEWER.");
        }
        return details(migrations.putMember(id, text(request.username()), request.role()));
    }

    record ApprovalsRequest(@Nullable Integer requiredApprovals) {}

    @Operation(summary = "How many distinct reviewers must approve each gate, 1 to 5 (owner and admins)")
    @PutMapping(value = "/migrations/{id}/required-approvals", consumes = "application/json")
    Map<String, Object> requiredApprovals(@PathVariable UUID id, @RequestBody ApprovalsRequest request) {
        if (request.requiredApprovals() == null) {
            throw new io.ciamportal.shared.InvalidInputException("requiredApprovals", "Give a number from 1 to 5.");
        }
        return details(migrations.setRequiredApprovals(id, request.requiredApprovals()));
    }

    @Operation(summary = "The report as Markdown")
    @GetMapping(value = "/migrations/{id}/report.md", produces = "text/markdown")
    ResponseEntity<byte[]> markdown(@PathVariable UUID id) {
        var report = migrations.report(id);
        return io.ciamportal.shared.api.Downloads.attachment(ReportMarkdown.render(report).getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType("text/markdown;charset=UTF-8"),
                fileName(report.details().summary().name()) + ".md");
    }

    @Operation(summary = "The report as PDF: title page, tables, page numbers, generation date")
    @GetMapping(value = "/migrations/{id}/report.pdf", produces = "application/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        var report = migrations.report(id);
        return io.ciamportal.shared.api.Downloads.attachment(ReportPdf.render(report), MediaType.APPLICATION_PDF, fileName(report.details().summary().name()) + ".pdf");
    }

    static String fileName(String name) {
        String clean = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "migration-" + (clean.isEmpty() ? "report" : clean.length() > 60 ? clean.substring(0, 60) : clean);
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    // ---- JSON shapes --------------------------------------------------------------------------------------------

    static Map<String, Object> assessment(Assessment a) {
        var body = new LinkedHashMap<String, Object>();
        body.put("source", a.source());
        body.put("destination", a.destination());
        body.put("difficulty", Map.of("score", a.difficulty().score(), "breakdown", a.difficulty().breakdown().stream()
                .map(p -> Map.of("fact", p.fact(), "points", p.points(), "reason", p.reason())).toList()));
        body.put("strategy", Map.of("kind", a.strategy().name(), "label", a.strategy().label(), "reason", a.strategyReason()));
        body.put("dualRunWeeks", a.dualRunWeeks());
        body.put("forcedResets", a.forcedResets());
        body.put("mfaReenrollments", a.mfaReenrollments());
        body.put("items", a.items().stream().map(i -> {
            var item = new LinkedHashMap<String, Object>();
            item.put("item", i.item().key());
            item.put("verdict", i.verdict().name());
            item.put("reason", i.reason());
            item.put("facts", i.facts().stream().map(f -> Map.of("vendor", f.vendor(), "fact", f.fact(), "value", f.value(),
                    "sources", f.sources(), "confirmed", f.confirmed())).toList());
            item.put("affected", i.affected());
            item.put("unit", i.unit());
            item.put("effort", i.effort());
            return item;
        }).toList());
        return body;
    }

    static Map<String, Object> summary(MigrationViews.Summary s) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", s.id());
        body.put("name", s.name());
        body.put("source", s.source());
        body.put("destination", s.destination());
        body.put("owner", s.ownerName());
        body.put("myRole", s.myRole() == null ? null : s.myRole().name());
        body.put("difficulty", s.difficulty());
        body.put("strategy", s.strategy().name());
        body.put("planDone", s.done());
        body.put("planTotal", s.total());
        body.put("updatedAt", s.updatedAt().toString());
        return body;
    }

    static Map<String, Object> details(MigrationViews.Details d) {
        var body = summary(d.summary());
        body.put("inventory", d.inventory());
        body.put("members", d.members().stream().map(m -> Map.of("username", m.username(), "name", m.displayName(), "role", m.role().name())).toList());
        body.put("assessment", assessment(d.assessment()));
        body.put("plan", d.plan().stream().map(p -> Map.of("phase", p.number(), "name", p.name(), "done", p.done(),
                "items", p.items().stream().map(i -> {
                    var item = new LinkedHashMap<String, Object>();
                    item.put("id", i.id());
                    item.put("text", i.text());
                    item.put("kind", i.kind());
                    item.put("owner", i.ownerName());
                    item.put("due", i.due() == null ? null : i.due().toString());
                    item.put("done", i.done());
                    return item;
                }).toList())).toList());
        body.put("canEdit", d.canEdit());
        return body;
    }
}
