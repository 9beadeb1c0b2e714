package io.ciamportal.gate.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import io.ciamportal.gate.Decision;
import io.ciamportal.gate.GateService;
import io.ciamportal.gate.GateViews;
import io.ciamportal.migration.MigrationService;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.NotFoundException;
import io.ciamportal.shared.RuleViolationException;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

/** One gate: criteria, evidence, sign-offs, and the actions the user's roles allow. */
@Route("migrations/:id/gates/:gate")
@PermitAll
public final class GateView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final DateTimeFormatter WHEN = SignOffTable.WHEN;
    /** How many of the newest sign-offs the page shows until the user asks for all of them. */
    static final int LATEST_SIGN_OFFS = 20;

    private final GateService gates;
    private final MigrationService migrations;
    private UUID id = new UUID(0, 0);
    private String key = "";
    private String title = "Gate";
    private boolean allSignOffs;

    GateView(GateService gates, MigrationService migrations) {
        this.gates = gates;
        this.migrations = migrations;
        addClassNames("portal-view", "portal-gate");
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            id = UUID.fromString(event.getRouteParameters().get("id").orElse(""));
            key = event.getRouteParameters().get("gate").orElse("");
            allSignOffs = false;
            show(gates.gate(id, key));
        } catch (IllegalArgumentException | NotFoundException e) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
        }
    }

    /** Runs a change and shows its result, or a clear message when a rule or a concurrent change refused it. */
    private void act(Supplier<GateViews.GateView> change, String success) {
        try {
            show(change.get());
            Notification.show(success, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
            show(gates.gate(id, key));
            warn("Someone changed this gate at the same moment. It is reloaded: check it and try again.");
        } catch (RuleViolationException | InvalidInputException e) {
            warn(e.getMessage());
        }
    }

    private static void warn(String message) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void show(GateViews.GateView g) {
        removeAll();
        var access = migrations.access(id);
        title = g.key().title() + " · " + access.name();
        var heading = new H2(g.key().title());
        heading.setId("gate-title");
        var status = GateBadges.status(g.status());
        status.setId("gate-status");
        var approvals = new Span(g.approvals() + " of " + g.requiredApprovals() + " approvals");
        approvals.setId("gate-approvals");
        var head = new HorizontalLayout(status, approvals);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        var purpose = new Paragraph(g.key().purpose());
        purpose.addClassName("portal-muted");
        var submitted = new Span(g.submittedBy() == null ? "Not submitted." : "Submitted by " + g.submittedBy()
                + (g.submittedAt() == null ? "" : " on " + WHEN.format(g.submittedAt())) + ".");
        submitted.addClassName("portal-muted");
        add(new Anchor("migrations/" + id + "/gates", "← All gates of " + access.name()), heading, head, purpose, submitted);
        GateBadges.notices(g).forEach(this::add);
        add(actions(g));

        add(new H3("Criteria"));
        var criteria = new UnorderedList();
        for (var c : g.criteria()) {
            var item = new ListItem(c.text() + (c.custom() ? " (custom)" : ""));
            if (c.custom() && g.canEdit()) {
                var remove = new Button("Remove", e -> act(() -> gates.removeCriterion(id, key, c.id()), "Criterion removed; sign-offs are outdated."));
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                item.add(remove);
            }
            criteria.add(item);
        }
        add(criteria);
        if (g.canEdit()) {
            var text = new TextField();
            text.setPlaceholder("Add a criterion of your own");
            text.setAriaLabel("New criterion");
            text.getStyle().set("flex", "1 1 16rem");
            var add = new Button("Add criterion", e -> act(() -> gates.addCriterion(id, key, text.getValue()), "Criterion added."));
            var line = new HorizontalLayout(text, add);
            line.setWidth("min(48rem, 100%)");
            line.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(line);
        }

        add(new H3("Evidence (" + g.evidence().size() + ")"));
        if (g.evidence().isEmpty()) {
            add(new Paragraph("No evidence yet. Reviewers judge the gate on what is added here."));
        }
        var evidence = new Div();
        evidence.addClassName("portal-evidence");
        for (var e : g.evidence()) {
            evidence.add(evidenceRow(e, g.canEdit()));
        }
        add(evidence);
        if (g.canEdit()) {
            add(evidenceForms());
        }

        add(new H3("Sign-offs"));
        var signOffs = g.signOffs();
        if (signOffs.isEmpty()) {
            add(new Paragraph("No sign-offs yet."));
        } else {
            if (!allSignOffs && signOffs.size() > LATEST_SIGN_OFFS) {
                // The full history stays one click away; an idle page keeps only the rows it shows.
                signOffs = signOffs.subList(signOffs.size() - LATEST_SIGN_OFFS, signOffs.size());
                var more = new Button("Show all " + g.signOffs().size(), e -> {
                    allSignOffs = true;
                    show(gates.gate(id, key));
                });
                more.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
                more.setId("gate-sign-offs-all");
                var note = new Paragraph(new Span("The latest " + LATEST_SIGN_OFFS + " of " + g.signOffs().size() + " sign-offs, newest last. "), more);
                note.addClassName("portal-muted");
                note.setId("gate-sign-offs-note");
                add(note);
            }
            add(new Html("<div class=\"portal-table-scroll\">" + SignOffTable.html(signOffs, "Sign-offs of this gate, oldest first") + "</div>"));
        }
    }

    private Component actions(GateViews.GateView g) {
        var bar = new HorizontalLayout();
        bar.setWrap(true);
        if (g.canSubmit()) {
            var submit = new Button("Submit for review", e -> act(() -> gates.submit(id, key), "Submitted: the reviewers see it in their inbox."));
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(submit);
        }
        if (g.canSign()) {
            var approve = new Button("Approve", e -> decide(Decision.APPROVE));
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            var changes = new Button("Request changes", e -> decide(Decision.REQUEST_CHANGES));
            var reject = new Button("Reject", e -> decide(Decision.REJECT));
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            bar.add(approve, changes, reject);
        }
        if (g.canRevoke()) {
            var revoke = new Button("Revoke my approval", e -> act(() -> gates.revoke(id, key, null), "Your approval is revoked."));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            bar.add(revoke);
        }
        if (g.canAssign()) {
            var access = migrations.access(id);
            var owner = new ComboBox<String>("Gate owner");
            owner.setItems(access.members().stream().map(m -> m.username()).toList());
            owner.setItemLabelGenerator(u -> access.members().stream().filter(m -> m.username().equals(u)).map(m -> m.displayName()).findFirst().orElse(u));
            access.members().stream().filter(m -> m.userId().equals(g.ownerId())).findFirst().ifPresent(m -> owner.setValue(m.username()));
            owner.setClearButtonVisible(true);
            owner.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    act(() -> gates.assignOwner(id, key, e.getValue()), "Owner set.");
                }
            });
            bar.add(owner);
            bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        }
        return bar;
    }

    private void decide(Decision decision) {
        var dialog = new Dialog();
        dialog.setHeaderTitle(decision.label() + ": " + title);
        var comment = new TextArea("Comment");
        comment.setWidthFull();
        comment.setMaxLength(2000);
        comment.setHelperText(decision == Decision.APPROVE ? "Optional. Your sign-off records your name, your role, the time, its meaning "
                + "(security approval) and a hash of the evidence and inventory you saw." : "Required: say what has to change.");
        dialog.add(comment);
        var confirm = new Button(decision.label(), e -> {
            dialog.close();
            act(() -> gates.signOff(id, key, decision, comment.getValue()), decision == Decision.APPROVE ? "Approved." : decision.label() + " recorded.");
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.setWidth("min(32rem, 95vw)");
        dialog.open();
        comment.focus();
    }

    private Component evidenceRow(GateViews.Evidence e, boolean canEdit) {
        var row = new Div();
        row.addClassName("portal-evidence-item");
        var title = new Span(e.title());
        title.addClassName("portal-evidence-title");
        row.add(title);
        switch (e.kind()) {
            case "LINK" -> {
                var link = new Anchor(e.url() == null ? "" : e.url(), e.url() == null ? "" : e.url());
                link.setTarget("_blank");
                link.getElement().setAttribute("rel", "noopener noreferrer");
                row.add(link);
            }
            case "FILE" -> {
                var download = new Anchor("/api/v1/migrations/" + id + "/evidence/" + e.id() + "/content", "Download " + e.fileName());
                download.getElement().setAttribute("download", true);
                var hash = new Span(e.contentType() + " · " + e.sizeBytes() + " bytes · SHA-256 " + e.sha256());
                hash.addClassName("portal-muted");
                row.add(download, hash);
            }
            default -> row.add(new Paragraph(e.body() == null ? "" : e.body()));
        }
        var meta = new Span("added by " + e.addedBy() + ", " + WHEN.format(e.addedAt()));
        meta.addClassName("portal-muted");
        row.add(meta);
        if (canEdit) {
            var remove = new Button("Remove", x -> act(() -> gates.removeEvidence(id, key, e.id()), "Evidence removed; sign-offs are outdated."));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove evidence " + e.title());
            row.add(remove);
        }
        return row;
    }

    private Component evidenceForms() {
        var box = new Div();
        box.addClassNames("portal-card", "portal-evidence-forms");
        var title = new TextField("Evidence title");
        title.setMaxLength(200);
        title.setWidthFull();
        var text = new TextArea("Text");
        text.setMaxLength(10_000);
        text.setWidthFull();
        var addText = new Button("Add text", e -> act(() -> gates.addText(id, key, title.getValue(), text.getValue()),
                "Evidence added; earlier sign-offs are outdated."));
        var url = new TextField("Link (https://…)");
        url.setWidthFull();
        var addLink = new Button("Add link", e -> act(() -> gates.addLink(id, key, title.getValue(), url.getValue()),
                "Evidence added; earlier sign-offs are outdated."));
        var upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() ->
                act(() -> gates.addFile(id, key, title.getValue(), metadata.fileName(), bytes), "File added; earlier sign-offs are outdated.")))));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, gates.maxFileBytes()));
        upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg", ".txt", ".csv", ".json", ".md");
        upload.addFileRejectedListener(e -> warn(e.getErrorMessage()));
        var hint = new Span("Files: PDF, PNG, JPEG, TXT, CSV, JSON or Markdown, up to " + (gates.maxFileBytes() / (1024 * 1024))
                + " MB. Their SHA-256 is recorded; they are always downloaded, never shown in the browser.");
        hint.addClassName("portal-muted");
        box.add(new H3("Add evidence"), title, text, addText, url, addLink, upload, hint);
        return box;
    }
}
