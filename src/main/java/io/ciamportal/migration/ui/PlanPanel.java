package io.ciamportal.migration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import io.ciamportal.migration.MigrationPlanService;
import io.ciamportal.migration.MigrationViews;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.RuleViolationException;
import io.ciamportal.shared.StaleVersionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The plan tab: five phases with progress, items to tick off, edit, own and date, and tasks to add. Every change names
 * the version of the item it was based on; a refused one says who changed the item, and the page reloads.
 */
final class PlanPanel extends VerticalLayout {

    private final MigrationPlanService plan;
    private final UUID id;
    private final Consumer<String> reload;

    PlanPanel(MigrationViews.Details d, MigrationPlanService plan, Consumer<String> reload) {
        this.plan = plan;
        this.id = d.summary().id();
        this.reload = reload;
        setPadding(false);
        var memberNames = new LinkedHashMap<UUID, String>();
        d.members().forEach(m -> memberNames.put(m.userId(), m.displayName()));
        for (var phase : d.plan()) {
            var section = new Div();
            section.addClassName("portal-phase");
            section.getElement().setAttribute("data-phase", String.valueOf(phase.number()));
            var head = new HorizontalLayout(new H4(phase.number() + ". " + phase.name()),
                    new Span(phase.done() + " of " + phase.items().size() + " done"));
            head.setAlignItems(FlexComponent.Alignment.BASELINE);
            var progress = new ProgressBar(0, Math.max(1, phase.items().size()), phase.done());
            progress.getElement().setAttribute("aria-label", "Phase " + phase.number() + " progress");
            section.add(head, progress);
            for (var item : phase.items()) {
                section.add(row(item, d.canEdit(), memberNames));
            }
            if (d.canEdit()) {
                section.add(addLine(phase.number()));
            }
            add(section);
        }
    }

    private Component addLine(int phase) {
        var text = new TextField();
        text.setPlaceholder("Add a task to this phase");
        text.setAriaLabel("New task for phase " + phase);
        text.setMaxLength(500);
        text.setWidth("min(36rem, 100%)");
        var add = new Button("Add", e -> {
            try {
                plan.addPlanItem(id, phase, text.getValue());
                reload.accept("Task added.");
            } catch (InvalidInputException ex) {
                text.setErrorMessage(ex.getMessage());
                text.setInvalid(true);
            }
        });
        add.setAriaLabel("Add task to phase " + phase);
        add.addClickShortcut(com.vaadin.flow.component.Key.ENTER).listenOn(text);
        var line = new HorizontalLayout(text, add);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        return line;
    }

    private Component row(MigrationViews.PlanItemView item, boolean canEdit, Map<UUID, String> members) {
        var row = new Div();
        row.addClassName("portal-plan-item");
        var done = new Checkbox(item.text(), item.done());
        done.setReadOnly(!canEdit);
        done.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                plan.setPlanItemDone(id, item.id(), item.version(), e.getValue());
                reload.accept(e.getValue() ? "Marked done." : "Reopened.");
            } catch (RuleViolationException | StaleVersionException ex) {
                done.setValue(e.getOldValue());
                warn(ex.getMessage());
            }
        });
        row.add(done);
        var meta = new Span((item.cutover() ? "Cutover · " : "") + (item.ownerName() == null ? "no owner" : "owner: " + item.ownerName())
                + (item.due() == null ? "" : " · due " + item.due() + (item.dueByHand() ? " (set by hand)" : "")));
        meta.addClassName("portal-muted");
        row.add(meta);
        if (item.overdue()) {
            var late = new io.ciamportal.shared.ui.Badge("Overdue", io.ciamportal.shared.ui.Badge.Tone.ERROR);
            late.getElement().setAttribute("data-overdue", "true");
            row.add(late);
        }
        if (canEdit) {
            var edit = new Button("Edit", e -> editDialog(item, members));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            edit.setAriaLabel("Edit task: " + item.text());
            row.add(edit);
            if (item.custom()) {
                var remove = new Button("Remove", e -> {
                    plan.removePlanItem(id, item.id());
                    reload.accept("Task removed.");
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                remove.setAriaLabel("Remove task: " + item.text());
                row.add(remove);
            }
        }
        return row;
    }

    private void editDialog(MigrationViews.PlanItemView item, Map<UUID, String> members) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Edit task");
        var text = new TextField("Task", item.text(), "");
        text.setMaxLength(500);
        text.setWidthFull();
        var owner = new ComboBox<UUID>("Owner");
        owner.setItems(new ArrayList<>(members.keySet()));
        owner.setItemLabelGenerator(u -> members.getOrDefault(u, "?"));
        owner.setClearButtonVisible(true);
        owner.setValue(item.ownerId());
        var due = CutoverPanel.isoPicker("Due");
        due.setHelperText(item.dueByHand() || item.due() == null ? "Clear it to let the cutover calendar date this task."
                : "Set by the cutover calendar; a date you pick here stays when the cutover moves.");
        due.setValue(item.due());
        due.setClearButtonVisible(true);
        dialog.add(new VerticalLayout(text, owner, due));
        var save = new Button("Save", e -> {
            try {
                plan.updatePlanItem(id, item.id(), item.version(), text.getValue(), owner.getValue(), due.getValue());
                dialog.close();
                reload.accept("Task saved.");
            } catch (InvalidInputException ex) {
                boolean ownerField = ex.field().equals("owner");
                (ownerField ? owner : text).setErrorMessage(ex.getMessage());
                text.setInvalid(!ownerField);
                owner.setInvalid(ownerField);
            } catch (StaleVersionException ex) {
                dialog.close();
                warn(ex.getMessage());
                reload.accept(null);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("min(32rem, 95vw)");
        dialog.open();
    }

    private static void warn(String message) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
