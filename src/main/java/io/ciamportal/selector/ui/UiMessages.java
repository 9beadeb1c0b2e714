package io.ciamportal.selector.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short notices at the bottom of the page. */
final class UiMessages {

    private UiMessages() {}

    static void warn(String message) {
        var n = Notification.show(message, 6000, Notification.Position.BOTTOM_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_WARNING);
    }

    static void ok(String message) {
        var n = Notification.show(message, 4000, Notification.Position.BOTTOM_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
