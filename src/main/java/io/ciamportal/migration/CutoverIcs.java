package io.ciamportal.migration;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The cutover milestones as an iCalendar file (RFC 5545), written by hand because it is a few lines of text: CRLF line
 * ends, lines folded at 75 octets without splitting a UTF-8 character, TEXT values escaped, all-day events as
 * {@code VALUE=DATE} with an exclusive end, one stable UID per milestone (so a calendar that imports the file again
 * updates its events instead of duplicating them) and a SEQUENCE that counts the schedule's changes. Pure.
 */
public final class CutoverIcs {

    static final String PRODID = "-//CIAM migration portal//Cutover calendar//EN";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CutoverIcs() {}

    public static String render(CutoverViews.Calendar view, Instant now) {
        var calendar = view.calendar();
        if (calendar == null) {
            throw new IllegalArgumentException("no cutover date set");
        }
        var out = new StringBuilder();
        String name = view.migrationName() + " — cutover calendar";
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:" + PRODID);
        line(out, "CALSCALE:GREGORIAN");
        line(out, "NAME:" + text(name));
        line(out, "X-WR-CALNAME:" + text(name));
        String stamp = STAMP.format(now);
        String modified = view.setAt() == null ? stamp : STAMP.format(view.setAt());
        for (var m : calendar.milestones()) {
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + m.kind().key() + "-" + view.migrationId() + "@ciam-portal");
            line(out, "DTSTAMP:" + stamp);
            line(out, "LAST-MODIFIED:" + modified);
            line(out, "SEQUENCE:" + view.revision());
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(m.start()));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(m.end().plusDays(1)));
            line(out, "SUMMARY:" + text(m.label() + " · " + view.migrationName()));
            line(out, "DESCRIPTION:" + text(m.description() + "\n" + view.sourceName() + " → " + view.destinationName() + ", "
                    + range(m.start(), m.end()) + "."));
            line(out, "CATEGORIES:" + text("Cutover"));
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static String range(LocalDate start, LocalDate end) {
        return start.equals(end) ? start.toString() : start + " to " + end;
    }

    /** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n");
    }

    /** Appends a content line, folded so no physical line exceeds 75 octets (RFC 5545 3.1), ended by CRLF. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
