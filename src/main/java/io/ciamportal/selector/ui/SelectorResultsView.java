package io.ciamportal.selector.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import io.ciamportal.selector.Answers;
import io.ciamportal.selector.Outcome;
import io.ciamportal.selector.SelectorService;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.NotFoundException;
import io.ciamportal.shared.ui.Badge;
import io.ciamportal.vendor.Support;
import io.ciamportal.vendor.ui.CompareView;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The shortlist for a set of answers (from the URL) or for a saved run ({@code selector/runs/<id>}, the share link):
 * ranked vendors with points per criterion and what they lack, the vendors to verify, and every dropped vendor under
 * the gate that dropped it.
 */
@Route("selector/results")
@RouteAlias("selector/runs/:id")
@PageTitle("Selector results")
@PermitAll
public final class SelectorResultsView extends VerticalLayout implements BeforeEnterObserver {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final SelectorService selector;
    private SelectorService.@Nullable Result result;
    private SelectorService.@Nullable SavedRun run;

    private final boolean canAssess;

    SelectorResultsView(SelectorService selector, io.ciamportal.security.CurrentUser currentUser) {
        this.selector = selector;
        this.canAssess = currentUser.get().map(p -> p.hasRole(io.ciamportal.security.PortalRole.ANALYST)
                || p.hasRole(io.ciamportal.security.PortalRole.ADMIN)).orElse(false);
        addClassNames("portal-view", "portal-selector-results");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        run = null;
        result = null;
        try {
            var id = event.getRouteParameters().get("id");
            Answers answers;
            if (id.isPresent()) {
                run = selector.open(parseId(id.get()));
                answers = run.answers();
            } else {
                answers = SelectorLinks.answers(event.getLocation().getQueryParameters());
            }
            result = selector.run(answers);
        } catch (InvalidInputException e) {
            problem("These answers cannot be ranked", e.getMessage());
            return;
        } catch (NotFoundException e) {
            problem("No such saved run", "The link may be mistyped, or its owner deleted the run.");
            return;
        }
        render(result);
    }

