package io.ciamportal.migration;

import io.ciamportal.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * The dates a team sets for its cutover: the cutover day, how many days the old platform stays in read-only standby
 * for a rollback afterwards, and the decommission day (null: derived, see {@link CutoverCalendar}). Pure.
 *
 * @param cutover the day DNS or the load balancer switches to the destination
 * @param rollbackDays the days after the cutover day on which the team can still fail back (1 to 180)
 * @param decommission the day the old platform is closed, or null to derive it from the final audit-log export
 */
public record CutoverSchedule(LocalDate cutover, int rollbackDays, @Nullable LocalDate decommission) {

    public static final int DEFAULT_ROLLBACK_DAYS = 14;
    public static final int MAX_ROLLBACK_DAYS = 180;
    /** How far ahead a cutover may be set. */
    public static final int MAX_YEARS_AHEAD = 5;
    /** How long after the cutover a decommission may be set. */
    public static final int MAX_DECOMMISSION_DAYS = 730;

    /**
     * Parses and checks what a form or an API client sent; a broken rule names its field and nothing is kept. A date
     * before today is refused unless it is the one already stored (a team that cut over last week may still move its
     * decommission date).
     *
     * @param current the schedule stored now, or null when none is set
     */
    public static CutoverSchedule parse(@Nullable String date, @Nullable Long rollbackDays, @Nullable String decommissionDate, LocalDate today,
            @Nullable CutoverSchedule current) {
        if (date == null || date.isBlank()) {
            throw new InvalidInputException("date", "Give the cutover date as YYYY-MM-DD.");
        }
        LocalDate cutover = day("date", date);
        LocalDate decommission = decommissionDate == null || decommissionDate.isBlank() ? null : day("decommissionDate", decommissionDate);
        return validated(cutover, rollbackDays, decommission, today, current);
    }

    /** The same rules for dates already parsed (a date picker). */
    public static CutoverSchedule validated(@Nullable LocalDate cutover, @Nullable Long rollbackDays, @Nullable LocalDate decommission, LocalDate today,
            @Nullable CutoverSchedule current) {
        if (cutover == null) {
            throw new InvalidInputException("date", "Give the cutover date as YYYY-MM-DD.");
        }
        if (cutover.isBefore(today) && (current == null || !cutover.equals(current.cutover()))) {
            throw new InvalidInputException("date", "The cutover date " + cutover + " is before today (" + today + "): pick today or a later day.");
        }
        LocalDate latest = today.plusYears(MAX_YEARS_AHEAD);
        if (cutover.isAfter(latest)) {
            throw new InvalidInputException("date", "Pick a cutover date within " + MAX_YEARS_AHEAD + " years, by " + latest + ".");
        }
        long rollback = rollbackDays == null ? DEFAULT_ROLLBACK_DAYS : rollbackDays;
        if (rollback < 1 || rollback > MAX_ROLLBACK_DAYS) {
            throw new InvalidInputException("rollbackDays", "The rollback window is 1 to " + MAX_ROLLBACK_DAYS
                    + " days: the days after the cutover on which the old platform stays read-only so you can fail back.");
        }
        if (decommission != null) {
            if (decommission.isBefore(today) && (current == null || !decommission.equals(current.decommission()))) {
                throw new InvalidInputException("decommissionDate", "The decommission date " + decommission + " is before today (" + today
                        + "): pick a later day, or leave it empty to derive it.");
            }
            if (!decommission.isAfter(cutover)) {
                throw new InvalidInputException("date", "The cutover (" + cutover + ") must come before the decommission date (" + decommission + ").");
            }
            LocalDate rollbackEnds = cutover.plusDays(rollback);
            if (!rollbackEnds.isBefore(decommission)) {
                long most = decommission.toEpochDay() - cutover.toEpochDay() - 2;
                throw new InvalidInputException("rollbackDays", "A rollback window of " + rollback + " days runs until " + rollbackEnds
                        + ", past the decommission on " + decommission + ": "
                        + (most >= 1 ? "shorten it to at most " + most + " days or decommission later." : "decommission later."));
            }
            LocalDate export = rollbackEnds.plusDays(1);
            if (!export.isBefore(decommission)) {
                throw new InvalidInputException("decommissionDate", "The final audit-log export is on " + export
                        + ", the day after the rollback window closes: decommission on " + export.plusDays(1) + " or later.");
            }
            if (decommission.isAfter(cutover.plusDays(MAX_DECOMMISSION_DAYS))) {
                throw new InvalidInputException("decommissionDate", "Decommission within two years of the cutover, by "
                        + cutover.plusDays(MAX_DECOMMISSION_DAYS) + ".");
            }
        }
        return new CutoverSchedule(cutover, (int) rollback, decommission);
    }

    private static LocalDate day(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "\"" + (text.length() > 20 ? text.substring(0, 20) + "…" : text)
                    + "\" is not a date: give it as YYYY-MM-DD.");
        }
    }

    /** The last day a rollback is possible. */
    public LocalDate rollbackEnds() {
        return cutover.plusDays(rollbackDays);
    }

    /** The canonical text the gates' sign-off state includes. */
    public String signed() {
        return cutover + " rollback " + rollbackDays + " days decommission " + (decommission == null ? "derived" : decommission.toString());
    }
}
