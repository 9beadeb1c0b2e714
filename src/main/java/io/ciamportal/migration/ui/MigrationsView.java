package io.ciamportal.migration.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.ciamportal.migration.MigrationService;
import io.ciamportal.migration.MigrationViews;
import io.ciamportal.security.CurrentUser;
import io.ciamportal.security.PortalRole;
import io.ciamportal.shared.ui.Badge;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/** The migrations the user is a member of (all for admins), and "New migration" for analysts. */
@Route(MigrationsView.ROUTE)
@PageTitle("Migrations")
@Menu(order = 30, title = "Migrations", icon = "vaadin:exchange")
@PermitAll
@NamedInterface("routes")
public final class MigrationsView extends VerticalLayout implements BeforeEnterObserver {

    /** The view's path; a compile-time constant, so that links to it do not load its JavaScript with the linking view. */
    public static final String ROUTE = "migrations";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final MigrationService migrations;
    private final boolean canCreate;
    private final Grid<MigrationViews.Summary> grid = new Grid<>();
    private final Div empty = new Div();

    MigrationsView(MigrationService migrations, CurrentUser currentUser) {
        this.migrations = migrations;
        this.canCreate = currentUser.get().map(p -> p.hasRole(PortalRole.ANALYST) || p.hasRole(PortalRole.ADMIN)).orElse(false);
        addClassName("portal-view");
        var title = new H2("Migrations");
        var head = new HorizontalLayout(title);
        head.setWidthFull();
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        if (canCreate) {
            var create = new Button("New migration", e -> openNew(null, null));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            head.add(create);
        }
        var intro = new Paragraph("Each migration scores a source and a destination item by item, recommends a strategy and carries a "
                + "five-phase plan. You see the migrations you are a member of.");
        intro.addClassName("portal-muted");
        var rules = new RouterLink("How migration scoring works", MigrationScoringView.class);

        grid.addComponentColumn(m -> new Anchor("migrations/" + m.id(), m.name())).setHeader("Name").setFlexGrow(3).setAutoWidth(true);
        grid.addColumn(m -> m.sourceName() + " → " + m.destinationName()).setHeader("Move").setFlexGrow(2).setAutoWidth(true);
        grid.addComponentColumn(m -> new Badge(m.difficulty() + " of 5", m.difficulty() >= 4 ? Badge.Tone.ERROR
                : m.difficulty() == 3 ? Badge.Tone.WARNING : Badge.Tone.SUCCESS)).setHeader("Difficulty").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.strategy().label()).setHeader("Strategy").setWidth("14em").setFlexGrow(2);
        grid.addColumn(m -> m.done() + " / " + m.total()).setHeader("Plan done").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.myRole() == null ? "Admin" : m.myRole().label()).setHeader("Your role").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> WHEN.format(m.updatedAt())).setHeader("Changed").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel("Your migrations");
        empty.addClassName("portal-card");
        empty.add(new Span(canCreate ? "No migrations yet. Start one with \"New migration\", or from the selector's shortlist."
                : "You are not a member of any migration yet. An analyst can add you to one."));
        add(head, intro, rules, grid, empty);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var query = event.getLocation().getQueryParameters();
        if (canCreate && query.getSingleParameter("new").isPresent()) {
            openNew(query.getSingleParameter("source").orElse(null), query.getSingleParameter("destination").orElse(null));
        }
    }

    private void openNew(String source, String destination) {
        new NewMigrationDialog(migrations, source, destination,
                created -> getUI().ifPresent(ui -> ui.navigate("migrations/" + created.summary().id()))).open();
    }

    private void refresh() {
        var list = migrations.list();
        grid.setItems(list);
        grid.setVisible(!list.isEmpty());
        empty.setVisible(list.isEmpty());
    }
}
