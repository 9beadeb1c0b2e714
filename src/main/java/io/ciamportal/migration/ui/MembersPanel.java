package io.ciamportal.migration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.ciamportal.migration.MemberRole;
import io.ciamportal.migration.MigrationMembersService;
import io.ciamportal.migration.MigrationViews;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.function.Consumer;

/** The members tab: who is in the migration with which role; the owner and admins change it. */
final class MembersPanel extends VerticalLayout {

    MembersPanel(MigrationViews.Details d, MigrationMembersService members, Consumer<String> reload) {
        setPadding(false);
        UUID id = d.summary().id();
        var grid = new Grid<MigrationViews.Member>();
        grid.addColumn(MigrationViews.Member::displayName).setHeader("Name").setAutoWidth(true);
        grid.addColumn(MigrationViews.Member::username).setHeader("Username").setAutoWidth(true);
        grid.addComponentColumn(m -> {
            if (!d.canManageMembers() || m.role() == MemberRole.OWNER) {
                return new Span(m.role().label());
            }
            var role = new Select<MemberRole>();
            role.setItems(MemberRole.ANALYST, MemberRole.REVIEWER, MemberRole.VIEWER);
            role.setItemLabelGenerator(MemberRole::label);
            role.setValue(m.role());
            role.setAriaLabel("Role of " + m.displayName());
            role.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    members.putMember(id, m.username(), e.getValue());
                    reload.accept("Role changed.");
                }
            });
            return role;
        }).setHeader("Role in this migration").setAutoWidth(true);
        if (d.canManageMembers()) {
            grid.addComponentColumn(m -> {
                if (m.role() == MemberRole.OWNER) {
                    return new Span();
                }
                var remove = new Button("Remove", e -> {
                    members.removeMember(id, m.userId());
                    reload.accept("Member removed.");
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                remove.setAriaLabel("Remove " + m.displayName());
                return remove;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(d.members());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel("Members of this migration");
        add(grid);
        if (!d.canManageMembers()) {
            return;
        }
        var candidates = members.candidates(id);
        var person = new ComboBox<String>("Add a person");
        var labels = new LinkedHashMap<String, String>();
        candidates.forEach(p -> labels.put(p.username(), p.displayName() + " (" + p.username() + ")"));
        person.setItems(new ArrayList<>(labels.keySet()));
        person.setItemLabelGenerator(u -> labels.getOrDefault(u, u));
        var role = new Select<MemberRole>();
        role.setLabel("Role");
        role.setItems(MemberRole.ANALYST, MemberRole.REVIEWER, MemberRole.VIEWER);
        role.setItemLabelGenerator(MemberRole::label);
        role.setValue(MemberRole.VIEWER);
        var add = new Button("Add member", e -> {
            if (person.getValue() == null) {
                person.setErrorMessage("Choose a person.");
                person.setInvalid(true);
                return;
            }
            members.putMember(id, person.getValue(), role.getValue());
            reload.accept("Member added.");
        });
        var line = new HorizontalLayout(person, role, add);
        line.setAlignItems(FlexComponent.Alignment.BASELINE);
        line.setWrap(true);
        var roles = new Paragraph("Owner: runs the migration. Analyst: edits inventory and plan (needs the analyst portal role). "
                + "Reviewer: reads, signs off gates; removing a reviewer, or their reviewer role, stops their approvals from counting. "
                + "Viewer: reads.");
        roles.addClassName("portal-muted");
        add(line, roles);
    }
}
