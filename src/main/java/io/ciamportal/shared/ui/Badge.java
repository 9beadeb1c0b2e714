package io.ciamportal.shared.ui;

import com.vaadin.flow.component.html.Span;

/** A small labelled pill. The tone adds colour, never meaning on its own: the text always says it too. */
public final class Badge extends Span {

    public enum Tone {
        NEUTRAL, SUCCESS, WARNING, ERROR, CONTRAST, INFO;

        /** The CSS classes of a badge of this tone, for templates that draw one without a component (a grid's cells). */
        public String classNames() {
            return "portal-badge portal-badge--" + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Badge(String text, Tone tone) {
        super(text);
        addClassNames(tone.classNames().split(" "));
    }
}
