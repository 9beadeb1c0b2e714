package io.ciamportal.migration.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import io.ciamportal.migration.Assessment;
import java.util.Locale;

/** The assessment tab: strategy, pair difficulty with its breakdown, and every item's verdict with its sources. */
final class AssessmentPanel extends VerticalLayout {

    AssessmentPanel(Assessment a) {
        setPadding(false);
        var cards = new Div();
        cards.addClassName("portal-two-columns");
        var strategy = MigrationFormat.card("Recommended strategy: " + a.strategy().label(), new Paragraph(a.strategyReason()),
                new Paragraph("Dual-run window: " + a.dualRunWeeks() + " weeks · forced password resets: " + MigrationFormat.number(a.forcedResets())
                        + " · MFA or passkey re-enrollments: " + MigrationFormat.number(a.mfaReenrollments())));
        var breakdown = new Div();
        breakdown.addClassName("portal-breakdown");
        for (var part : a.difficulty().breakdown()) {
            var row = new Div(new Span(part.fact()), new Span((part.points() > 0 ? "+" : "") + MigrationFormat.points(part.points())),
                    new Span(part.reason()));
            row.addClassName("portal-breakdown-row");
            breakdown.add(row);
        }
        var difficulty = MigrationFormat.card("Pair difficulty: " + a.difficulty().score() + " of 5", breakdown,
                new RouterLink("How migration scoring works", MigrationScoringView.class));
        cards.add(strategy, difficulty);
        add(cards, new H3("What migrates"));
        var list = new Div();
        list.addClassName("portal-items");
        for (var item : a.items()) {
            list.add(itemRow(item.item().key(), item.item().label(), item.verdict(), item.affected(), item.unit(), item.reason(), item.facts(),
                    item.effort()));
        }
        add(list);
    }

    /** One item's verdict with its reason, sources and effort; the application side's verdicts use it too. */
    static Div itemRow(String key, String label, Assessment.Verdict verdict, @org.jspecify.annotations.Nullable Long affected, String unit,
            String reason, java.util.List<io.ciamportal.migration.Side.Citation> facts, String effortText) {
        var row = new Div();
        row.addClassName("portal-item");
        row.getElement().setAttribute("data-item", key);
        var head = new Div(new Span(label), MigrationFormat.verdict(verdict),
                new Span(affected == null ? "affects: unknown" : String.format(Locale.ENGLISH, "%,d %s", affected, unit)));
        head.addClassName("portal-item-head");
        row.add(head, new Paragraph(reason));
        var sources = new Div();
        sources.addClassName("portal-sources");
        for (var fact : facts) {
            for (String url : fact.sources()) {
                if (!url.startsWith("http")) {
                    // the team's own export: a file, not a page
                    var file = new Span(fact.vendor() + ": " + fact.fact() + " · " + url);
                    file.getElement().setAttribute("data-source", "export");
                    sources.add(file);
                    continue;
                }
                var link = new Anchor(url, fact.vendor() + ": " + fact.fact() + " · " + MigrationFormat.shortUrl(url)
                        + (fact.confirmed() ? "" : " (unconfirmed)"));
                link.setTarget("_blank");
                link.getElement().setAttribute("rel", "noopener noreferrer");
                sources.add(link);
            }
        }
        if (sources.getComponentCount() > 0) {
            row.add(sources);
        }
        var effort = new Span("Effort: " + effortText);
        effort.addClassName("portal-muted");
        row.add(effort);
        return row;
    }
}
