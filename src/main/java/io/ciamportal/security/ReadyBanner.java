package io.ciamportal.security;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started the portal where it is and how to get in. */
@Component
class ReadyBanner {

    private final SignInOptions signIn;
    private final PortalProperties properties;

    ReadyBanner(SignInOptions signIn, PortalProperties properties) {
        this.signIn = signIn;
        this.properties = properties;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort() : 8080;
        var text = new StringBuilder("\n  CIAM migration portal is ready: http://localhost:").append(port).append('\n');
        if (signIn.localAccounts()) {
            text.append("  Sign in with the local account 'admin' (password from PORTAL_ADMIN_PASSWORD, or the one printed at the first start)");
            if (properties.demo()) {
                text.append(",\n  or with the demo accounts viewer, analyst, reviewer, reviewer2 (password from PORTAL_DEMO_PASSWORD)");
            }
            text.append(".\n");
        }
        if (signIn.singleSignOn()) {
            text.append("  Single sign-on: ").append(signIn.singleSignOnName()).append(" (").append(properties.oidc().issuerUri()).append(")\n");
        }
        System.out.println(text);
    }
}
