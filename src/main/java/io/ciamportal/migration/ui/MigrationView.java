package io.ciamportal.migration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.ciamportal.migration.Inventory;
import io.ciamportal.migration.MigrationMembersService;
import io.ciamportal.migration.MigrationPlanService;
import io.ciamportal.migration.MigrationRecordsService;
import io.ciamportal.migration.MigrationService;
import io.ciamportal.migration.MigrationViews;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.NotFoundException;
import io.ciamportal.shared.StaleVersionException;
import io.ciamportal.shared.ui.Badge;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One migration: a header with the pair, its standing and its actions, and one component per tab (assessment,
 * inventory, plan, what-if, members, audit), each built when first shown. Members and admins only; every edit is
 * based on the version shown, so a change someone made in between is never overwritten.
 */
@Route("migrations/:id")
@PermitAll
public final class MigrationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final MigrationService migrations;
    private final MigrationPlanService plan;
    private final MigrationMembersService members;
    private final MigrationRecordsService records;
    private final io.ciamportal.migration.MigrationExportsService exports;
    private UUID id = new UUID(0, 0);
    private String title = "Migration";
    private String selectedTab = "Assessment";

    MigrationView(MigrationService migrations, MigrationPlanService plan, MigrationMembersService members, MigrationRecordsService records,
            io.ciamportal.migration.MigrationExportsService exports) {
        this.migrations = migrations;
        this.exports = exports;
        this.plan = plan;
        this.members = members;
        this.records = records;
        addClassNames("portal-view", "portal-migration");
    }

    @Override
    public String getPageTitle() {
        return title + " · Migrations";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
            show(migrations.get(id));
        } catch (IllegalArgumentException | NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
        }
    }

    private void reload(@Nullable String message) {
        show(migrations.get(id));
        if (message != null) {
            Notification.show(message, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
    }

    /** A reload that keeps the tab the user acted on. */
    private java.util.function.Consumer<String> reloadOn(String tab) {
        return message -> {
            selectedTab = tab;
            reload(message);
        };
    }

    private void show(MigrationViews.Details d) {
        removeAll();
        var s = d.summary();
        var a = d.assessment();
        title = s.name();
        var heading = new H2(s.name());
        heading.setId("migration-title");
        var pair = new Paragraph(s.sourceName() + " → " + s.destinationName() + " · owner " + s.ownerName()
                + (s.myRole() == null ? " · you see it as admin" : " · your role: " + s.myRole().label()));
        pair.addClassName("portal-muted");
        var badges = new Div(new Badge("Difficulty " + a.difficulty().score() + " of 5", MigrationFormat.tone(a.difficulty().score())),
                new Badge(a.strategy().label(), Badge.Tone.INFO), new Badge("Dual run " + a.dualRunWeeks() + " weeks", Badge.Tone.NEUTRAL),
                new Badge("Plan " + s.done() + " of " + s.total() + " done", Badge.Tone.NEUTRAL));
        badges.addClassName("portal-badges");
        var md = new Anchor("/api/v1/migrations/" + id + "/report.md", "Markdown report");
        md.getElement().setAttribute("download", true);
        var pdf = new Anchor("/api/v1/migrations/" + id + "/report.pdf", "PDF report");
        pdf.getElement().setAttribute("download", true);
        var reports = new Div(new Span("Download: "), pdf, new Span(" · "), md);
        reports.addClassName("portal-links");
        var more = new Div(new Anchor("migrations/" + id + "/gates", "Security gates"));
        if (d.canEdit()) {
            var rename = new Button("Rename", e -> renameDialog(d));
            rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            var change = new Button("Change source or destination", e -> pairDialog(d));
            change.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            more.add(rename, change);
        }
        more.addClassName("portal-links");
        add(new RouterLink("← All migrations", MigrationsView.class), heading, pair, badges, more, reports);
        notices(d).forEach(this::add);

        var content = new LinkedHashMap<String, Supplier<Component>>();
        content.put("Assessment", () -> new AssessmentPanel(a));
        content.put("Inventory", () -> inventory(d));
        content.put("Applications", () -> new ApplicationsPanel(d, reloadOn("Applications")));
        content.put("User export", () -> new ExportPanel(d, exports, reloadOn("User export")));
        content.put("Plan", () -> new PlanPanel(d, plan, reloadOn("Plan")));
        content.put("Cutover calendar", () -> CutoverPanel.of(id, reloadOn("Cutover calendar")));
        content.put("Dual run", () -> new ClaimDiffPanel(d, com.vaadin.flow.server.VaadinService.getCurrent().getInstantiator().getOrCreate(io.ciamportal.migration.ClaimDiffService.class)));
        content.put("Compare destinations", () -> new WhatIfPanel(d, migrations));
        content.put("Members", () -> new MembersPanel(d, members, reloadOn("Members")));
        content.put("Audit", () -> new MigrationAuditPanel(id, records.auditTrail(id)));
        add(tabs(content));
    }

    /** Each tab is built when it is first shown: a plan tick reloads the page and should not rescore other destinations. */
    private TabSheet tabs(LinkedHashMap<String, Supplier<Component>> content) {
        var tabs = new TabSheet();
        tabs.setWidthFull();
        var holders = new LinkedHashMap<String, Div>();
        var byLabel = new LinkedHashMap<String, com.vaadin.flow.component.tabs.Tab>();
        content.keySet().forEach(label -> {
            var holder = new Div();
            holder.setWidthFull();
            holders.put(label, holder);
            byLabel.put(label, tabs.add(label, holder));
        });
        java.util.function.Consumer<String> fill = label -> {
            var holder = holders.get(label);
            if (holder != null && holder.getComponentCount() == 0) {
                holder.add(content.get(label).get());
            }
        };
        if (!content.containsKey(selectedTab)) {
            selectedTab = "Assessment";
        }
        fill.accept(selectedTab);
        tabs.setSelectedTab(byLabel.get(selectedTab));
        tabs.addSelectedChangeListener(e -> {
            selectedTab = e.getSelectedTab().getLabel();
            fill.accept(selectedTab);
        });
        return tabs;
    }

    /** A vendor that left the index, and gates whose approvals were given on another assessment. */
    private java.util.List<Component> notices(MigrationViews.Details d) {
        var notices = new java.util.ArrayList<Component>();
        if (!d.summary().missingVendors().isEmpty()) {
            var missing = new Div(new Span(String.join(" and ", d.summary().missingVendors()) + " is no longer in the vendor index: every verdict "
                    + "that rests on it is unknown. Change the source or destination, or ask an admin to add the vendor back."));
            missing.addClassNames("portal-notice", "portal-notice-warning");
            missing.getElement().setAttribute("data-notice", "missing-vendor");
            notices.add(missing);
        }
        var changes = records.signOffChanges(id, d.assessment());
        if (!changes.isEmpty()) {
            var list = new UnorderedList();
            changes.forEach((gate, what) -> list.add(new ListItem(gate + ": " + String.join("; ", what))));
            var changed = new Div(new Span("The assessment changed since these sign-offs (they still count; the reviewers decide):"), list);
            changed.addClassNames("portal-notice", "portal-notice-info");
            changed.getElement().setAttribute("data-notice", "assessment-changed");
            notices.add(changed);
        }
        return notices;
    }

    private Component inventory(MigrationViews.Details d) {
        var form = new InventoryForm[1];
        form[0] = new InventoryForm(d.inventory(), d.summary().source(), d.canEdit(), fromExport(), inventory -> saveInventory(d, form[0], inventory));
        return form[0];
    }

    /** Inventory field -> "the export FILE of DATE" for the fields an export set. */
    private java.util.Map<String, String> fromExport() {
        var sources = exports.inventorySources(id);
        if (sources.isEmpty()) {
            return java.util.Map.of();
        }
        var byExport = new java.util.HashMap<String, String>();
        var when = java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH).withZone(java.time.ZoneId.systemDefault());
        for (var row : exports.history(id)) {
            var files = row.provenance().files();
            byExport.put(row.provenance().exportId().toString(), "the export " + files.getFirst().name()
                    + (files.size() > 1 ? " (+" + (files.size() - 1) + ")" : "") + " of " + when.format(row.provenance().uploadedAt()));
        }
        var out = new java.util.LinkedHashMap<String, String>();
        sources.forEach((field, exportId) -> out.put(field, byExport.getOrDefault(exportId, "an export")));
        return out;
    }

    private void saveInventory(MigrationViews.Details d, InventoryForm form, Inventory inventory) {
        try {
            migrations.updateInventory(id, d.version(), inventory);
            reloadOn("Inventory").accept("Inventory saved; the assessment and the audit log are updated.");
        } catch (InvalidInputException e) {
            form.showError(e);
        } catch (StaleVersionException e) {
            form.showStale(e.getMessage(), () -> reloadOn("Inventory").accept(null));
        }
    }

    private void renameDialog(MigrationViews.Details d) {
        new io.ciamportal.shared.ui.RenameDialog("Rename migration", d.summary().name(), 120, name -> {
            migrations.update(id, d.version(), new MigrationViews.Patch(name, null, null));
            reload("Renamed.");
        }).open();
    }

    private void pairDialog(MigrationViews.Details d) {
        var dialog = new PairDialog[1];
        dialog[0] = new PairDialog(d.summary(), migrations.vendorChoices(), (source, destination) -> {
            try {
                migrations.update(id, d.version(), new MigrationViews.Patch(null, source, destination));
                dialog[0].close();
                reload("Changed to " + source + " → " + destination + "; the gates' sign-offs no longer count.");
            } catch (InvalidInputException e) {
                dialog[0].showError(e);
            } catch (StaleVersionException e) {
                dialog[0].close();
                Notification.show(e.getMessage(), 6000, Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
                reload(null);
            }
        });
        dialog[0].open();
    }
}
