package io.ciamportal.migration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import io.ciamportal.migration.ClaimDiffService;
import io.ciamportal.migration.ClaimDiffViews;
import io.ciamportal.migration.MigrationViews;
import io.ciamportal.migration.claims.ClaimDiff;
import io.ciamportal.migration.claims.ClaimFlow;
import io.ciamportal.migration.claims.ClaimVerdict;
import io.ciamportal.migration.claims.TokenDecoder;
import io.ciamportal.migration.claims.TokenKind;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.ui.Badge;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The dual-run tab: paste a flow's token from the old platform and from the new, compare, and read claim by claim what
 * changed. The text areas are emptied after every comparison, successful or not, so a token stays in the page no longer
 * than the round trip; only names and verdicts come back. Viewers read the stored diffs.
 */
final class ClaimDiffPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private final UUID id;
    private final ClaimDiffService claimDiffs;
    private final Div results = new Div();
    private @Nullable ClaimFlow justCompared;

    ClaimDiffPanel(MigrationViews.Details details, ClaimDiffService claimDiffs) {
        this.id = details.summary().id();
        this.claimDiffs = claimDiffs;
        setPadding(false);
        addClassName("portal-claim-diffs");
        results.setWidthFull();
        var intro = new Paragraph("During the dual run, sign in through each critical flow on both platforms and compare the tokens: the portal "
                + "decodes them in memory, compares them claim by claim and keeps only the claim names and verdicts, never a token or a value. "
                + "Signatures are not verified (the portal holds neither platform's keys): paste tokens you obtained yourself.");
        intro.addClassName("portal-muted");
        add(intro);
        var status = claimDiffs.status(id);
        if (status.canCompare()) {
            add(compareCard());
        } else {
            var readOnly = new Paragraph("Analysts of this migration compare tokens; you can read the results.");
            readOnly.addClassName("portal-muted");
            add(readOnly);
        }
        add(results);
        show(status);
    }

    private Component compareCard() {
        var flow = new Select<ClaimFlow>();
        flow.setLabel("Flow");
        flow.setItems(ClaimFlow.values());
        flow.setItemLabelGenerator(f -> f.label() + (f.required() ? "" : " (optional)"));
        flow.setValue(ClaimFlow.SIGN_IN);
        var oldToken = tokenArea("Old platform's token");
        var newToken = tokenArea("New platform's token");
        var areas = new Div(oldToken, newToken);
        areas.addClassName("portal-token-pair");
        var compare = new Button("Compare");
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compare.addClickListener(e -> {
            oldToken.setInvalid(false);
            newToken.setInvalid(false);
            String before = oldToken.getValue();
            String after = newToken.getValue();
            // the tokens leave the page state at once, whatever the outcome
            oldToken.clear();
            newToken.clear();
            try {
                var c = claimDiffs.compare(id, flow.getValue() == null ? null : flow.getValue().name(), before, after);
                justCompared = c.flow();
                show(claimDiffs.status(id));
            } catch (InvalidInputException ex) {
                var field = "newToken".equals(ex.field()) ? newToken : oldToken;
                if ("flow".equals(ex.field())) {
                    flow.setErrorMessage(ex.getMessage());
                    flow.setInvalid(true);
                } else {
                    field.setErrorMessage(ex.getMessage() + " Paste it again.");
                    field.setInvalid(true);
                }
            }
        });
        var help = new Paragraph("A compact JWT (header.payload.signature) or its decoded claims as JSON, at most 16 KiB each; ID or access "
                + "token, the same flow on both sides. Encrypted tokens (JWE) and unsigned ones (alg none) are refused.");
        help.addClassName("portal-muted");
        return MigrationFormat.card("Compare a flow", flow, areas, help, compare);
    }

    private static TextArea tokenArea(String label) {
        var area = new TextArea(label);
        area.setMaxLength(TokenDecoder.MAX_CHARS);
        area.setPlaceholder("eyJhbGciOi… or {\"sub\": …}");
        area.setWidthFull();
        area.setMinHeight("7rem");
        area.setMaxHeight("12rem");
        area.addClassName("portal-token");
        area.getElement().setAttribute("autocomplete", "off");
        area.getElement().setAttribute("spellcheck", "false");
        area.getElement().setAttribute("autocapitalize", "off");
        return area;
    }

    private void show(ClaimDiffViews.Status status) {
        results.removeAll();
        results.add(flowOverview(status));
        for (var c : status.latest()) {
            var body = comparison(c);
            var summary = new Span(new Span(c.flowLabel() + " "), c.toReview() == 0 ? new Badge("nothing to review", Badge.Tone.SUCCESS)
                    : new Badge(c.toReview() + " to review", Badge.Tone.WARNING));
            var section = new Details(summary, body);
            section.setWidthFull();
            section.setOpened(c.flow() == justCompared || (justCompared == null && status.latest().size() == 1));
            section.getElement().setAttribute("data-flow", c.flow().name());
            results.add(section);
        }
        if (status.history().size() > status.latest().size()) {
            results.add(history(status));
        }
    }

    private Component flowOverview(ClaimDiffViews.Status status) {
        var heading = new H3("Flows");
        var list = new UnorderedList();
        list.addClassName("portal-flow-list");
        for (var f : ClaimFlow.values()) {
            var c = status.latest().stream().filter(x -> x.flow() == f).findFirst().orElse(null);
            if (c == null && !f.required()) {
                continue;
            }
            var item = new ListItem(new Span(f.label() + ": "), c == null ? new Badge("not compared", Badge.Tone.NEUTRAL)
                    : new Badge("compared " + WHEN.format(c.comparedAt()), c.toReview() == 0 ? Badge.Tone.SUCCESS : Badge.Tone.WARNING));
            item.getElement().setAttribute("data-flow", f.name());
            list.add(item);
        }
        var box = new Div(heading, list);
        if (!status.notCompared().isEmpty()) {
            var missing = new Div(new Span("Not compared yet: " + String.join(", ", status.notCompared().stream().map(ClaimDiffViews.FlowRef::label)
                    .toList()) + ". Compare every critical flow before cutover."));
            missing.addClassNames("portal-notice", "portal-notice-info");
            missing.getElement().setAttribute("data-notice", "flows-not-compared");
            box.add(missing);
        }
        return box;
    }

    private Component comparison(ClaimDiffViews.Comparison c) {
        var box = new Div();
        box.addClassName("portal-claim-diff");
        var meta = new Paragraph("Compared " + WHEN.format(c.comparedAt()) + " by " + c.comparedBy() + ": old " + c.oldKind().label() + ", new "
                + c.newKind().label() + ".");
        meta.addClassName("portal-muted");
        box.add(meta);
        if (c.subChanged()) {
            box.add(subWarning(c));
        }
        if (c.oldKind() != c.newKind() && c.oldKind() != TokenKind.UNKNOWN && c.newKind() != TokenKind.UNKNOWN) {
            var kinds = new Div(new Span("The old token looks like an " + c.oldKind().label() + " and the new one like an " + c.newKind().label()
                    + ": compare the same kind of token for a meaningful diff."));
            kinds.addClassNames("portal-notice", "portal-notice-info");
            box.add(kinds);
        }
        var table = new NativeTable();
        table.addClassName("portal-claim-table");
        table.setCaptionText(c.flowLabel() + ": claims of the old token against the new");
        var head = table.getHead().addRow();
        head.addHeaderCell().setText("Claim");
        head.addHeaderCell().setText("Verdict");
        head.addHeaderCell().setText("Detail");
        var rows = table.getBody();
        for (var claim : c.claims()) {
            var row = rows.addRow();
            row.getElement().setAttribute("data-claim", claim.name());
            var name = row.addDataCell();
            name.add(new Span(claim.name()));
            if (claim.newName() != null) {
                name.add(new Span(" → " + claim.newName()));
            }
            name.addClassName("portal-claim-name");
            row.addDataCell().add(verdict(claim.verdict()));
            row.addDataCell().setText(claim.detail());
        }
        var scroll = new Div(table);
        scroll.addClassName("portal-table-scroll");
        box.add(scroll);
        return box;
    }

    private static Component subWarning(ClaimDiffViews.Comparison c) {
        var warning = new Div();
        warning.addClassNames("portal-notice", "portal-notice-warning");
        warning.getElement().setAttribute("data-notice", "sub-changed");
        warning.getElement().setAttribute("role", "alert");
        var sub = c.claims().stream().filter(x -> x.name().equals("sub")).findFirst().map(ClaimDiff.Claim::detail).orElse("");
        warning.add(new Span("The user's sub changes in this flow" + (sub.isEmpty() ? "" : " (" + sub + ")") + ": every app that stores sub as "
                + "a key loses its users unless it maps the old ids to the new ones, or the destination keeps the source's ids."));
        if (c.appsKeyedOnSub().isEmpty()) {
            warning.add(new Paragraph("No app in the application inventory is marked as keyed on sub; check the apps' databases."));
        } else {
            var apps = new UnorderedList();
            c.appsKeyedOnSub().forEach(a -> apps.add(new ListItem(a)));
            warning.add(new Span(" Apps keyed on sub:"), apps);
        }
        return warning;
    }

    static Badge verdict(ClaimVerdict v) {
        var tone = switch (v) {
            case MISSING, TYPE_CHANGED -> Badge.Tone.ERROR;
            case FORMAT_CHANGED, VALUE_DIFFERS, ISSUER_CHANGED, AUDIENCE_CHANGED, LIFETIME_CHANGED, ALGORITHM_CHANGED -> Badge.Tone.WARNING;
            case RENAMED -> Badge.Tone.INFO;
            case ADDED, EXPECTED -> Badge.Tone.NEUTRAL;
            case SAME -> Badge.Tone.SUCCESS;
        };
        var badge = new Badge(v.label(), tone);
        badge.getElement().setAttribute("data-verdict", v.name());
        return badge;
    }

    private Component history(ClaimDiffViews.Status status) {
        var table = new NativeTable();
        table.addClassName("portal-claim-table");
        table.setCaptionText("Every comparison, newest first");
        var head = table.getHead().addRow();
        head.addHeaderCell().setText("When");
        head.addHeaderCell().setText("Flow");
        head.addHeaderCell().setText("Who");
        head.addHeaderCell().setText("To review");
        for (var h : status.history()) {
            var row = table.getBody().addRow();
            row.addDataCell().setText(WHEN.format(h.comparedAt()));
            row.addDataCell().setText(h.flowLabel());
            row.addDataCell().setText(h.comparedBy());
            row.addDataCell().setText(h.toReview() + (h.subChanged() ? " (sub changes)" : ""));
        }
        var details = new Details(new Span("History (" + status.history().size() + " comparisons)"), new Div(table));
        details.setWidthFull();
        return details;
    }
}
