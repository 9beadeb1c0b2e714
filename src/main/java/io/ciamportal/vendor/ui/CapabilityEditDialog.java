package io.ciamportal.vendor.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.vendor.Support;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Admin: edit a sourced value — a capability value (with its support level) or one of the vendor's facts (without).
 * Field errors come from the service's validation and are shown on the field.
 */
final class CapabilityEditDialog extends Dialog {

    /** Saves the edit; throws {@link InvalidInputException} naming the field when something is wrong. */
    @FunctionalInterface
    interface Saver {
        void save(@Nullable Support support, String note, List<String> sources, boolean confirmed);
    }

    CapabilityEditDialog(String title, @Nullable Support initialSupport, String initialNote, List<String> initialSources,
            boolean initialConfirmed, Saver saver, Runnable saved) {
        setHeaderTitle(title);
        var support = new Select<Support>();
        support.setLabel("Support");
        support.setItems(Support.values());
        support.setItemLabelGenerator(s -> s.symbol() + " " + s.label());
        support.setValue(initialSupport);
        support.setVisible(initialSupport != null);
        var note = new TextArea("Note");
        note.setValue(initialNote);
        note.setMaxLength(1000);
        note.setHelperText("What the value rests on, in your own words");
        var sources = new TextArea("Sources");
        sources.setValue(String.join("\n", initialSources));
        sources.setHelperText("One URL per line; a confirmed value needs at least one");
        var confirmed = new Checkbox("Confirmed from the vendor's own material", initialConfirmed);
        var form = new FormLayout(support, confirmed, note, sources);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("520px", 2));
        form.setColspan(note, 2);
        form.setColspan(sources, 2);
        add(form);
        var save = new Button("Save", e -> {
            note.setInvalid(false);
            sources.setInvalid(false);
            try {
                saver.save(support.getValue(), note.getValue(), Arrays.stream(sources.getValue().split("\\R")).toList(), confirmed.getValue());
                close();
                saved.run();
            } catch (InvalidInputException ex) {
                var field = "note".equals(ex.field()) ? note : sources;
                field.setErrorMessage(ex.getMessage());
                field.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
        setWidth("min(40rem, 95vw)");
    }
}
