package io.ciamportal.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

/** A SHA-256 (or any long hex value), shortened for reading, with a button that copies the whole value. */
@Tag("portal-hash")
@JsModule("./components/portal-hash.ts")
public final class HashText extends Component {

    public HashText(String value, String label) {
        getElement().setAttribute("value", value);
        getElement().setAttribute("label", label);
    }
}
