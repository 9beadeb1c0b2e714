package io.ciamportal.vendor.ui;

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
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.StreamResource;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.NotFoundException;
import io.ciamportal.shared.Roles;
import io.ciamportal.shared.ui.Badge;
import io.ciamportal.shared.ui.Chart;
import io.ciamportal.vendor.Completeness;
import io.ciamportal.vendor.DatasetExchangeService;
import io.ciamportal.vendor.DatasetReleaseService;
import io.ciamportal.vendor.VendorCurationService.DataHealthItem;
import io.ciamportal.vendor.VendorCurationService.Problem;
import io.ciamportal.vendor.VendorCurationService;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Admin: how complete and current the vendor data is, the installed dataset release with its conflicts ("the release
 * says X, you say Y") to accept or keep, and every value that needs a curator — unknown, unconfirmed or stale.
 */
@Route("admin/data-health")
@PageTitle("Data health")
@Menu(order = 92, title = "Data health", icon = "vaadin:stethoscope")
@RolesAllowed(Roles.ADMIN)
public final class DataHealthView extends VerticalLayout {

    /** The product's completeness targets (docs/dataset.md). */
    static final double UNKNOWN_TARGET = 5;
    static final double CONFIRMED_TARGET = 85;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);

    private final VendorCurationService curation;
    private final DatasetReleaseService releases;
    private final DatasetExchangeService datasets;

    DataHealthView(VendorCurationService curation, DatasetReleaseService releases, DatasetExchangeService datasets) {
        this.curation = curation;
        this.releases = releases;
        this.datasets = datasets;
        addClassName("portal-view");
        render();
    }

    private void render() {
        removeAll();
        var completeness = releases.completeness();
        add(releaseCard(), completenessCard(completeness), conflictsCard(), attentionCard(), exchange());
    }

    private Component releaseCard() {
        var status = releases.status();
        var card = card("Dataset release");
        if (status.version() == null) {
            card.add(new Paragraph("No dataset release has been applied yet."));
            return card;
        }
        card.add(new Paragraph("Release " + status.version() + ", published " + status.publishedOn() + ", applied "
                + WHEN.format(status.appliedAt().withOffsetSameInstant(java.time.ZoneOffset.UTC)) + "."));
        var s = status.summary();
        boolean fresh = s.isEmpty() || Integer.valueOf(0).equals(s.get("valuesUpdated")) && Integer.valueOf(0).equals(s.get("keptLocal"))
                && Integer.valueOf(0).equals(s.get("vendorsChanged"));
        if (fresh && !s.isEmpty()) {
            card.add(new Paragraph("This installation started with it: " + s.getOrDefault("vendorsAdded", 0) + " vendors."));
        } else if (!s.isEmpty()) {
            card.add(new Paragraph(String.format(Locale.ROOT,
                    "It updated %s values nobody had curated here and added %s; it kept %s curated values; %s vendor(s) added, "
                            + "%s removed, %s kept because migrations use them.",
                    s.getOrDefault("valuesUpdated", 0), s.getOrDefault("valuesAdded", 0), s.getOrDefault("keptLocal", 0),
                    s.getOrDefault("vendorsAdded", 0), s.getOrDefault("vendorsRemoved", 0), s.getOrDefault("vendorsKeptInUse", 0))));
        }
        return card;
    }

    private Component completenessCard(Completeness c) {
        var card = card("Completeness");
        var overall = c.overall();
        var figures = new Div(figure(String.format(Locale.ROOT, "%.1f %%", overall.unknownPercent()), "unknown",
                        overall.unknownPercent() <= UNKNOWN_TARGET, "target at most " + (int) UNKNOWN_TARGET + " %"),
                figure(String.format(Locale.ROOT, "%.1f %%", overall.confirmedPercent()), "confirmed at the vendor's own source",
                        overall.confirmedPercent() >= CONFIRMED_TARGET, "target at least " + (int) CONFIRMED_TARGET + " %"),
                figure(String.valueOf(overall.cells()), "capability values", true, c.byVendor().size() + " vendors × "
                        + (c.byVendor().isEmpty() ? 0 : overall.cells() / c.byVendor().size()) + " capabilities"));
        figures.addClassName("portal-figures");
        card.add(figures);
        var chart = new Chart("Capability values per group: confirmed, unconfirmed and unknown; the same numbers are in the table below");
        chart.setHeight((80 + 34 * c.byGroup().size()) + "px");
        chart.setOption(groupChart(c));
        card.add(chart);
        var groups = new Grid<Map.Entry<String, Completeness.Share>>();
        groups.addColumn(e -> c.groupNames().get(e.getKey())).setHeader("Capability group").setAutoWidth(true).setFlexGrow(1);
        addShareColumns(groups, Map.Entry::getValue);
        groups.setItems(new ArrayList<>(c.byGroup().entrySet()));
        groups.setAllRowsVisible(true);
        groups.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        groups.setAriaLabel("Completeness per capability group");
        var vendors = new Grid<Map.Entry<String, Completeness.Share>>();
        vendors.addComponentColumn(e -> new RouterLink(e.getKey(), VendorProfileView.class, new RouteParameters("slug", e.getKey())))
                .setHeader("Vendor").setAutoWidth(true).setFlexGrow(1).setComparator(Map.Entry::getKey);
        addShareColumns(vendors, Map.Entry::getValue);
        vendors.setItems(new ArrayList<>(c.byVendor().entrySet()));
        vendors.setAllRowsVisible(true);
        vendors.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        vendors.setAriaLabel("Completeness per vendor");
        var perVendor = new Details("Per vendor", vendors);
        perVendor.setWidthFull();
        card.add(groups, perVendor);
        if (!c.blankFacts().isEmpty()) {
            var blank = new Details("Blank vendor facts (" + c.blankFacts().size() + ")", new Paragraph(String.join("; ", c.blankFacts())));
            blank.setWidthFull();
            card.add(blank);
        }
        return card;
    }

    private static <T> void addShareColumns(Grid<T> grid, java.util.function.Function<T, Completeness.Share> share) {
        grid.addColumn(t -> share.apply(t).cells()).setHeader("Values").setTextAlign(ColumnTextAlign.END).setAutoWidth(true)
                .setSortable(true);
        grid.addColumn(t -> percent(share.apply(t).unknownPercent())).setHeader("Unknown").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setComparator(t -> share.apply(t).unknownPercent());
        grid.addColumn(t -> percent(share.apply(t).confirmedPercent())).setHeader("Confirmed").setTextAlign(ColumnTextAlign.END)
                .setAutoWidth(true).setComparator(t -> share.apply(t).confirmedPercent());
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value);
    }

    private static Component figure(String value, String label, boolean onTarget, String target) {
        var box = new Div();
        box.addClassName("portal-figure");
        var number = new Span(value);
        number.addClassName("portal-figure-value");
        var text = new Span(label);
        var hint = new Badge(target, onTarget ? Badge.Tone.SUCCESS : Badge.Tone.WARNING);
        box.add(number, text, hint);
        return box;
    }

    /** A stacked bar per group: confirmed, unconfirmed (known but not confirmed) and unknown values. */
    static Map<String, Object> groupChart(Completeness c) {
        var names = new ArrayList<String>();
        var confirmed = new ArrayList<Integer>();
        var unconfirmed = new ArrayList<Integer>();
        var unknown = new ArrayList<Integer>();
        c.byGroup().forEach((key, share) -> {
            names.add(c.groupNames().get(key));
            confirmed.add(share.confirmed());
            unknown.add(share.unknown());
            unconfirmed.add(share.cells() - share.confirmed() - share.unknown());
        });
        var series = List.of(bar("Confirmed", confirmed, "#15803d"), bar("Unconfirmed", unconfirmed, "#b45309"),
                bar("Unknown", unknown, "#6b7280"));
        return Map.of("grid", Map.of("left", 8, "right", 16, "top", 8, "bottom", 40, "containLabel", true),
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("bottom", 0, "data", List.of("Confirmed", "Unconfirmed", "Unknown")),
                "xAxis", Map.of("type", "value"),
                "yAxis", Map.of("type", "category", "data", names, "inverse", true),
                "series", series);
    }

    private static Map<String, Object> bar(String name, List<Integer> values, String colour) {
        return Map.of("name", name, "type", "bar", "stack", "values", "data", values, "itemStyle", Map.of("color", colour),
                "barMaxWidth", 22);
    }

    private Component conflictsCard() {
        var conflicts = releases.conflicts();
        var card = card("Release conflicts" + (conflicts.isEmpty() ? "" : " (" + conflicts.size() + ")"));
        if (conflicts.isEmpty()) {
            card.add(new Paragraph("No conflicts: wherever the release changed a value, nobody here had changed it."));
            return card;
        }
        card.add(new Paragraph("A curator here changed these values, and the newer release changed them too. The local value "
                + "stays until you decide: take the release's value, or keep your own."));
        var grid = new Grid<DatasetReleaseService.Conflict>();
        grid.addComponentColumn(c -> new RouterLink(c.vendor(), VendorProfileView.class, new RouteParameters("slug", c.slug())))
                .setHeader("Vendor").setAutoWidth(true);
        grid.addColumn(DatasetReleaseService.Conflict::field).setHeader("Field").setAutoWidth(true);
        grid.addColumn(c -> c.releaseSays()).setHeader("The release says").setFlexGrow(2);
        grid.addColumn(c -> c.youSay()).setHeader("You say").setFlexGrow(2);
        grid.addComponentColumn(c -> {
            var accept = new Button("Take release", e -> settle(() -> releases.accept(c.slug(), c.path()),
                    "Took release " + c.releaseVersion() + "'s value for " + c.vendor() + " · " + c.field() + "."));
            accept.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            accept.setAriaLabel("Take the release's value for " + c.vendor() + " " + c.field());
            var keep = new Button("Keep mine", e -> settle(() -> releases.keep(c.slug(), c.path()),
                    "Kept the local value for " + c.vendor() + " · " + c.field() + "."));
            keep.addThemeVariants(ButtonVariant.LUMO_SMALL);
            keep.setAriaLabel("Keep the local value for " + c.vendor() + " " + c.field());
            var box = new Div(accept, keep);
            box.addClassName("portal-badges");
            return box;
        }).setHeader("Decide").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel("Release conflicts");
        grid.setId("release-conflicts");
        grid.setItems(conflicts);
        card.add(grid);
        return card;
    }

    private void settle(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done, 4000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (InvalidInputException | NotFoundException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        render();
    }

    private Component attentionCard() {
        List<DataHealthItem> all = curation.dataHealth();
        var card = card("Needs attention");
        card.add(new Paragraph(count(all, Problem.UNKNOWN) + " unknown capability values, " + count(all, Problem.UNCONFIRMED)
                + " unconfirmed values, " + count(all, Problem.STALE) + " stale (read more than " + curation.staleAfterDays()
                + " days ago). Open a vendor to edit its values."));
        var problem = new Select<Problem>();
        problem.setLabel("Show");
        problem.setItems(Problem.values());
        problem.setItemLabelGenerator(p -> p == null ? "Everything that needs attention" : p.label());
        problem.setEmptySelectionAllowed(true);
        problem.setEmptySelectionCaption("Everything that needs attention");
        var grid = new Grid<DataHealthItem>();
        grid.addComponentColumn(i -> new RouterLink(i.vendor(), VendorProfileView.class, new RouteParameters("slug", i.slug())))
                .setHeader("Vendor").setAutoWidth(true);
        grid.addColumn(DataHealthItem::name).setHeader("Value").setAutoWidth(true);
        grid.addComponentColumn(i -> new Badge(i.problem().label(), i.problem() == Problem.UNKNOWN ? Badge.Tone.NEUTRAL : Badge.Tone.WARNING))
                .setHeader("Problem").setAutoWidth(true);
        grid.addColumn(i -> i.reviewedOn() == null ? "never" : i.reviewedOn().toString()).setHeader("Read").setAutoWidth(true);
        grid.addColumn(DataHealthItem::note).setHeader("Note").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("Nothing needs attention.");
        grid.setAriaLabel("Values that need a curator");
        grid.setItems(all);
        grid.setHeight("32rem");
        problem.addValueChangeListener(e -> grid.setItems(e.getValue() == null ? all
                : all.stream().filter(i -> i.problem() == e.getValue()).toList()));
        card.add(problem, grid);
        return card;
    }

    private Component exchange() {
        var export = new Anchor(new StreamResource("ciam-portal-dataset.json", () -> new ByteArrayInputStream(datasets.export())),
                "Export the dataset (JSON)");
        export.getElement().setAttribute("download", true);
        var buffer = new MemoryBuffer();
        var upload = new Upload(buffer);
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFileSize(20 * 1024 * 1024);
        upload.setUploadButton(new Button("Import a dataset…"));
        upload.setDropLabel(new Span("Replaces every vendor; checked in full first, all or nothing."));
        var importResult = new Div();
        importResult.addClassName("portal-import-result");
        importResult.getElement().setAttribute("role", "status");
        upload.addSucceededListener(e -> {
            importResult.removeAll();
            try (var in = buffer.getInputStream()) {
                var result = datasets.importDataset(in.readAllBytes());
                importResult.add(new Span("Imported " + result.vendors() + " vendors."));
                importResult.setClassName("portal-verify-ok");
            } catch (InvalidInputException ex) {
                importResult.add(new Pre(ex.getMessage()));
                importResult.setClassName("portal-verify-broken");
            } catch (java.io.IOException ex) {
                importResult.add(new Span("The file could not be read."));
                importResult.setClassName("portal-verify-broken");
            }
        });
        var exchange = new Details("Dataset export and import", new VerticalLayout(export, upload, importResult));
        exchange.setWidthFull();
        return exchange;
    }

    private static Div card(String title) {
        var card = new Div(new H3(title));
        card.addClassName("portal-card");
        card.getStyle().set("max-width", "80rem");
        return card;
    }

    private static long count(List<DataHealthItem> items, Problem problem) {
        return items.stream().filter(i -> i.problem() == problem).count();
    }
}
