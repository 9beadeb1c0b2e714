package io.ciamportal.vendor.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import io.ciamportal.security.CurrentUser;
import io.ciamportal.security.PortalRole;
import io.ciamportal.shared.ui.Chart;
import io.ciamportal.vendor.VendorCurationService;
import io.ciamportal.vendor.VendorEnums.Deployment;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import io.ciamportal.vendor.VendorQuery;
import io.ciamportal.vendor.VendorService;
import io.ciamportal.vendor.VendorViews;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/** The vendor index: search, filters, sorting, difficulty at a glance; a row opens the vendor's profile. */
@Route(VendorIndexView.ROUTE)
@PageTitle("Vendors")
@Menu(order = 10, title = "Vendors", icon = "vaadin:cluster")
@PermitAll
@NamedInterface("routes")
public final class VendorIndexView extends VerticalLayout {

    /** The view's path; a compile-time constant, so that links to it do not load its JavaScript with the linking view. */
    public static final String ROUTE = "vendors";

    private final VendorService vendors;
    private final TextField search = new TextField();
    private final Select<Deployment> deployment = new Select<>();
    private final Select<String> audience = new Select<>();
    private final Select<String> pricing = new Select<>();
    private final Select<LifecycleStatus> lifecycle = new Select<>();
    private final ComboBox<VendorViews.CapabilityInfo> capability = new ComboBox<>("Has capability");
    private final Select<VendorQuery.Sort> sort = new Select<>();
    private final Span count = new Span();
    private List<VendorViews.Summary> found = List.of();
    private final Chart scatter = new Chart("Vendors by inbound and outbound difficulty; the same scores are in the table below. Select a point to open the vendor");
    private final CallbackDataProvider<VendorViews.Summary, Void> rows;

