package io.ciamportal.migration;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.migration.internal.Migration;
import io.ciamportal.migration.internal.MigrationRepository;
import io.ciamportal.shared.StaleVersionException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application side of a migration: read by members and admins, replaced by those who may edit the migration
 * ({@link MigrationLoader}), based on the migration's version. A change is part of the state the gates' sign-offs rest
 * on, so it outdates them (the gates hear of it in this transaction), brings the plan's untouched suggestions in line,
 * and is audited with what changed before and after.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional
public class MigrationApplicationsService {

    private final MigrationRepository migrations;
    private final MigrationLoader loader;
    private final MigrationSides sides;
    private final MigrationAssembler assembler;
    private final MigrationPlanService plan;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MigrationApplicationsService(MigrationRepository migrations, MigrationLoader loader, MigrationSides sides, MigrationAssembler assembler,
            MigrationPlanService plan, AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.migrations = migrations;
        this.loader = loader;
        this.sides = sides;
        this.assembler = assembler;
        this.plan = plan;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public ApplicationsView applications(UUID id) {
        var m = loader.readable(id);
        return view(m, sides.memo().scored(m));
    }

    /** Replaces the application-side inventory; nothing is stored when a value is refused (the error names its field). */
    public ApplicationsView update(UUID id, long expectedVersion, ApplicationInventory inventory) {
        var m = loader.editable(id);
        var me = loader.me();
        StaleVersionException.check(expectedVersion, m.version(), "This migration",
                m.updatedBy() == null ? null : assembler.names(List.of(m.updatedBy())).get(m.updatedBy()), m.updatedAt(),
                () -> view(m, sides.memo().scored(m)));
        var clean = inventory.validated();
        var before = m.applications();
        if (before.equals(clean)) {
            return view(m, sides.memo().scored(m));
        }
        m.updateApplications(clean, me.userId(), clock.instant());
        migrations.flush();
        var scored = sides.memo().scored(m);
        plan.refresh(m, scored);
        events.publishEvent(new MigrationEvents.InventoryChanged(id));
        var changed = ChangedFields.between(before.asMap(), clean.asMap());
        audit.record(AuditEvent.success(AuditAction.MIGRATION_APPLICATIONS_CHANGED, AuditTarget.MIGRATION, id.toString(), changed.before(), changed.after()));
        return view(m, scored);
    }

    private ApplicationsView view(Migration m, MigrationSides.Scored scored) {
        var apps = m.applications();
        return new ApplicationsView(m.id(), scored.destination().name(), apps,
                ApplicationScorer.score(scored.source(), scored.destination(), m.inventory(), apps), MigrationLoader.canEdit(m, loader.me()),
                m.version());
    }
}
