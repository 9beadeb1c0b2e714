package io.ciamportal.shared.ui;

import com.vaadin.flow.component.html.Span;

/** A small labelled pill. The tone adds colour, never meaning on its own: the text always says it too. */
public final class Badge extends Span {

    public enum Tone { NEUTRAL, SUCCESS, WARNING, ERROR, CONTRAST, INFO }

    public Badge(String text, Tone tone) {
        super(text);
        addClassNames("portal-badge", "portal-badge--" + tone.name().toLowerCase(java.util.Locale.ROOT));
    }
}
