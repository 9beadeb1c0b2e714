package io.ciamportal.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the cutover calendar hands to views, the API and the reports: plain records. */
public final class CutoverViews {

    private CutoverViews() {}

    /**
     * A plan item with its due date in the calendar.
     *
     * @param dueByHand a person set the date; it stays when the cutover date moves
     * @param overdue not done and due before today
     */
    public record ItemDate(UUID id, int phase, String text, @Nullable LocalDate due, boolean dueByHand, boolean done, boolean overdue,
            boolean cutover) {}

    /**
     * A migration's calendar as of {@code today}.
     *
     * @param calendar the phases and milestones, or null when no cutover date is set
     * @param version the migration's version, which a change of the schedule must name
     * @param revision how often the schedule was set (the iCalendar SEQUENCE)
     */
    public record Calendar(UUID migrationId, String migrationName, String sourceName, String destinationName, Assessment.Strategy strategy,
            int dualRunWeeks, LocalDate today, @Nullable CutoverCalendar calendar, List<ItemDate> items, boolean canEdit, long version, int revision,
            @Nullable Instant setAt) {

        public boolean scheduled() {
            return calendar != null;
        }

        public List<ItemDate> overdue() {
            return items.stream().filter(ItemDate::overdue).toList();
        }
    }
}