    VendorIndexView(VendorService vendors, VendorCurationService curation, CurrentUser currentUser) {
        this.vendors = vendors;
        addClassName("portal-view");
        setSizeFull();

        search.setLabel("Search");
        search.setPlaceholder("Vendor name");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        deployment.setLabel("Deployment");
        deployment.setItems(Deployment.MANAGED, Deployment.SELF_HOSTED);
        deployment.setEmptySelectionAllowed(true);
        deployment.setEmptySelectionCaption("Any");
        deployment.setItemLabelGenerator(d -> d == null ? "Any" : VendorBadges.words(d.name()));
        audience.setLabel("Audience");
        audience.setItems("B2C", "B2B", "B2B2C");
        audience.setEmptySelectionAllowed(true);
        audience.setEmptySelectionCaption("Any");
        pricing.setLabel("Pricing model");
        pricing.setItems(io.ciamportal.vendor.Vocabulary.PRICING_MODELS);
        pricing.setEmptySelectionAllowed(true);
        pricing.setEmptySelectionCaption("Any");
        pricing.setItemLabelGenerator(p -> p == null ? "Any" : VendorBadges.words(p).replace("Per mau", "Per MAU"));
        lifecycle.setLabel("Lifecycle");
        lifecycle.setItems(LifecycleStatus.values());
        lifecycle.setEmptySelectionAllowed(true);
        lifecycle.setEmptySelectionCaption("Any");
        lifecycle.setItemLabelGenerator(l -> l == null ? "Any" : VendorBadges.words(l.name()));
        capability.setItems(vendors.catalogue());
        capability.setItemLabelGenerator(VendorViews.CapabilityInfo::name);
        capability.setClearButtonVisible(true);
        sort.setLabel("Sort by");
        sort.setItems(VendorQuery.Sort.values());
        sort.setItemLabelGenerator(VendorQuery.Sort::label);
        sort.setValue(VendorQuery.Sort.NAME);

        // One search per filter change; the grid pages through its result.
        rows = DataProvider.fromCallbacks(
                q -> found.stream().skip(q.getOffset()).limit(q.getLimit()),
                q -> found.size());
        search.addValueChangeListener(e -> refresh());
        deployment.addValueChangeListener(e -> refresh());
        audience.addValueChangeListener(e -> refresh());
        pricing.addValueChangeListener(e -> refresh());
        lifecycle.addValueChangeListener(e -> refresh());
        capability.addValueChangeListener(e -> refresh());
        sort.addValueChangeListener(e -> refresh());

        var filters = new FlexLayout(search, deployment, audience, pricing, lifecycle, capability, sort);
        if (currentUser.get().map(p -> p.hasRole(PortalRole.ADMIN)).orElse(false)) {
            var add = new Button("Add vendor", VaadinIcon.PLUS.create(), e -> new NewVendorDialog(curation,
                    slug -> getUI().ifPresent(ui -> ui.navigate(VendorProfileView.class, new RouteParameters("slug", slug)))).open());
            filters.add(add);
        }
        filters.addClassName("portal-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);

        var grid = new Grid<VendorViews.Summary>();
        // cells drawn by templates in the browser: a component per cell would be a server-side component tree per
        // row, built, sent and kept in the session for every vendor
        grid.addColumn(LitRenderer.<VendorViews.Summary>of(
                        "<a class=\"portal-strong-link\" router-link href=\"vendors/${item.slug}\">${item.name}</a>")
                .withProperty("slug", VendorViews.Summary::slug).withProperty("name", VendorViews.Summary::name))
                .setHeader("Vendor").setFlexGrow(2).setAutoWidth(true);
        grid.addColumn(v -> VendorBadges.words(v.deployment().name())).setHeader("Deployment").setAutoWidth(true);
        grid.addColumn(v -> String.join(", ", v.audiences())).setHeader("Audiences").setAutoWidth(true);
        grid.addColumn(LitRenderer.<VendorViews.Summary>of("<span class=\"${item.tone}\">${item.text}</span>")
                .withProperty("tone", v -> VendorBadges.lifecycleTone(v.lifecycle()).classNames())
                .withProperty("text", v -> VendorBadges.lifecycleText(v.lifecycle())))
                .setHeader("Lifecycle").setAutoWidth(true);
        grid.addColumn(LitRenderer.<VendorViews.Summary>of("<div class=\"portal-badges\">"
                        + "<span class=\"${item.inTone}\" title=\"${item.inTitle}\">${item.inText}</span>"
                        + "<span class=\"${item.outTone}\" title=\"${item.outTitle}\">${item.outText}</span></div>")
                .withProperty("inTone", v -> VendorBadges.difficultyTone(v.inbound()).classNames())
                .withProperty("inTitle", v -> VendorBadges.difficultyTitle("In", v.inbound()))
                .withProperty("inText", v -> VendorBadges.difficultyText("In", v.inbound()))
                .withProperty("outTone", v -> VendorBadges.difficultyTone(v.outbound()).classNames())
                .withProperty("outTitle", v -> VendorBadges.difficultyTitle("Out", v.outbound()))
                .withProperty("outText", v -> VendorBadges.difficultyText("Out", v.outbound())))
                .setHeader("Difficulty").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(rows);
        grid.setEmptyStateText("No vendor matches these filters. Clear a filter to see more.");
        grid.setAriaLabel("Vendors");
        // the height left under the chart, but never less than a screenful of rows: the page scrolls instead (under
        // the chart on a laptop screen the leftover height was one row)
        grid.setSizeFull();
        grid.setMinHeight("20rem");

        scatter.setHeight("340px");
        scatter.onPointClick(slug -> getUI().ifPresent(ui -> ui.navigate(VendorProfileView.class, new RouteParameters("slug", slug))));
        var chartPanel = new Details("Chart: inbound against outbound difficulty", scatter);
        chartPanel.setOpened(true);
        chartPanel.setWidthFull();
        count.addClassName("portal-muted");
        add(new Paragraph("Every CIAM vendor the portal knows, with how hard it is to arrive on it (In) and to leave it "
                + "(Out), 1 easy to 5 hard. Open a vendor for its sourced facts and the breakdown of both scores."),
                filters, chartPanel, count, grid);
        refresh();
    }

    private VendorQuery query() {
        var chosen = capability.getValue();
        return new VendorQuery(search.getValue(), deployment.getValue(), audience.getValue(), pricing.getValue(),
                lifecycle.getValue(), chosen == null ? null : chosen.key(),
                sort.getValue() == null ? VendorQuery.Sort.NAME : sort.getValue());
    }

    private void refresh() {
        found = vendors.search(query());
        count.setText(found.size() == 1 ? "1 vendor" : found.size() + " vendors");
        scatter.setOption(scatterOption(found));
        rows.refreshAll();
    }

    /** Each vendor as a point (inbound, outbound), nudged a little so vendors with equal scores stay apart. */
    static Map<String, Object> scatterOption(List<VendorViews.Summary> found) {
        var points = found.stream().map(v -> {
            double nudge = (Math.floorMod(v.slug().hashCode(), 7) - 3) * 0.06;
            double nudge2 = (Math.floorMod(v.slug().hashCode() / 7, 7) - 3) * 0.06;
            return Map.<String, Object>of("id", v.slug(), "name", v.name(),
                    "value", List.of(v.inbound().score() + nudge, v.outbound().score() + nudge2));
        }).toList();
        return Map.of(
                "grid", Map.of("left", 48, "right", 16, "top", 16, "bottom", 48),
                "tooltip", Map.of("trigger", "item", "formatter", "{b}"),
                "xAxis", Map.of("name", "Inbound (arriving) — 1 easy, 5 hard", "nameLocation", "middle", "nameGap", 28,
                        "min", 0.5, "max", 5.5, "interval", 1),
                "yAxis", Map.of("name", "Outbound (leaving)", "nameLocation", "middle", "nameGap", 30,
                        "min", 0.5, "max", 5.5, "interval", 1),
                // labels never overlap: portal-chart.ts places each beside its point where there is room and hides it
                // where there is none (the tooltip and the table below name every point)
                "series", List.of(Map.of("type", "scatter", "symbolSize", 12, "data", points,
                        "label", Map.of("show", true, "formatter", "{b}", "position", "right", "fontSize", 11),
                        "labelLayout", Map.of("hideOverlap", true))));
    }
}
