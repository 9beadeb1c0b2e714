package io.ciamportal.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chart text meets WCAG AA (4.5:1) against the page it is drawn on, in the light and the dark theme. The colours are
 * read from {@code frontend/components/portal-chart.ts}; the backgrounds are Lumo's base colours (white, and
 * hsl(214, 35%, 21%) = #223348 in the dark theme).
 */
class ChartContrastTest {

    private static final String LIGHT_BACKGROUND = "#ffffff";
    private static final String DARK_BACKGROUND = "#223348";

    @ParameterizedTest(name = "{0}.{1} against {2}")
    @CsvSource({"light, text, PAGE", "light, muted, PAGE", "dark, text, PAGE", "dark, muted, PAGE", "light, text, TOOLTIP",
            "dark, text, TOOLTIP"})
    void chartTextMeetsAa(String theme, String role, String background) throws IOException {
        String colour = colour(theme, role);
        String page = theme.equals("dark") ? DARK_BACKGROUND : LIGHT_BACKGROUND;
        String against = background.equals("TOOLTIP") ? colour(theme, "tooltip") : page;
        assertThat(contrast(colour, against)).as(theme + " " + role + " " + colour + " on " + against).isGreaterThanOrEqualTo(4.5);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"#1a2533, #ffffff, 15.5", "#777777, #ffffff, 4.5", "#ffffff, #ffffff, 1.0"})
    void contrastFollowsTheWcagFormula(String a, String b, double expected) {
        assertThat(contrast(a, b)).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.1));
    }

    static String colour(String theme, String role) throws IOException {
        String source = Files.readString(Path.of("frontend/components/portal-chart.ts"));
        var block = Pattern.compile(theme + ": \\{([^}]*)\\}").matcher(source);
        assertThat(block.find()).as("THEMES." + theme + " in portal-chart.ts").isTrue();
        var value = Pattern.compile(role + ": '(#[0-9a-fA-F]{6})'").matcher(block.group(1));
        assertThat(value.find()).as("THEMES." + theme + "." + role).isTrue();
        return value.group(1);
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16 & 0xff) + 0.7152 * channel(rgb >> 8 & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
