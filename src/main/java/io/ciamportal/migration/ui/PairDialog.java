package io.ciamportal.migration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import io.ciamportal.migration.MigrationViews;
import io.ciamportal.migration.Side;
import io.ciamportal.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.function.BiConsumer;

/**
 * Changing a migration's source or destination. The dialog says what it does to the gates before anyone saves: every
 * sign-off was given on the current pair, so all of them stop counting and the gates reopen.
 */
final class PairDialog extends Dialog {

    private final ComboBox<String> source = new ComboBox<>("Source");
    private final ComboBox<String> destination = new ComboBox<>("Destination");

    PairDialog(MigrationViews.Summary current, java.util.List<MigrationViews.Choice> choices, BiConsumer<String, String> onSave) {
        setHeaderTitle("Change source or destination");
        var names = new LinkedHashMap<String, String>();
        names.put(Side.IN_HOUSE, "In-house database");
        choices.forEach(c -> names.put(c.slug(), c.name()));
        names.putIfAbsent(current.source(), current.sourceName());
        names.putIfAbsent(current.destination(), current.destinationName());
        var sources = new ArrayList<>(names.keySet());
        source.setItems(sources);
        source.setItemLabelGenerator(s -> names.getOrDefault(s, s));
        source.setValue(current.source());
        source.setWidthFull();
        var destinations = new ArrayList<String>();
        choices.stream().filter(MigrationViews.Choice::active).forEach(c -> destinations.add(c.slug()));
        if (!destinations.contains(current.destination())) {
            destinations.add(current.destination());
        }
        destination.setItems(destinations);
        destination.setItemLabelGenerator(s -> names.getOrDefault(s, s));
        destination.setValue(current.destination());
        destination.setWidthFull();
        var note = new Paragraph("The assessment and the plan's untouched suggestions follow the new pair. Every security-gate sign-off "
                + "was given on the current pair: all of them stop counting and the gates reopen. The change is audited.");
        note.addClassName("portal-muted");
        var save = new Button("Change", e -> {
            source.setInvalid(false);
            destination.setInvalid(false);
            onSave.accept(source.getValue() == null ? "" : source.getValue(), destination.getValue() == null ? "" : destination.getValue());
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(note, source, destination);
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("min(30rem, 95vw)");
    }

    void showError(InvalidInputException e) {
        var field = e.field().equals("source") ? source : destination;
        field.setErrorMessage(e.getMessage());
        field.setInvalid(true);
    }
}
