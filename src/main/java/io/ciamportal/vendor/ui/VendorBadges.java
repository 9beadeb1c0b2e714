package io.ciamportal.vendor.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.ciamportal.shared.ui.Badge;
import io.ciamportal.vendor.Difficulty;
import io.ciamportal.vendor.Support;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import io.ciamportal.vendor.VendorViews;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** The small pieces both vendor screens show the same way. */
final class VendorBadges {

    private VendorBadges() {}

    static Badge difficulty(String direction, Difficulty d) {
        var badge = new Badge(difficultyText(direction, d), difficultyTone(d));
        badge.getElement().setAttribute("title", difficultyTitle(direction, d));
        return badge;
    }

    static String difficultyText(String direction, Difficulty d) {
        return direction + " " + d.score() + "/5" + (d.overridden() ? "*" : "");
    }

    static Badge.Tone difficultyTone(Difficulty d) {
        return d.score() <= 2 ? Badge.Tone.SUCCESS : d.score() == 3 ? Badge.Tone.WARNING : Badge.Tone.ERROR;
    }

    static String difficultyTitle(String direction, Difficulty d) {
        return (direction.equals("In") ? "Inbound" : "Outbound") + " difficulty " + d.score() + " of 5 (1 easy, 5 hard)"
                + (d.overridden() ? ", set by a curator" : "");
    }

    static Badge support(Support support) {
        var tone = switch (support) {
            case YES -> Badge.Tone.SUCCESS;
            case PARTIAL, PAID_ADDON -> Badge.Tone.WARNING;
            case NO -> Badge.Tone.ERROR;
            case UNKNOWN -> Badge.Tone.NEUTRAL;
        };
        var badge = new Badge(support.symbol() + " " + support.label(), tone);
        badge.addClassName("portal-support-" + support.key());
        return badge;
    }

    static Badge confirmation(boolean confirmed) {
        var badge = new Badge(confirmed ? "Confirmed" : "Unconfirmed", confirmed ? Badge.Tone.INFO : Badge.Tone.WARNING);
        badge.getElement().setAttribute("title", confirmed
                ? "Read in the vendor's own material or the cited source"
                : "Third-party, inferred or not found: check before relying on it");
        return badge;
    }

    static Badge lifecycle(VendorViews.Lifecycle lifecycle) {
        return new Badge(lifecycleText(lifecycle), lifecycleTone(lifecycle));
    }

    static String lifecycleText(VendorViews.Lifecycle lifecycle) {
        return switch (lifecycle.status()) {
            case ACTIVE -> "Active";
            case END_OF_SALE -> "End of sale" + (lifecycle.endOfSale() == null ? "" : " " + lifecycle.endOfSale());
            case END_OF_LIFE -> "End of life" + (lifecycle.endOfLife() == null ? "" : " " + lifecycle.endOfLife());
        };
    }

    static Badge.Tone lifecycleTone(VendorViews.Lifecycle lifecycle) {
        return lifecycle.status() == LifecycleStatus.ACTIVE ? Badge.Tone.SUCCESS : Badge.Tone.ERROR;
    }

    static boolean inactive(VendorViews.Lifecycle lifecycle) {
        return lifecycle.status() != LifecycleStatus.ACTIVE;
    }

    /** Source links, labelled with their host so a reader sees where a fact comes from before opening it. */
    static Component sources(List<String> sources) {
        var box = new Div();
        box.addClassName("portal-sources");
        if (sources.isEmpty()) {
            box.add(new Span("No source"));
            return box;
        }
        for (String url : sources) {
            var link = new Anchor(url, host(url));
            link.setTarget("_blank");
            link.getElement().setAttribute("rel", "noopener noreferrer");
            link.getElement().setAttribute("title", url);
            box.add(link);
        }
        return box;
    }

    static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host.replaceFirst("^www\\.", "");
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    static String words(String constant) {
        String text = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
