package io.ciamportal.migration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.ciamportal.migration.Assessment;
import io.ciamportal.migration.Assessment.Verdict;
import io.ciamportal.migration.Inventory;
import io.ciamportal.migration.MemberRole;
import io.ciamportal.migration.MigrationService;
import io.ciamportal.migration.MigrationViews;
import io.ciamportal.migration.Side;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.NotFoundException;
import io.ciamportal.shared.ui.Badge;
import io.ciamportal.vendor.HashSchemes;
import io.ciamportal.vendor.Vocabulary;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One migration: assessment, inventory, plan, what-if, members and reports. Members and admins only. */
@Route("migrations/:id")
@PermitAll
public final class MigrationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final MigrationService migrations;
    private UUID id = new UUID(0, 0);
    private String title = "Migration";
    private String selectedTab = "Assessment";

    MigrationView(MigrationService migrations) {
        this.migrations = migrations;
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

    private void reload(String message) {
        show(migrations.get(id));
        if (message != null) {
            Notification.show(message, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }
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
        var badges = new Div(new Badge("Difficulty " + a.difficulty().score() + " of 5", tone(a.difficulty().score())),
                new Badge(a.strategy().label(), Badge.Tone.INFO), new Badge("Dual run " + a.dualRunWeeks() + " weeks", Badge.Tone.NEUTRAL),
                new Badge("Plan " + s.done() + " of " + s.total() + " done", Badge.Tone.NEUTRAL));
        badges.addClassName("portal-badges");
        var md = new Anchor("/api/v1/migrations/" + id + "/report.md", "Markdown report");
        md.getElement().setAttribute("download", true);
        var pdf = new Anchor("/api/v1/migrations/" + id + "/report.pdf", "PDF report");
        pdf.getElement().setAttribute("download", true);
        var reports = new Div(new Span("Download: "), pdf, new Span(" · "), md);
        reports.addClassName("portal-links");
        var gatesLink = new Anchor("migrations/" + id + "/gates", "Security gates");
        var more = new Div(gatesLink);
        if (d.canEdit()) {
            var rename = new Button("Rename", e -> renameDialog(s.name()));
            rename.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            var destination = new Button("Change destination", e -> destinationDialog(d));
            destination.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            more.add(rename, destination);
        }
        more.addClassName("portal-links");
        add(new RouterLink("← All migrations", MigrationsView.class), heading, pair, badges, more, reports);

        // each tab is built when it is first shown: a plan tick reloads the page and should not rescore other destinations
        var content = new LinkedHashMap<String, java.util.function.Supplier<Component>>();
        content.put("Assessment", () -> assessment(a));
        content.put("Inventory", () -> inventory(d));
        content.put("Plan", () -> plan(d));
        content.put("Compare destinations", () -> whatIf(d));
        content.put("Members", () -> members(d));
        content.put("Audit", () -> new MigrationAuditPanel(id, migrations.auditTrail(id)));
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
        add(tabs);
    }

    private void renameDialog(String current) {
        new io.ciamportal.shared.ui.RenameDialog("Rename migration", current, 120, name -> {
            migrations.rename(id, name);
            reload("Renamed.");
        }).open();
    }

    private void destinationDialog(MigrationViews.Details d) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Change destination");
        var choices = migrations.vendorChoices().stream().filter(c -> c.active() && !c.slug().equals(d.summary().source())).toList();
        var names = new HashMap<String, String>();
        choices.forEach(c -> names.put(c.slug(), c.name()));
        var to = new ComboBox<String>("Destination");
        to.setItems(choices.stream().map(MigrationViews.Choice::slug).toList());
        to.setItemLabelGenerator(slug -> names.getOrDefault(slug, slug));
        to.setValue(d.summary().destination());
        to.setWidthFull();
        var note = new Paragraph("The assessment and the plan's untouched suggestions follow the new destination; the change is audited.");
        note.addClassName("portal-muted");
        var save = new Button("Change", e -> {
            try {
                migrations.changeDestination(id, to.getValue() == null ? "" : to.getValue());
                dialog.close();
                reload("Destination changed.");
            } catch (InvalidInputException ex) {
                to.setErrorMessage(ex.getMessage());
                to.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(note, to);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("min(28rem, 95vw)");
        dialog.open();
    }

    static Badge.Tone tone(int difficulty) {
        return difficulty >= 4 ? Badge.Tone.ERROR : difficulty == 3 ? Badge.Tone.WARNING : Badge.Tone.SUCCESS;
    }

    static Badge verdict(Verdict v) {
        return switch (v) {
            case MIGRATES -> new Badge("✓ " + v.label(), Badge.Tone.SUCCESS);
            case MIGRATES_WITH_CONDITIONS -> new Badge("◐ " + v.label(), Badge.Tone.INFO);
            case RE_ENROLL, RECONFIGURE, REWRITE -> new Badge("↻ " + v.label(), Badge.Tone.WARNING);
            case LOST -> new Badge("✗ " + v.label(), Badge.Tone.ERROR);
            case ARCHIVE_ONLY -> new Badge("▣ " + v.label(), Badge.Tone.NEUTRAL);
            case UNKNOWN -> new Badge("? " + v.label(), Badge.Tone.CONTRAST);
        };
    }

    // ---- assessment ---------------------------------------------------------------------------------------------

    private Component assessment(Assessment a) {
        var root = new VerticalLayout();
        root.setPadding(false);
        var cards = new Div();
        cards.addClassName("portal-two-columns");
        var strategy = card("Recommended strategy: " + a.strategy().label(), new Paragraph(a.strategyReason()),
                new Paragraph("Dual-run window: " + a.dualRunWeeks() + " weeks · forced password resets: " + number(a.forcedResets())
                        + " · MFA or passkey re-enrollments: " + number(a.mfaReenrollments())));
        var breakdown = new Div();
        breakdown.addClassName("portal-breakdown");
        for (var part : a.difficulty().breakdown()) {
            var row = new Div(new Span(part.fact()), new Span((part.points() > 0 ? "+" : "") + points(part.points())), new Span(part.reason()));
            row.addClassName("portal-breakdown-row");
            breakdown.add(row);
        }
        var difficulty = card("Pair difficulty: " + a.difficulty().score() + " of 5", breakdown,
                new RouterLink("How migration scoring works", MigrationScoringView.class));
        cards.add(strategy, difficulty);
        root.add(cards, new H3("What migrates"));
        var list = new Div();
        list.addClassName("portal-items");
        for (var item : a.items()) {
            var row = new Div();
            row.addClassName("portal-item");
            row.getElement().setAttribute("data-item", item.item().key());
            var head = new Div(new Span(item.item().label()), verdict(item.verdict()),
                    new Span(item.affected() == null ? "affects: unknown" : String.format(Locale.ENGLISH, "%,d %s", item.affected(), item.unit())));
            head.addClassName("portal-item-head");
            row.add(head, new Paragraph(item.reason()));
            var sources = new Div();
            sources.addClassName("portal-sources");
            for (var fact : item.facts()) {
                for (String url : fact.sources()) {
                    var link = new Anchor(url, fact.vendor() + ": " + fact.fact() + " · " + shortUrl(url) + (fact.confirmed() ? "" : " (unconfirmed)"));
                    link.setTarget("_blank");
                    link.getElement().setAttribute("rel", "noopener noreferrer");
                    sources.add(link);
                }
            }
            if (sources.getComponentCount() > 0) {
                row.add(sources);
            }
            var effort = new Span("Effort: " + item.effort());
            effort.addClassName("portal-muted");
            row.add(effort);
            list.add(row);
        }
        root.add(list);
        return root;
    }

    /** "host/path…" for a source link, so several sources of one fact can be told apart. */
    static String shortUrl(String url) {
        try {
            var uri = java.net.URI.create(url);
            String path = uri.getPath() == null ? "" : uri.getPath();
            String text = (uri.getHost() == null ? "" : uri.getHost().replaceFirst("^www\\.", "")) + path;
            return text.length() > 48 ? text.substring(0, 47) + "…" : text;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static Div card(String title, Component... content) {
        var card = new Div(new H4(title));
        card.add(content);
        card.addClassName("portal-card");
        return card;
    }

    // ---- inventory ----------------------------------------------------------------------------------------------

    private Component inventory(MigrationViews.Details d) {
        var i = d.inventory();
        var fields = new LinkedHashMap<String, HasValidation>();
        var total = count("Total users", i.totalUsers() == null ? null : i.totalUsers().doubleValue());
        var mau = count("Monthly active users", i.monthlyActiveUsers() == null ? null : i.monthlyActiveUsers().doubleValue());
        var password = percent("With passwords", i.passwordShare());
        var totp = percent("With TOTP", i.totpShare());
        var otp = percent("With SMS or email OTP", i.otpShare());
        var passkeys = percent("With passkeys", i.passkeyShare());
        var inactive = percent("Inactive for more than 90 days", i.inactiveShare());
        var social = count("Social connections", number(i.socialConnections()));
        var enterprise = count("Enterprise connections (SAML/OIDC)", number(i.enterpriseConnections()));
        var logic = count("Custom logic units (Actions, rules, hooks, Lambdas)", number(i.customLogicUnits()));
        var tenants = count("Tenants or organizations", number(i.tenants()));
        var retention = count("Required audit retention (days)", number(i.auditRetentionDays()));
        var consent = new Select<String>();
        consent.setLabel("Consent records kept");
        consent.setItems("", "yes", "no");
        consent.setItemLabelGenerator(v -> v.isEmpty() ? "Unknown" : v.equals("yes") ? "Yes" : "No");
        consent.setValue(i.consentRecords() == null ? "" : i.consentRecords() ? "yes" : "no");
        var region = new Select<String>();
        region.setLabel("Required residency region");
        var regions = new ArrayList<String>();
        regions.add("");
        regions.addAll(Vocabulary.REGIONS.stream().filter(r -> !r.equals("ANY")).toList());
        region.setItems(regions);
        region.setItemLabelGenerator(v -> v.isEmpty() ? "Unknown or none" : v);
        region.setValue(i.residencyRegion() == null ? "" : i.residencyRegion());
        var downtime = new Select<String>();
        downtime.setLabel("Downtime tolerance");
        var tolerances = new ArrayList<String>();
        tolerances.add("");
        for (var t : Inventory.DowntimeTolerance.values()) {
            tolerances.add(t.name());
        }
        downtime.setItems(tolerances);
        downtime.setItemLabelGenerator(v -> v.isEmpty() ? "Unknown" : Inventory.DowntimeTolerance.valueOf(v).label());
        downtime.setValue(i.downtimeTolerance() == null ? "" : i.downtimeTolerance().name());
        var scheme = new Select<String>();
        scheme.setLabel("Hash scheme of the in-house database");
        var schemes = new ArrayList<String>();
        schemes.add("");
        schemes.addAll(HashSchemes.ALL);
        scheme.setItems(schemes);
        scheme.setItemLabelGenerator(v -> v.isEmpty() ? "Unknown" : v);
        scheme.setValue(i.sourceHashScheme() == null ? "" : i.sourceHashScheme());
        scheme.setVisible(Side.IN_HOUSE.equals(d.summary().source()));

        fields.put("totalUsers", total);
        fields.put("monthlyActiveUsers", mau);
        fields.put("passwordShare", password);
        fields.put("totpShare", totp);
        fields.put("otpShare", otp);
        fields.put("passkeyShare", passkeys);
        fields.put("inactiveShare", inactive);
        fields.put("socialConnections", social);
        fields.put("enterpriseConnections", enterprise);
        fields.put("customLogicUnits", logic);
        fields.put("tenants", tenants);
        fields.put("auditRetentionDays", retention);
        fields.put("consentRecords", consent);
        fields.put("residencyRegion", region);
        fields.put("downtimeTolerance", downtime);
        fields.put("sourceHashScheme", scheme);

        var form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2),
                new FormLayout.ResponsiveStep("56em", 3));
        fields.values().forEach(f -> form.add((Component) f));
        var hint = new Paragraph("Leave a field empty when you do not know it: the assessment then says \"unknown\" instead of guessing. "
                + "Shares are percentages of all users.");
        hint.addClassName("portal-muted");
        var root = new VerticalLayout(hint, form);
        root.setPadding(false);
        if (!d.canEdit()) {
            fields.values().forEach(f -> ((com.vaadin.flow.component.HasValue<?, ?>) f).setReadOnly(true));
            root.add(new Paragraph("You can read this inventory; analysts who are owner or analyst of this migration edit it."));
            return root;
        }
        var save = new Button("Save inventory", e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                var inventory = new Inventory(longOf(total), longOf(mau), share(password), share(totp), share(otp), share(passkeys),
                        share(inactive), intOf(social), intOf(enterprise), intOf(logic), intOf(tenants),
                        consent.getValue().isEmpty() ? null : consent.getValue().equals("yes"), intOf(retention),
                        region.getValue().isEmpty() ? null : region.getValue(),
                        downtime.getValue().isEmpty() ? null : Inventory.DowntimeTolerance.valueOf(downtime.getValue()),
                        scheme.getValue().isEmpty() ? null : scheme.getValue());
                migrations.updateInventory(id, inventory);
                selectedTab = "Inventory";
                reload("Inventory saved; the assessment and the audit log are updated.");
            } catch (InvalidInputException ex) {
                var field = fields.get(ex.field());
                if (field != null) {
                    field.setErrorMessage(ex.getMessage());
                    field.setInvalid(true);
                } else {
                    Notification.show(ex.getMessage(), 5000, Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        root.add(save);
        return root;
    }

    private static NumberField count(String label, @Nullable Double value) {
        var f = new NumberField(label);
        f.setMin(0);
        f.setStep(1);
        f.setValue(value);
        f.setClearButtonVisible(true);
        f.setPlaceholder("unknown");
        return f;
    }

    private static NumberField percent(String label, @Nullable Double share) {
        var f = new NumberField(label);
        f.setMin(0);
        f.setMax(100);
        f.setSuffixComponent(new Span("%"));
        f.setValue(share == null ? null : Math.round(share * 1000) / 10.0);
        f.setClearButtonVisible(true);
        f.setPlaceholder("unknown");
        return f;
    }

    private static @Nullable Double number(@Nullable Integer n) {
        return n == null ? null : n.doubleValue();
    }

    private static @Nullable Long longOf(NumberField f) {
        return f.getValue() == null ? null : Math.round(f.getValue());
    }

    private static @Nullable Integer intOf(NumberField f) {
        if (f.getValue() == null) {
            return null;
        }
        double v = f.getValue();
        if (v > Integer.MAX_VALUE) {
            throw new InvalidInputException("totalUsers", "Too large.");
        }
        return (int) Math.round(v);
    }

    private static @Nullable Double share(NumberField f) {
        return f.getValue() == null ? null : f.getValue() / 100.0;
    }

    // ---- plan ---------------------------------------------------------------------------------------------------

    private Component plan(MigrationViews.Details d) {
        var root = new VerticalLayout();
        root.setPadding(false);
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
                section.add(planRow(item, d.canEdit(), memberNames));
            }
            if (d.canEdit()) {
                var text = new TextField();
                text.setPlaceholder("Add a task to this phase");
                text.setAriaLabel("New task for phase " + phase.number());
                text.setMaxLength(500);
                text.setWidth("min(36rem, 100%)");
                var add = new Button("Add", e -> {
                    try {
                        migrations.addPlanItem(id, phase.number(), text.getValue());
                        selectedTab = "Plan";
                        reload("Task added.");
                    } catch (InvalidInputException ex) {
                        text.setErrorMessage(ex.getMessage());
                        text.setInvalid(true);
                    }
                });
                add.setAriaLabel("Add task to phase " + phase.number());
                add.addClickShortcut(com.vaadin.flow.component.Key.ENTER).listenOn(text);
                var line = new HorizontalLayout(text, add);
                line.setAlignItems(FlexComponent.Alignment.BASELINE);
                section.add(line);
            }
            root.add(section);
        }
        return root;
    }

    private Component planRow(MigrationViews.PlanItemView item, boolean canEdit, Map<UUID, String> members) {
        var row = new Div();
        row.addClassName("portal-plan-item");
        var done = new Checkbox(item.text(), item.done());
        done.setReadOnly(!canEdit);
        done.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            migrations.setPlanItemDone(id, item.id(), e.getValue());
            selectedTab = "Plan";
            reload(e.getValue() ? "Marked done." : "Reopened.");
        });
        row.add(done);
        var meta = new Span((item.cutover() ? "Cutover · " : "") + (item.ownerName() == null ? "no owner" : "owner: " + item.ownerName())
                + (item.due() == null ? "" : " · due " + item.due()));
        meta.addClassName("portal-muted");
        row.add(meta);
        if (canEdit) {
            var edit = new Button("Edit", e -> editDialog(item, members));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            edit.setAriaLabel("Edit task: " + item.text());
            row.add(edit);
            if (item.custom()) {
                var remove = new Button("Remove", e -> {
                    migrations.removePlanItem(id, item.id());
                    selectedTab = "Plan";
                    reload("Task removed.");
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
        var due = new DatePicker("Due");
        due.setValue(item.due());
        due.setClearButtonVisible(true);
        dialog.add(new VerticalLayout(text, owner, due));
        var save = new Button("Save", e -> {
            try {
                migrations.updatePlanItem(id, item.id(), text.getValue(), owner.getValue(), due.getValue());
                dialog.close();
                selectedTab = "Plan";
                reload("Task saved.");
            } catch (InvalidInputException ex) {
                (ex.field().equals("owner") ? owner : text).setErrorMessage(ex.getMessage());
                text.setInvalid(!ex.field().equals("owner"));
                owner.setInvalid(ex.field().equals("owner"));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.setWidth("min(32rem, 95vw)");
        dialog.open();
    }

    // ---- what-if ------------------------------------------------------------------------------------------------

    private record Row(String label, Map<String, String> values) {}

    private Component whatIf(MigrationViews.Details d) {
        var root = new VerticalLayout();
        root.setPadding(false);
        var choices = migrations.vendorChoices().stream()
                .filter(c -> c.active() && !c.slug().equals(d.summary().source())).toList();
        var names = new HashMap<String, String>();
        choices.forEach(c -> names.put(c.slug(), c.name()));
        var pick = new MultiSelectComboBox<String>("Destinations to compare (up to 5)");
        pick.setItems(choices.stream().map(MigrationViews.Choice::slug).toList());
        pick.setItemLabelGenerator(s -> names.getOrDefault(s, s));
        pick.setWidth("min(40rem, 100%)");
        var intro = new Paragraph("The same source (" + d.summary().sourceName() + ") and inventory against other destinations.");
        intro.addClassName("portal-muted");
        var grid = new Grid<Row>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COLUMN_BORDERS);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel("Destinations compared item by item");
        root.add(intro, pick, grid);
        Runnable update = () -> {
            var chosen = new ArrayList<>(pick.getValue().stream().sorted().toList());
            chosen.remove(d.summary().destination());
            chosen.addFirst(d.summary().destination());
            var limited = chosen.stream().limit(5).toList();
            var results = migrations.whatIf(id, limited);
            grid.removeAllColumns();
            grid.addColumn(Row::label).setHeader("").setFrozen(true).setAutoWidth(true).setFlexGrow(0);
            for (var a : results) {
                String label = names.getOrDefault(a.destination(), d.summary().destinationName())
                        + (a.destination().equals(d.summary().destination()) ? " (current plan)" : "");
                grid.addColumn(r -> r.values().getOrDefault(a.destination(), "")).setHeader(label).setAutoWidth(true);
            }
            var rows = new ArrayList<Row>();
            rows.add(row("Pair difficulty", results, a -> a.difficulty().score() + " of 5"));
            rows.add(row("Strategy", results, a -> a.strategy().label()));
            rows.add(row("Dual-run window", results, a -> a.dualRunWeeks() + " weeks"));
            rows.add(row("Forced resets", results, a -> number(a.forcedResets())));
            rows.add(row("MFA / passkey re-enrollments", results, a -> number(a.mfaReenrollments())));
            for (var item : Assessment.Item.values()) {
                rows.add(row(item.label(), results, a -> a.item(item).verdict().label()));
            }
            grid.setItems(rows);
        };
        pick.addValueChangeListener(e -> {
            if (e.getValue().size() > 4) {
                pick.setValue(e.getOldValue());
                pick.setErrorMessage("Compare at most 4 other destinations.");
                pick.setInvalid(true);
                return;
            }
            pick.setInvalid(false);
            update.run();
        });
        update.run();
        return root;
    }

    private static Row row(String label, List<Assessment> results, java.util.function.Function<Assessment, String> value) {
        var values = new LinkedHashMap<String, String>();
        results.forEach(a -> values.put(a.destination(), value.apply(a)));
        return new Row(label, values);
    }

    // ---- members ------------------------------------------------------------------------------------------------

    private Component members(MigrationViews.Details d) {
        var root = new VerticalLayout();
        root.setPadding(false);
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
                    migrations.putMember(id, m.username(), e.getValue());
                    selectedTab = "Members";
                    reload("Role changed.");
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
                    migrations.removeMember(id, m.userId());
                    selectedTab = "Members";
                    reload("Member removed.");
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
                remove.setAriaLabel("Remove " + m.displayName());
                return remove;
            }).setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(d.members());
        grid.setAllRowsVisible(true);
        grid.setAriaLabel("Members of this migration");
        root.add(grid);
        if (d.canManageMembers()) {
            var candidates = migrations.candidates(id);
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
                migrations.putMember(id, person.getValue(), role.getValue());
                selectedTab = "Members";
                reload("Member added.");
            });
            var line = new HorizontalLayout(person, role, add);
            line.setAlignItems(FlexComponent.Alignment.BASELINE);
            line.setWrap(true);
            root.add(line);
            var roles = new Paragraph("Owner: runs the migration. Analyst: edits inventory and plan (needs the analyst portal role). "
                    + "Reviewer: reads, signs off gates. Viewer: reads.");
            roles.addClassName("portal-muted");
            root.add(roles);
        }
        return root;
    }

    private static String number(@Nullable Long n) {
        return n == null ? "unknown" : String.format(Locale.ENGLISH, "%,d", n);
    }

    private static String points(double p) {
        return p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p);
    }
}
