package io.ciamportal.migration.api;

import io.ciamportal.migration.CutoverViews;
import io.ciamportal.migration.MigrationCutoverService;
import io.ciamportal.shared.api.Downloads;
import io.ciamportal.shared.api.Versions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A migration's cutover calendar: {@code PUT .../cutover} sets the dates (If-Match with the migration's ETag, like the
 * inventory), {@code GET .../calendar} answers the phases, milestones and dated plan items, {@code GET .../calendar.ics}
 * the milestones as an iCalendar file. Members and admins only; anyone else gets 404.
 */
@RestController
@RequestMapping("/api/v1/migrations/{id}")
@PreAuthorize("isAuthenticated()")
class CutoverApiController {

    private final MigrationCutoverService cutover;

    CutoverApiController(MigrationCutoverService cutover) {
        this.cutover = cutover;
    }

    @Schema(description = "The cutover schedule. date: the cutover day (YYYY-MM-DD, today or later); rollbackDays: days after it on which the "
            + "old platform stays read-only for a rollback, 1 to 180 (default 14); decommissionDate: YYYY-MM-DD, after the rollback window and "
            + "the final audit-log export on the day after it (empty: derived, a week after that export)")
    record CutoverRequest(@Nullable String date, @Nullable Long rollbackDays, @Nullable String decommissionDate) {}

    @Schema(description = "The schedule as set, with the decommission in effect (derived when none was set)")
    record ScheduleJson(String date, int rollbackDays, String rollbackEnds, @Nullable String decommissionDate, String decommission,
            boolean decommissionDerived) {}

    @Schema(description = "One of the five plan phases with its dates (both included)")
    record PhaseJson(int phase, String name, String start, String end) {}

    @Schema(description = "A milestone: a day (start = end) or a window of days, both included; key is stable across date changes")
    record MilestoneJson(String key, String label, String description, String start, String end) {}

    @Schema(description = "A plan item with its due date; dueByHand: a person set it and it stays when the cutover date moves; overdue: not "
            + "done and due before today")
    record ItemJson(UUID id, int phase, String text, @Nullable String due, boolean dueByHand, boolean done, boolean overdue, boolean cutover) {}

    @Schema(description = "The cutover calendar as of today (UTC). Without a cutover date: scheduled false, no phases or milestones. version is "
            + "the migration's ETag that PUT .../cutover sends in If-Match")
    record CalendarJson(UUID migrationId, boolean scheduled, String today, @Nullable ScheduleJson schedule, String strategy, int dualRunWeeks,
            List<PhaseJson> phases, List<MilestoneJson> milestones, List<ItemJson> items, int overdueItems, List<String> notes, long version) {

        static CalendarJson of(CutoverViews.Calendar v) {
            var c = v.calendar();
            var items = v.items().stream().map(i -> new ItemJson(i.id(), i.phase(), i.text(), i.due() == null ? null : i.due().toString(),
                    i.dueByHand(), i.done(), i.overdue(), i.cutover())).toList();
            if (c == null) {
                return new CalendarJson(v.migrationId(), false, v.today().toString(), null, v.strategy().name(), v.dualRunWeeks(), List.of(), List.of(),
                        items, v.overdue().size(), List.of(), v.version());
            }
            var s = c.schedule();
            return new CalendarJson(v.migrationId(), true, v.today().toString(),
                    new ScheduleJson(s.cutover().toString(), s.rollbackDays(), s.rollbackEnds().toString(),
                            s.decommission() == null ? null : s.decommission().toString(), c.decommission().toString(), c.decommissionDerived()),
                    v.strategy().name(), v.dualRunWeeks(),
                    c.phases().stream().map(p -> new PhaseJson(p.phase(), p.name(), p.start().toString(), p.end().toString())).toList(),
                    c.milestones().stream().map(m -> new MilestoneJson(m.kind().key(), m.label(), m.description(), m.start().toString(),
                            m.end().toString())).toList(),
                    items, v.overdue().size(), c.notes(), v.version());
        }
    }

    @Operation(summary = "Set the cutover date, rollback window and decommission date (analyst members and admins); audited",
            description = "Needs If-Match with the migration's ETag. Re-dates every plan item nobody dated by hand and that is not done; "
                    + "items dated by hand keep their dates. Outdates the security gates' sign-offs. A date before today, a cutover on or after "
                    + "the decommission, a rollback window that reaches the decommission or a rollback window outside 1 to 180 days: 400 "
                    + "naming the field, nothing stored.")
    @PutMapping(value = "/cutover", consumes = "application/json")
    ResponseEntity<CalendarJson> schedule(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @RequestBody CutoverRequest request) {
        long version = Versions.ifMatch(ifMatch);
        try {
            var view = cutover.schedule(id, version, request.date(), request.rollbackDays(), request.decommissionDate());
            return Versions.tagged(CalendarJson.of(view), view.version());
        } catch (io.ciamportal.shared.StaleVersionException e) {
            throw e.withCurrent(e.current() instanceof CutoverViews.Calendar c ? CalendarJson.of(c) : null);
        }
    }

    @Operation(summary = "The cutover calendar: phases and milestones with dates, plan items with due dates and overdue flags",
            description = "Members and admins; 404 otherwise. The ETag is the migration's version.")
    @GetMapping("/calendar")
    ResponseEntity<CalendarJson> calendar(@PathVariable UUID id) {
        var view = cutover.calendar(id);
        return Versions.tagged(CalendarJson.of(view), view.version());
    }

    @Operation(summary = "The cutover milestones as an iCalendar file (RFC 5545, all-day events, one stable UID per milestone)",
            description = "409 while no cutover date is set.")
    @GetMapping(value = "/calendar.ics", produces = "text/calendar")
    ResponseEntity<byte[]> ics(@PathVariable UUID id) {
        var view = cutover.calendar(id);
        return Downloads.attachment(cutover.ics(id), MediaType.parseMediaType("text/calendar;charset=UTF-8"),
                MigrationApiController.fileName(view.migrationName()) + "-cutover.ics");
    }
}
