package io.ciamportal.gate.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.ciamportal.audit.AuditEntry;
import io.ciamportal.migration.MigrationService;
import io.ciamportal.shared.NotFoundException;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** A migration's audit trail for its members: every change with who, when, before and after; CSV and JSON exports. */
@Route("migrations/:id/audit")
@PageTitle("Migration audit trail")
@PermitAll
public final class MigrationAuditView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final MigrationService migrations;

    MigrationAuditView(MigrationService migrations) {
        this.migrations = migrations;
        addClassName("portal-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        UUID id;
        try {
            id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
            var access = migrations.access(id);
            var trail = migrations.auditTrail(id);
            add(new Anchor("migrations/" + id, "← " + access.name()), new H2("Audit trail"));
            var intro = new Paragraph("Every change to this migration, its plan and its gates, oldest first. The JSON export carries "
                    + "the chain hashes: an auditor checks it offline with java -jar ciam-portal.jar verify-audit <file>.");
            intro.addClassName("portal-muted");
            var csv = new Anchor("/api/v1/migrations/" + id + "/audit.csv", "Export CSV");
            csv.getElement().setAttribute("download", true);
            var json = new Anchor("/api/v1/migrations/" + id + "/audit.json", "Export JSON with hashes");
            json.getElement().setAttribute("download", true);
            var links = new Div(csv, json);
            links.addClassName("portal-links");
            var grid = new Grid<AuditEntry>();
            grid.addColumn(e -> WHEN.format(e.occurredAt())).setHeader("Time (UTC)").setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(AuditEntry::actorName).setHeader("Who").setAutoWidth(true);
            grid.addColumn(AuditEntry::action).setHeader("What").setAutoWidth(true);
            grid.addColumn(e -> e.outcome().name()).setHeader("Outcome").setAutoWidth(true);
            grid.addColumn(e -> (e.before() == null ? "" : e.before() + " → ") + (e.after() == null ? "" : e.after())).setHeader("Change").setFlexGrow(3);
            grid.setItems(trail);
            grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
            grid.setAriaLabel("Audit trail of this migration");
            grid.setHeight("60vh");
            add(intro, links, grid);
        } catch (IllegalArgumentException | NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
        }
    }
}
