package io.ciamportal.audit.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.ciamportal.audit.AuditEntry;
import io.ciamportal.audit.AuditFilter;
import io.ciamportal.audit.AuditOutcome;
import io.ciamportal.audit.AuditQueryService;
import io.ciamportal.audit.ChainVerification;
import io.ciamportal.audit.UserNames;
import io.ciamportal.shared.Roles;
import io.ciamportal.shared.ui.Badge;
import io.ciamportal.shared.ui.HashText;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/** Admin: the whole audit log, filtered and lazily loaded, with entry details and a chain check. */
@Route(AuditView.ROUTE)
@PageTitle("Audit log")
@Menu(order = 91, title = "Audit", icon = "vaadin:file-text-o")
@RolesAllowed(Roles.ADMIN)
@NamedInterface("routes")
public final class AuditView extends VerticalLayout {

    /** The view's path; a compile-time constant, so that links to it do not load its JavaScript with the linking view. */
    public static final String ROUTE = "admin/audit";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final AuditQueryService audit;
    private final TextField actor = new TextField("Actor");
    private final ComboBox<String> action = new ComboBox<>("Action");
    private final ComboBox<String> targetType = new ComboBox<>("Target type");
    private final TextField targetId = new TextField("Target id");
    private final DatePicker from = new DatePicker("From (UTC)");
    private final DatePicker to = new DatePicker("To (UTC)");
    private final Div verifyResult = new Div();
    private final Grid<AuditEntry> grid = new Grid<>(AuditEntry.class, false);
    private final Span total = new Span();
    private final CallbackDataProvider<AuditEntry, Void> entries;

    private final Map<String, String> userNames;

    AuditView(AuditQueryService audit, UserNames users) {
        this.audit = audit;
        this.userNames = users.byId();
        addClassName("portal-view");
        setSizeFull();

        actor.setPlaceholder("Name or id");
        actor.setClearButtonVisible(true);
        actor.setValueChangeMode(ValueChangeMode.LAZY);
        targetId.setClearButtonVisible(true);
        targetId.setValueChangeMode(ValueChangeMode.LAZY);
        action.setItems(audit.actions());
        action.setItemLabelGenerator(AuditView::humanize);
        action.setClearButtonVisible(true);
        targetType.setItems(audit.targetTypes());
        targetType.setClearButtonVisible(true);
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);

