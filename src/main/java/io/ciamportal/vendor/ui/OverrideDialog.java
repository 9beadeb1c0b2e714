package io.ciamportal.vendor.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.vendor.Difficulty;
import java.util.function.Function;
import java.util.function.Consumer;

/** Admin: set or clear a curator's difficulty score, with the reason readers will see. */
final class OverrideDialog extends Dialog {

    OverrideDialog(String title, Difficulty current, Function<Integer, Consumer<String>> save) {
        setHeaderTitle("Override: " + title);
        var score = new Select<Integer>();
        score.setLabel("Score");
        score.setItems(0, 1, 2, 3, 4, 5);
        score.setItemLabelGenerator(n -> n == 0 ? "Use the rules (" + current.computed() + ")" : n + " of 5");
        score.setValue(current.override() == null ? 0 : current.override());
        var reason = new TextArea("Reason");
        reason.setValue(current.overrideReason() == null ? "" : current.overrideReason());
        reason.setHelperText("Required with an override; shown next to the score");
        reason.setWidthFull();
        add(new Paragraph("The rules give " + current.computed() + " of 5."), score, reason);
        var ok = new Button("Save", e -> {
            try {
                save.apply(score.getValue() == 0 ? null : score.getValue()).accept(reason.getValue());
                close();
            } catch (InvalidInputException ex) {
                reason.setErrorMessage(ex.getMessage());
                reason.setInvalid(true);
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), ok);
        setWidth("min(32rem, 95vw)");
    }
}
