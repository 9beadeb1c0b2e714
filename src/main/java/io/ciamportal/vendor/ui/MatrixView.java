package io.ciamportal.vendor.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.ciamportal.vendor.VendorQuery;
import io.ciamportal.vendor.VendorService;
import io.ciamportal.vendor.VendorViews;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/** Vendors by capabilities: filter by group and vendors, or show only the rows where the chosen vendors differ. */
@Route(MatrixView.ROUTE)
@PageTitle("Capability matrix")
@Menu(order = 11, title = "Matrix", icon = "vaadin:grid-small")
@PermitAll
@NamedInterface("routes")
public final class MatrixView extends VerticalLayout {

    /** The view's path; a compile-time constant, so that links to it do not load its JavaScript with the linking view. */
    public static final String ROUTE = "matrix";

    private final VendorService vendors;
    private final Select<String> group = new Select<>();
    private final MultiSelectComboBox<VendorViews.Summary> chosen = new MultiSelectComboBox<>("Vendors");
    private final Checkbox onlyDifferences = new Checkbox("Only differences");
    private final MatrixElement matrix = new MatrixElement();

    MatrixView(VendorService vendors) {
        this.vendors = vendors;
        addClassName("portal-view");
        setSizeFull();
        Map<String, String> groups = vendors.groups();
        group.setLabel("Capability group");
        group.setItems(groups.keySet());
        group.setItemLabelGenerator(key -> key == null ? "All groups" : groups.getOrDefault(key, key));
        group.setEmptySelectionAllowed(true);
        group.setEmptySelectionCaption("All groups");
        chosen.setItems(vendors.search(VendorQuery.ALL));
        chosen.setItemLabelGenerator(VendorViews.Summary::name);
        chosen.setPlaceholder("All vendors");
        chosen.setClearButtonVisible(true);
        chosen.addClassName("portal-grow");
        onlyDifferences.setTooltipText("Hide capabilities where every shown vendor has the same support level");
        group.addValueChangeListener(e -> refresh());
        chosen.addValueChangeListener(e -> refresh());
        onlyDifferences.addValueChangeListener(e -> refresh());
        var filters = new FlexLayout(group, chosen, onlyDifferences);
        filters.addClassName("portal-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        matrix.getElement().getStyle().set("width", "100%");
        add(new Paragraph("Every capability of every vendor, with the support level as a symbol. Point at or tab to a cell "
                + "for its note and sources; a dotted symbol is unconfirmed."), filters, matrix);
        refresh();
    }

    private void refresh() {
        var slugs = chosen.getValue().stream().sorted(Comparator.comparing(v -> v.name().toLowerCase(Locale.ROOT)))
                .map(VendorViews.Summary::slug).toList();
        matrix.show(vendors.matrix(slugs, group.getValue(), onlyDifferences.getValue()));
    }
}