        entries = DataProvider.fromCallbacks(
                query -> audit.find(filter(), query.getOffset(), query.getLimit()).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, audit.count(filter())));
        for (var field : new com.vaadin.flow.component.HasValue<?, ?>[] {actor, action, targetType, targetId, from, to}) {
            field.addValueChangeListener(e -> reload());
        }

        var reset = new Button("Reset filters", VaadinIcon.CLOSE_SMALL.create(), e -> {
            actor.clear();
            action.clear();
            targetType.clear();
            targetId.clear();
            from.clear();
            to.clear();
        });
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var verify = new Button("Verify chain", VaadinIcon.SHIELD.create(), e -> showVerification(audit.verify()));
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.setDisableOnClick(true);
        verify.addClickListener(e -> verify.setEnabled(true));

        var filters = new FlexLayout(actor, action, targetType, targetId, from, to, reset);
        filters.addClassName("portal-filters");
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        // Filters fold away so the entries keep the screen on a phone; open by default on wider screens.
        var filterPanel = new Details("Filters", filters);
        filterPanel.addClassName("portal-filter-panel");
        filterPanel.setOpened(true);
        addAttachListener(e -> e.getUI().getPage().retrieveExtendedClientDetails(details -> {
            if (details.getWindowInnerWidth() < 700) {
                filterPanel.setOpened(false);
            }
        }));

        verifyResult.addClassName("portal-verify-result");
        verifyResult.getElement().setAttribute("role", "status");
        verifyResult.setVisible(false);

        grid.addColumn(AuditEntry::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> WHEN.format(e.occurredAt())).setHeader("Time (UTC)").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::actorName).setHeader("Actor").setFlexGrow(1);
        grid.addColumn(e -> humanize(e.action())).setHeader("Action").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(this::target).setHeader("Target").setFlexGrow(2);
        grid.addComponentColumn(e -> outcomeBadge(e.outcome())).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(AuditView::details));
        grid.setDetailsVisibleOnClick(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText("No audit entries match these filters.");
        grid.setAriaLabel("Audit entries, newest first; select a row to see its details");
        grid.setItems(entries);
        grid.setSizeFull();

        total.addClassName("portal-muted");
        var summary = new FlexLayout(total, verify);
        summary.addClassName("portal-summary-bar");
        summary.setAlignItems(Alignment.CENTER);
        add(filterPanel, summary, verifyResult, grid);
        reload();
    }

    /** The filter as entered; an end date before the start date is flagged and left out. */
    private AuditFilter filter() {
        var end = to.getValue();
        boolean backwards = from.getValue() != null && end != null && end.isBefore(from.getValue());
        to.setErrorMessage(backwards ? "The end date is before the start date." : null);
        to.setInvalid(backwards);
        return new AuditFilter(actor.getValue(), action.getValue(), targetType.getValue(), targetId.getValue(),
                from.getValue(), backwards ? null : end);
    }

    private void reload() {
        long count = audit.count(filter());
        total.setText(count == 1 ? "1 entry" : count + " entries");
        entries.refreshAll();
    }

    private void showVerification(ChainVerification result) {
        verifyResult.removeAll();
        verifyResult.setVisible(true);
        verifyResult.removeClassNames("portal-verify-ok", "portal-verify-broken");
        if (result.intact()) {
            verifyResult.addClassName("portal-verify-ok");
            verifyResult.add(new Span("Chain intact: " + result.entries() + " entries, head hash "),
                    new HashText(result.headHash(), "head hash"));
        } else {
            verifyResult.addClassName("portal-verify-broken");
            verifyResult.add(new Span("Chain broken at entry " + result.firstBrokenId() + ". " + result.problem()));
        }
    }

    /** {@code USER_ROLES_CHANGED} reads as "User roles changed"; the exact name stays in the details and the API. */
    static String humanize(String action) {
        String words = action.toLowerCase(Locale.ROOT).replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private String target(AuditEntry e) {
        if (e.targetId() == null) {
            return e.targetType();
        }
        String name = "user".equals(e.targetType()) ? userNames.get(e.targetId()) : null;
        return name != null ? "user " + name : e.targetType() + " " + e.targetId();
    }

    private static Component outcomeBadge(AuditOutcome outcome) {
        return new Badge(switch (outcome) {
            case SUCCESS -> "Success";
            case FAILURE -> "Failure";
            case DENIED -> "Denied";
        }, switch (outcome) {
            case SUCCESS -> Badge.Tone.SUCCESS;
            case FAILURE -> Badge.Tone.WARNING;
            case DENIED -> Badge.Tone.ERROR;
        });
    }

    private static Component details(AuditEntry e) {
        var box = new Div();
        box.addClassName("portal-audit-details");
        box.add(new Span(e.action() + " on " + e.targetType() + (e.targetId() == null ? "" : " " + e.targetId())
                + " by " + e.actorName() + " (" + e.actorId() + ")" + (e.actorRoles().isEmpty() ? "" : ", roles " + e.actorRoles())));
        if (e.before() != null) {
            box.add(new H4("Before"), new Pre(e.before()));
        }
        if (e.after() != null) {
            box.add(new H4(e.before() == null ? "Details" : "After"), new Pre(e.after()));
        }
        var hashes = new Div(new Span("Previous hash "), new HashText(e.prevHash(), "previous hash"),
                new Span(" hash "), new HashText(e.hash(), "hash"));
        hashes.addClassName("portal-hashes");
        box.add(hashes);
        return box;
    }
}
