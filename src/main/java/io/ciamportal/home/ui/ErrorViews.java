package io.ciamportal.home.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;

/** Error pages: a plain explanation and a way back; details go to the server log under a reference, never to the page. */
final class ErrorViews {

    private static final Logger log = LoggerFactory.getLogger(ErrorViews.class);

    private ErrorViews() {}

    static VerticalLayout page(String heading, String text) {
        var layout = new VerticalLayout(new H2(heading), new Paragraph(text), new Anchor("", "Go to the start page"));
        layout.addClassName("portal-error-page");
        return layout;
    }

    /** Unknown address, or a view the user may not open (not told apart, so addresses reveal nothing). */
    @AnonymousAllowed
    @ParentLayout(MainLayout.class)
    @com.vaadin.flow.router.PageTitle("Not found")
    public static final class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {
        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
            removeAll();
            add(page("Page not found", "There is nothing at /" + event.getLocation().getPath()
                    + ", or you do not have access to it."));
            return HttpServletResponse.SC_NOT_FOUND;
        }
    }

    /** A service refused the current user. */
    @AnonymousAllowed
    @ParentLayout(MainLayout.class)
    @com.vaadin.flow.router.PageTitle("Access denied")
    public static final class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {
        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
            removeAll();
            add(page("Not allowed", "Your roles do not allow this. Ask an admin if you need access."));
            return HttpServletResponse.SC_FORBIDDEN;
        }
    }

    /** Anything unexpected while opening a view. */
    @AnonymousAllowed
    @com.vaadin.flow.router.PageTitle("Error")
    public static final class UnexpectedErrorView extends VerticalLayout implements HasErrorParameter<Exception> {
        @Override
        public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
            if (io.ciamportal.shared.DatabaseOutage.causedBy(parameter.getCaughtException())) {
                log.warn("Database not reachable while opening /{}: {}", event.getLocation().getPath(),
                        parameter.getCaughtException().getMessage());
                removeAll();
                add(page("The database is not reachable", "The portal cannot reach its database right now. "
                        + "Try again in a moment."));
                return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            }
            String reference = UUID.randomUUID().toString().substring(0, 8);
            log.error("Error {} while opening /{}", reference, event.getLocation().getPath(), parameter.getCaughtException());
            removeAll();
            add(page("Something went wrong", "The page could not be shown. If it happens again, give an admin the reference "
                    + reference + "."));
            return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
    }
}
