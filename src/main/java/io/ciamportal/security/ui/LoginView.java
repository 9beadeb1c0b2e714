package io.ciamportal.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.ciamportal.security.SignInOptions;

/**
 * The sign-in page: the local account form and/or the single sign-on button, whichever is configured, with a plain
 * explanation when something went wrong (wrong password, too many attempts, provider down).
 */
@Route(value = LoginView.ROUTE, autoLayout = false)
@PageTitle("Sign in · CIAM migration portal")
@AnonymousAllowed
public final class LoginView extends Div implements BeforeEnterObserver {

    public static final String ROUTE = "login";
    public static final String PATH = "/" + ROUTE;

    private final SignInOptions options;
    private final LoginForm form = new LoginForm();
    private final Div notice = new Div();

    LoginView(SignInOptions options) {
        this.options = options;
        addClassName("portal-login");
        var card = new Div();
        card.addClassName("portal-login-card");

        var logo = VaadinIcon.EXCHANGE.create();
        logo.addClassName("portal-brand-logo");
        logo.getElement().setAttribute("aria-hidden", "true");
        var title = new H1("CIAM migration portal");
        var tagline = new Paragraph("Plan a move between customer-identity platforms: compare vendors, score the "
                + "migration, and sign off its security gates as a team.");
        tagline.addClassName("portal-login-tagline");
        card.add(new Div(logo, title), tagline);

        notice.addClassName("portal-login-notice");
        notice.getElement().setAttribute("role", "alert");
        notice.setVisible(false);
        card.add(notice);

        if (options.localAccounts()) {
            form.setAction(ROUTE);
            form.setForgotPasswordButtonVisible(false);
            form.setI18n(i18n());
            card.add(form);
            if (options.demo()) {
                var hint = new Paragraph("Demo accounts: viewer, analyst, reviewer, reviewer2 and admin (password from PORTAL_DEMO_PASSWORD).");
                hint.addClassName("portal-login-hint");
                card.add(hint);
            }
        }
        if (options.singleSignOn()) {
            if (options.localAccounts()) {
                var or = new Span("or");
                or.addClassName("portal-login-divider");
                card.add(or);
            }
            var status = options.singleSignOnStatus();
            var sso = new Anchor(options.singleSignOnPath(), "Sign in with " + options.singleSignOnName());
            sso.setRouterIgnore(true);
            sso.addClassName("portal-sso-button");
            if (!status.available()) {
                sso.setEnabled(false);
                sso.removeHref();
                sso.getElement().setAttribute("aria-disabled", "true");
                var down = new Paragraph(status.message());
                down.addClassName("portal-login-warning");
                down.getElement().setAttribute("role", "status");
                card.add(down);
            }
            card.add(sso);
        }
        add(card);
    }

    private static LoginI18n i18n() {
        var i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in with a portal account");
        i18n.getForm().setUsername("Username");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle("Not signed in");
        i18n.getErrorMessage().setMessage("The username or password is wrong, or the account is disabled.");
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getParameters();
        String message = null;
        if (params.containsKey("error")) {
            form.setError(true);
        } else if (params.containsKey("throttled")) {
            message = "Too many failed sign-ins for this account or address. Wait a few minutes and try again.";
        } else if (params.containsKey("sso")) {
            message = "Sign-in through " + options.singleSignOnName() + " did not complete. Try again, or ask an admin.";
        } else if (params.containsKey("disabled")) {
            message = "This account is disabled in the portal. Ask an admin to enable it.";
        } else if (params.containsKey("busy")) {
            message = "Many people are signing in at this moment, so your password was not checked yet. Try again in a few seconds.";
        } else if (params.containsKey("unavailable")) {
            message = "The database is not reachable, so nobody can sign in right now. Try again in a moment.";
        }
        if (message != null) {
            notice.setText(message);
            notice.setVisible(true);
        }
    }
}
