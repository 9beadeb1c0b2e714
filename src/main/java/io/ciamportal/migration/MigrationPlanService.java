package io.ciamportal.migration;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.migration.MigrationViews.PlanItemView;
import io.ciamportal.migration.internal.Migration;
import io.ciamportal.migration.internal.PlanItem;
import io.ciamportal.migration.internal.PlanItemRepository;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.NotFoundException;
import io.ciamportal.shared.RuleViolationException;
import io.ciamportal.shared.StaleVersionException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A migration's five-phase plan: suggestions follow the assessment, the team adds, edits, owns, dates and ticks off
 * items. Editing needs the migration's edit right; every edit of an item names the version it was based on. The
 * cutover item is completed only when the security gates allow it, and never when nobody can say (fail closed).
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional
public class MigrationPlanService {

    private final PlanItemRepository planItems;
    private final MigrationLoader loader;
    private final MigrationAssembler assembler;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectProvider<CutoverGuard> cutoverGuard;
    private final PlanDates dates;
    private final MigrationSides sides;

    MigrationPlanService(PlanItemRepository planItems, MigrationLoader loader, MigrationAssembler assembler, AuditLog audit, Clock clock,
            ObjectProvider<CutoverGuard> cutoverGuard, PlanDates dates, MigrationSides sides) {
        this.dates = dates;
        this.sides = sides;
        this.planItems = planItems;
        this.loader = loader;
        this.assembler = assembler;
        this.audit = audit;
        this.clock = clock;
        this.cutoverGuard = cutoverGuard;
    }

    public PlanItemView addPlanItem(UUID id, int phase, String text) {
        var m = loader.editable(id);
        if (phase < 1 || phase > 5) {
            throw new InvalidInputException("phase", "Pick a phase from 1 to 5.");
        }
        String clean = validText(text);
        int position = planItems.findByMigrationIdOrderByPhaseAscPositionAsc(m.id()).stream().mapToInt(PlanItem::position).max().orElse(0) + 1;
        var item = planItems.saveAndFlush(new PlanItem(m.id(), phase, position, clean, PlanItem.Kind.CUSTOM));
        redate(m);
        audit.record(AuditEvent.success(AuditAction.PLAN_ITEM_ADDED, AuditTarget.MIGRATION, id.toString(), null, Map.of("phase", phase, "text", clean)));
        return assembler.view(item);
    }

    public PlanItemView updatePlanItem(UUID id, UUID itemId, long expectedVersion, String text, @Nullable UUID owner, @Nullable LocalDate due) {
        var m = loader.editable(id);
        var item = item(m, itemId);
        checkVersion(item, expectedVersion);
        String clean = validText(text);
        if (owner != null && m.roleOf(owner).isEmpty()) {
            throw new InvalidInputException("owner", "The owner of an item must be a member of the migration.");
        }
        var before = MigrationAssembler.describe(item);
        item.edit(clean, owner, due, loader.me().userId(), clock.instant());
        planItems.flush();
        if (!item.dueByHand()) {
            redate(m);
        }
        audit.record(AuditEvent.success(AuditAction.PLAN_ITEM_CHANGED, AuditTarget.MIGRATION, id.toString(), before, MigrationAssembler.describe(item)));
        return assembler.view(item);
    }

    public PlanItemView setPlanItemDone(UUID id, UUID itemId, long expectedVersion, boolean done) {
        var m = loader.editable(id);
        var item = item(m, itemId);
        checkVersion(item, expectedVersion);
        if (done == item.done()) {
            return assembler.view(item);
        }
        if (done && item.kind() == PlanItem.Kind.CUTOVER) {
            var guard = cutoverGuard.getIfAvailable();
            if (guard == null) {
                throw new RuleViolationException("The cutover cannot be checked against the security gates right now, so it stays blocked.");
            }
            var blocking = guard.blockingGates(m.id());
            if (!blocking.isEmpty()) {
                throw new RuleViolationException("Cutover needs all six security gates approved. Not approved yet: "
                        + String.join(", ", blocking) + ".");
            }
        }
        var me = loader.me();
        if (done) {
            item.complete(me.userId(), clock.instant());
        } else {
            item.reopen(me.userId(), clock.instant());
        }
        planItems.flush();
        audit.record(AuditEvent.success(done ? AuditAction.PLAN_ITEM_DONE : AuditAction.PLAN_ITEM_REOPENED, AuditTarget.MIGRATION, id.toString(), null,
                Map.of("item", item.text(), "phase", item.phase())));
        return assembler.view(item);
    }

    public void removePlanItem(UUID id, UUID itemId) {
        var m = loader.editable(id);
        var item = item(m, itemId);
        item.requireRemovable();
        planItems.delete(item);
        planItems.flush();
        redate(m);
        audit.record(AuditEvent.success(AuditAction.PLAN_ITEM_REMOVED, AuditTarget.MIGRATION, id.toString(), MigrationAssembler.describe(item), null));
    }

    /**
     * Brings the plan's suggestions in line with the current assessment: untouched suggestions are replaced, while done,
     * owned, dated, edited and custom items stay as they are. The cutover item is created once and kept.
     */
    void refresh(Migration m, MigrationSides.Scored scored) {
        var existing = planItems.findByMigrationIdOrderByPhaseAscPositionAsc(m.id());
        var stale = existing.stream().filter(PlanItem::untouchedSuggestion).toList();
        planItems.deleteAll(stale);
        planItems.flush();
        var kept = existing.stream().filter(i -> !stale.contains(i)).toList();
        boolean hasCutover = kept.stream().anyMatch(i -> i.kind() == PlanItem.Kind.CUTOVER);
        int position = 0;
        var apps = m.applications();
        var suggestions = ApplicationPlan.merged(PlanGenerator.generate(scored.source(), scored.destination(), m.inventory(), scored.assessment()),
                ApplicationPlan.generate(scored.destination(), m.inventory(), apps,
                        ApplicationScorer.score(scored.source(), scored.destination(), m.inventory(), apps)));
        for (var suggestion : suggestions) {
            position += 10;
            boolean duplicate = kept.stream().anyMatch(i -> i.phase() == suggestion.phase() && i.text().equals(suggestion.text()));
            if (duplicate || (suggestion.cutover() && hasCutover)) {
                continue;
            }
            planItems.save(new PlanItem(m.id(), suggestion.phase(), position, suggestion.text(),
                    suggestion.cutover() ? PlanItem.Kind.CUTOVER : PlanItem.Kind.GENERATED));
        }
        planItems.flush();
        dates.apply(m, scored);
    }

    /** With a cutover date set, the items nobody dated by hand follow the calendar (a new or removed item moves the spread). */
    private void redate(Migration m) {
        if (m.cutoverSchedule().isPresent()) {
            dates.apply(m, sides.memo().scored(m));
        }
    }

    private void checkVersion(PlanItem item, long expectedVersion) {
        String by = item.changedBy() == null ? null : assembler.names(List.of(item.changedBy())).get(item.changedBy());
        StaleVersionException.check(expectedVersion, item.version(), "This task", by, item.changedAt(), () -> assembler.view(item));
    }

    private PlanItem item(Migration m, UUID itemId) {
        return planItems.findById(itemId).filter(i -> i.migrationId().equals(m.id()))
                .orElseThrow(() -> new NotFoundException("No such plan item in this migration."));
    }

    private static String validText(@Nullable String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("text", "Describe the task.");
        }
        if (clean.length() > PlanItem.MAX_TEXT) {
            throw new InvalidInputException("text", "Keep it under " + PlanItem.MAX_TEXT + " characters.");
        }
        return clean;
    }
}
