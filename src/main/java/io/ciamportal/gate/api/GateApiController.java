package io.ciamportal.gate.api;

import io.ciamportal.audit.AuditExport;
import io.ciamportal.gate.Decision;
import io.ciamportal.gate.GateService;
import io.ciamportal.gate.GateViews;
import io.ciamportal.migration.MigrationRecordsService;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.api.Downloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The security gates of a migration, the sign-off inbox, and the migration's audit trail as CSV and JSON. */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("isAuthenticated()")
class GateApiController {

    private final GateService gates;
    private final MigrationRecordsService migrations;
    private final Clock clock;

    GateApiController(GateService gates, MigrationRecordsService migrations, Clock clock) {
        this.gates = gates;
        this.migrations = migrations;
        this.clock = clock;
    }

    @Operation(summary = "The six gates: status, criteria, evidence, sign-offs (with outdated) — members and admins")
    @GetMapping("/migrations/{id}/gates")
    List<GateJson> board(@PathVariable UUID id) {
        return gates.board(id).stream().map(GateApiController::json).toList();
    }

    @GetMapping("/migrations/{id}/gates/{gate}")
    GateJson gate(@PathVariable UUID id, @PathVariable String gate) {
        return json(gates.gate(id, gate));
    }

    @Operation(summary = "Submit a gate for review (analyst members and admins); needs evidence")
    @PostMapping("/migrations/{id}/gates/{gate}/submit")
    GateJson submit(@PathVariable UUID id, @PathVariable String gate) {
        return json(gates.submit(id, gate));
    }

    record SignOffRequest(@Nullable Decision decision, @Nullable String comment) {}

    @Operation(summary = "Sign off a submitted gate (reviewer members)",
            description = "APPROVE, REQUEST_CHANGES or REJECT; the submitter gets 409 (four eyes), a non-reviewer 403.")
    @PostMapping(value = "/migrations/{id}/gates/{gate}/sign-offs", consumes = "application/json")
    GateJson signOff(@PathVariable UUID id, @PathVariable String gate, @RequestBody SignOffRequest request) {
        if (request.decision() == null || request.decision() == Decision.REVOKE) {
            throw new InvalidInputException("decision", "Decide APPROVE, REQUEST_CHANGES or REJECT; use /revoke to withdraw an approval.");
        }
        return json(gates.signOff(id, gate, request.decision(), request.comment()));
    }

    record RevokeRequest(@Nullable String comment) {}

    @PostMapping(value = "/migrations/{id}/gates/{gate}/revoke", consumes = "application/json")
    GateJson revoke(@PathVariable UUID id, @PathVariable String gate, @RequestBody(required = false) @Nullable RevokeRequest request) {
        return json(gates.revoke(id, gate, request == null ? null : request.comment()));
    }

    record EvidenceRequest(@Nullable String kind, @Nullable String title, @Nullable String text, @Nullable String url) {}

    @Operation(summary = "Add text or link evidence (JSON) — outdates the gate's sign-offs")
    @PostMapping(value = "/migrations/{id}/gates/{gate}/evidence", consumes = "application/json")
    GateJson evidence(@PathVariable UUID id, @PathVariable String gate, @RequestBody EvidenceRequest request) {
        String kind = request.kind() == null ? "TEXT" : request.kind().toUpperCase(java.util.Locale.ROOT);
        return json(switch (kind) {
            case "TEXT" -> gates.addText(id, gate, text(request.title()), text(request.text()));
            case "LINK" -> gates.addLink(id, gate, text(request.title()), text(request.url()));
            default -> throw new InvalidInputException("kind", "Use TEXT or LINK here; upload files as multipart/form-data.");
        });
    }

    @Operation(summary = "Upload a file as evidence (multipart field \"file\", optional \"title\")")
    @PostMapping(value = "/migrations/{id}/gates/{gate}/evidence", consumes = "multipart/form-data")
    GateJson file(@PathVariable UUID id, @PathVariable String gate, @RequestParam("file") MultipartFile file,
            @RequestParam(value = "title", required = false) @Nullable String title) throws IOException {
        return json(gates.addFile(id, gate, title == null ? "" : title, text(file.getOriginalFilename()), file.getBytes()));
    }

    @DeleteMapping("/migrations/{id}/gates/{gate}/evidence/{evidenceId}")
    GateJson removeEvidence(@PathVariable UUID id, @PathVariable String gate, @PathVariable UUID evidenceId) {
        return json(gates.removeEvidence(id, gate, evidenceId));
    }

