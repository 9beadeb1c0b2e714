package io.ciamportal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The .ics file read back by ical4j, as a calendar application would read it; folding and escaping checked octet by octet. */
class CutoverIcsTest {

    private static final UUID ID = UUID.fromString("0f6b1c2e-4a6d-4c55-9a3e-2b1d7f0e9c11");
    // commas, semicolons, a backslash and multi-byte characters: all need escaping or careful folding
    private static final String NAME = "Kundenportal; Zürich, Genève & 東京 — Auth0 → Keycloak \\ phase two, with a long name to fold 🚀";

    private static String ics(String cutover, int revision) {
        var schedule = new CutoverSchedule(LocalDate.parse(cutover), 14, null);
        var calendar = CutoverCalendar.of(schedule, new CutoverCalendar.Basis(Assessment.Strategy.BULK_WITH_HASHES, 3, "Auth0", "Keycloak"),
                LocalDate.parse("2026-12-02"), false);
        var view = new CutoverViews.Calendar(ID, NAME, "Auth0", "Keycloak", Assessment.Strategy.BULK_WITH_HASHES, 3, LocalDate.parse("2026-12-02"),
                calendar, List.of(), true, 7, revision, Instant.parse("2026-12-01T10:15:30Z"));
        return CutoverIcs.render(view, Instant.parse("2026-12-02T08:00:00Z"));
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String value(Component c, String property) {
        return c.<Property>getProperty(property).orElseThrow().getValue();
    }

    private static String value(Calendar c, String property) {
        return c.<Property>getProperty(property).orElseThrow().getValue();
    }

    @Test
    void everyLineEndsInCrlfAndNoneIsLongerThan75Octets() {
        String ics = ics("2027-03-09", 1);
        assertThat(ics).endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        // the long summary was folded (a continuation line starts with one space) and no character was cut in half
        assertThat(ics).contains("\r\n ");
        assertThat(new String(ics.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(ics);
    }

    @Test
    void ical4jReadsTheMilestonesAsAllDayEventsWithTheNameUnescaped() throws Exception {
        var calendar = parse(ics("2027-03-09", 1));
        assertThat(value(calendar, "PRODID")).isEqualTo(CutoverIcs.PRODID);
        assertThat(value(calendar, "VERSION")).isEqualTo("2.0");
        assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo(NAME + " — cutover calendar");
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).extracting(e -> value(e, "UID")).containsExactly(
                "import-" + ID + "@ciam-portal", "dual-write-" + ID + "@ciam-portal", "cutover-" + ID + "@ciam-portal",
                "rollback-standby-" + ID + "@ciam-portal", "audit-export-" + ID + "@ciam-portal", "decommission-" + ID + "@ciam-portal");
        for (var e : events) {
            var start = e.<Property>getProperty("DTSTART").orElseThrow();
            assertThat(start.getParameter("VALUE").orElseThrow().getValue()).isEqualTo("DATE");
            assertThat(value(e, "DTSTAMP")).isEqualTo("20261202T080000Z");
            assertThat(value(e, "SEQUENCE")).isEqualTo("1");
            assertThat(value(e, "SUMMARY")).endsWith(" · " + NAME);
        }
        var cutover = events.get(2);
        assertThat(value(cutover, "DTSTART")).isEqualTo("20270309");
        assertThat(value(cutover, "DTEND")).isEqualTo("20270310"); // one day: the end is exclusive
        assertThat(value(cutover, "SUMMARY")).startsWith("Cutover day · Kundenportal; Zürich, Genève");
        assertThat(value(cutover, "DESCRIPTION")).contains("Switch DNS or the load balancer").contains("\nAuth0 → Keycloak, 2027-03-09.");
        var dualWrite = events.get(1);
        assertThat(value(dualWrite, "DTSTART")).isEqualTo("20270216");
        assertThat(value(dualWrite, "DTEND")).isEqualTo("20270309"); // the window's last day is 2027-03-08
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
    }

    @Test
    void theUidsStayWhenTheDateMovesAndTheSequenceCountsTheChange() throws Exception {
        List<VEvent> before = parse(ics("2027-03-09", 1)).getComponents(Component.VEVENT);
        List<VEvent> after = parse(ics("2027-04-13", 2)).getComponents(Component.VEVENT);
        assertThat(after).extracting(e -> value(e, "UID")).containsExactlyElementsOf(before.stream().map(e -> value(e, "UID")).toList());
        assertThat(value(after.get(2), "DTSTART")).isEqualTo("20270413");
        assertThat(value(after.get(2), "SEQUENCE")).isEqualTo("2");
    }

    @Test
    void textValuesAreEscaped() {
        assertThat(CutoverIcs.text("a,b;c\\d\ne")).isEqualTo("a\\,b\\;c\\\\d\\ne");
    }
}
