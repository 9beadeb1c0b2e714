package io.ciamportal.migration.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import io.ciamportal.migration.Assessment.Verdict;
import io.ciamportal.shared.ui.Badge;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The small formatting rules the migration tabs share: verdict badges, difficulty tones, numbers, cards. */
final class MigrationFormat {

    private MigrationFormat() {}

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

    static String number(@Nullable Long n) {
        return n == null ? "unknown" : String.format(Locale.ENGLISH, "%,d", n);
    }

    static String points(double p) {
        return p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p);
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

    static Div card(String title, Component... content) {
        var card = new Div(new H4(title));
        card.add(content);
        card.addClassName("portal-card");
        return card;
    }
}
