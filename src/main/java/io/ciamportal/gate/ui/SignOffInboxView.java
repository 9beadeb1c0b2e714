package io.ciamportal.gate.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.ciamportal.gate.GateService;
import io.ciamportal.gate.GateViews;
import io.ciamportal.shared.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** "Waiting for my sign-off": submitted gates across the reviewer's migrations. */
@Route("gates/inbox")
@PageTitle("Waiting for my sign-off")
@Menu(order = 31, title = "My sign-offs", icon = "vaadin:clipboard-check")
@RolesAllowed(Roles.REVIEWER)
public final class SignOffInboxView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    SignOffInboxView(GateService gates) {
        addClassName("portal-view");
        add(new H2("Waiting for my sign-off"));
        var items = gates.inbox();
        if (items.isEmpty()) {
            var empty = new Paragraph("Nothing waits for you. Gates appear here when they are submitted in a migration where you are a reviewer.");
            empty.addClassName("portal-card");
            add(empty);
            return;
        }
        var grid = new Grid<GateViews.InboxItem>();
        grid.addComponentColumn(i -> new Anchor("migrations/" + i.migrationId() + "/gates/" + i.key().key(), i.key().title()))
                .setHeader("Gate").setAutoWidth(true).setFlexGrow(2);
        grid.addColumn(GateViews.InboxItem::migration).setHeader("Migration").setFlexGrow(2);
        grid.addColumn(i -> i.submittedBy() == null ? "" : i.submittedBy()).setHeader("Submitted by").setAutoWidth(true);
        grid.addColumn(i -> i.submittedAt() == null ? "" : WHEN.format(i.submittedAt())).setHeader("Submitted").setAutoWidth(true);
        grid.addColumn(i -> i.approvals() + " of " + i.requiredApprovals()).setHeader("Approvals").setAutoWidth(true);
        grid.setItems(items);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel("Gates waiting for your sign-off");
        add(grid);
    }
}
