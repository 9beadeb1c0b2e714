package io.ciamportal.migration;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The migration report as a PDF a change advisory board can file: a title page, numbered sections with tables,
 * "page X of Y" and the generation time on every page. Uses the PDF standard fonts, so nothing has to be installed.
 */
public final class ReportPdf {

    private static final Color INK = new Color(0x1a, 0x27, 0x3a);
    private static final Color MUTED = new Color(0x5f, 0x6b, 0x7a);
    private static final Color RULE = new Color(0xd5, 0xdb, 0xe3);
    private static final Color HEAD = new Color(0xee, 0xf2, 0xf7);
    private static final Font TITLE = new Font(Font.HELVETICA, 26, Font.BOLD, INK);
    private static final Font SUBTITLE = new Font(Font.HELVETICA, 15, Font.NORMAL, INK);
    private static final Font H1 = new Font(Font.HELVETICA, 15, Font.BOLD, INK);
    private static final Font H2 = new Font(Font.HELVETICA, 11.5f, Font.BOLD, INK);
    private static final Font BODY = new Font(Font.HELVETICA, 9.5f, Font.NORMAL, INK);
    private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, MUTED);
    private static final Font CELL = new Font(Font.HELVETICA, 8.5f, Font.NORMAL, INK);
    private static final Font CELL_BOLD = new Font(Font.HELVETICA, 8.5f, Font.BOLD, INK);

    private ReportPdf() {}

    public static byte[] render(Report report) {
        var d = report.details();
        var s = d.summary();
        var a = d.assessment();
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 56, 56, 60, 64);
        var writer = PdfWriter.getInstance(document, out);
        String generated = ReportMarkdown.WHEN.format(report.generatedAt());
        writer.setPageEvent(new Footer(pdf("Migration assessment: " + s.name()), generated));
        document.addTitle(pdf("Migration assessment: " + s.name()));
        document.addAuthor(pdf(report.generatedBy()));
        document.addCreator("CIAM migration portal");
        document.open();

        // title page
        document.add(spacer(150));
        document.add(new Paragraph(pdf("Migration assessment"), SMALL));
        document.add(new Paragraph(pdf(s.name()), TITLE));
        document.add(spacer(8));
        document.add(new Paragraph(pdf(s.sourceName() + " to " + s.destinationName()), SUBTITLE));
        document.add(spacer(30));
        var facts = table(new float[] {1.3f, 2.7f});
        pair(facts, "Owner", s.ownerName());
        pair(facts, "Generated", generated + " by " + report.generatedBy());
        pair(facts, "Pair difficulty", a.difficulty().score() + " of 5");
        pair(facts, "Recommended strategy", a.strategy().label());
        pair(facts, "Dual-run window", a.dualRunWeeks() + " weeks");
        pair(facts, "Forced password resets", ReportMarkdown.number(a.forcedResets()));
        pair(facts, "MFA or passkey re-enrollments", ReportMarkdown.number(a.mfaReenrollments()));
        pair(facts, "Plan progress", s.done() + " of " + s.total() + " items done");
        document.add(facts);
        document.add(spacer(24));
        document.add(new Paragraph(pdf("Verdicts rest on the vendor facts of the portal's vendor index at the time of generation; each "
                + "cites its sources. An unknown fact gives \"Unknown: verify with vendor\", never an optimistic verdict."), SMALL));
        document.newPage();

        // 1. summary
        document.add(heading("1. Summary and strategy"));
        document.add(new Paragraph(pdf(a.strategy().label() + ". " + a.strategyReason()), BODY));
        document.add(sub("Pair difficulty: " + a.difficulty().score() + " of 5"));
        var breakdown = table(new float[] {1.4f, 0.6f, 3f});
        header(breakdown, "Fact", "Points", "Why");
        for (var part : a.difficulty().breakdown()) {
            cells(breakdown, part.fact(), ReportMarkdown.points(part.points()), part.reason());
        }
        document.add(breakdown);

        // 2. inventory
        document.add(heading("2. Inventory"));
        var inventory = table(new float[] {2f, 2f});
        header(inventory, "Item", "Value");
        for (var row : inventoryRows(d.inventory())) {
            cells(inventory, row.get(0), row.get(1));
        }
        document.add(inventory);

        if (report.export() != null) {
            exportSection(document, writer, report.export());
        }

        // 3. items
        document.add(heading("3. What migrates"));
        var items = table(new float[] {1.2f, 1f, 0.9f, 2.8f});
        header(items, "Item", "Verdict", "Affected", "Reason and sources");
        for (var item : a.items()) {
            var reason = reasonWithSources(item.reason(), item.facts());
            items.addCell(cell(new Phrase(pdf(item.item().label()), CELL_BOLD)));
            items.addCell(cell(new Phrase(pdf(item.verdict().label()), CELL)));
            items.addCell(cell(new Phrase(pdf(item.affected() == null ? "unknown"
                    : String.format(Locale.ENGLISH, "%,d %s", item.affected(), item.unit())), CELL)));
            items.addCell(cell(reason));
        }
        document.add(items);
        applicationSection(document, d);

        // 4. plan
        document.add(heading("4. Five-phase plan"));
        for (var phase : d.plan()) {
            document.add(sub(phase.number() + ". " + phase.name() + " (" + phase.done() + " of " + phase.items().size() + " done)"));
            var plan = table(new float[] {0.5f, 3.2f, 1.2f, 0.9f});
            header(plan, "Done", "Task", "Owner", "Due");
            for (var item : phase.items()) {
                cells(plan, item.done() ? "Yes" : "No", item.text() + (item.cutover() ? " [cutover]" : ""),
                        item.ownerName() == null ? "" : item.ownerName(),
                        item.due() == null ? "" : item.due() + (item.overdue() ? " (overdue)" : ""));
            }
            document.add(plan);
        }
        if (report.claimDiffs() != null) {
            claimDiffSection(document, report.claimDiffs());
        }

        if (report.calendar() != null) {
            calendarSection(document, report.calendar());
        }

        // 5. members and gates
        document.add(heading("5. Team"));
        var members = table(new float[] {2f, 1.5f, 1.5f});
        header(members, "Name", "Username", "Role in this migration");
        d.members().forEach(m -> cells(members, m.displayName(), m.username(), m.role().label()));
        document.add(members);
        document.add(heading("6. Security gates"));
        if (report.gates().isEmpty()) {
            document.add(new Paragraph(pdf("No security gates are recorded for this migration."), BODY));
        } else {
            document.add(new Paragraph(pdf("Cutover needs all six gates approved. Outdated and revoked sign-offs are listed but do not count."), BODY));
            var gates = table(new float[] {1.6f, 1f, 0.8f, 2.6f});
            header(gates, "Gate", "Status", "Approvals", "Sign-offs");
            for (var g : report.gates()) {
                cells(gates, g.title(), g.status(), g.approvals() + " of " + g.requiredApprovals(),
                        g.signOffs().isEmpty() ? "-" : String.join("\n", g.signOffs()));
            }
            document.add(gates);
        }
        document.close();
        return out.toByteArray();
    }

    /** The cutover calendar inside the plan section: the schedule, phase dates, milestones, overdue items. */
    private static void calendarSection(Document document, CutoverViews.Calendar view) {
        document.add(sub("Cutover calendar"));
        var c = view.calendar();
        if (c == null) {
            document.add(new Paragraph(pdf("No cutover date is set yet."), BODY));
            return;
        }
        var s = c.schedule();
        document.add(new Paragraph(pdf("Cutover on " + s.cutover() + ", rollback window " + s.rollbackDays() + " days (until " + s.rollbackEnds()
                + "), decommission on " + c.decommission() + (c.decommissionDerived() ? " (derived)" : "") + ". As of " + view.today() + "."), BODY));
        var dates = table(new float[] {2.6f, 1f, 1f});
        header(dates, "Phase or milestone", "From", "To");
        c.phases().forEach(p -> cells(dates, p.phase() + ". " + p.name(), p.start().toString(), p.end().toString()));
        c.milestones().forEach(m -> cells(dates, m.label(), m.start().toString(), m.end().toString()));
        document.add(dates);
        var late = view.overdue();
        document.add(new Paragraph(pdf(late.isEmpty() ? "No item is overdue." : "Overdue items (" + late.size() + "):"), BODY));
        if (!late.isEmpty()) {
            var overdue = table(new float[] {3.2f, 0.6f, 1f});
            header(overdue, "Task", "Phase", "Due");
            late.forEach(i -> cells(overdue, i.text(), String.valueOf(i.phase()), String.valueOf(i.due())));
            document.add(overdue);
        }
        for (String note : c.notes()) {
            document.add(new Paragraph(pdf(note), SMALL));
        }
    }

    /** The dual run's claim diffs per flow: names and verdicts only. */
    private static void claimDiffSection(Document document, ClaimDiffViews.Status status) {
        document.add(sub("Dual run: claim diffs"));
        document.add(new Paragraph(pdf(ClaimDiffReport.INTRO), BODY));
        var t = table(new float[] {1.1f, 1.4f, 1.3f, 2.6f});
        header(t, "Flow", "Compared", "Verdicts", "To review");
        for (var r : ClaimDiffReport.rows(status)) {
            cells(t, r.flow(), r.compared(), r.verdicts(), r.review().isEmpty() ? "-" : String.join("\n", r.review()));
        }
        document.add(t);
    }

    /** The latest export: provenance, the counts marked observed or not, and three bar charts. */
    private static void exportSection(Document document, PdfWriter writer, ExportViews.Analysed export) {
        var a = export.analysis();
        var p = export.provenance();
        document.add(sub("User export: " + a.platformName()));
        document.add(new Paragraph(pdf("Uploaded " + ReportMarkdown.WHEN.format(p.uploadedAt()) + " by " + p.uploadedBy()
                + (p.fromDocument() ? " as an analysis document" : "") + ". Counts only: the export itself is not kept."), BODY));
        for (var f : p.files()) {
            document.add(new Paragraph(pdf(f.name() + ", " + String.format(Locale.ENGLISH, "%,d", f.bytes()) + " bytes, SHA-256 " + f.sha256()), SMALL));
        }
        var counts = table(new float[] {2.2f, 1.4f, 1.4f});
        header(counts, "Count", "Value", "Observed");
        for (var r : ExportReportRows.rows(a)) {
            cells(counts, r.label(), r.value(), r.status());
        }
        document.add(counts);
        var charts = new PdfPTable(3);
        charts.setWidthPercentage(100);
        charts.setSpacingBefore(6);
        charts.addCell(chartCell(writer, "Password schemes", a.passwords().schemes(), new Color(0x25, 0x63, 0xeb)));
        charts.addCell(chartCell(writer, "Second factors", a.mfa().factors(), new Color(0x15, 0x80, 0x3d)));
        var recency = new java.util.LinkedHashMap<String, Long>();
        a.lastSignIn().histogram().forEach(b -> recency.put(b.label(), b.users()));
        recency.put("never", a.lastSignIn().never());
        charts.addCell(chartCell(writer, "Last sign-in", a.lastSignIn().status() == io.ciamportal.exports.ExportAnalysis.Status.NOT_OBSERVABLE
                ? java.util.Map.of() : recency, new Color(0xb4, 0x53, 0x09)));
        document.add(charts);
    }

    /** A small horizontal bar chart drawn as vectors: label, bar, count. Empty data says so. */
    private static PdfPCell chartCell(PdfWriter writer, String title, java.util.Map<String, Long> data, Color colour) {
        float width = 150;
        float rowHeight = 13;
        int rows = Math.max(1, data.size());
        float height = 18 + rows * rowHeight;
        var template = writer.getDirectContent().createTemplate(width, height);
        try {
            var font = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, false);
            var bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, false);
            template.beginText();
            template.setFontAndSize(bold, 8);
            template.setColorFill(INK);
            template.setTextMatrix(0, height - 9);
            template.showText(pdf(title));
            template.endText();
            long max = data.values().stream().mapToLong(Long::longValue).max().orElse(0);
            if (data.isEmpty() || max == 0) {
                template.beginText();
                template.setFontAndSize(font, 7);
                template.setColorFill(MUTED);
                template.setTextMatrix(0, height - 24);
                template.showText(data.isEmpty() ? "Not observable or none" : "None");
                template.endText();
            } else {
                float labelWidth = 58;
                float barMax = width - labelWidth - 26;
                float y = height - 18 - rowHeight + 3;
                for (var e : data.entrySet()) {
                    template.beginText();
                    template.setFontAndSize(font, 6.5f);
                    template.setColorFill(INK);
                    String label = pdf(e.getKey());
                    template.setTextMatrix(0, y + 2);
                    template.showText(label.length() > 16 ? label.substring(0, 15) + "." : label);
                    template.endText();
                    float bar = Math.max(e.getValue() > 0 ? 1 : 0, barMax * e.getValue() / max);
                    template.setColorFill(colour);
                    template.rectangle(labelWidth, y, bar, rowHeight - 4);
                    template.fill();
                    template.beginText();
                    template.setFontAndSize(font, 6.5f);
                    template.setColorFill(INK);
                    template.setTextMatrix(labelWidth + bar + 2, y + 2);
                    template.showText(String.format(Locale.ENGLISH, "%,d", e.getValue()));
                    template.endText();
                    y -= rowHeight;
                }
            }
            var image = org.openpdf.text.Image.getInstance(template);
            var cell = new PdfPCell(image, false);
            cell.setBorder(0);
            cell.setPadding(4);
            return cell;
        } catch (org.openpdf.text.DocumentException | java.io.IOException e) {
            throw new IllegalStateException("chart", e);
        }
    }

    /** The inventory as label and value rows, with "unknown" for what nobody counted. */
    static List<List<String>> inventoryRows(Inventory i) {
        var rows = new ArrayList<List<String>>();
        rows.add(List.of("Total users", ReportMarkdown.number(i.totalUsers())));
        rows.add(List.of("Monthly active users", ReportMarkdown.number(i.monthlyActiveUsers())));
        rows.add(List.of("Share with passwords", percent(i.passwordShare())));
        rows.add(List.of("Share with TOTP", percent(i.totpShare())));
        rows.add(List.of("Share with SMS or email OTP", percent(i.otpShare())));
        rows.add(List.of("Share with passkeys", percent(i.passkeyShare())));
        rows.add(List.of("Share inactive for more than 90 days", percent(i.inactiveShare())));
        rows.add(List.of("Social connections", count(i.socialConnections())));
        rows.add(List.of("Enterprise connections (SAML/OIDC)", count(i.enterpriseConnections())));
        rows.add(List.of("Custom logic units", count(i.customLogicUnits())));
        rows.add(List.of("Tenants or organizations", count(i.tenants())));
        rows.add(List.of("Consent records kept", i.consentRecords() == null ? "unknown" : i.consentRecords() ? "yes" : "no"));
        rows.add(List.of("Required audit retention", i.auditRetentionDays() == null ? "unknown" : i.auditRetentionDays() + " days"));
        rows.add(List.of("Required residency region", i.residencyRegion() == null ? "unknown" : i.residencyRegion()));
        rows.add(List.of("Downtime tolerance", i.downtimeTolerance() == null ? "unknown" : i.downtimeTolerance().label()));
        if (i.sourceHashScheme() != null) {
            rows.add(List.of("Hash scheme of the in-house database", i.sourceHashScheme()));
        }
        return rows;
    }

    /** The application side (issue 13) within section 3: its verdicts, then what the team listed. */
    private static void applicationSection(Document document, MigrationViews.Details d) {
        var apps = d.applicationAssessment();
        if (apps.items().isEmpty()) {
            return;
        }
        document.add(sub("Application side"));
        if (!apps.listed()) {
            document.add(new Paragraph(pdf(ApplicationReportRows.NOT_LISTED), SMALL));
        }
        var items = table(new float[] {1.2f, 1f, 0.9f, 2.8f});
        header(items, "Item", "Verdict", "Affected", "Reason and sources");
        for (var item : apps.items()) {
            var reason = reasonWithSources(item.reason(), item.facts());
            items.addCell(cell(new Phrase(pdf(item.item().label()), CELL_BOLD)));
            cells(items, item.verdict().label(), ApplicationReportRows.affected(item));
            items.addCell(cell(reason));
        }
        document.add(items);
        if (!apps.listed()) {
            return;
        }
        var clients = ApplicationReportRows.clients(d.applications());
        if (!clients.isEmpty()) {
            var t = table(new float[] {1f, 0.9f, 1.8f, 1.2f, 1.2f, 0.5f});
            header(t, "Client", "Type", "Redirect URIs", "Logout URIs", "Grant types", "Keys on sub");
            clients.forEach(r -> cells(t, r.toArray(String[]::new)));
            document.add(t);
        }
        var listing = table(new float[] {1.3f, 2.7f});
        ApplicationReportRows.listing(d.applications()).forEach(r -> pair(listing, r.get(0), r.get(1)));
        document.add(listing);
    }

    private static String percent(@Nullable Double share) {
        return share == null ? "unknown" : String.format(Locale.ENGLISH, "%.0f%%", share * 100);
    }

    private static String count(@Nullable Integer n) {
        return n == null ? "unknown" : String.format(Locale.ENGLISH, "%,d", n);
    }

    private static final CharsetEncoder WIN_ANSI = Charset.forName("windows-1252").newEncoder();

    /** The standard fonts speak Windows-1252: map the few other characters the portal writes, drop the rest. */
    static String pdf(@Nullable String text) {
        if (text == null) {
            return "";
        }
        var sb = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '→' -> sb.append("->");
                case '✓' -> sb.append("yes");
                case '✗' -> sb.append("no");
                case '≥' -> sb.append(">=");
                case '≤' -> sb.append("<=");
                case '◐' -> sb.append("partial");
                default -> {
                    String ch = new String(Character.toChars(cp));
                    synchronized (WIN_ANSI) {
                        sb.append(WIN_ANSI.canEncode(ch) ? ch : "?");
                    }
                }
            }
        });
        return sb.toString();
    }

    private static Paragraph heading(String text) {
        var p = new Paragraph(pdf(text), H1);
        p.setSpacingBefore(16);
        p.setSpacingAfter(8);
        return p;
    }

    private static Paragraph sub(String text) {
        var p = new Paragraph(pdf(text), H2);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    private static Paragraph spacer(float height) {
        var p = new Paragraph(" ", BODY);
        p.setSpacingBefore(height);
        return p;
    }

    private static PdfPTable table(float[] widths) {
        var t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingBefore(4);
        t.setSpacingAfter(6);
        t.setHeaderRows(0);
        return t;
    }

    private static void header(PdfPTable t, String... labels) {
        for (String label : labels) {
            var c = cell(new Phrase(pdf(label), CELL_BOLD));
            c.setBackgroundColor(HEAD);
            t.addCell(c);
        }
        t.setHeaderRows(1);
    }

    private static void cells(PdfPTable t, String... values) {
        for (String value : values) {
            t.addCell(cell(new Phrase(pdf(value), CELL)));
        }
    }

    private static void pair(PdfPTable t, String label, String value) {
        t.addCell(cell(new Phrase(pdf(label), CELL_BOLD)));
        t.addCell(cell(new Phrase(pdf(value), CELL)));
    }

    private static PdfPCell cell(Phrase phrase) {
        var c = new PdfPCell(phrase);
        c.setPadding(4);
        c.setBorderColor(RULE);
        c.setBorderWidth(0.5f);
        return c;
    }

    /** "Report title · generated … · page X of Y" on every page; Y is written when the document closes. */
    private static final class Footer extends PdfPageEventHelper {
        private final String title;
        private final String generated;
        private @Nullable PdfTemplate total;
        private @Nullable BaseFont font;

        Footer(String title, String generated) {
            this.title = title;
            this.generated = generated;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(30, 12);
            font = SMALL.getCalculatedBaseFont(false);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            Rectangle page = document.getPageSize();
            float y = 32;
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(title + "  ·  generated " + generated, SMALL),
                    document.left(), y, 0);
            String label = "Page " + writer.getPageNumber() + " of ";
            float width = font == null ? 40 : font.getWidthPoint(label, SMALL.getSize());
            float x = page.getRight() - document.rightMargin() - width - 14;
            ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, new Phrase(label, SMALL), x, y, 0);
            if (total != null) {
                cb.addTemplate(total, x + width, y);
            }
            cb.setColorStroke(RULE);
            cb.setLineWidth(0.5f);
            cb.moveTo(document.left(), y + 12);
            cb.lineTo(page.getRight() - document.rightMargin(), y + 12);
            cb.stroke();
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            if (total != null && font != null) {
                total.beginText();
                total.setFontAndSize(font, SMALL.getSize());
                total.setColorFill(MUTED);
                // when the document closes the writer already counts the next (empty) page
                total.showText(String.valueOf(writer.getPageNumber() - 1));
                total.endText();
            }
        }
    }

    /** An item's reason with, under it, each vendor fact it cites and the fact's sources as links. */
    private static Phrase reasonWithSources(String text, List<Side.Citation> facts) {
        var reason = new Phrase(pdf(text), CELL);
        for (var fact : facts) {
            for (String url : fact.sources()) {
                reason.add(Chunk.NEWLINE);
                var link = new Chunk(pdf(fact.vendor() + ", " + fact.fact() + (fact.confirmed() ? "" : " (unconfirmed)") + ": " + url), SMALL);
                if (url.startsWith("http")) {
                    link.setAnchor(url);
                }
                reason.add(link);
            }
        }
        return reason;
    }
}
