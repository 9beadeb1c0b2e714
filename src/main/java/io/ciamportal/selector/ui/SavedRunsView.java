package io.ciamportal.selector.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.ciamportal.selector.SelectorService;
import io.ciamportal.shared.ui.RenameDialog;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The signed-in user's saved selector runs: open, rename, delete, copy the share link. */
@Route("selector/runs")
@PageTitle("Saved selector runs")
@PermitAll
public final class SavedRunsView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    private final SelectorService selector;
    private final Grid<SelectorService.SavedRun> grid = new Grid<>();
    private final Paragraph empty = new Paragraph();

    SavedRunsView(SelectorService selector) {
        this.selector = selector;
        addClassName("portal-view");
        add(new H2("Saved selector runs"));
        var intro = new Paragraph("Each saved run keeps its answers; opening it ranks them on today's vendor data. "
                + "Its link opens the same run for anyone signed in.");
        intro.addClassName("portal-muted");
        add(intro, new RouterLink("Start a new run", SelectorView.class));

        grid.addComponentColumn(run -> new Anchor("selector/runs/" + run.id(), run.name())).setHeader("Name").setFlexGrow(3).setAutoWidth(true);
        grid.addColumn(run -> run.answers().reason().label()).setHeader("Reason").setFlexGrow(2);
        grid.addColumn(run -> WHEN.format(run.updatedAt().atZone(ZoneOffset.UTC))).setHeader("Changed").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("Actions").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel("Saved selector runs");
        empty.setText("No saved runs yet. Finish the selector and press \"Save run\" on the results.");
        empty.addClassName("portal-card");
        add(grid, empty);
        refresh();
    }

    private HorizontalLayout actions(SelectorService.SavedRun run) {
        var rename = new Button("Rename", e -> renameDialog(run));
        rename.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        rename.setAriaLabel("Rename " + run.name());
        var delete = new Button("Delete", e -> confirmDelete(run));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete " + run.name());
        return new HorizontalLayout(rename, delete);
    }

    private void renameDialog(SelectorService.SavedRun run) {
        new RenameDialog("Rename run", run.name(), 120, name -> {
            selector.rename(run.id(), name);
            refresh();
        }).open();
    }

    private void confirmDelete(SelectorService.SavedRun run) {
        var confirm = new ConfirmDialog("Delete \"" + run.name() + "\"?",
                "Its share link stops working. The audit log keeps a record of the run.", "Delete", e -> {
                    selector.delete(run.id());
                    refresh();
                    UiMessages.ok("Deleted \"" + run.name() + "\".");
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void refresh() {
        var runs = selector.myRuns();
        grid.setItems(runs);
        grid.setVisible(!runs.isEmpty());
        empty.setVisible(runs.isEmpty());
    }
}
