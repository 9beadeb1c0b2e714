package io.ciamportal.vendor.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.server.StreamResource;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.vendor.DatasetExchangeService;
import java.io.ByteArrayInputStream;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.ciamportal.security.Roles;
import io.ciamportal.shared.ui.Badge;
import io.ciamportal.vendor.VendorCurationService;
import io.ciamportal.vendor.VendorCurationService.DataHealthItem;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/** Admin: the values that need a curator — unknown, unconfirmed, or not reviewed for a year. */
@Route("admin/data-health")
@PageTitle("Data health")
@Menu(order = 92, title = "Data health", icon = "vaadin:stethoscope")
@RolesAllowed(Roles.ADMIN)
public final class DataHealthView extends VerticalLayout {

    DataHealthView(VendorCurationService curation, DatasetExchangeService datasets) {
        addClassName("portal-view");
        setSizeFull();
        var export = new Anchor(new StreamResource("ciam-portal-dataset.json", () -> new ByteArrayInputStream(datasets.export())),
                "Export the dataset (JSON)");
        export.getElement().setAttribute("download", true);
        var buffer = new MemoryBuffer();
        var upload = new Upload(buffer);
        upload.setAcceptedFileTypes("application/json", ".json");
        upload.setMaxFileSize(20 * 1024 * 1024);
        upload.setUploadButton(new Button("Import a dataset…"));
        upload.setDropLabel(new Span("Replaces every vendor; checked in full first, all or nothing."));
        var importResult = new Div();
        importResult.addClassName("portal-import-result");
        importResult.getElement().setAttribute("role", "status");
        upload.addSucceededListener(e -> {
            importResult.removeAll();
            try (var in = buffer.getInputStream()) {
                var result = datasets.importDataset(in.readAllBytes());
                importResult.add(new Span("Imported " + result.vendors() + " vendors."));
                importResult.setClassName("portal-verify-ok");
            } catch (InvalidInputException ex) {
                var pre = new Pre(ex.getMessage());
                importResult.add(pre);
                importResult.setClassName("portal-verify-broken");
            } catch (java.io.IOException ex) {
                importResult.add(new Span("The file could not be read."));
                importResult.setClassName("portal-verify-broken");
            }
        });
        var exchange = new Details("Dataset export and import", new VerticalLayout(export, upload, importResult));
        exchange.setWidthFull();
        add(exchange);
        List<DataHealthItem> all = curation.dataHealth();
        var problem = new Select<String>();
        problem.setLabel("Show");
        problem.setItems("Unconfirmed", "Stale", "Unknown");
        problem.setEmptySelectionAllowed(true);
        problem.setEmptySelectionCaption("Everything that needs attention");
        var grid = new Grid<DataHealthItem>();
        grid.addComponentColumn(i -> new RouterLink(i.vendor(), VendorProfileView.class, new RouteParameters("slug", i.slug())))
                .setHeader("Vendor").setAutoWidth(true);
        grid.addColumn(DataHealthItem::capability).setHeader("Capability").setAutoWidth(true);
        grid.addComponentColumn(i -> new Badge(i.problem(), "Unknown".equals(i.problem()) ? Badge.Tone.NEUTRAL : Badge.Tone.WARNING))
                .setHeader("Problem").setAutoWidth(true);
        grid.addColumn(i -> i.reviewedOn() == null ? "—" : i.reviewedOn().toString()).setHeader("Reviewed").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("Nothing needs attention.");
        grid.setAriaLabel("Values that need a curator");
        grid.setItems(all);
        grid.setSizeFull();
        var summary = new Paragraph(count(all, "Unconfirmed") + " unconfirmed, " + count(all, "Stale") + " stale (reviewed more than a year ago), "
                + count(all, "Unknown") + " unknown capability values. Open a vendor to edit its values.");
        problem.addValueChangeListener(e -> grid.setItems(e.getValue() == null ? all
                : all.stream().filter(i -> i.problem().equals(e.getValue())).toList()));
        add(summary, problem, grid);
    }

    private static long count(List<DataHealthItem> items, String problem) {
        return items.stream().filter(i -> i.problem().equals(problem)).count();
    }
}
