package io.ciamportal.selector.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.ciamportal.selector.Answers;
import io.ciamportal.selector.Outcome;
import io.ciamportal.selector.SelectorService;
import io.ciamportal.vendor.ui.VendorProfileTab;
import java.util.List;

/**
 * The "Alternatives" tab of a vendor profile: for each reason to leave the vendor, the other vendors the selector ranks
 * best for that reason, each with the one line that explains its reason-fit points.
 */
@org.springframework.stereotype.Component
final class AlternativesTab implements VendorProfileTab {

    static final int PER_REASON = 3;

    private final SelectorService selector;

    AlternativesTab(SelectorService selector) {
        this.selector = selector;
    }

    @Override
    public String label() {
        return "Alternatives";
    }

    @Override
    public com.vaadin.flow.component.Component content(String vendorSlug) {
        var root = new Div();
        root.addClassName("portal-alternatives");
        var intro = new Paragraph("If you leave this vendor: for each reason to move, the vendors the selector ranks best for that "
                + "reason, with the selector's defaults for everything else (B2C, managed or self-hosted, 10,000 to 100,000 MAU). "
                + "Run the selector for your own answers.");
        intro.addClassName("portal-muted");
        root.add(intro);
        for (SelectorService.Alternative alternative : selector.alternatives(vendorSlug, PER_REASON)) {
            var reason = alternative.reason();
            var heading = new H4(reason.label());
            var list = new OrderedList();
            for (Outcome.Ranked ranked : alternative.ranked()) {
                var item = new ListItem();
                var fit = ranked.score(Outcome.Criterion.REASON);
                item.add(new Anchor("vendors/" + ranked.slug(), ranked.name()));
                var why = new Span(" · reason fit " + fit.points() + "/" + fit.max() + ": " + fit.why());
                why.addClassName("portal-muted");
                item.add(why);
                list.add(item);
            }
            if (alternative.ranked().isEmpty()) {
                list.add(new ListItem("No other vendor passes the gates for this reason."));
            }
            var defaults = Answers.defaults();
            var answers = new Answers(vendorSlug, reason, defaults.shape(), defaults.hosting(), false, List.of(), List.of(),
                    defaults.mauBand(), defaults.priceSensitivity(), List.of(), List.of());
            var more = new Anchor("selector/results?" + answers.toQueryString(), "All vendors for this reason");
            var block = new Div(heading, list, more);
            block.addClassName("portal-alternative");
            root.add(block);
        }
        return root;
    }
}
