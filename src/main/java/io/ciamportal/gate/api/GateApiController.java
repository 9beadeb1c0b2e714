package io.ciamportal.gate.api;

import io.ciamportal.audit.AuditExport;
import io.ciamportal.gate.Decision;
import io.ciamportal.gate.GateService;
import io.ciamportal.gate.GateViews;
import io.ciamportal.migration.MigrationService;
import io.ciamportal.shared.api.Downloads;
import io.ciamportal.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
    private final MigrationService migrations;
    private final Clock clock;

    GateApiController(GateService gates, MigrationService migrations, Clock clock) {
        this.gates = gates;
        this.migrations = migrations;
        this.clock = clock;
    }

    @Operation(summary = "The six gates: status, criteria, evidence, sign-offs (with outdated) — members and admins")
    @GetMapping("/migrations/{id}/gates")
    List<Map<String, Object>> board(@PathVariable UUID id) {
        return gates.board(id).stream().map(GateApiController::json).toList();
    }

    @GetMapping("/migrations/{id}/gates/{gate}")
    Map<String, Object> gate(@PathVariable UUID id, @PathVariable String gate) {
        return json(gates.gate(id, gate));
    }

    @Operation(summary = "Submit a gate for review (analyst members and admins); needs evidence")
    @PostMapping("/migrations/{id}/gates/{gate}/submit")
    Map<String, Object> submit(@PathVariable UUID id, @PathVariable String gate) {
        return json(gates.submit(id, gate));
    }

    record SignOffRequest(@Nullable Decision decision, @Nullable String comment) {}

    @Operation(summary = "Sign off a submitted gate (reviewer members)",
            description = "APPROVE, REQUEST_CHANGES or REJECT; the submitter gets 409 (four eyes), a non-reviewer 403.")
    @PostMapping(value = "/migrations/{id}/gates/{gate}/sign-offs", consumes = "application/json")
    Map<String, Object> signOff(@PathVariable UUID id, @PathVariable String gate, @RequestBody SignOffRequest request) {
        if (request.decision() == null || request.decision() == Decision.REVOKE) {
            throw new InvalidInputException("decision", "Decide APPROVE, REQUEST_CHANGES or REJECT; use /revoke to withdraw an approval.");
        }
        return json(gates.signOff(id, gate, request.decision(), request.comment()));
    }

    record RevokeRequest(@Nullable String comment) {}

    @PostMapping(value = "/migrations/{id}/gates/{gate}/revoke", consumes = "application/json")
    Map<String, Object> revoke(@PathVariable UUID id, @PathVariable String gate, @RequestBody(required = false) @Nullable RevokeRequest request) {
        return json(gates.revoke(id, gate, request == null ? null : request.comment()));
    }

    record EvidenceRequest(@Nullable String kind, @Nullable String title, @Nullable String text, @Nullable String url) {}

    @Operation(summary = "Add text or link evidence (JSON) — outdates the gate's sign-offs")
    @PostMapping(value = "/migrations/{id}/gates/{gate}/evidence", consumes = "application/json")
    Map<String, Object> evidence(@PathVariable UUID id, @PathVariable String gate, @RequestBody EvidenceRequest request) {
        String kind = request.kind() == null ? "TEXT" : request.kind().toUpperCase(java.util.Locale.ROOT);
        return json(switch (kind) {
            case "TEXT" -> gates.addText(id, gate, text(request.title()), text(request.text()));
            case "LINK" -> gates.addLink(id, gate, text(request.title()), text(request.url()));
            default -> throw new InvalidInputException("kind", "Use TEXT or LINK here; upload files as multipart/form-data.");
        });
    }

    @Operation(summary = "Upload a file as evidence (multipart field \"file\", optional \"title\")")
    @PostMapping(value = "/migrations/{id}/gates/{gate}/evidence", consumes = "multipart/form-data")
    Map<String, Object> file(@PathVariable UUID id, @PathVariable String gate, @RequestParam("file") MultipartFile file,
            @RequestParam(value = "title", required = false) @Nullable String title) throws IOException {
        return json(gates.addFile(id, gate, title == null ? "" : title, text(file.getOriginalFilename()), file.getBytes()));
    }

    @DeleteMapping("/migrations/{id}/gates/{gate}/evidence/{evidenceId}")
    Map<String, Object> removeEvidence(@PathVariable UUID id, @PathVariable String gate, @PathVariable UUID evidenceId) {
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
    List<Map<String, Object>> inbox() {
        return gates.inbox().stream().map(i -> {
            var m = new LinkedHashMap<String, Object>();
            m.put("migrationId", i.migrationId());
            m.put("migration", i.migration());
            m.put("gate", i.key().key());
            m.put("approvals", i.approvals());
            m.put("requiredApprovals", i.requiredApprovals());
            return (Map<String, Object>) m;
        }).toList();
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

    static Map<String, Object> json(GateViews.GateView g) {
        var m = new LinkedHashMap<String, Object>();
        m.put("gate", g.key().key());
        m.put("title", g.key().title());
        m.put("status", g.status().name());
        m.put("owner", g.owner());
        m.put("submittedBy", g.submittedBy());
        m.put("submittedAt", g.submittedAt() == null ? null : g.submittedAt().toString());
        m.put("approvals", g.approvals());
        m.put("requiredApprovals", g.requiredApprovals());
        m.put("criteria", g.criteria().stream().map(c -> Map.of("id", c.id(), "text", c.text(), "custom", c.custom())).toList());
        m.put("evidence", g.evidence().stream().map(e -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("id", e.id());
            x.put("kind", e.kind());
            x.put("title", e.title());
            x.put("text", e.body());
            x.put("url", e.url());
            x.put("fileName", e.fileName());
            x.put("contentType", e.contentType());
            x.put("sizeBytes", e.sizeBytes());
            x.put("sha256", e.sha256());
            x.put("addedBy", e.addedBy());
            x.put("addedAt", e.addedAt().toString());
            return x;
        }).toList());
        m.put("signOffs", g.signOffs().stream().map(s -> {
            var x = new LinkedHashMap<String, Object>();
            x.put("signer", s.signer());
            x.put("role", s.role());
            x.put("meaning", s.meaning());
            x.put("decision", s.decision().name());
            x.put("comment", s.comment());
            x.put("stateHash", s.stateHash());
            x.put("signedAt", s.signedAt().toString());
            x.put("outdated", s.outdated());
            x.put("revoked", s.revoked());
            return x;
        }).toList());
        m.put("stateHash", g.currentStateHash());
        return m;
    }
}
