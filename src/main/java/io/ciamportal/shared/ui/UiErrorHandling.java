package io.ciamportal.shared.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.ciamportal.shared.DatabaseOutage;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.NotFoundException;
import io.ciamportal.shared.RuleViolationException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Errors thrown while handling a click or an edit: the user sees a short message in a notification (rule and
 * permission messages as they are, anything unexpected as a reference), the server log gets the stack trace.
 */
@Component
class UiErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(UiErrorHandling::handle));
    }

    static void handle(ErrorEvent event) {
        Throwable cause = rootOf(event.getThrowable());
        String message = DatabaseOutage.causedBy(event.getThrowable()) ? outage(event.getThrowable()) : switch (cause) {
            case AccessDeniedException denied -> "Your roles do not allow this.";
            case RuleViolationException rule -> rule.getMessage();
            case io.ciamportal.shared.StaleVersionException stale -> stale.getMessage();
            case InvalidInputException invalid -> invalid.getMessage();
            case NotFoundException missing -> missing.getMessage();
            default -> {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("Unexpected UI error {}", reference, event.getThrowable());
                yield "Something went wrong (reference " + reference + "). Nothing was changed.";
            }
        };
        if (com.vaadin.flow.component.UI.getCurrent() != null) {
            var notification = Notification.show(message, 6000, Notification.Position.BOTTOM_CENTER);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static String outage(Throwable problem) {
        log.warn("UI action while the database is not reachable: {}", problem.getMessage());
        return DatabaseOutage.MESSAGE + " What you just did was not saved.";
    }

    private static Throwable rootOf(Throwable t) {
        Throwable current = t;
        while (current.getCause() != null && current.getCause() != current
                && !(current instanceof AccessDeniedException || current instanceof RuleViolationException
                        || current instanceof InvalidInputException || current instanceof NotFoundException
                        || current instanceof io.ciamportal.shared.StaleVersionException)) {
            current = current.getCause();
        }
        return current;
    }
}
