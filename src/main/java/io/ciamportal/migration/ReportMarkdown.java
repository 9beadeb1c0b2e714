package io.ciamportal.migration;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The migration report as Markdown: the same sections as the PDF, for wikis and change tickets. Pure. */
public final class ReportMarkdown {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ReportMarkdown() {}

    /** The latest export: where it came from and what it counted (counts only). */
    static void exportSection(StringBuilder md, ExportViews.Analysed export) {
        var a = export.analysis();
        var p = export.provenance();
        md.append("\n## User export\n\n").append(text(a.platformName())).append(", uploaded ").append(WHEN.format(p.uploadedAt())).append(" by ")
                .append(text(p.uploadedBy())).append(p.fromDocument() ? " (analysis document)" : "").append(".\n\n");
        for (var f : p.files()) {
            md.append("- ").append(text(f.name())).append(", ").append(String.format(Locale.ENGLISH, "%,d", f.bytes())).append(" bytes, SHA-256 `")
                    .append(f.sha256()).append("`\n");
        }
        md.append("\n| Count | Value | Observed |\n|---|---|---|\n");
        for (var r : ExportReportRows.rows(a)) {
            md.append("| ").append(text(r.label())).append(" | ").append(text(r.value())).append(" | ").append(r.status()).append(" |\n");
        }
    }

    /** The cutover calendar: the schedule, phase dates, milestones and overdue items, or that no date is set. */
    static void calendarSection(StringBuilder md, CutoverViews.Calendar view) {
        md.append("\n## Cutover calendar\n\n");
        var c = view.calendar();
        if (c == null) {
            md.append("No cutover date is set yet.\n");
            return;
        }
        var s = c.schedule();
        md.append("Cutover on ").append(s.cutover()).append(", rollback window ").append(s.rollbackDays()).append(" days (until ")
                .append(s.rollbackEnds()).append("), decommission on ").append(c.decommission()).append(c.decommissionDerived() ? " (derived)" : "")
                .append(". As of ").append(view.today()).append(".\n\n| Phase | From | To |\n|---|---|---|\n");
        for (var p : c.phases()) {
            md.append("| ").append(p.phase()).append(". ").append(text(p.name())).append(" | ").append(p.start()).append(" | ").append(p.end()).append(" |\n");
        }
        md.append("\n| Milestone | From | To |\n|---|---|---|\n");
        for (var m : c.milestones()) {
            md.append("| ").append(text(m.label())).append(" | ").append(m.start()).append(" | ").append(m.end()).append(" |\n");
        }
        var late = view.overdue();
        md.append("\n").append(late.isEmpty() ? "No item is overdue.\n" : "Overdue items (" + late.size() + "):\n\n");
        for (var i : late) {
            md.append("- ").append(text(i.text())).append(" — due ").append(i.due()).append(" (phase ").append(i.phase()).append(")\n");
        }
        for (String note : c.notes()) {
            md.append("\n> ").append(text(note)).append('\n');
        }
    }

