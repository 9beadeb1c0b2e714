package io.ciamportal.migration;

import io.ciamportal.audit.AuditEntry;
import io.ciamportal.audit.AuditQueryService;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a migration's members take away: the reports and the migration's audit trail. Members and admins. */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional(readOnly = true)
public class MigrationRecordsService {

    private final MigrationLoader loader;
    private final MigrationAssembler assembler;
    private final AuditQueryService auditQueries;
    private final ObjectProvider<GateSummaries> gateSummaries;
    private final ObjectProvider<MigrationExportsService> exports;
    private final ObjectProvider<ClaimDiffService> claimDiffs;
    private final Clock clock;
    private final PlanDates dates;
    private final MigrationSides sides;

    MigrationRecordsService(MigrationLoader loader, MigrationAssembler assembler, AuditQueryService auditQueries,
            ObjectProvider<GateSummaries> gateSummaries, ObjectProvider<MigrationExportsService> exports, ObjectProvider<ClaimDiffService> claimDiffs,
            Clock clock, PlanDates dates, MigrationSides sides) {
        this.dates = dates;
        this.sides = sides;
        this.exports = exports;
        this.claimDiffs = claimDiffs;
        this.loader = loader;
        this.assembler = assembler;
        this.auditQueries = auditQueries;
        this.gateSummaries = gateSummaries;
        this.clock = clock;
    }

    /** Everything the reports show, as of now. */
    public Report report(UUID id) {
        var m = loader.readable(id);
        var me = loader.me();
        var summaries = gateSummaries.getIfAvailable();
        var export = exports.getObject().latest(id).orElse(null);
        return new Report(assembler.details(m, me), clock.instant(), me.displayName(), summaries == null ? List.of() : summaries.forReport(id),
                export, dates.view(m, sides.memo().scored(m), MigrationLoader.canEdit(m, me)), claimDiffs.getObject().status(id));
    }

    /**
     * Gates whose approvals were given on another assessment than {@code now} (gate title -> what changed): a vendor fact
     * a curator or a dataset release changed moved a verdict or the strategy. The approvals stay valid.
     */
    public java.util.Map<String, List<String>> signOffChanges(UUID id, Assessment now) {
        loader.readable(id);
        var summaries = gateSummaries.getIfAvailable();
        return summaries == null ? java.util.Map.of() : summaries.assessmentChanges(id, now);
    }

    /** The migration's audit trail (everything recorded with it as target), oldest first, for members and admins. */
    public List<AuditEntry> auditTrail(UUID id) {
        loader.readable(id);
        return auditQueries.trailAuthorizedByCaller("migration", id.toString());
    }
}