    @Operation(summary = "Download an evidence file; always an attachment, never shown inline")
    @GetMapping("/migrations/{id}/evidence/{evidenceId}/content")
    ResponseEntity<byte[]> content(@PathVariable UUID id, @PathVariable UUID evidenceId) {
        var file = gates.download(id, evidenceId);
        return Downloads.attachment(file.content(), MediaType.APPLICATION_OCTET_STREAM, file.fileName());
    }

    @Operation(summary = "Gates waiting for your sign-off across your migrations")
    @GetMapping("/gates/inbox")
    List<InboxJson> inbox() {
        return gates.inbox().stream().map(i -> new InboxJson(i.migrationId(), i.migration(), i.key().key(), i.submittedBy(),
                i.submittedAt() == null ? null : i.submittedAt().toString(), i.approvals(), i.requiredApprovals())).toList();
    }

    @Operation(summary = "The migration's audit trail as CSV (formula cells neutralised)")
    @GetMapping("/migrations/{id}/audit.csv")
    ResponseEntity<byte[]> auditCsv(@PathVariable UUID id) {
        byte[] body = AuditExport.csv(migrations.auditTrail(id)).getBytes(StandardCharsets.UTF_8);
        return Downloads.attachment(body, MediaType.parseMediaType("text/csv;charset=UTF-8"), "migration-" + id + "-audit.csv");
    }

    @Operation(summary = "The migration's audit trail as JSON with the chain hashes; check it offline with verify-audit")
    @GetMapping("/migrations/{id}/audit.json")
    ResponseEntity<byte[]> auditJson(@PathVariable UUID id) {
        byte[] body = AuditExport.json("migration " + id, migrations.auditTrail(id), clock.instant());
        return Downloads.attachment(body, MediaType.APPLICATION_JSON, "migration-" + id + "-audit.json");
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    // ---- JSON shapes: records, so /v3/api-docs describes every answer -------------------------------------------

    @Schema(description = "A criterion a gate is judged on")
    record CriterionJson(UUID id, String text, boolean custom) {}

    @Schema(description = "Evidence on a gate: text, a link, or a file known by its SHA-256")
    record EvidenceJson(UUID id, String kind, String title, @Nullable String text, @Nullable String url, @Nullable String fileName,
            @Nullable String contentType, @Nullable Long sizeBytes, @Nullable String sha256, String addedBy, String addedAt) {}

    @Schema(description = "A sign-off: who, in which role then, what it means, the decision and the state hash it rests on")
    record SignOffJson(String signer, String role, String meaning, String decision, @Nullable String comment, String stateHash,
            String signedAt, boolean outdated, boolean revoked, @Nullable String outdatedReason) {}

    @Schema(description = "One security gate with its criteria, evidence and sign-offs")
    record GateJson(String gate, String title, String status, @Nullable String owner, @Nullable String submittedBy,
            @Nullable String submittedAt, long approvals, int requiredApprovals, List<CriterionJson> criteria, List<EvidenceJson> evidence,
            List<SignOffJson> signOffs, String stateHash, @Nullable String reopenedReason, List<String> assessmentChanges) {}

    @Schema(description = "A submitted gate waiting for your sign-off")
    record InboxJson(UUID migrationId, String migration, String gate, @Nullable String submittedBy, @Nullable String submittedAt,
            long approvals, int requiredApprovals) {}

    static GateJson json(GateViews.GateView g) {
        return new GateJson(g.key().key(), g.key().title(), g.status().name(), g.owner(), g.submittedBy(),
                g.submittedAt() == null ? null : g.submittedAt().toString(), g.approvals(), g.requiredApprovals(),
                g.criteria().stream().map(c -> new CriterionJson(c.id(), c.text(), c.custom())).toList(),
                g.evidence().stream().map(e -> new EvidenceJson(e.id(), e.kind(), e.title(), e.body(), e.url(), e.fileName(), e.contentType(),
                        e.sizeBytes(), e.sha256(), e.addedBy(), e.addedAt().toString())).toList(),
                g.signOffs().stream().map(x -> new SignOffJson(x.signer(), x.role(), x.meaning(), x.decision().name(), x.comment(),
                        x.stateHash(), x.signedAt().toString(), x.outdated(), x.revoked(), x.outdatedReason())).toList(),
                g.currentStateHash(), g.reopenedReason(), g.assessmentChanges());
    }
}
