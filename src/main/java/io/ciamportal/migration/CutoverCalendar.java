package io.ciamportal.migration;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A migration's dates, worked out from the cutover day backwards and forwards (docs/cutover-calendar.md). Pure: no
 * Spring, no database, no clock of its own.
 *
 * <p>Backwards from the cutover: the dual-run (phase 4) takes the assessment's weeks and ends the day before the cutover;
 * the side-by-side import is the day before it starts, the last day of phase 3; phase 3 takes a strategy's lead time,
 * phase 2 three weeks, phase 1 two. Forwards: the cutover day starts phase 5, the old platform stays read-only for the
 * rollback window, the final audit-log export is the day after it closes, and the decommission (unless the team set it)
 * a week after that export.
 *
 * <p>Weekends: the days the team sets (cutover, decommission, a due date by hand) stay as set, a weekend switch is often
 * the point. Derived days are working days (Monday to Friday): before the cutover a Saturday or Sunday moves back to the
 * Friday (work is ready in time, a window only grows), after it forward to the Monday (the rollback window is never cut
 * short). Public holidays are not known to the portal.
 */
public record CutoverCalendar(CutoverSchedule schedule, LocalDate decommission, boolean decommissionDerived, List<PhaseWindow> phases,
        List<Milestone> milestones, List<String> notes) {

    public static final int DISCOVERY_DAYS = 14;
    public static final int DESTINATION_DAYS = 21;
    /** Days from the final audit-log export to a derived decommission: time to check the archive is complete and readable. */
    public static final int ARCHIVE_CHECK_DAYS = 7;

    /** Days phase 3 needs before the import, by strategy: a support-ticket export has lead time, a hybrid two moves. */
    public static int importDays(Assessment.Strategy strategy) {
        return switch (strategy) {
            case BULK_WITH_HASHES, JIT, FORCED_RESET -> 7;
            case HYBRID -> 14;
            case BULK_AFTER_SUPPORT_EXPORT -> 21;
        };
    }

    public enum MilestoneKind {
        IMPORT("import"), DUAL_WRITE("dual-write"), CUTOVER("cutover"), ROLLBACK_STANDBY("rollback-standby"), AUDIT_EXPORT("audit-export"),
        DECOMMISSION("decommission");

        private final String key;

        MilestoneKind(String key) {
            this.key = key;
        }

        /** Stable across date changes: the iCalendar UID is built from it. */
        public String key() {
            return key;
        }
    }

    /** Days from {@code start} to {@code end}, both included. */
    public record PhaseWindow(int phase, String name, LocalDate start, LocalDate end) {
        public long days() {
            return end.toEpochDay() - start.toEpochDay() + 1;
        }
    }

    /** A day ({@code start == end}) or a window of days, both included. */
    public record Milestone(MilestoneKind kind, String label, String description, LocalDate start, LocalDate end) {
        public boolean window() {
            return !start.equals(end);
        }
    }

    /** What the calendar needs of the assessment and the pair. */
    public record Basis(Assessment.Strategy strategy, int dualRunWeeks, String sourceName, String destinationName) {}

    /**
     * The calendar for a schedule.
     *
     * @param importDone whether phase 3 is done (no note about a late import then)
     */
    public static CutoverCalendar of(CutoverSchedule s, Basis basis, LocalDate today, boolean importDone) {
        LocalDate cutover = s.cutover();
        LocalDate importDay = importDay(cutover, basis.dualRunWeeks());
        var phase3 = new PhaseWindow(3, PlanGenerator.PHASES.get(2), importDay.minusDays(importDays(basis.strategy()) - 1L), importDay);
        var phase2 = new PhaseWindow(2, PlanGenerator.PHASES.get(1), phase3.start().minusDays(DESTINATION_DAYS), phase3.start().minusDays(1));
        var phase1 = new PhaseWindow(1, PlanGenerator.PHASES.get(0), phase2.start().minusDays(DISCOVERY_DAYS), phase2.start().minusDays(1));
        var phase4 = new PhaseWindow(4, PlanGenerator.PHASES.get(3), importDay.plusDays(1), cutover.minusDays(1));

        LocalDate rollbackEnds = s.rollbackEnds();
        LocalDate exportDay = s.decommission() == null ? forward(rollbackEnds.plusDays(1))
                : workingDay(rollbackEnds.plusDays(1), rollbackEnds.plusDays(1), s.decommission().minusDays(1), false);
        LocalDate decommission = s.decommission() == null ? forward(exportDay.plusDays(ARCHIVE_CHECK_DAYS)) : s.decommission();
        var phase5 = new PhaseWindow(5, PlanGenerator.PHASES.get(4), cutover, decommission);

        String src = basis.sourceName();
        String dst = basis.destinationName();
        var milestones = List.of(
                new Milestone(MilestoneKind.IMPORT, importLabel(basis.strategy()), importDescription(basis.strategy(), src, dst), importDay, importDay),
                new Milestone(MilestoneKind.DUAL_WRITE, "Dual-write window", "New users are created on both " + src + " and " + dst
                        + ", so a rollback stays cheap; compare token claims flow by flow.", phase4.start(), phase4.end()),
                new Milestone(MilestoneKind.CUTOVER, "Cutover day", "Switch DNS or the load balancer so all new traffic reaches " + dst
                        + "; existing sessions fail over at their next refresh. Needs all six security gates approved.", cutover, cutover),
                new Milestone(MilestoneKind.ROLLBACK_STANDBY, "Read-only standby for rollback", src + " stays read-only for " + s.rollbackDays()
                        + " days so the team can fail back until " + rollbackEnds + ".", cutover.plusDays(1), rollbackEnds),
                new Milestone(MilestoneKind.AUDIT_EXPORT, "Final audit-log export", "Export " + src
                        + "'s audit logs and archive them read-only, now that no rollback can add to them.", exportDay, exportDay),
                new Milestone(MilestoneKind.DECOMMISSION, "Decommission " + src, "Close " + src + ": delete its data, revoke its credentials and API keys.",
                        decommission, decommission));

        var notes = new ArrayList<String>();
        if (!importDone && importDay.isBefore(today) && !cutover.isBefore(today)) {
            notes.add("The side-by-side import was due on " + importDay + " for a full dual-run of " + basis.dualRunWeeks() + " weeks, and phase 3 "
                    + "still has open items: the dual-run will be shorter than the strategy needs. A cutover on or after "
                    + earliestCutover(today, basis.dualRunWeeks()) + " leaves the full dual-run.");
        }
        if (s.decommission() == null) {
            notes.add("No decommission date is set: it is derived as " + ARCHIVE_CHECK_DAYS + " days after the final audit-log export (" + decommission
                    + ").");
        }
        return new CutoverCalendar(s, decommission, s.decommission() == null, List.of(phase1, phase2, phase3, phase4, phase5), milestones,
                List.copyOf(notes));
    }

    /** The earliest cutover whose side-by-side import is not before {@code today}. */
    public static LocalDate earliestCutover(LocalDate today, int dualRunWeeks) {
        LocalDate cutover = today.plusDays(7L * dualRunWeeks + 1);
        while (importDay(cutover, dualRunWeeks).isBefore(today)) {
            cutover = cutover.plusDays(1);
        }
        return cutover;
    }

    private static LocalDate importDay(LocalDate cutover, int dualRunWeeks) {
        return back(cutover.minusDays(7L * dualRunWeeks + 1));
    }

    public PhaseWindow phase(int number) {
        return phases.get(number - 1);
    }

    public Milestone milestone(MilestoneKind kind) {
        return milestones.stream().filter(m -> m.kind() == kind).findFirst().orElseThrow();
    }

    // ---- plan items -----------------------------------------------------------------------------------------------

    /** A plan item as the calendar sees it; {@code key} is whatever identifies it for the caller. */
    public record Entry<K>(K key, int phase, int position, boolean cutover, boolean done, boolean dueByHand, @Nullable LocalDate due) {}

    /**
     * The calendar's due date of every item, in its phase: the cutover item on the cutover day; the others of a phase
     * spread evenly over its window in plan order, the last on its last day (phase 5: over the days after the cutover),
     * each on a working day inside the window. Hand-set dates are not looked at here.
     */
    public <K> Map<K, LocalDate> derivedDueDates(List<Entry<K>> entries) {
        var out = new LinkedHashMap<K, LocalDate>();
        for (int p = 1; p <= 5; p++) {
            int number = p;
            var inPhase = entries.stream().filter(e -> e.phase() == number).sorted(Comparator.comparingInt(Entry::position)).toList();
            var window = phase(number);
            LocalDate start = window.start();
            boolean afterCutover = number == 5;
            if (afterCutover) {
                inPhase.stream().filter(Entry::cutover).forEach(e -> out.put(e.key(), schedule.cutover()));
                inPhase = inPhase.stream().filter(e -> !e.cutover()).toList();
                start = window.start().plusDays(1);
            }
            long days = window.end().toEpochDay() - start.toEpochDay() + 1;
            int n = inPhase.size();
            for (int i = 0; i < n; i++) {
                long offset = days <= 0 ? 0 : (long) Math.ceil(days * (i + 1) / (double) n) - 1;
                LocalDate raw = days <= 0 ? window.end() : start.plusDays(offset);
                out.put(inPhase.get(i).key(), days <= 0 ? raw : workingDay(raw, start, window.end(), !afterCutover));
            }
        }
        return out;
    }

    /**
     * The due dates to change when the schedule is (re)applied: every item that is not done and whose due date nobody
     * set by hand gets the calendar's date; items dated by hand and done items keep theirs. Only real changes are
     * returned.
     */
    public <K> Map<K, LocalDate> moves(List<Entry<K>> entries) {
        var derived = derivedDueDates(entries);
        var out = new LinkedHashMap<K, LocalDate>();
        for (var e : entries) {
            if (e.done() || e.dueByHand()) {
                continue;
            }
            var date = derived.get(e.key());
            if (date != null && !date.equals(e.due())) {
                out.put(e.key(), date);
            }
        }
        return out;
    }

    /** Not done, and due before today. */
    public static boolean overdue(@Nullable LocalDate due, boolean done, LocalDate today) {
        return !done && due != null && due.isBefore(today);
    }

    // ---- working days ---------------------------------------------------------------------------------------------

    static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** The Friday before a weekend day; a working day as it is. */
    static LocalDate back(LocalDate d) {
        while (weekend(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** The Monday after a weekend day; a working day as it is. */
    static LocalDate forward(LocalDate d) {
        while (weekend(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * A working day inside {@code [lo, hi]}: {@code d} moved back (or forward) past a weekend; the other way when that
     * leaves the window; {@code d} itself when the window holds no working day.
     */
    static LocalDate workingDay(LocalDate d, LocalDate lo, LocalDate hi, boolean backPreferred) {
        LocalDate first = backPreferred ? back(d) : forward(d);
        if (!first.isBefore(lo) && !first.isAfter(hi)) {
            return first;
        }
        LocalDate second = backPreferred ? forward(d) : back(d);
        if (!second.isBefore(lo) && !second.isAfter(hi)) {
            return second;
        }
        return d;
    }

    private static String importLabel(Assessment.Strategy strategy) {
        return switch (strategy) {
            case BULK_WITH_HASHES, BULK_AFTER_SUPPORT_EXPORT -> "Side-by-side import and test sign-ins";
            case JIT -> "Just-in-time hook live side by side, test sign-ins";
            case HYBRID -> "Side-by-side import of the dormant tail, just-in-time hook live, test sign-ins";
            case FORCED_RESET -> "Side-by-side import of the profiles and test sign-ins";
        };
    }

    private static String importDescription(Assessment.Strategy strategy, String src, String dst) {
        String how = switch (strategy) {
            case BULK_WITH_HASHES, BULK_AFTER_SUPPORT_EXPORT -> "Import the users with their password hashes into " + dst;
            case JIT -> "Switch on " + dst + "'s just-in-time hook against " + src;
            case HYBRID -> "Switch on " + dst + "'s just-in-time hook against " + src + " and import the dormant users' profiles";
            case FORCED_RESET -> "Import the user profiles into " + dst;
        };
        return how + ", with " + src + " still serving every user; verify a few sign-ins on " + dst + "'s sign-in page.";
    }
}
