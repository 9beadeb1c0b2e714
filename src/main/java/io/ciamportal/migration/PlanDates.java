package io.ciamportal.migration;

import io.ciamportal.migration.internal.Migration;
import io.ciamportal.migration.internal.PlanItem;
import io.ciamportal.migration.internal.PlanItemRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Puts the cutover calendar's due dates on a migration's plan items: the items nobody dated by hand and that are not
 * done move with the calendar, the others keep their dates. Called whenever the schedule, the assessment (strategy and
 * dual-run) or the plan's items change, inside the caller's transaction.
 */
@Component
class PlanDates {

    private final PlanItemRepository planItems;
    private final Clock clock;

    PlanDates(PlanItemRepository planItems, Clock clock) {
        this.planItems = planItems;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The calendar, or null when no cutover date is set. */
    @Nullable CutoverCalendar calendar(Migration m, MigrationSides.Scored scored, List<PlanItem> items) {
        var schedule = m.cutoverSchedule().orElse(null);
        if (schedule == null) {
            return null;
        }
        var a = scored.assessment();
        var phase3 = items.stream().filter(i -> i.phase() == 3).toList();
        boolean importDone = !phase3.isEmpty() && phase3.stream().allMatch(PlanItem::done);
        return CutoverCalendar.of(schedule, new CutoverCalendar.Basis(a.strategy(), a.dualRunWeeks(), scored.sourceName(), scored.destination().name()),
                today(), importDone);
    }

    /** Re-dates the items the calendar owns; returns how many due dates changed. Without a schedule nothing moves. */
    int apply(Migration m, MigrationSides.Scored scored) {
        if (m.cutoverSchedule().isEmpty()) {
            return 0;
        }
        var items = planItems.findByMigrationIdOrderByPhaseAscPositionAsc(m.id());
        var calendar = calendar(m, scored, items);
        if (calendar == null) {
            return 0;
        }
        var moves = calendar.moves(entries(items));
        for (var item : items) {
            var due = moves.get(item.id());
            if (due != null) {
                item.calendarDue(due);
            }
        }
        planItems.flush();
        return moves.size();
    }

    /** The calendar view of a migration the caller may read (checked by the caller). */
    CutoverViews.Calendar view(Migration m, MigrationSides.Scored scored, boolean canEdit) {
        var items = planItems.findByMigrationIdOrderByPhaseAscPositionAsc(m.id());
        var calendar = calendar(m, scored, items);
        LocalDate today = today();
        var dates = items.stream().map(i -> new CutoverViews.ItemDate(i.id(), i.phase(), i.text(), i.dueOn(), i.dueByHand(), i.done(),
                CutoverCalendar.overdue(i.dueOn(), i.done(), today), i.kind() == PlanItem.Kind.CUTOVER)).toList();
        var a = scored.assessment();
        return new CutoverViews.Calendar(m.id(), m.name(), scored.sourceName(), scored.destination().name(), a.strategy(), a.dualRunWeeks(), today,
                calendar, dates, canEdit, m.version(), m.cutoverRevision(), m.cutoverSetAt());
    }

    static List<CutoverCalendar.Entry<UUID>> entries(List<PlanItem> items) {
        return items.stream().map(i -> new CutoverCalendar.Entry<>(i.id(), i.phase(), i.position(), i.kind() == PlanItem.Kind.CUTOVER, i.done(),
                i.dueByHand(), i.dueOn())).toList();
    }
}
