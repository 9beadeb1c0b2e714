package io.ciamportal.migration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.ciamportal.migration.Inventory;
import io.ciamportal.migration.MigrationService;
import io.ciamportal.migration.MigrationViews;
import io.ciamportal.migration.Side;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.vendor.HashSchemes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** Name, source and destination of a new migration; the inventory comes next, on the migration's page. */
final class NewMigrationDialog extends Dialog {

    NewMigrationDialog(MigrationService migrations, @Nullable String source, @Nullable String destination,
            Consumer<MigrationViews.Details> created) {
        setHeaderTitle("New migration");
        var choices = migrations.vendorChoices();
        var names = new LinkedHashMap<String, String>();
        names.put(Side.IN_HOUSE, "In-house / custom database");
        choices.forEach(c -> names.put(c.slug(), c.name() + (c.active() ? "" : " (end of sale)")));

        var name = new TextField("Name");
        name.setPlaceholder("e.g. Customer login: Auth0 to Keycloak");
        name.setMaxLength(120);
        name.setRequired(true);
        name.setWidthFull();
        var from = new ComboBox<String>("Source: where users are today");
        from.setItems(new ArrayList<>(names.keySet()));
        from.setItemLabelGenerator(slug -> names.getOrDefault(slug, slug));
        from.setRequired(true);
        from.setWidthFull();
        var scheme = new Select<String>();
        scheme.setLabel("Password-hash scheme of your database");
        var schemes = new ArrayList<String>();
        schemes.add("");
        schemes.addAll(HashSchemes.ALL);
        scheme.setItems(schemes);
        scheme.setItemLabelGenerator(s -> s.isEmpty() ? "Not known" : s);
        scheme.setValue("");
        scheme.setHelperText("Decides whether passwords can move; leave \"Not known\" if you must find out first");
        scheme.setVisible(false);
        var to = new ComboBox<String>("Destination");
        to.setItems(choices.stream().filter(MigrationViews.Choice::active).map(MigrationViews.Choice::slug).toList());
        to.setItemLabelGenerator(slug -> names.getOrDefault(slug, slug));
        to.setRequired(true);
        to.setWidthFull();
        from.addValueChangeListener(e -> scheme.setVisible(Side.IN_HOUSE.equals(e.getValue())));
        if (source != null && names.containsKey(source)) {
            from.setValue(source);
        }
        if (destination != null && names.containsKey(destination)) {
            to.setValue(destination);
        }
        if (source != null && destination != null && names.containsKey(source) && names.containsKey(destination)) {
            name.setValue(names.get(source).replace(" (end of sale)", "") + " to " + names.get(destination));
        }
        var note = new Paragraph("You become the owner. Fill in the inventory and add members on the next page.");
        note.addClassName("portal-muted");
        add(note, name, from, scheme, to);

        var create = new Button("Create", e -> {
            name.setInvalid(false);
            from.setInvalid(false);
            to.setInvalid(false);
            try {
                String s = from.getValue() == null ? "" : from.getValue();
                var inventory = Inventory.empty();
                if (Side.IN_HOUSE.equals(s) && scheme.getValue() != null && !scheme.getValue().isEmpty()) {
                    inventory = new Inventory(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                            scheme.getValue());
                }
                var details = migrations.create(new MigrationViews.NewMigration(name.getValue(), s, to.getValue() == null ? "" : to.getValue(),
                        inventory, List.of()));
                close();
                created.accept(details);
            } catch (InvalidInputException ex) {
                var field = switch (ex.field()) {
                    case "source" -> from;
                    case "destination" -> to;
                    default -> null;
                };
                if (field != null) {
                    field.setErrorMessage(ex.getMessage());
                    field.setInvalid(true);
                } else {
                    name.setErrorMessage(ex.getMessage());
                    name.setInvalid(true);
                }
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), create);
        setWidth("min(32rem, 95vw)");
    }
}
