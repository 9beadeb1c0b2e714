package io.ciamportal.migration;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.migration.internal.Migration;
import io.ciamportal.migration.internal.MigrationRepository;
import io.ciamportal.shared.RuleViolationException;
import io.ciamportal.shared.StaleVersionException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A migration's cutover calendar: members and admins read it (and its iCalendar file); analyst members and admins set
 * the cutover date, rollback window and decommission date, based on the migration's version. Setting them re-dates the
 * plan items nobody dated by hand, outdates the gates' sign-offs (the rollback gate rests on the window) and is audited.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional
public class MigrationCutoverService {

    private final MigrationRepository migrations;
    private final MigrationLoader loader;
    private final MigrationSides sides;
    private final MigrationAssembler assembler;
    private final PlanDates dates;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MigrationCutoverService(MigrationRepository migrations, MigrationLoader loader, MigrationSides sides, MigrationAssembler assembler, PlanDates dates,
            AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.migrations = migrations;
        this.loader = loader;
        this.sides = sides;
        this.assembler = assembler;
        this.dates = dates;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public CutoverViews.Calendar calendar(UUID id) {
        var m = loader.readable(id);
        return dates.view(m, sides.memo().scored(m), MigrationLoader.canEdit(m, loader.me()));
    }

    /** The milestones as an iCalendar file (RFC 5545); refused while no cutover date is set. */
    @Transactional(readOnly = true)
    public byte[] ics(UUID id) {
        var view = calendar(id);
        if (!view.scheduled()) {
            throw new RuleViolationException("No cutover date is set for this migration yet, so there is nothing to put in a calendar.");
        }
        return CutoverIcs.render(view, clock.instant()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Sets the schedule from text as the API sends it (dates as YYYY-MM-DD). */
    public CutoverViews.Calendar schedule(UUID id, long expectedVersion, @Nullable String date, @Nullable Long rollbackDays,
            @Nullable String decommissionDate) {
        var m = loader.editable(id);
        checkVersion(m, expectedVersion);
        var current = m.cutoverSchedule().orElse(null);
        return apply(m, CutoverSchedule.parse(date, rollbackDays, decommissionDate, dates.today(), current), current);
    }

    /** Sets the schedule from a form's date pickers. */
    public CutoverViews.Calendar schedule(UUID id, long expectedVersion, @Nullable LocalDate date, @Nullable Long rollbackDays,
            @Nullable LocalDate decommission) {
        var m = loader.editable(id);
        checkVersion(m, expectedVersion);
        var current = m.cutoverSchedule().orElse(null);
        return apply(m, CutoverSchedule.validated(date, rollbackDays, decommission, dates.today(), current), current);
    }

    private CutoverViews.Calendar apply(Migration m, CutoverSchedule schedule, @Nullable CutoverSchedule before) {
        var me = loader.me();
        var scored = sides.memo().scored(m);
        if (schedule.equals(before)) {
            return dates.view(m, scored, true);
        }
        m.scheduleCutover(schedule, me.userId(), clock.instant());
        migrations.flush();
        int moved = dates.apply(m, scored);
        events.publishEvent(new MigrationEvents.CutoverScheduled(m.id()));
        var after = describe(schedule);
        after.put("itemsMoved", moved);
        audit.record(AuditEvent.success(AuditAction.MIGRATION_CUTOVER_SCHEDULED, AuditTarget.MIGRATION, m.id().toString(),
                before == null ? null : describe(before), after));
        return dates.view(m, scored, true);
    }

    private static Map<String, @Nullable Object> describe(CutoverSchedule s) {
        var map = new LinkedHashMap<String, @Nullable Object>();
        map.put("date", s.cutover().toString());
        map.put("rollbackDays", s.rollbackDays());
        map.put("decommissionDate", s.decommission() == null ? null : s.decommission().toString());
        return map;
    }

    private void checkVersion(Migration m, long expectedVersion) {
        boolean canEdit = MigrationLoader.canEdit(m, loader.me());
        StaleVersionException.check(expectedVersion, m.version(), "This migration",
                m.updatedBy() == null ? null : assembler.names(List.of(m.updatedBy())).get(m.updatedBy()), m.updatedAt(),
                () -> dates.view(m, sides.memo().scored(m), canEdit));
    }
}
