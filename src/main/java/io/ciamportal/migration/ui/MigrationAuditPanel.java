package io.ciamportal.migration.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.ciamportal.audit.AuditEntry;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** A migration's audit trail for its members: every change with who, when, before and after; CSV and JSON exports. */
final class MigrationAuditPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    MigrationAuditPanel(UUID id, List<AuditEntry> trail) {
        setPadding(false);
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
    }
}
