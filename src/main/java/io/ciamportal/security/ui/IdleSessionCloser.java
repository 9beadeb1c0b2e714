package io.ciamportal.security.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Ends the whole HTTP session, sign-in included, when Vaadin closes its session. With
 * {@code vaadin.closeIdleSessions=true} Vaadin closes a session whose UIs have sent nothing but heartbeats for
 * longer than the session timeout; on its own it only drops its part of the HTTP session, which would leave the
 * user signed in for the next page load. Vaadin sessions are never closed for any other reason here.
 */
@Component
class IdleSessionCloser implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionDestroyListener(destroyed -> {
            var httpSession = destroyed.getSession().getSession();
            if (httpSession != null) {
                try {
                    httpSession.invalidate();
                } catch (IllegalStateException alreadyInvalidated) {
                    // the HTTP session ended first (sign-out, container timeout): nothing left to do
                }
            }
        });
    }
}
