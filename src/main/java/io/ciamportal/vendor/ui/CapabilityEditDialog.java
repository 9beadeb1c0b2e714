package io.ciamportal.vendor.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.vendor.CapabilityEdit;
import io.ciamportal.vendor.Support;
import io.ciamportal.vendor.VendorCurationService;
import io.ciamportal.vendor.VendorViews;
import java.util.Arrays;

/** Admin: edit one capability value. Field errors come from the service's validation, shown on the field. */
final class CapabilityEditDialog extends Dialog {

    CapabilityEditDialog(String slug, String vendorName, VendorViews.CapabilityValue value, VendorCurationService curation,
            Runnable saved) {
        setHeaderTitle(vendorName + " · " + value.name());
        var support = new Select<Support>();
        support.setLabel("Support");
        support.setItems(Support.values());
        support.setItemLabelGenerator(s -> s.symbol() + " " + s.label());
        support.setValue(value.support());
        var note = new TextArea("Note");
        note.setValue(value.note());
        note.setMaxLength(1000);
        note.setHelperText("What the value rests on, in your own words");
        var sources = new TextArea("Sources");
        sources.setValue(String.join("\n", value.sources()));
        sources.setHelperText("One URL per line; a confirmed value needs at least one");
        var confirmed = new Checkbox("Confirmed from the vendor's own material", value.confirmed());
        var form = new FormLayout(support, confirmed, note, sources);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("520px", 2));
        form.setColspan(note, 2);
        form.setColspan(sources, 2);
        add(form);
        var save = new Button("Save", e -> {
            note.setInvalid(false);
            sources.setInvalid(false);
            try {
                curation.updateCapability(slug, value.key(), new CapabilityEdit(support.getValue(), note.getValue(),
                        Arrays.stream(sources.getValue().split("\\R")).toList(), confirmed.getValue()));
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