    private static UUID parseId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("No saved run with this link.");
        }
    }

    private void problem(String title, String message) {
        var card = new Div(new H3(title), new Paragraph(message), new Anchor("selector", "Start the selector again"));
        card.addClassName("portal-card");
        add(new H2("Selector results"), card);
    }

    private void render(SelectorService.Result r) {
        var outcome = r.outcome();
        var title = new H2(run == null ? "Your shortlist" : run.name());
        title.setId("results-title");
        add(title);
        if (run != null) {
            var note = new Paragraph((run.mine() ? "Your saved run" : "A saved run shared with you") + ", saved "
                    + DAY.format(run.createdAt().atZone(ZoneOffset.UTC)) + ". Ranked on today's vendor data.");
            note.addClassName("portal-muted");
            add(note);
        }
        add(answersSummary(r));
        add(actions(r));
        var counts = new Paragraph(outcome.ranked().size() + " ranked · " + outcome.verify().size() + " to verify with the vendor · "
                + outcome.eliminated().size() + " dropped by a gate");
        counts.setId("results-counts");
        add(counts);

        add(new H3("Ranked shortlist"));
        if (outcome.ranked().isEmpty()) {
            var empty = new Paragraph("No vendor passes every gate. Loosen a hard constraint or move a must-have to nice-to-have; "
                    + "the dropped vendors below say which gate stopped them.");
            empty.addClassName("portal-card");
            add(empty);
        }
        var list = new Div();
        list.addClassName("portal-ranked");
        int position = 1;
        for (var ranked : outcome.ranked()) {
            list.add(rankedCard(position++, ranked, r));
        }
        add(list);

        add(verifySection(outcome, r));
        add(whyNotSection(outcome, r));
    }

    private Component answersSummary(SelectorService.Result r) {
        var a = r.answers();
        var chips = new Div();
        chips.addClassName("portal-badges");
        chips.getElement().setAttribute("aria-label", "Your answers");
        chips.add(new Badge(a.currentPlatform() == null ? "No current platform" : "From " + r.vendorNames().getOrDefault(a.currentPlatform(), a.currentPlatform()), Badge.Tone.NEUTRAL));
        chips.add(new Badge(a.reason().label(), Badge.Tone.INFO));
        chips.add(new Badge(a.shape().label(), Badge.Tone.NEUTRAL));
        String hostingLabel = a.hosting() == io.ciamportal.selector.Choices.Hosting.EITHER ? "Managed or self-hosted" : a.hosting().label();
        chips.add(new Badge(hostingLabel + (a.openSourceRequired() ? ", open-source licence" : ""), Badge.Tone.NEUTRAL));
        if (!a.residency().isEmpty()) {
            chips.add(new Badge("Data in " + String.join(", ", a.residency()), Badge.Tone.NEUTRAL));
        }
        if (!a.attestations().isEmpty()) {
            chips.add(new Badge(String.join(", ", a.attestations().stream().map(SelectorView::attestationLabel).toList()), Badge.Tone.NEUTRAL));
        }
        chips.add(new Badge(a.mauBand().label() + " MAU, " + a.priceSensitivity().label().toLowerCase(Locale.ROOT) + " price sensitivity", Badge.Tone.NEUTRAL));
        if (!a.mustHave().isEmpty()) {
            chips.add(new Badge("Must: " + names(a.mustHave(), r), Badge.Tone.CONTRAST));
        }
        if (!a.niceToHave().isEmpty()) {
            chips.add(new Badge("Nice: " + names(a.niceToHave(), r), Badge.Tone.NEUTRAL));
        }
        return chips;
    }

    private static String names(List<String> keys, SelectorService.Result r) {
        return String.join(", ", keys.stream().map(k -> r.capabilityNames().getOrDefault(k, k)).toList());
    }

    private Component actions(SelectorService.Result r) {
        var change = new Button("Change answers", e -> getUI().ifPresent(ui -> ui.navigate(SelectorView.class, SelectorLinks.query(r.answers()))));
        var save = new Button("Save run…", e -> saveDialog(r));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var top = r.outcome().rankedSlugs().stream().limit(3).toList();
        var compare = new Button("Compare the top three", e -> getUI().ifPresent(ui ->
                ui.navigate(CompareView.class, QueryParameters.of("vendors", String.join(",", top)))));
        compare.setEnabled(top.size() >= 2);
        var copy = new Button(run == null ? "Copy link" : "Copy share link", e -> getUI().ifPresent(ui -> {
            ui.getPage().executeJs("return navigator.clipboard.writeText(window.location.href)")
                    .then(ok -> UiMessages.ok("Link copied."), failed -> UiMessages.warn("Copy the address from the address bar: the browser refused the clipboard."));
        }));
        copy.setTooltipText(run == null ? "The link reproduces these answers; save the run to give it a name"
                : "Anyone signed in can open this run with the link");
        var bar = new HorizontalLayout(save, change, compare, copy);
        bar.setWrap(true);
        return bar;
    }

    private void saveDialog(SelectorService.Result r) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Save this run");
        var a = r.answers();
        var name = new TextField("Name");
        name.setValue((a.currentPlatform() == null ? "" : r.vendorNames().getOrDefault(a.currentPlatform(), a.currentPlatform()) + ": ")
                + a.reason().label() + ", " + DAY.format(LocalDate.now(ZoneOffset.UTC)));
        name.setMaxLength(120);
        name.setRequired(true);
        name.setWidthFull();
        name.setHelperText("Saved runs are listed for you; the share link opens the run for anyone signed in.");
        var cancel = new Button("Cancel", e -> dialog.close());
        var save = new Button("Save", e -> {
            try {
                var saved = selector.save(name.getValue(), a);
                dialog.close();
                UiMessages.ok("Saved \"" + saved.name() + "\".");
                getUI().ifPresent(ui -> ui.navigate("selector/runs/" + saved.id()));
            } catch (InvalidInputException ex) {
                name.setErrorMessage(ex.getMessage());
                name.setInvalid(true);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        dialog.add(name);
        dialog.getFooter().add(cancel, save);
        dialog.setWidth("min(32rem, 95vw)");
        dialog.open();
        name.focus();
    }

    private Component rankedCard(int position, Outcome.Ranked ranked, SelectorService.Result r) {
        var summary = new HorizontalLayout();
        summary.setAlignItems(FlexComponent.Alignment.CENTER);
        summary.addClassName("portal-ranked-summary");
        var rank = new Span("#" + position);
        rank.addClassName("portal-rank");
        var name = new Span(ranked.name());
        name.addClassName("portal-ranked-name");
        var total = new Span(ranked.total() + " points");
        total.addClassName("portal-ranked-total");
        summary.add(rank, name, bar(ranked.total(), 100, ranked.name() + ": " + ranked.total() + " of 100 points"), total);

        var content = new Div();
        content.addClassName("portal-criteria");
        for (var score : ranked.points()) {
            var row = new Div();
            row.addClassName("portal-criterion");
            var label = new Span(score.criterion().label());
            var value = new Span(score.points() + " / " + score.max());
            value.addClassName("portal-criterion-points");
            var why = new Span(score.why());
            why.addClassName("portal-muted");
            row.add(label, bar(score.points(), score.max(), score.criterion().label() + ": " + score.points() + " of " + score.max()), value, why);
            content.add(row);
        }
        if (!ranked.lacks().isEmpty()) {
            var lacks = new Div();
            lacks.addClassName("portal-badges");
            lacks.add(new Span("Lacks: "));
            for (var lack : ranked.lacks()) {
                lacks.add(new Badge(r.capabilityNames().getOrDefault(lack.capability(), lack.capability()) + " · "
                        + lack.support().label().toLowerCase(Locale.ROOT),
                        lack.support() == Support.UNKNOWN ? Badge.Tone.NEUTRAL : lack.support() == Support.NO ? Badge.Tone.ERROR : Badge.Tone.WARNING));
            }
            content.add(lacks);
        }
        var links = new Div(new Anchor("vendors/" + ranked.slug(), "Open the " + ranked.name() + " profile"));
        links.addClassName("portal-links");
        String from = r.answers().currentPlatform();
        if (canAssess && from != null) {
            links.add(new Anchor("migrations?new=1&source=" + from + "&destination=" + ranked.slug(),
                    "Assess a migration from " + r.vendorNames().getOrDefault(from, from) + " to " + ranked.name()));
        }
        content.add(links);
        var details = new Details(summary, content);
        details.setOpened(position <= 3);
        details.addClassName("portal-ranked-card");
        details.getElement().setAttribute("data-slug", ranked.slug());
        return details;
    }

    /** A small horizontal bar; the numbers are always written beside it, the bar only repeats them. */
    private static Component bar(int value, int max, String label) {
        var track = new Div();
        track.addClassName("portal-bar");
        track.getElement().setAttribute("role", "img");
        track.getElement().setAttribute("aria-label", label);
        var fill = new Div();
        fill.addClassName("portal-bar-fill");
        fill.getStyle().set("width", (max == 0 ? 0 : Math.round(100.0 * value / max)) + "%");
        track.add(fill);
        return track;
    }

    private Component verifySection(Outcome outcome, SelectorService.Result r) {
        var section = new Div();
        section.setId("verify-section");
        section.add(new H3("Verify with the vendor (" + outcome.verify().size() + ")"));
        if (outcome.verify().isEmpty()) {
            section.add(muted("No vendor is held back by an unknown fact."));
            return section;
        }
        section.add(muted("These pass every gate the data can judge, but a fact your answers depend on is unknown. "
                + "Ask the vendor before you rule them in or out."));
        for (var v : outcome.verify()) {
            var row = new Div();
            row.addClassName("portal-verify-row");
            row.add(new Anchor("vendors/" + v.slug(), v.name()));
            var unknowns = new Div();
            unknowns.addClassName("portal-badges");
            v.unknown().forEach(u -> unknowns.add(new Badge(unknownLabel(u, r) + " · unknown", Badge.Tone.NEUTRAL)));
            row.add(unknowns);
            section.add(row);
        }
        return section;
    }

    static String unknownLabel(String unknown, SelectorService.Result r) {
        if (unknown.startsWith("residency:")) {
            return "Hosting in " + unknown.substring("residency:".length());
        }
        if (unknown.startsWith("attestation:")) {
            return SelectorView.attestationLabel(unknown.substring("attestation:".length()));
        }
        return r.capabilityNames().getOrDefault(unknown, unknown);
    }

    private Component whyNotSection(Outcome outcome, SelectorService.Result r) {
        var section = new Div();
        section.setId("why-not-section");
        section.add(new H3("Why not …? (" + outcome.eliminated().size() + " dropped)"));
        var lookup = new ComboBox<String>("Why not…");
        lookup.setItems(r.vendorNames().keySet());
        lookup.setItemLabelGenerator(slug -> r.vendorNames().getOrDefault(slug, slug));
        lookup.setPlaceholder("Pick any vendor");
        lookup.setClearButtonVisible(true);
        lookup.setWidth("min(24rem, 100%)");
        var answer = new Paragraph();
        answer.setId("why-not-answer");
        answer.getElement().setAttribute("aria-live", "polite");
        lookup.addValueChangeListener(e -> answer.setText(e.getValue() == null ? "" : whyNot(e.getValue(), outcome, r)));
        section.add(lookup, answer);

        var byGate = new LinkedHashMap<Outcome.Gate, List<Outcome.Eliminated>>();
        outcome.eliminated().forEach(e -> byGate.computeIfAbsent(e.gate(), g -> new ArrayList<>()).add(e));
        byGate.forEach((gate, dropped) -> {
            var content = new Div();
            for (var e : dropped) {
                var row = new Paragraph();
                row.addClassName("portal-why-not-row");
                var name = new Anchor("vendors/" + e.slug(), e.name());
                row.add(name, new Span(": " + e.detail()));
                content.add(row);
            }
            var details = new Details(gate.label() + " (" + dropped.size() + ")", content);
            details.addClassName("portal-gate-group");
            details.getElement().setAttribute("data-gate", gate.key());
            section.add(details);
        });
        return section;
    }

    static String whyNot(String slug, Outcome outcome, SelectorService.Result r) {
        String name = r.vendorNames().getOrDefault(slug, slug);
        for (int i = 0; i < outcome.ranked().size(); i++) {
            if (outcome.ranked().get(i).slug().equals(slug)) {
                return name + " is not dropped: it ranks #" + (i + 1) + " with " + outcome.ranked().get(i).total() + " points.";
            }
        }
        for (var v : outcome.verify()) {
            if (v.slug().equals(slug)) {
                return name + " is on the verify list: unknown " + String.join(", ", v.unknown().stream().map(u -> unknownLabel(u, r)).toList()) + ".";
            }
        }
        for (var e : outcome.eliminated()) {
            if (e.slug().equals(slug)) {
                return name + " was dropped by a gate (" + e.gate().label() + "): " + e.detail();
            }
        }
        return name + " is not in the vendor index.";
    }

    private static Paragraph muted(String text) {
        var p = new Paragraph(text);
        p.addClassName("portal-muted");
        return p;
    }
}
