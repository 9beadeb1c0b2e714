package io.ciamportal.audit.api;

import io.ciamportal.audit.AuditEntry;
import io.ciamportal.audit.AuditFilter;
import io.ciamportal.audit.AuditQueryService;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for admins: entries (newest first) and a full chain check. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditApiController {

    private final AuditQueryService audit;

    AuditApiController(AuditQueryService audit) {
        this.audit = audit;
    }

    @io.swagger.v3.oas.annotations.media.Schema(description = "The result of walking the whole chain: intact, or the first entry that breaks it")
    record VerifyJson(boolean intact, long entries, @Nullable String headHash, @Nullable String firstBrokenId, @Nullable String problem) {}

    @io.swagger.v3.oas.annotations.Operation(summary = "Walk the whole audit chain and say whether it is intact (admins)")
    @GetMapping("/verify")
    VerifyJson verify() {
        var result = audit.verify();
        return new VerifyJson(result.intact(), result.entries(), result.headHash(),
                result.firstBrokenId() == null ? null : String.valueOf(result.firstBrokenId()), result.problem());
    }

    @GetMapping
    List<AuditEntry> entries(@RequestParam(required = false) @Nullable String actor,
            @RequestParam(required = false) @Nullable String action,
            @RequestParam(required = false) @Nullable String targetType,
            @RequestParam(required = false) @Nullable String targetId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        return audit.find(new AuditFilter(actor, action, targetType, targetId, from, to), offset, limit);
    }
}