    public static String render(Report report) {
        var d = report.details();
        var s = d.summary();
        var a = d.assessment();
        var md = new StringBuilder();
        md.append("# Migration assessment: ").append(text(s.name())).append("\n\n");
        md.append("**").append(text(s.sourceName())).append(" → ").append(text(s.destinationName())).append("**  \n");
        md.append("Owner: ").append(text(s.ownerName())).append("  \n");
        md.append("Generated ").append(WHEN.format(report.generatedAt())).append(" by ").append(text(report.generatedBy())).append("\n\n");

        md.append("## Summary\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Pair difficulty", a.difficulty().score() + " of 5");
        row(md, "Recommended strategy", a.strategy().label());
        row(md, "Why", a.strategyReason());
        row(md, "Dual-run window", a.dualRunWeeks() + " weeks");
        row(md, "Users facing a forced password reset", number(a.forcedResets()));
        row(md, "Users re-enrolling MFA or passkeys", number(a.mfaReenrollments()));
        row(md, "Plan progress", s.done() + " of " + s.total() + " items done");
        md.append("\n### Difficulty breakdown\n\n| Fact | Points | Why |\n|---|---|---|\n");
        for (var part : a.difficulty().breakdown()) {
            md.append("| ").append(text(part.fact())).append(" | ").append(points(part.points())).append(" | ").append(text(part.reason())).append(" |\n");
        }

        md.append("\n## Inventory\n\n| Item | Value |\n|---|---|\n");
        for (var entry : ReportPdf.inventoryRows(d.inventory())) {
            row(md, entry.get(0), entry.get(1));
        }

        if (report.export() != null) {
            exportSection(md, report.export());
        }

        md.append("\n## What migrates\n\n| Item | Verdict | Affected | Reason | Sources |\n|---|---|---|---|---|\n");
        for (var item : a.items()) {
            md.append("| ").append(item.item().label()).append(" | ").append(item.verdict().label()).append(" | ")
                    .append(item.affected() == null ? "unknown" : String.format(Locale.ENGLISH, "%,d %s", item.affected(), item.unit()))
                    .append(" | ").append(text(item.reason())).append(" | ").append(sources(item.facts())).append(" |\n");
        }

        applicationSection(md, d);

        md.append("\n## Plan\n");
        for (var phase : d.plan()) {
            md.append("\n### ").append(phase.number()).append(". ").append(phase.name()).append(" (").append(phase.done()).append(" of ")
                    .append(phase.items().size()).append(" done)\n\n");
            for (var item : phase.items()) {
                md.append("- [").append(item.done() ? "x" : " ").append("] ").append(text(item.text()));
                if (item.ownerName() != null) {
                    md.append(" — owner: ").append(text(item.ownerName()));
                }
                if (item.due() != null) {
                    md.append(" — due ").append(item.due()).append(item.overdue() ? " **(overdue)**" : "");
                }
                md.append('\n');
            }
        }

        if (report.calendar() != null) {
            calendarSection(md, report.calendar());
        }
        if (report.claimDiffs() != null) {
            ClaimDiffReport.markdown(md, report.claimDiffs());
        }

        md.append("\n## Members\n\n| Name | Username | Role |\n|---|---|---|\n");
        for (var m : d.members()) {
            md.append("| ").append(text(m.displayName())).append(" | ").append(text(m.username())).append(" | ").append(m.role().label()).append(" |\n");
        }
        md.append("\n## Security gates\n\n");
        if (report.gates().isEmpty()) {
            md.append("No security gates are recorded for this migration.\n");
        } else {
            md.append("Cutover needs all six gates approved.\n\n| Gate | Status | Approvals | Sign-offs |\n|---|---|---|---|\n");
            for (var g : report.gates()) {
                md.append("| ").append(text(g.title())).append(" | ").append(text(g.status())).append(" | ").append(g.approvals())
                        .append(" of ").append(g.requiredApprovals()).append(" | ")
                        .append(g.signOffs().isEmpty() ? "—" : String.join("<br>", g.signOffs().stream().map(ReportMarkdown::text).toList()))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    /** The application side (issue 13): its verdicts, then what the team listed. */
    private static void applicationSection(StringBuilder md, MigrationViews.Details d) {
        var apps = d.applicationAssessment();
        if (apps.items().isEmpty()) {
            return;
        }
        md.append("\n## Application side\n\n");
        if (!apps.listed()) {
            md.append("_").append(text(ApplicationReportRows.NOT_LISTED)).append("_\n\n");
        }
        md.append("| Item | Verdict | Affected | Reason | Sources |\n|---|---|---|---|---|\n");
        for (var item : apps.items()) {
            md.append("| ").append(item.item().label()).append(" | ").append(item.verdict().label()).append(" | ")
                    .append(ApplicationReportRows.affected(item)).append(" | ").append(text(item.reason())).append(" | ")
                    .append(sources(item.facts())).append(" |\n");
        }
        if (!apps.listed()) {
            return;
        }
        var clients = ApplicationReportRows.clients(d.applications());
        if (!clients.isEmpty()) {
            md.append("\n### Client applications\n\n| Name | Type | Redirect URIs | Logout URIs | Grant types | Keys on sub |\n"
                    + "|---|---|---|---|---|---|\n");
            clients.forEach(r -> md.append("| ").append(String.join(" | ", r.stream().map(ReportMarkdown::text).toList())).append(" |\n"));
        }
        md.append("\n### Listed on the application side\n\n| Item | Value |\n|---|---|\n");
        ApplicationReportRows.listing(d.applications()).forEach(r -> row(md, r.get(0), r.get(1)));
    }

    private static void row(StringBuilder md, String label, String value) {
        md.append("| ").append(text(label)).append(" | ").append(text(value)).append(" |\n");
    }

    /** Keeps user text from breaking the table or injecting markup. */
    static String text(@Nullable String value) {
        if (value == null) {
            return "";
        }
        return value.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String number(@Nullable Long value) {
        return value == null ? "unknown" : String.format(Locale.ENGLISH, "%,d", value);
    }

    static String points(double points) {
        return points == Math.rint(points) ? String.valueOf((int) points) : String.valueOf(points);
    }

    private static String sources(List<Side.Citation> facts) {
        var links = new StringBuilder();
        for (var f : facts) {
            for (String url : f.sources()) {
                if (!links.isEmpty()) {
                    links.append("<br>");
                }
                if (!url.startsWith("http")) {
                    // the team's own export: a file, not a page
                    links.append(text(f.vendor())).append(": ").append(text(f.fact())).append(", ").append(text(url));
                    continue;
                }
                links.append('[').append(text(f.vendor())).append(": ").append(text(f.fact())).append(f.confirmed() ? "" : " (unconfirmed)")
                        .append("](").append(url.replace(")", "%29").replace(" ", "%20")).append(')');
            }
        }
        return links.isEmpty() ? "—" : links.toString();
    }
}
