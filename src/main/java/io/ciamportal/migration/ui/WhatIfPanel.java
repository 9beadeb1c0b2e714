package io.ciamportal.migration.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.ciamportal.migration.Assessment;
import io.ciamportal.migration.MigrationService;
import io.ciamportal.migration.MigrationViews;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The what-if tab: the same source and inventory against up to four other destinations, item by item. */
final class WhatIfPanel extends VerticalLayout {

    private record Row(String label, Map<String, String> values) {}

    WhatIfPanel(MigrationViews.Details d, MigrationService migrations) {
        setPadding(false);
        var id = d.summary().id();
        var choices = migrations.vendorChoices().stream().filter(c -> c.active() && !c.slug().equals(d.summary().source())).toList();
        var names = new HashMap<String, String>();
        choices.forEach(c -> names.put(c.slug(), c.name()));
        var pick = new MultiSelectComboBox<String>("Destinations to compare (up to 5)");
        pick.setItems(choices.stream().map(MigrationViews.Choice::slug).toList());
        pick.setItemLabelGenerator(s -> names.getOrDefault(s, s));
        pick.setWidth("min(40rem, 100%)");
        var intro = new Paragraph("The same source (" + d.summary().sourceName() + ") and inventory against other destinations.");
        intro.addClassName("portal-muted");
        var grid = new Grid<Row>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel("Destinations compared item by item");
        add(intro, pick, grid);
        Runnable update = () -> {
            var chosen = new ArrayList<>(pick.getValue().stream().sorted().toList());
            chosen.remove(d.summary().destination());
            chosen.addFirst(d.summary().destination());
            var results = migrations.whatIf(id, chosen.stream().limit(5).toList());
            grid.removeAllColumns();
            grid.addColumn(Row::label).setHeader("").setFrozen(true).setAutoWidth(true).setFlexGrow(0);
            for (var a : results) {
                String label = names.getOrDefault(a.destination(), d.summary().destinationName())
                        + (a.destination().equals(d.summary().destination()) ? " (current plan)" : "");
                grid.addColumn(r -> r.values().getOrDefault(a.destination(), "")).setHeader(label).setAutoWidth(true);
            }
            var rows = new ArrayList<Row>();
            rows.add(row("Pair difficulty", results, a -> a.difficulty().score() + " of 5"));
            rows.add(row("Strategy", results, a -> a.strategy().label()));
            rows.add(row("Dual-run window", results, a -> a.dualRunWeeks() + " weeks"));
            rows.add(row("Forced resets", results, a -> MigrationFormat.number(a.forcedResets())));
            rows.add(row("MFA / passkey re-enrollments", results, a -> MigrationFormat.number(a.mfaReenrollments())));
            for (var item : Assessment.Item.values()) {
                rows.add(row(item.label(), results, a -> a.item(item).verdict().label()));
            }
            grid.setItems(rows);
        };
        pick.addValueChangeListener(e -> {
            if (e.getValue().size() > 4) {
                pick.setValue(e.getOldValue());
                pick.setErrorMessage("Compare at most 4 other destinations.");
                pick.setInvalid(true);
                return;
            }
            pick.setInvalid(false);
            update.run();
        });
        update.run();
    }

    private static Row row(String label, List<Assessment> results, java.util.function.Function<Assessment, String> value) {
        var values = new LinkedHashMap<String, String>();
        results.forEach(a -> values.put(a.destination(), value.apply(a)));
        return new Row(label, values);
    }
}
