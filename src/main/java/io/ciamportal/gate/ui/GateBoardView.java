package io.ciamportal.gate.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.ciamportal.gate.GateService;
import io.ciamportal.gate.GateStatus;
import io.ciamportal.migration.MigrationService;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.NotFoundException;
import jakarta.annotation.security.PermitAll;
import java.util.UUID;

/** The six gates of a migration at a glance, and what still blocks its cutover. */
@Route("migrations/:id/gates")
@PermitAll
public final class GateBoardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final GateService gates;
    private final MigrationService migrations;
    private UUID id = new UUID(0, 0);
    private String title = "Security gates";

    GateBoardView(GateService gates, MigrationService migrations) {
        this.gates = gates;
        this.migrations = migrations;
        addClassNames("portal-view", "portal-gate-board");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
            show();
        } catch (IllegalArgumentException | NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
        }
    }

    private void show() {
        removeAll();
        var access = migrations.access(id);
        title = "Security gates · " + access.name();
        add(new Anchor("migrations/" + id, "← " + access.name()), new H2("Security gates"));
        var blocking = gates.blockingGates(id);
        var cutover = new Paragraph(blocking.isEmpty() ? "All six gates are approved: the cutover may go ahead."
                : "Cutover is blocked until all six gates are approved. Not approved yet: " + String.join(", ", blocking) + ".");
        cutover.setId("cutover-status");
        cutover.addClassName(blocking.isEmpty() ? "portal-verify-ok" : "portal-muted");
        add(cutover);
        if (access.canManage()) {
            var required = new Select<Integer>();
            required.setLabel("Approvals needed per gate");
            required.setItems(1, 2, 3, 4, 5);
            required.setItemLabelGenerator(n -> n + (n == 1 ? " reviewer" : " distinct reviewers"));
            required.setValue(access.requiredApprovals());
            required.addValueChangeListener(e -> {
                if (e.isFromClient() && e.getValue() != null) {
                    try {
                        migrations.setRequiredApprovals(id, e.getValue());
                        show();
                        Notification.show("Each gate now needs " + e.getValue() + " approval(s).", 3000, Notification.Position.BOTTOM_START)
                                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    } catch (InvalidInputException ex) {
                        required.setErrorMessage(ex.getMessage());
                        required.setInvalid(true);
                    }
                }
            });
            add(required);
        } else {
            add(new Paragraph("Each gate needs " + access.requiredApprovals() + " approval(s) from distinct reviewers."));
        }
        var grid = new Div();
        grid.addClassName("portal-gate-grid");
        for (var gate : gates.board(id)) {
            var card = new Div();
            card.addClassNames("portal-card", "portal-gate-card");
            card.getElement().setAttribute("data-gate", gate.key().key());
            var link = new Anchor("migrations/" + id + "/gates/" + gate.key().key(), gate.key().title());
            var heading = new H4(link);
            var purpose = new Paragraph(gate.key().purpose());
            purpose.addClassName("portal-muted");
            var facts = new Span(gate.approvals() + " of " + gate.requiredApprovals() + " approvals · " + gate.evidence().size()
                    + " evidence · owner: " + (gate.owner() == null ? "none" : gate.owner())
                    + (gate.signOffs().stream().anyMatch(s -> s.outdated()) ? " · has outdated sign-offs" : ""));
            facts.addClassName("portal-muted");
            card.add(heading, GateBadges.status(gate.status()), purpose, facts);
            GateBadges.notices(gate).forEach(card::add);
            if (gate.status() == GateStatus.APPROVED) {
                card.addClassName("portal-gate-approved");
            }
            grid.add(card);
        }
        add(grid);
    }
}
