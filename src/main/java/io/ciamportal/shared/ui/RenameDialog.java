package io.ciamportal.shared.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextField;
import io.ciamportal.shared.InvalidInputException;
import java.util.function.Consumer;

/**
 * Asks for a new name. {@code save} calls the service; a refusal ({@link InvalidInputException}) is shown on the field
 * and the dialog stays open, success closes it.
 */
public final class RenameDialog extends Dialog {

    public RenameDialog(String title, String current, int maxLength, Consumer<String> save) {
        setHeaderTitle(title);
        var name = new TextField("Name", current, "");
        name.setMaxLength(maxLength);
        name.setWidthFull();
        var confirm = new Button("Rename", e -> {
            try {
                save.accept(name.getValue());
                close();
            } catch (InvalidInputException ex) {
                name.setErrorMessage(ex.getMessage());
                name.setInvalid(true);
            }
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickShortcut(Key.ENTER);
        add(name);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
        setWidth("min(28rem, 95vw)");
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                name.focus();
            }
        });
    }
}
