package io.ciamportal.vendor.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.ciamportal.shared.ui.Chart;
import io.ciamportal.vendor.Coverage;
import io.ciamportal.vendor.VendorQuery;
import io.ciamportal.vendor.VendorService;
import io.ciamportal.vendor.VendorViews;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/** Two to four vendors side by side: coverage per capability group (radar and table) and where they differ. */
@Route("compare")
@PageTitle("Compare vendors")
@Menu(order = 12, title = "Compare", icon = "vaadin:scale")
@PermitAll
@NamedInterface("routes")
public final class CompareView extends VerticalLayout implements BeforeEnterObserver {

    static final int MAX = 4;
    private final VendorService vendors;
    private final MultiSelectComboBox<VendorViews.Summary> chosen = new MultiSelectComboBox<>("Vendors to compare (2 to 4)");
    private final Chart radar = new Chart("Capability coverage per group for the chosen vendors; the same numbers are in the table below");
    private final Grid<Map.Entry<String, String>> coverage = new Grid<>();
    private final MatrixElement differences = new MatrixElement();
    private final Paragraph hint = new Paragraph();
    private final List<VendorViews.Summary> all;
    private boolean updatingFromUrl;

    CompareView(VendorService vendors) {
        this.vendors = vendors;
        addClassName("portal-view");
        all = vendors.search(VendorQuery.ALL);
        chosen.setItems(all);
        chosen.setItemLabelGenerator(VendorViews.Summary::name);
        chosen.setWidth("min(40rem, 100%)");
        chosen.addValueChangeListener(e -> {
            if (e.getValue().size() > MAX) {
                chosen.setValue(e.getOldValue());
                chosen.setErrorMessage("Compare at most " + MAX + " vendors.");
                chosen.setInvalid(true);
                return;
            }
            chosen.setInvalid(false);
            if (!updatingFromUrl) {
                var slugs = ordered().stream().map(VendorViews.Summary::slug).toList();
                getUI().ifPresent(ui -> ui.navigate(CompareView.class, QueryParameters.of("vendors", String.join(",", slugs))));
            }
        });
        coverage.setAllRowsVisible(true);
        coverage.addThemeVariants(GridVariant.LUMO_COMPACT);
        coverage.setAriaLabel("Capability coverage per group, in percent");
        add(chosen, hint, new H3("Coverage per capability group"), radar, coverage, new H3("Where they differ"), differences);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var wanted = event.getLocation().getQueryParameters().getSingleParameter("vendors").orElse("");
        var slugs = List.of(wanted.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().limit(MAX).toList();
        var selection = all.stream().filter(v -> slugs.contains(v.slug())).toList();
        updatingFromUrl = true;
        chosen.setValue(new java.util.HashSet<>(selection));
        updatingFromUrl = false;
        show(selection.stream().sorted(Comparator.comparing(v -> slugs.indexOf(v.slug()))).toList());
    }

    private List<VendorViews.Summary> ordered() {
        return chosen.getValue().stream().sorted(Comparator.comparing(v -> v.name().toLowerCase(Locale.ROOT))).toList();
    }

    private void show(List<VendorViews.Summary> selection) {
        boolean enough = selection.size() >= 2;
        hint.setText(enough ? "Supported counts a capability 1, partial or paid 0.5, no 0. Unknown values are counted apart, "
                + "never as missing: the solid shape is what is known, the dashed line what the vendor could reach if every unknown "
                + "turned out supported." : "Choose two to four vendors.");
        radar.setVisible(enough);
        coverage.setVisible(enough);
        differences.setVisible(enough);
        if (!enough) {
            return;
        }
        var slugs = selection.stream().map(VendorViews.Summary::slug).toList();
        var matrix = vendors.matrix(slugs, null, false);
        var percents = Coverage.perGroup(matrix);
        var groups = vendors.groups();
        radar.setOption(radarOption(selection, groups, percents));

        coverage.removeAllColumns();
        coverage.addColumn(Map.Entry::getValue).setHeader("Group").setAutoWidth(true);
        for (var v : selection) {
            coverage.addColumn(entry -> share(percents, v.slug(), entry.getKey()).describe()).setHeader(v.name()).setAutoWidth(true);
        }
        coverage.setItems(new ArrayList<>(groups.entrySet()));
        differences.show(matrix.onlyDifferences());
    }

    private static Coverage.Share share(Map<String, Map<String, Coverage.Share>> percents, String slug, String group) {
        return percents.get(slug).getOrDefault(group, new Coverage.Share(0, 0));
    }

    /**
     * One solid shape per vendor for the supported share and, in the same colour, a dashed outline up to supported plus
     * unknown: the gap between them is what nobody knows yet. The legend names the vendors only.
     */
    static Map<String, Object> radarOption(List<VendorViews.Summary> selection, Map<String, String> groups,
            Map<String, Map<String, Coverage.Share>> percents) {
        var indicators = new ArrayList<Map<String, Object>>();
        groups.forEach((key, name) -> indicators.add(Map.of("name", name, "max", 100)));
        var data = new ArrayList<Map<String, Object>>();
        int index = 0;
        for (var v : selection) {
            String colour = PALETTE.get(index++ % PALETTE.size());
            var supported = groups.keySet().stream().map(g -> share(percents, v.slug(), g).supported()).toList();
            var atMost = groups.keySet().stream().map(g -> share(percents, v.slug(), g).atMost()).toList();
            data.add(Map.of("name", v.name(), "value", supported, "id", v.slug(),
                    "itemStyle", Map.of("color", colour), "lineStyle", Map.of("color", colour, "width", 2),
                    "areaStyle", Map.of("color", colour, "opacity", 0.14)));
            if (!atMost.equals(supported)) {
                data.add(Map.of("name", v.name() + ": if every unknown is supported", "value", atMost, "id", v.slug(),
                        "symbol", "none", "itemStyle", Map.of("color", colour),
                        "lineStyle", Map.of("color", colour, "type", "dashed", "width", 1.5)));
            }
        }
        var option = new LinkedHashMap<String, Object>();
        option.put("tooltip", Map.of());
        option.put("legend", Map.of("bottom", 0, "data", selection.stream().map(VendorViews.Summary::name).toList()));
        option.put("radar", Map.of("indicator", indicators, "radius", "62%"));
        option.put("series", List.of(Map.of("type", "radar", "data", data)));
        return option;
    }

    /** Series colours, each at least 4.5:1 against the light background; lines and areas, never text. */
    static final List<String> PALETTE = List.of("#1f6fd1", "#c2410c", "#15803d", "#9333ea");
}
