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

/** Two to four vendors side by side: coverage per capability group (radar and table) and where they differ. */
@Route("compare")
@PageTitle("Compare vendors")
@Menu(order = 12, title = "Compare", icon = "vaadin:scale")
@PermitAll
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
        hint.setText(enough ? "Coverage counts a supported capability 1, partial or paid 0.5, no or unknown 0."
                : "Choose two to four vendors.");
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
        var indicators = new ArrayList<Map<String, Object>>();
        groups.forEach((key, name) -> indicators.add(Map.of("name", name, "max", 100)));
        var series = new ArrayList<Map<String, Object>>();
        for (var v : selection) {
            var values = groups.keySet().stream().map(g -> percents.get(v.slug()).getOrDefault(g, 0)).toList();
            series.add(Map.of("name", v.name(), "value", values, "id", v.slug()));
        }
        var option = new LinkedHashMap<String, Object>();
        option.put("tooltip", Map.of());
        option.put("legend", Map.of("bottom", 0, "data", selection.stream().map(VendorViews.Summary::name).toList()));
        option.put("radar", Map.of("indicator", indicators, "radius", "62%"));
        option.put("series", List.of(Map.of("type", "radar", "data", series, "areaStyle", Map.of("opacity", 0.12))));
        radar.setOption(option);

        coverage.removeAllColumns();
        coverage.addColumn(Map.Entry::getValue).setHeader("Group").setAutoWidth(true);
        for (var v : selection) {
            coverage.addColumn(entry -> percents.get(v.slug()).getOrDefault(entry.getKey(), 0) + " %").setHeader(v.name()).setAutoWidth(true);
        }
        coverage.setItems(new ArrayList<>(groups.entrySet()));
        differences.show(matrix.onlyDifferences());
    }
}
