package io.ciamportal.migration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.ciamportal.exports.AnalysisJson;
import io.ciamportal.exports.AnalysisOptions;
import io.ciamportal.exports.ExportAnalysis;
import io.ciamportal.exports.ExportAnalysis.Status;
import io.ciamportal.exports.Platform;
import io.ciamportal.migration.DestinationOutcomes;
import io.ciamportal.migration.ExportUpload;
import io.ciamportal.migration.ExportViews;
import io.ciamportal.migration.MigrationExportsService;
import io.ciamportal.migration.MigrationViews;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.ui.Badge;
import io.ciamportal.shared.ui.Chart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The user-export tab: upload the source's export (streamed through the analyser as it arrives, with a progress
 * bar; nothing of it is kept) or the analysis document made offline, then what it showed: counts marked observed or
 * not, charts of schemes, second factors and sign-in recency, the outcome at each candidate destination, what changed
 * since the previous export, and where it all came from.
 */
final class ExportPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private final MigrationViews.Details details;
    private final MigrationExportsService exports;
    private final Consumer<String> reload;
    private final Div problem = new Div();
    private @Nullable ExportUpload current;
    private @Nullable String failure;
    /** The options as the form holds them, kept up to date on the UI thread for the upload requests to read. */
    private volatile MigrationExportsService.@Nullable UploadOptions chosen;
    private volatile int rehearsalUsers = 100;

    ExportPanel(MigrationViews.Details details, MigrationExportsService exports, Consumer<String> reload) {
        this.details = details;
        this.exports = exports;
        this.reload = reload;
        setPadding(false);
        addClassName("portal-export");
        problem.getElement().setAttribute("role", "alert");
        problem.setVisible(false);
        var id = details.summary().id();
        if (details.canEdit()) {
            add(uploadCard());
        }
        add(problem);
        var latest = exports.latest(id);
        if (latest.isEmpty()) {
            var empty = new Paragraph(details.canEdit()
                    ? "No export analysed yet. Upload your platform's user export above: the portal counts users, password schemes, second "
                            + "factors and sign-in recency, fills the inventory and keeps no personal data."
                    : "No export analysed yet. An analyst of this migration can upload the source platform's user export.");
            empty.addClassName("portal-muted");
            empty.getElement().setAttribute("data-empty", "exports");
            add(empty);
            return;
        }
        show(latest.get());
        var history = exports.history(id);
        if (history.size() > 1) {
            add(historyGrid(history));
        }
    }

    // ---- upload ---------------------------------------------------------------------------------------------------

    private Component uploadCard() {
        var card = MigrationFormat.card("Analyse a user export");
        var expected = exports.expectedPlatform(details.summary().id()).orElse(null);
        var intro = new Paragraph("Upload the export of " + details.summary().sourceName() + (expected == null || expected.label().equals(details.summary().sourceName()) ? "" : " (" + expected.label() + ")")
                + ": one file, or several that belong together (an Auth0 export job with its password-hash file, a Keycloak realm with its "
                + "users files). Gzip is recognised. The files stream through the analyser and are never stored; only counts are kept. "
                + "To keep personal data on your machine, run java -jar ciam-portal.jar analyse-export --json FILE and upload the document it prints.");
        intro.addClassName("portal-muted");
        var platform = new Select<String>();
        platform.setLabel("Platform");
        var platforms = new ArrayList<String>();
        platforms.add("");
        for (var p : Platform.values()) {
            platforms.add(p.id());
        }
        platform.setItems(platforms);
        platform.setItemLabelGenerator(p -> p.isEmpty() ? "Detect from the content" : Platform.byId(p).map(Platform::label).orElse(p));
        platform.setValue("");
        platform.setHelperText("Change it only if the detection is wrong.");
        var window = new IntegerField("Inactive after (days)");
        window.setMin(1);
        window.setMax(3650);
        window.setValue(AnalysisOptions.DEFAULT_INACTIVE_DAYS);
        window.setStepButtonsVisible(true);
        window.setHelperText("No sign-in for this long counts as inactive.");
        var mapping = new TextField("Column mapping (in-house exports)");
        mapping.setPlaceholder("email=mail,password=pw_hash");
        mapping.setHelperText("Only when the columns have unusual names: " + String.join(", ", io.ciamportal.exports.GenericFields.names()));
        mapping.setVisible(false);
        var scheme = new Select<String>();
        scheme.setLabel("Scheme of raw digests (in-house)");
        var schemes = new ArrayList<String>();
        schemes.add("");
        schemes.addAll(io.ciamportal.vendor.HashSchemes.ALL);
        scheme.setItems(schemes);
        scheme.setItemLabelGenerator(s -> s.isEmpty() ? "Unknown: report the digest length" : s);
        scheme.setValue("");
        scheme.setVisible(false);
        boolean inHouse = io.ciamportal.migration.Side.IN_HOUSE.equals(details.summary().source());
        mapping.setVisible(inHouse);
        scheme.setVisible(inHouse);
        platform.addValueChangeListener(e -> {
            boolean generic = "generic".equals(e.getValue()) || inHouse;
            mapping.setVisible(generic);
            scheme.setVisible(generic);
        });
        Runnable choose = () -> {
            try {
                chosen = options(platform.getValue(), mapping.getValue(), scheme.getValue(), window.getValue());
                window.setInvalid(false);
                mapping.setInvalid(false);
            } catch (InvalidInputException e) {
                chosen = null;
                var field = e.field().equals("map") ? mapping : window;
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            }
        };
        platform.addValueChangeListener(e -> choose.run());
        window.addValueChangeListener(e -> choose.run());
        mapping.addValueChangeListener(e -> choose.run());
        scheme.addValueChangeListener(e -> choose.run());
        choose.run();
        var progress = new ProgressBar();
        progress.setIndeterminate(true);
        progress.setVisible(false);
        var progressText = new Span("Analysing…");
        progressText.setVisible(false);
        progressText.addClassName("portal-muted");

        var upload = new Upload(event -> {
            // runs in the upload's own request, not on the UI thread: the file streams straight into the analyser
            ExportUpload u;
            synchronized (this) {
                if (failure != null) {
                    event.reject(failure);
                    return;
                }
                try {
                    if (current == null) {
                        var options = chosen;
                        if (options == null) {
                            throw new InvalidInputException("options", "Correct the options above first.");
                        }
                        current = exports.start(details.summary().id(), options);
                    }
                    u = current;
                    u.add(event.getFileName(), event.getInputStream());
                } catch (InvalidInputException e) {
                    failure = e.getMessage();
                    event.reject(e.getMessage());
                } catch (RuntimeException e) {
                    failure = "The file could not be read; nothing was saved.";
                    event.reject(failure);
                }
            }
        });
        upload.setMaxFiles(200);
        upload.setDropLabel(new Span("Drop export files here (JSON, NDJSON, CSV, gzip), or the analysis document"));
        upload.addStartedListener(e -> {
            progress.setVisible(true);
            progressText.setVisible(true);
            clearProblem();
        });
        upload.addAllFinishedListener(e -> finish(progress, progressText, upload));
        var options = new com.vaadin.flow.component.formlayout.FormLayout(platform, window, mapping, scheme);
        options.setResponsiveSteps(new com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep("0", 1),
                new com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep("36em", 2));
        card.add(intro, options, upload, progress, progressText);
        card.getElement().setAttribute("data-card", "export-upload");
        return card;
    }

    private static MigrationExportsService.UploadOptions options(@Nullable String platform, @Nullable String mapping, @Nullable String scheme,
            @Nullable Integer days) {
        var values = new LinkedHashMap<String, String>();
        values.put("platform", platform == null ? "" : platform);
        values.put("map", mapping == null ? "" : mapping);
        values.put("scheme", scheme == null ? "" : scheme);
        values.put("inactiveDays", days == null ? "" : String.valueOf(days));
        var parsed = AnalysisOptions.parse(values, java.time.Instant.EPOCH);
        return new MigrationExportsService.UploadOptions(parsed.platform(), parsed.mapping(), parsed.schemeHint(), parsed.inactiveDays());
    }

    private void finish(ProgressBar progress, Span progressText, Upload upload) {
        ExportUpload u;
        String failed;
        synchronized (this) {
            u = current;
            failed = failure;
            current = null;
            failure = null;
        }
        progress.setVisible(false);
        progressText.setVisible(false);
        upload.clearFileList();
        if (failed != null) {
            showProblem(failed + " Nothing was saved.");
            return;
        }
        if (u == null) {
            return;
        }
        try {
            var result = exports.finish(u);
            if (result.unchanged()) {
                reload.accept("The same files as the latest export: nothing changed.");
            } else {
                var a = result.export().analysis();
                reload.accept(String.format(Locale.ENGLISH, "Analysed %,d users (%s); the inventory and the assessment are updated.", a.users(),
                        a.platformName()));
            }
        } catch (InvalidInputException e) {
            showProblem(e.getMessage() + " Nothing was saved.");
        }
    }

    private void showProblem(String message) {
        problem.removeAll();
        problem.add(new Span(message));
        problem.setClassName("portal-notice portal-notice-error");
        problem.getElement().setAttribute("data-notice", "export-error");
        problem.setVisible(true);
    }

    private void clearProblem() {
        problem.removeAll();
        problem.setVisible(false);
    }

    // ---- results --------------------------------------------------------------------------------------------------

    private void show(ExportViews.Analysed latest) {
        var a = latest.analysis();
        var p = latest.provenance();
        var head = MigrationFormat.card("Latest export: " + a.platformName());
        head.getElement().setAttribute("data-card", "export-provenance");
        var files = new UnorderedList();
        for (var f : p.files()) {
            files.add(new ListItem(String.format(Locale.ENGLISH, "%s · %s%s · %s · %,d records · SHA-256 %s", f.name(), bytes(f.bytes()),
                    f.gzip() ? " gzip" : "", f.kindLabel(), f.records(), f.sha256())));
        }
        head.add(new Paragraph((p.fromDocument() ? "Analysis document uploaded" : "Export uploaded") + " by " + p.uploadedBy() + " on "
                + WHEN.format(p.uploadedAt()) + "; platform " + (a.platformForced() ? "as chosen" : "detected from the content") + "."), files);
        if (latest.diff() != null) {
            var d = latest.diff();
            String text = d.added() == null
                    ? String.format(Locale.ENGLISH, "Since the export of %s: %,d users then, %,d now (added and removed are not known: one of them "
                            + "was an analysis document).", WHEN.format(d.previousUploadedAt()), d.usersBefore(), d.usersAfter())
                    : String.format(Locale.ENGLISH, "Since the export of %s: %,d users added and %,d removed, counted by source id (%,d then, %,d now).",
                            WHEN.format(d.previousUploadedAt()), d.added(), d.removed(), d.usersBefore(), d.usersAfter());
            var diff = new Div(new Span(text));
            diff.addClassNames("portal-notice", "portal-notice-info");
            diff.getElement().setAttribute("data-notice", "export-diff");
            head.add(diff);
        }
        if (latest.evidenceNote() != null) {
            var note = new Paragraph(latest.evidenceNote());
            note.addClassName("portal-muted");
            head.add(note);
        } else {
            var note = new Paragraph("The scoring rests on this export where it shows more than the vendor's documentation: password hashes and "
                    + "TOTP secrets found in the file count as exportable.");
            note.addClassName("portal-muted");
            head.add(note);
        }
        var json = new Anchor(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(AnalysisJson.writePretty(a).getBytes(StandardCharsets.UTF_8)), "export-analysis.json",
                "application/json", -1)), "Download the analysis (JSON)");
        json.getElement().setAttribute("download", true);
        head.add(json);
        add(head);
        if (details.canEdit()) {
            add(rehearsalCard(a));
        }
        if (!a.warnings().isEmpty()) {
            var list = new UnorderedList();
            a.warnings().forEach(w -> list.add(new ListItem(w.message())));
            var warn = new Div(new Span("The export may be incomplete:"), list);
            warn.addClassNames("portal-notice", "portal-notice-warning");
            warn.getElement().setAttribute("data-notice", "export-warnings");
            add(warn);
        }
        add(figures(a), charts(a), new H3("At each destination"), destinations(latest.destinations()));
    }

    /** Synthetic users of the same platform and mix, with their throwaway passwords, for a rehearsal import. */
    private Component rehearsalCard(ExportAnalysis a) {
        var card = MigrationFormat.card("Rehearsal data");
        card.getElement().setAttribute("data-card", "export-rehearsal");
        var intro = new Paragraph("Made-up people in " + a.platformName() + "'s own format with this export's mix (schemes and costs, second "
                + "factors, inactive and verified shares), real hashes of throwaway passwords, and an answer key of those passwords in clear "
                + "text: import it into a staging destination and sign in as them. Real bcrypt takes about 50 ms a user.");
        intro.addClassName("portal-muted");
        var count = new IntegerField("Users");
        count.setMin(1);
        count.setMax(1_000);
        count.setStepButtonsVisible(true);
        count.setValue((int) Math.clamp(a.users(), 1, 100));
        count.setHelperText("1 to 1,000");
        rehearsalUsers = count.getValue();
        count.addValueChangeListener(e -> {
            Integer v = e.getValue();
            boolean ok = v != null && v >= 1 && v <= 1_000;
            count.setInvalid(!ok);
            count.setErrorMessage(ok ? null : "1 to 1,000 users.");
            rehearsalUsers = ok ? v : rehearsalUsers;
        });
        var id = details.summary().id();
        var download = new Anchor(DownloadHandler.fromInputStream(event -> {
            // made in the download's own request: read the analysis again there, with the same permission check
            var source = exports.rehearsalSource(id);
            var out = new java.io.ByteArrayOutputStream();
            io.ciamportal.exports.RehearsalExport.write(source, rehearsalUsers, new java.security.SecureRandom(), out);
            return new DownloadResponse(new ByteArrayInputStream(out.toByteArray()), "rehearsal-" + source.platform() + ".zip",
                    "application/zip", out.size());
        }), "Download rehearsal data (ZIP)");
        download.getElement().setAttribute("download", true);
        card.add(intro, count, download);
        return card;
    }

    private Component figures(ExportAnalysis a) {
        var box = new Div();
        box.addClassName("portal-figures");
        box.add(figure(String.format(Locale.ENGLISH, "%,d", a.users()), "users" + (a.skipped().serviceAccounts() > 0
                ? " (" + a.skipped().serviceAccounts() + " service accounts skipped)" : ""), Status.OBSERVED));
        var pw = a.passwords();
        box.add(figure(count(pw.withPassword(), pw.status()), "with a password hash" + (pw.hashNotInExport() > 0
                ? String.format(Locale.ENGLISH, "; %,d more have one the file leaves out", pw.hashNotInExport()) : ""), pw.status()));
        box.add(figure(count(a.mfa().users(), a.mfa().status()), "with a second factor", a.mfa().status()));
        box.add(figure(a.lastSignIn().inactiveShare() == null ? "—" : percent(a.lastSignIn().inactiveShare()),
                "inactive for " + a.lastSignIn().inactiveDays() + " days or more", a.lastSignIn().status()));
        box.add(figure(count(a.emailVerified().count(), a.emailVerified().status()), "email verified", a.emailVerified().status()));
        box.add(figure(count(a.socialOnly().count(), a.socialOnly().status()), "social or enterprise sign-in only", a.socialOnly().status()));
        box.add(figure(count(a.passwordless().count(), a.passwordless().status()), "passwordless", a.passwordless().status()));
        box.add(figure(count(a.blocked().count(), a.blocked().status()), "blocked", a.blocked().status()));
        box.add(figure(String.format(Locale.ENGLISH, "%,d", a.duplicateEmails().duplicates()), String.format(Locale.ENGLISH,
                "duplicate emails (case-insensitive), %,d users", a.duplicateEmails().usersAffected()), a.duplicateEmails().status()));
        box.add(figure(String.format(Locale.ENGLISH, "%,d / %,d", a.sourceIds().duplicates(), a.sourceIds().empty()), "duplicate / empty source ids",
                Status.OBSERVED));
        var more = new Div();
        var providers = a.providers();
        more.add(new Paragraph("Identity providers and connections (" + providers.status().label() + "): " + (providers.counts().isEmpty() ? "none"
                : String.join(", ", providers.counts().entrySet().stream().map(e -> e.getKey() + " " + String.format(Locale.ENGLISH, "%,d",
                        e.getValue())).toList()))));
        more.add(new Paragraph("Custom attribute keys (" + a.customAttributes().status().label() + "): " + (a.customAttributes().keys().isEmpty()
                ? "none" : String.join(", ", a.customAttributes().keys()) + (a.customAttributes().truncated() ? ", and more" : ""))));
        more.add(new Paragraph("Tenants " + metric(a.tenants()) + " · organizations " + metric(a.organizations()) + " · groups " + metric(a.groups())));
        for (var note : notes(a)) {
            var n = new Paragraph(note);
            n.addClassName("portal-muted");
            more.add(n);
        }
        var wrapper = new Div(box, more);
        wrapper.getElement().setAttribute("data-card", "export-counts");
        return wrapper;
    }

    private static List<String> notes(ExportAnalysis a) {
        var out = new ArrayList<String>();
        for (String n : new String[] {a.passwords().note(), a.mfa().note(), a.lastSignIn().note(), a.providers().note(), a.passwordless().note(),
                a.organizations().note(), a.tenants().note(), a.groups().note(), a.blocked().note(), a.emailVerified().note()}) {
            if (n != null && !out.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static String metric(ExportAnalysis.Metric m) {
        return m.status() == Status.NOT_OBSERVABLE || m.count() == null ? "not observable" : String.format(Locale.ENGLISH, "%,d", m.count());
    }

    private static Component figure(String value, String label, Status status) {
        var box = new Div();
        box.addClassName("portal-figure");
        var number = new Span(value);
        number.addClassName("portal-figure-value");
        box.add(number, new Span(label), new Badge(status.label(), switch (status) {
            case OBSERVED -> Badge.Tone.SUCCESS;
            case PARTIAL -> Badge.Tone.WARNING;
            case NOT_OBSERVABLE -> Badge.Tone.NEUTRAL;
        }));
        box.getElement().setAttribute("data-status", status.json());
        return box;
    }

    private static String count(@Nullable Long n, Status status) {
        return status == Status.NOT_OBSERVABLE || n == null ? "—" : String.format(Locale.ENGLISH, "%,d", n);
    }

    private static String percent(double share) {
        return String.format(Locale.ENGLISH, "%.1f %%", share * 100);
    }

    private static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ENGLISH, "%.1f KB", n / 1024.0);
        }
        return String.format(Locale.ENGLISH, "%.1f MB", n / 1024.0 / 1024.0);
    }

    private static Component charts(ExportAnalysis a) {
        var row = new Div();
        row.addClassName("portal-export-charts");
        row.add(chartCard("Password schemes", "Users by password-hash scheme; the same counts are listed above", ExportCharts.schemes(a),
                a.passwords().schemes().isEmpty() ? (a.passwords().status() == Status.NOT_OBSERVABLE ? "Not observable from this export."
                        : "No user has a password hash in this export.") : null));
        row.add(chartCard("Second factors", "Users by second factor", ExportCharts.mfa(a), a.mfa().status() == Status.NOT_OBSERVABLE
                ? "Not observable from this export." : a.mfa().factors().isEmpty() ? "No second factor in this export." : null));
        row.add(chartCard("Last sign-in", "Users by days since their last sign-in", ExportCharts.recency(a),
                a.lastSignIn().status() == Status.NOT_OBSERVABLE ? "Not observable from this export." : null));
        return row;
    }

    private static Component chartCard(String title, String label, Map<String, Object> option, @Nullable String empty) {
        var card = MigrationFormat.card(title);
        if (empty != null) {
            var p = new Paragraph(empty);
            p.addClassName("portal-muted");
            card.add(p);
        } else {
            var chart = new Chart(label);
            chart.setHeight("220px");
            chart.setOption(option);
            card.add(chart);
        }
        return card;
    }

    private static Component destinations(List<DestinationOutcomes.Outcome> outcomes) {
        var grid = new Grid<DestinationOutcomes.Outcome>();
        grid.addColumn(o -> o.name() + (o.current() ? " (this migration)" : "")).setHeader("Destination").setAutoWidth(true).setFlexGrow(1)
                .setFrozen(true);
        grid.addColumn(o -> users(o.keepPassword())).setHeader("Keep their password").setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setComparator(o -> o.keepPassword() == null ? -1 : o.keepPassword());
        grid.addColumn(o -> users(o.justInTime())).setHeader("Move at next sign-in").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(o -> users(o.reset())).setHeader("Must reset").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(o -> mfa(o.mfaSurvives())).setHeader("Second factors").setAutoWidth(true);
        grid.addColumn(o -> o.unsupported().isEmpty() ? "" : "not imported: " + String.join(", ", o.unsupported().keySet())).setHeader("Breaks import rules")
                .setAutoWidth(true);
        grid.setItems(outcomes);
        grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(o -> {
            var list = new UnorderedList();
            o.notes().forEach(n -> list.add(new ListItem(n)));
            return list;
        }));
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel("What the export's users meet at each destination; select a row for the reasons");
        grid.getElement().setAttribute("data-grid", "export-destinations");
        return grid;
    }

    private static String users(@Nullable Long n) {
        return n == null ? "unknown" : String.format(Locale.ENGLISH, "%,d", n);
    }

    private static String mfa(Map<String, @Nullable Boolean> survives) {
        if (survives.isEmpty()) {
            return "none in the export";
        }
        var parts = new ArrayList<String>();
        survives.forEach((factor, ok) -> parts.add(factor + (ok == null ? " ?" : ok ? " kept" : " re-enrol")));
        return String.join(", ", parts);
    }

    private Component historyGrid(List<ExportViews.HistoryRow> history) {
        var grid = new Grid<ExportViews.HistoryRow>();
        grid.addColumn(h -> WHEN.format(h.provenance().uploadedAt())).setHeader("When").setAutoWidth(true);
        grid.addColumn(h -> h.provenance().uploadedBy()).setHeader("Who").setAutoWidth(true);
        grid.addColumn(h -> h.provenance().platformName()).setHeader("Platform").setAutoWidth(true);
        grid.addColumn(h -> String.join(", ", h.provenance().files().stream().map(ExportAnalysis.FileInfo::name).toList())).setHeader("Files")
                .setFlexGrow(1);
        grid.addColumn(h -> String.format(Locale.ENGLISH, "%,d", h.users())).setHeader("Users").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(h -> h.diff() == null || h.diff().added() == null ? "" : String.format(Locale.ENGLISH, "+%,d / −%,d", h.diff().added(),
                h.diff().removed())).setHeader("Added / removed").setAutoWidth(true);
        grid.setItems(history);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAriaLabel("Exports analysed for this migration, newest first");
        var details = new Details("Earlier exports (" + (history.size() - 1) + ")", grid);
        details.setWidthFull();
        return details;
    }
}
