package io.ciamportal.vendor.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.ciamportal.audit.AuditEntry;
import io.ciamportal.audit.AuditQueryService;
import io.ciamportal.security.CurrentUser;
import io.ciamportal.security.PortalRole;
import io.ciamportal.shared.NotFoundException;
import io.ciamportal.shared.ui.Badge;
import io.ciamportal.vendor.CapabilityEdit;
import io.ciamportal.vendor.Difficulty;
import io.ciamportal.vendor.VendorCurationService;
import io.ciamportal.vendor.VendorService;
import io.ciamportal.vendor.VendorViews;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One vendor: lifecycle, both difficulty scores with their breakdown, sourced facts and every capability value. */
@Route("vendors/:slug")
@PermitAll
public final class VendorProfileView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Map<String, String> FACT_LABELS = new LinkedHashMap<>();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    static {
        FACT_LABELS.put("deployment", "Deployment");
        FACT_LABELS.put("license", "Licence");
        FACT_LABELS.put("pricing", "Pricing");
        FACT_LABELS.put("audiences", "Audiences");
        FACT_LABELS.put("regions", "Hosting regions");
        FACT_LABELS.put("attestations", "Attestations");
        FACT_LABELS.put("lifecycle", "Lifecycle");
        FACT_LABELS.put("tier", "Tier");
    }

    private final VendorService vendors;
    private final VendorCurationService curation;
    private final AuditQueryService audit;
    private final boolean curator;
    private final Clock clock;
    private final int staleAfterDays;
    private final java.util.List<VendorProfileTab> extraTabs;
    private String title = "Vendor";
    private String slug = "";
    /** The version of the vendor as shown: every edit from this page is based on it. */
    private long version;

    VendorProfileView(VendorService vendors, VendorCurationService curation, AuditQueryService audit, CurrentUser currentUser,
            Clock clock, io.ciamportal.vendor.DatasetProperties dataset,
            org.springframework.beans.factory.ObjectProvider<VendorProfileTab> extraTabs) {
        this.staleAfterDays = dataset.staleAfterDays();
        this.extraTabs = extraTabs.orderedStream().sorted(java.util.Comparator.comparingInt(VendorProfileTab::order)).toList();
        this.vendors = vendors;
        this.curation = curation;
        this.audit = audit;
        this.curator = currentUser.get().map(p -> p.hasRole(PortalRole.ADMIN)).orElse(false);
        this.clock = clock;
        addClassName("portal-view");
        addClassName("portal-vendor-profile");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        slug = event.getRouteParameters().get("slug").orElse("");
        VendorViews.Profile profile;
        try {
            profile = vendors.profile(slug);
        } catch (NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        title = profile.summary().name();
        show(profile);
    }

    private void show(VendorViews.Profile profile) {
        version = profile.version();
        removeAll();
        var page = new VerticalLayout();
        page.setPadding(false);
        var history = new VerticalLayout();
        history.setPadding(false);
        var tabs = new TabSheet();
        tabs.add("Profile", page);
        tabs.add("History", history);
        var extra = new java.util.LinkedHashMap<String, VerticalLayout>();
        for (var tab : extraTabs) {
            var holder = new VerticalLayout();
            holder.setPadding(false);
            extra.put(tab.label(), holder);
            tabs.add(tab.label(), holder);
        }
        tabs.setWidthFull();
        tabs.addSelectedChangeListener(e -> {
            String label = e.getSelectedTab().getLabel();
            if (label.equals("History")) {
                history.removeAll();
                history.add(historyOf(profile.summary().slug()));
            }
            for (var tab : extraTabs) {
                var holder = extra.get(tab.label());
                if (tab.label().equals(label) && holder != null && holder.getComponentCount() == 0) {
                    holder.add(tab.content(profile.summary().slug()));
                }
            }
        });
        add(new RouterLink("← All vendors", VendorIndexView.class), tabs);
        render(page, profile, LocalDate.now(clock));
    }

    private Component historyOf(String vendor) {
        var entries = audit.publicTrail("vendor", vendor);
        if (entries.isEmpty()) {
            return new Paragraph("No changes since the dataset was loaded.");
        }
        var grid = new Grid<AuditEntry>();
        grid.addColumn(e -> WHEN.format(e.occurredAt())).setHeader("Time (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actorName).setHeader("Who").setAutoWidth(true);
        grid.addColumn(e -> VendorBadges.words(e.action())).setHeader("Change").setAutoWidth(true);
        grid.addColumn(e -> ChangeSummary.of(e.before(), e.after())).setHeader("What changed").setFlexGrow(3);
        grid.setItems(entries);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setAriaLabel("Changes to this vendor, newest first");
        return grid;
    }

    private void reload() {
        show(vendors.profile(slug));
        Notification.show("Saved. The change is in the History tab.", 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }


    @Override
    public String getPageTitle() {
        return title + " · Vendors";
    }

    private void render(VerticalLayout page, VendorViews.Profile p, LocalDate today) {
        var s = p.summary();
        var heading = new H2(s.name());
        var badges = new Div(VendorBadges.lifecycle(s.lifecycle()), new Badge(VendorBadges.words(s.tier().name()), Badge.Tone.NEUTRAL),
                new Badge(VendorBadges.words(s.deployment().name()), Badge.Tone.NEUTRAL),
                VendorBadges.difficulty("In", s.inbound()), VendorBadges.difficulty("Out", s.outbound()));
        badges.addClassName("portal-badges");
        page.add(heading, new Paragraph(p.fullName()), badges);
        var links = new Div();
        links.addClassName("portal-links");
        if (p.website() != null) {
            links.add(external(p.website(), "Website"));
        }
        if (p.docsUrl() != null) {
            links.add(external(p.docsUrl(), "Documentation"));
        }
        var compare = new RouterLink("Compare with others", CompareView.class);
        compare.setQueryParameters(com.vaadin.flow.router.QueryParameters.of("vendors", s.slug()));
        links.add(compare);
        page.add(links);
        if (VendorBadges.inactive(s.lifecycle())) {
            var banner = new Div(new Span(switch (s.lifecycle().status()) {
                case END_OF_SALE -> s.name() + " is no longer sold to new customers" + (s.lifecycle().endOfSale() == null ? "" : " (since "
                        + s.lifecycle().endOfSale() + ")") + ". Existing tenants should plan a move; it is never recommended as a destination.";
                case END_OF_LIFE -> s.name() + " reaches its end of life" + (s.lifecycle().endOfLife() == null ? "" : " on "
                        + s.lifecycle().endOfLife()) + ".";
                case ACTIVE -> "";
            }));
            banner.addClassName("portal-banner-error");
            banner.getElement().setAttribute("role", "note");
            page.add(banner);
        }

        page.add(new H3("Migration difficulty"));
        var scores = new Div(scoreCard("Leaving " + s.name() + " (outbound)", s.outbound(), VendorCurationService.Direction.OUTBOUND),
                scoreCard("Arriving on " + s.name() + " (inbound)", s.inbound(), VendorCurationService.Direction.INBOUND));
        scores.addClassName("portal-two-columns");
        page.add(scores);

        page.add(new H3("Facts"));
        if (curator) {
            var editFacts = new Button("Edit facts", e -> new FactsEditDialog(s.name(), io.ciamportal.vendor.FactsEdit.of(p), edit -> {
                curation.updateFacts(slug, version, edit);
                reload();
            }).open());
            editFacts.addThemeVariants(ButtonVariant.LUMO_SMALL);
            editFacts.setTooltipText("Deployment, licence, pricing, audiences, regions, attestations, lifecycle and migration facts");
            page.add(editFacts);
        }
        var facts = new Div();
        facts.addClassName("portal-fact-list");
        var m = p.migration();
        FACT_LABELS.forEach((key, label) -> {
            var fact = p.facts().get(key);
            facts.add(factRow(label, valueOf(key, p), key, fact, today));
        });
        facts.add(factRow("Password-hash export", VendorBadges.words(m.hashExportPolicy().name())
                + (m.hashExportScheme() == null ? "" : " (" + m.hashExportScheme() + ")"), "hashExport", p.facts().get("hashExport"), today));
        facts.add(factRow("Password-hash import", m.hashImportSchemes().isEmpty() ? "None known" : String.join(", ", m.hashImportSchemes()),
                "hashImportSchemes", p.facts().get("hashImportSchemes"), today));
        facts.add(factRow("Just-in-time migration", m.jitHookName() == null ? "—" : m.jitHookName(), "jitMigration", p.facts().get("jitMigration"), today));
        facts.add(factRow("Bulk import", joined(m.bulkImportFormat(), m.bulkImportLimits()), "bulkImport", p.facts().get("bulkImport"), today));
        facts.add(factRow("Bulk export", joined(m.bulkExportFormat(), m.bulkExportLimits()), "bulkExport", p.facts().get("bulkExport"), today));
        page.add(facts);

        page.add(new H3("Capabilities"));
        String group = "";
        Div list = null;
        for (var c : p.capabilities()) {
            if (!c.groupKey().equals(group)) {
                group = c.groupKey();
                page.add(new H4(c.groupName()));
                list = new Div();
                list.addClassName("portal-fact-list");
                page.add(list);
            }
            list.add(capabilityRow(c, today, curator ? () -> new CapabilityEditDialog(s.name() + " · " + c.name(), c.support(), c.note(),
                    c.sources(), c.confirmed(), (support, note, sources, confirmed) -> curation.updateCapability(slug, version, c.key(),
                            new CapabilityEdit(support, note, sources, confirmed)), this::reload).open() : null));
        }
    }

    private static String valueOf(String key, VendorViews.Profile p) {
        var s = p.summary();
        return switch (key) {
            case "deployment" -> VendorBadges.words(s.deployment().name());
            case "license" -> p.license() + (s.openSource() ? " (open source)" : "");
            case "pricing" -> s.pricingModels().isEmpty() ? "Unknown" : String.join(", ", s.pricingModels().stream().map(VendorBadges::words).toList());
            case "audiences" -> s.audiences().isEmpty() ? "Unknown" : String.join(", ", s.audiences());
            case "regions" -> p.regions().isEmpty() ? "Unknown" : String.join(", ", p.regions());
            case "attestations" -> p.attestations().isEmpty() ? "None known" : String.join(", ", p.attestations());
            case "lifecycle" -> VendorBadges.words(s.lifecycle().status().name());
            case "tier" -> VendorBadges.words(s.tier().name());
            default -> "";
        };
    }

    private static String joined(String a, String b) {
        return List.of(a == null ? "" : a, b == null ? "" : b).stream().filter(x -> !x.isBlank())
                .reduce((x, y) -> x + "; " + y).orElse("—");
    }

    private Component scoreCard(String title, Difficulty d, VendorCurationService.Direction direction) {
        var card = new Div();
        card.addClassName("portal-card");
        card.add(new H4(title + ": " + d.score() + " of 5"));
        if (d.overridden()) {
            card.add(new Paragraph("Set by a curator (the rules give " + d.computed() + "): " + d.overrideReason()));
        }
        var table = new Div();
        table.addClassName("portal-breakdown");
        table.getElement().setAttribute("role", "table");
        table.getElement().setAttribute("aria-label", title + " breakdown");
        table.add(row("Starting point", "1", "Every move takes some work"));
        for (var part : d.breakdown()) {
            table.add(row(part.fact(), (part.points() > 0 ? "+" : "") + format(part.points()), part.reason()));
        }
        card.add(table, new RouterLink("How scores work", ScoringRulesView.class));
        if (curator) {
            var override = new Button(d.overridden() ? "Change override" : "Override score", e ->
                    new OverrideDialog(title, d, score -> reason -> {
                        curation.overrideDifficulty(slug, version, direction, score, reason);
                        reload();
                    }).open());
            override.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            card.add(override);
        }
        return card;
    }

    private static Div row(String fact, String points, String reason) {
        var r = new Div(new Span(fact), new Span(points), new Span(reason));
        r.addClassName("portal-breakdown-row");
        r.getElement().setAttribute("role", "row");
        r.getChildren().forEach(c -> c.getElement().setAttribute("role", "cell"));
        return r;
    }

    private static String format(double points) {
        return points == Math.rint(points) ? String.valueOf((int) points) : String.valueOf(points);
    }

    private Component factRow(String label, String value, String key, VendorViews.Fact fact, LocalDate today) {
        var r = new Div();
        r.addClassName("portal-fact");
        var head = new Div(new Span(label), new Span(value));
        head.addClassName("portal-fact-head");
        if (curator) {
            var button = new Button("Edit", e -> new CapabilityEditDialog(title + " · " + label, null,
                    fact == null ? "" : fact.note(), fact == null ? List.of() : fact.sources(), fact != null && fact.confirmed(),
                    (support, note, sources, confirmed) -> curation.updateFact(slug, version, key, note, sources, confirmed), this::reload).open());
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            button.setAriaLabel("Edit " + label);
            head.add(button);
        }
        r.add(head);
        if (fact == null) {
            r.add(new Span("Not researched yet."));
            return r;
        }
        r.add(new Paragraph(fact.note()));
        r.add(meta(fact.confirmed(), fact.sources(), fact.reviewedOn(), today));
        return r;
    }

    private Component capabilityRow(VendorViews.CapabilityValue c, LocalDate today, Runnable edit) {
        var r = new Div();
        r.addClassName("portal-fact");
        var head = new Div(new Span(c.name()), VendorBadges.support(c.support()));
        head.addClassName("portal-fact-head");
        if (edit != null) {
            var button = new Button("Edit", e -> edit.run());
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            button.setAriaLabel("Edit " + c.name());
            head.add(button);
        }
        r.add(head, new Paragraph(c.note()));
        r.add(meta(c.confirmed(), c.sources(), c.reviewedOn(), today));
        return r;
    }

    private Component meta(boolean confirmed, List<String> sources, @org.jspecify.annotations.Nullable LocalDate reviewedOn,
            LocalDate today) {
        var meta = new Div(VendorBadges.confirmation(confirmed));
        meta.addClassName("portal-fact-meta");
        if (reviewedOn != null) {
            meta.add(new Span("Read " + reviewedOn));
            if (reviewedOn.plusDays(staleAfterDays).isBefore(today)) {
                meta.add(new Badge("Needs review", Badge.Tone.WARNING));
            }
        } else {
            meta.add(new Span("Never read at a source"));
        }
        meta.add(VendorBadges.sources(sources));
        return meta;
    }

    private static Anchor external(String url, String text) {
        var a = new Anchor(url, text);
        a.setTarget("_blank");
        a.getElement().setAttribute("rel", "noopener noreferrer");
        return a;
    }
}
