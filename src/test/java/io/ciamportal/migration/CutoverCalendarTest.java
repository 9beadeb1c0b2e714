package io.ciamportal.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ciamportal.migration.Assessment.Strategy;
import io.ciamportal.migration.CutoverCalendar.Entry;
import io.ciamportal.migration.CutoverCalendar.MilestoneKind;
import io.ciamportal.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The calendar arithmetic, the move-or-keep rule for due dates and the schedule's validation, on made-up dates in tables. */
class CutoverCalendarTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-02");

    private static CutoverCalendar calendar(Strategy strategy, int weeks, String cutover, int rollback, @Nullable String decommission) {
        var schedule = new CutoverSchedule(LocalDate.parse(cutover), rollback, decommission == null ? null : LocalDate.parse(decommission));
        return CutoverCalendar.of(schedule, new CutoverCalendar.Basis(strategy, weeks, "Oldco", "Newco"), TODAY, false);
    }

    private static String window(CutoverCalendar c, int phase) {
        return c.phase(phase).start() + ".." + c.phase(phase).end();
    }

    @ParameterizedTest(name = "{0}, {1} weeks, cutover {2}, rollback {3}, decommission {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // strategy              |wk| cutover    |rb| decommission | import     | phase 1                | phase 2                | phase 3                | phase 4                | export     | decommission | derived
            // a Tuesday cutover: every derived day is a working day as it is
            "BULK_WITH_HASHES          | 3 | 2027-03-09 |14| -          | 2027-02-15 | 2027-01-05..2027-01-18 | 2027-01-19..2027-02-08 | 2027-02-09..2027-02-15 | 2027-02-16..2027-03-08 | 2027-03-24 | 2027-03-31 | true",
            // a Sunday cutover stays; the import falls on a Saturday and moves back to Friday (the dual-run grows to 15 days);
            // the rollback window ends on a Saturday, so the export moves forward to Monday
            "FORCED_RESET              | 2 | 2027-03-21 | 6| -          | 2027-03-05 | 2027-01-23..2027-02-05 | 2027-02-06..2027-02-26 | 2027-02-27..2027-03-05 | 2027-03-06..2027-03-20 | 2027-03-29 | 2027-04-05 | true",
            // a support-ticket export needs three weeks of phase 3; the export would move to Monday, the decommission day, so it
            // stays on the Saturday (no working day fits between the rollback window and the decommission)
            "BULK_AFTER_SUPPORT_EXPORT | 4 | 2027-03-09 |10| 2027-03-22 | 2027-02-08 | 2026-12-15..2026-12-28 | 2026-12-29..2027-01-18 | 2027-01-19..2027-02-08 | 2027-02-09..2027-03-08 | 2027-03-20 | 2027-03-22 | false",
            "HYBRID                    | 8 | 2027-06-01 |14| 2027-07-01 | 2027-04-05 | 2027-02-16..2027-03-01 | 2027-03-02..2027-03-22 | 2027-03-23..2027-04-05 | 2027-04-06..2027-05-31 | 2027-06-16 | 2027-07-01 | false",
            "JIT                       |12 | 2027-06-01 |30| -          | 2027-03-08 | 2027-01-26..2027-02-08 | 2027-02-09..2027-03-01 | 2027-03-02..2027-03-08 | 2027-03-09..2027-05-31 | 2027-07-02 | 2027-07-09 | true"})
    void phasesAndMilestonesFollowTheCutoverTheStrategyAndTheWeekends(Strategy strategy, int weeks, String cutover, int rollback,
            @Nullable String decommission, String importDay, String p1, String p2, String p3, String p4, String export, String decommissionDay,
            boolean derived) {
        var c = calendar(strategy, weeks, cutover, rollback, decommission);
        assertThat(c.milestone(MilestoneKind.IMPORT).start()).hasToString(importDay);
        assertThat(List.of(window(c, 1), window(c, 2), window(c, 3), window(c, 4))).containsExactly(p1, p2, p3, p4);
        assertThat(window(c, 5)).isEqualTo(cutover + ".." + decommissionDay);
        assertThat(c.milestone(MilestoneKind.DUAL_WRITE).start()).isEqualTo(c.phase(4).start());
        assertThat(c.milestone(MilestoneKind.DUAL_WRITE).end()).isEqualTo(LocalDate.parse(cutover).minusDays(1));
        assertThat(c.milestone(MilestoneKind.CUTOVER).start()).hasToString(cutover);
        assertThat(c.milestone(MilestoneKind.ROLLBACK_STANDBY).start()).isEqualTo(LocalDate.parse(cutover).plusDays(1));
        assertThat(c.milestone(MilestoneKind.ROLLBACK_STANDBY).end()).isEqualTo(LocalDate.parse(cutover).plusDays(rollback));
        assertThat(c.milestone(MilestoneKind.AUDIT_EXPORT).start()).hasToString(export);
        assertThat(c.milestone(MilestoneKind.DECOMMISSION).start()).hasToString(decommissionDay);
        assertThat(c.decommissionDerived()).isEqualTo(derived);
        // the phases follow each other without gap or overlap
        for (int p = 1; p < 5; p++) {
            assertThat(c.phase(p + 1).start()).isEqualTo(c.phase(p).end().plusDays(1));
        }
    }

    @ParameterizedTest(name = "{0} between {1} and {2}, {3} first: {4}")
    @CsvSource(delimiter = '|', value = {
            "2027-01-09 | 2027-01-05 | 2027-01-18 | back    | 2027-01-08", // Saturday -> Friday
            "2027-01-10 | 2027-01-05 | 2027-01-18 | back    | 2027-01-08", // Sunday -> Friday
            "2027-01-09 | 2027-01-05 | 2027-01-18 | forward | 2027-01-11", // Saturday -> Monday
            "2027-01-09 | 2027-01-09 | 2027-01-18 | back    | 2027-01-11", // Friday is outside: Monday
            "2027-01-09 | 2027-01-09 | 2027-01-10 | back    | 2027-01-09", // a weekend-only window keeps the day
            "2027-01-13 | 2027-01-05 | 2027-01-18 | back    | 2027-01-13"}) // a Wednesday stays
    void derivedDaysAreWorkingDaysInsideTheirWindow(String day, String lo, String hi, String first, String expected) {
        assertThat(CutoverCalendar.workingDay(LocalDate.parse(day), LocalDate.parse(lo), LocalDate.parse(hi), first.equals("back")))
                .hasToString(expected);
    }

    private static Entry<String> item(String key, int phase, int position) {
        return new Entry<>(key, phase, position, false, false, false, null);
    }

    @Test
    void itemsAreSpreadOverTheirPhaseTheCutoverItemOnTheCutoverDay() {
        var c = calendar(Strategy.BULK_WITH_HASHES, 3, "2027-03-09", 14, null);
        var due = c.derivedDueDates(List.of(
                item("confirm", 1, 10), item("list logic", 1, 20), item("consent", 1, 30),
                item("custom", 4, 99),
                new Entry<>("cutover", 5, 10, true, false, false, null), item("announce", 5, 20), item("audit", 5, 30), item("close", 5, 40)));
        // phase 1 runs 2027-01-05..2027-01-18: thirds of 14 days; the first lands on a Saturday and moves back to Friday
        assertThat(due).containsEntry("confirm", LocalDate.parse("2027-01-08")).containsEntry("list logic", LocalDate.parse("2027-01-14"))
                .containsEntry("consent", LocalDate.parse("2027-01-18"));
        // a phase's only item is due on its last day
        assertThat(due).containsEntry("custom", LocalDate.parse("2027-03-08"));
        // phase 5: the cutover item on the cutover day, the others over the days after it, the last on the decommission
        assertThat(due).containsEntry("cutover", LocalDate.parse("2027-03-09")).containsEntry("announce", LocalDate.parse("2027-03-17"))
                .containsEntry("audit", LocalDate.parse("2027-03-24")).containsEntry("close", LocalDate.parse("2027-03-31"));
    }

    @Test
    void changingTheDateMovesUntouchedItemsAndKeepsHandDatedAndDoneOnes() {
        var before = calendar(Strategy.BULK_WITH_HASHES, 3, "2027-03-09", 14, null);
        var after = calendar(Strategy.BULK_WITH_HASHES, 3, "2027-03-16", 14, null);
        LocalDate old = LocalDate.parse("2027-03-08");
        var entries = List.of(
                // key, phase, position, cutover, done, by hand, due
                new Entry<>("untouched", 4, 10, false, false, false, old),
                new Entry<>("never dated", 4, 20, false, false, false, null),
                new Entry<>("by hand", 4, 30, false, false, true, LocalDate.parse("2027-02-20")),
                new Entry<>("done", 4, 40, false, true, false, old),
                new Entry<>("cutover", 5, 10, true, false, false, LocalDate.parse("2027-03-09")));
        var moves = after.moves(entries);
        assertThat(moves).containsOnlyKeys("untouched", "never dated", "cutover");
        assertThat(moves.get("cutover")).hasToString("2027-03-16");
        assertThat(moves.get("never dated")).isAfter(moves.get("untouched"));
        // the items keep their spread slots: the hand-dated and the done one count, so nothing jumps when they are added
        assertThat(after.derivedDueDates(entries).get("by hand")).isEqualTo(before.derivedDueDates(entries).get("by hand").plusDays(7));
        // applied twice, nothing moves again
        var applied = entries.stream().map(e -> moves.containsKey(e.key())
                ? new Entry<>(e.key(), e.phase(), e.position(), e.cutover(), e.done(), e.dueByHand(), moves.get(e.key())) : e).toList();
        assertThat(after.moves(applied)).isEmpty();
    }

    @ParameterizedTest(name = "calendar date {0}, edited to {1}: by hand {2}")
    @CsvSource(nullValues = "-", value = {
            "2027-03-08, 2027-03-08, false", // saved as shown: still the calendar's
            "2027-03-08, 2027-03-01, true",  // another date: the person's
            "-,          2027-03-01, true",
            "2027-03-08, -,          false"}) // cleared: back to the calendar
    void aDueDateIsByHandOnlyWhenAPersonChangesIt(@Nullable String calendarDate, @Nullable String edited, boolean byHand) {
        var item = new io.ciamportal.migration.internal.PlanItem(java.util.UUID.randomUUID(), 4, 10, "Run both side by side",
                io.ciamportal.migration.internal.PlanItem.Kind.GENERATED);
        item.calendarDue(calendarDate == null ? null : LocalDate.parse(calendarDate));
        item.edit("Run both side by side", null, edited == null ? null : LocalDate.parse(edited), java.util.UUID.randomUUID(),
                java.time.Instant.parse("2026-12-02T09:00:00Z"));
        assertThat(item.dueByHand()).isEqualTo(byHand);
        // a suggestion dated only by the calendar is still replaced when the plan is regenerated; one dated by hand is kept
        var fresh = new io.ciamportal.migration.internal.PlanItem(java.util.UUID.randomUUID(), 4, 10, "x",
                io.ciamportal.migration.internal.PlanItem.Kind.GENERATED);
        fresh.calendarDue(LocalDate.parse("2027-03-08"));
        assertThat(fresh.untouchedSuggestion()).isTrue();
    }

    @ParameterizedTest(name = "due {0}, done {1}: overdue {2}")
    @CsvSource(nullValues = "-", value = {"2026-12-01, false, true", "2026-12-01, true, false", "2026-12-02, false, false",
            "2026-12-03, false, false", "-, false, false"})
    void anItemIsOverdueWhenNotDoneAndDueBeforeToday(@Nullable String due, boolean done, boolean overdue) {
        assertThat(CutoverCalendar.overdue(due == null ? null : LocalDate.parse(due), done, TODAY)).isEqualTo(overdue);
    }

    @Test
    void aCutoverTooSoonForTheDualRunSaysWhenTheFullDualRunFits() {
        var schedule = new CutoverSchedule(LocalDate.parse("2026-12-21"), 14, null);
        var basis = new CutoverCalendar.Basis(Strategy.JIT, 12, "Oldco", "Newco");
        var late = CutoverCalendar.of(schedule, basis, TODAY, false);
        assertThat(late.notes()).anySatisfy(n -> assertThat(n).contains("dual-run will be shorter").contains("on or after 2027-02-25"));
        assertThat(CutoverCalendar.earliestCutover(TODAY, 12)).hasToString("2027-02-25");
        // once phase 3 is done the team has imported: no note
        assertThat(CutoverCalendar.of(schedule, basis, TODAY, true).notes()).noneMatch(n -> n.contains("dual-run will be shorter"));
    }

    // ---- validation -------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-          | 14          | -          | date",
            "2027-02-30 | 14          | -          | date",
            "next week  | 14          | -          | date",
            "2026-12-01 | 14          | -          | date",             // before today
            "2032-01-01 | 14          | -          | date",             // more than five years ahead
            "2027-03-09 | 0           | -          | rollbackDays",
            "2027-03-09 | -3          | -          | rollbackDays",
            "2027-03-09 | 181         | -          | rollbackDays",
            "2027-03-09 | 99999999999 | -          | rollbackDays",
            "2027-03-09 | 14          | 2026-11-30 | decommissionDate", // before today
            "2027-03-09 | 14          | 2027-03-09 | date",             // cutover on the decommission day
            "2027-03-09 | 14          | 2027-03-01 | date",             // cutover after decommission
            "2027-03-09 | 14          | 2027-03-23 | rollbackDays",     // the rollback window reaches the decommission
            "2027-03-09 | 30          | 2027-03-31 | rollbackDays",     // ... and runs past it
            "2027-03-09 | 14          | 2027-03-24 | decommissionDate", // no day left for the final audit-log export
            "2027-03-09 | 14          | 2029-03-10 | decommissionDate", // more than two years after the cutover
            "2027-03-09 | 14          | 03/25/2027 | decommissionDate"})
    void badSchedulesNameTheirField(@Nullable String date, @Nullable Long rollback, @Nullable String decommission, String field) {
        assertThatThrownBy(() -> CutoverSchedule.parse(date, rollback, decommission, TODAY, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).isNotBlank().doesNotContain("Exception");
                });
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "2026-12-02 | 1   | -          | 1",   // today, the shortest window
            "2027-03-09 | -   | -          | 14",  // the default rollback window
            "2027-03-09 | 14  | 2027-03-25 | 14",  // decommission the day after the export
            "2027-03-09 | 180 | -          | 180"})
    void goodSchedulesAreKept(String date, @Nullable Long rollback, @Nullable String decommission, int rollbackDays) {
        var s = CutoverSchedule.parse(date, rollback, decommission, TODAY, null);
        assertThat(s.cutover()).hasToString(date);
        assertThat(s.rollbackDays()).isEqualTo(rollbackDays);
        assertThat(s.decommission() == null ? null : s.decommission().toString()).isEqualTo(decommission);
    }

    @Test
    void aStoredDateThatHasPassedMayStayWhileTheOtherDatesChange() {
        var current = new CutoverSchedule(LocalDate.parse("2026-11-20"), 14, LocalDate.parse("2026-12-20"));
        var moved = CutoverSchedule.parse("2026-11-20", 14L, "2027-01-15", TODAY, current);
        assertThat(moved.decommission()).hasToString("2027-01-15");
        // another past date is still refused
        assertThatThrownBy(() -> CutoverSchedule.parse("2026-11-19", 14L, "2027-01-15", TODAY, current))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("date"));
    }
}
