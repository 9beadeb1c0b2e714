package io.ciamportal.gate.ui;

import io.ciamportal.gate.GateViews;
import io.ciamportal.shared.ui.Badge;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A gate's sign-offs as one plain HTML table. The page hands it to the browser as a single element, so an open gate
 * page keeps one string for its history instead of a grid with columns, listeners and a row per sign-off. Every text
 * goes in through jsoup's text and attribute setters, which escape it. Written without indentation and without
 * attributes per cell (the stacked layout of a narrow screen takes the column names from the style sheet), as the
 * string is kept for as long as the page is open.
 */
final class SignOffTable {

    /** How the gate page writes a moment (GateView uses it too). */
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    /** The columns; portal.css repeats their names for the stacked layout of a narrow screen. */
    private static final List<String> HEADERS = List.of("When", "Signer", "Role then", "Decision", "Status", "Comment", "Meaning and state");

    private SignOffTable() {}

    static String html(List<GateViews.SignOffView> signOffs, String caption) {
        var shell = Document.createShell("");
        shell.outputSettings().prettyPrint(false);
        var table = shell.body().appendElement("table").addClass("portal-sign-off-table").attr("id", "gate-sign-offs");
        table.appendElement("caption").text(caption);
        var head = table.appendElement("thead").appendElement("tr");
        HEADERS.forEach(h -> head.appendElement("th").attr("scope", "col").text(h));
        var body = table.appendElement("tbody");
        for (var s : signOffs) {
            var row = body.appendElement("tr");
            row.appendElement("td").text(WHEN.format(s.signedAt()));
            row.appendElement("td").text(s.signer());
            row.appendElement("td").text(s.role());
            row.appendElement("td").text(s.decision().label());
            var status = row.appendElement("td");
            String badge = badge(s);
            if (badge != null) {
                var pill = status.appendElement("span").attr("class", tone(s).classNames()).text(badge);
                if (s.outdatedReason() != null) {
                    pill.attr("title", s.outdatedReason());
                    status.appendElement("span").addClass("portal-muted").text(" " + s.outdatedReason());
                }
            }
            row.appendElement("td").text(s.comment() == null ? "" : s.comment());
            row.appendElement("td").text(s.meaning() + " · state " + s.stateHash().substring(0, Math.min(12, s.stateHash().length())) + "…");
        }
        return table.outerHtml();
    }

    /** The status a sign-off shows, or none: the words and tones of the portal's badges. */
    static @Nullable String badge(GateViews.SignOffView s) {
        return s.outdated() ? "Outdated" : s.revoked() ? "Revoked" : s.counts() ? "Counts" : null;
    }

    private static Badge.Tone tone(GateViews.SignOffView s) {
        return s.outdated() ? Badge.Tone.WARNING : s.revoked() ? Badge.Tone.NEUTRAL : Badge.Tone.SUCCESS;
    }
}
