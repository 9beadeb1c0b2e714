package io.ciamportal.audit;

import io.ciamportal.audit.internal.AuditEntries;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and verifies the audit log. Admins only. */
@Service
@PreAuthorize("hasRole('ADMIN')")
@Transactional(readOnly = true)
public class AuditQueryService {

    /** Target types whose trail any signed-in user may read (public reference data such as vendor facts). */
    static final Set<String> PUBLIC_TARGET_TYPES = Set.of("vendor");

    private final AuditEntries entries;

    AuditQueryService(AuditEntries entries) {
        this.entries = entries;
    }

    /** Entries matching the filter, newest first. */
    public List<AuditEntry> find(AuditFilter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("offset must be >= 0 and limit between 1 and 1000");
        }
        return entries.find(filter, offset, limit);
    }

    public long count(AuditFilter filter) {
        return entries.count(filter);
    }

    /**
     * The whole trail of one target, oldest first, for a calling service that has already decided the user may read
     * it (a migration's trail after the membership check). Only that service calls it ({@code ArchitectureTest}).
     */
    @PreAuthorize("isAuthenticated()")
    public List<AuditEntry> trailAuthorizedByCaller(String targetType, String targetId) {
        return entries.trail(targetType, targetId);
    }

    /** The change history of one public target, newest first. Other targets' trails stay admin-only. */
    @PreAuthorize("isAuthenticated()")
    public List<AuditEntry> publicTrail(String targetType, String targetId) {
        if (!PUBLIC_TARGET_TYPES.contains(targetType)) {
            throw new AccessDeniedException("The trail of " + targetType + " is for admins");
        }
        return entries.latest(targetType, targetId, 500);
    }

    /** Every action name that occurs in the log, for filter choices. */
    public List<String> actions() {
        return entries.actions();
    }

    public List<String> targetTypes() {
        return entries.targetTypes();
    }

    /** Walks the whole chain from the first entry, streaming so that a long log does not fill the heap. */
    public ChainVerification verify() {
        var verifier = new ChainVerifier();
        entries.forEachInOrder(verifier::accept);
        return verifier.result();
    }
}
