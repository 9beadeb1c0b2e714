package io.ciamportal.gate;

import io.ciamportal.migration.MigrationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * With PORTAL_DEMO=true: the demo migrations' gates in several states (approved, waiting for a second approval, changes
 * requested, open with evidence), made through the service by the demo people, so every step is audited.
 */
@Component
@Order(40)
class DemoGates implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoGates.class);
    static final String AUTH0_TO_KEYCLOAK = "Customer login: Auth0 to Keycloak";
    static final String COGNITO_TO_CLERK = "Mobile app: Cognito to Clerk";

    private final boolean demo;
    private final MigrationService migrations;
    private final GateService gates;
    private final UserDetailsService accounts;
    private final SecurityContextHolderStrategy contexts;

    DemoGates(@Value("${portal.demo:false}") boolean demo, MigrationService migrations, GateService gates, UserDetailsService accounts,
            SecurityContextHolderStrategy contexts) {
        this.demo = demo;
        this.migrations = migrations;
        this.gates = gates;
        this.accounts = accounts;
        this.contexts = contexts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo) {
            return;
        }
        try {
            as("analyst");
            var auth0 = migrations.list().stream().filter(m -> m.name().equals(AUTH0_TO_KEYCLOAK)).findFirst();
            var cognito = migrations.list().stream().filter(m -> m.name().equals(COGNITO_TO_CLERK)).findFirst();
            if (auth0.isEmpty() || gates.board(auth0.get().id()).stream().anyMatch(g -> !g.evidence().isEmpty())) {
                return;
            }
            var id = auth0.get().id();
            gates.addText(id, "credential-transit", "Hash export handling", "Auth0 support delivers the bcrypt export PGP-encrypted to a "
                    + "4096-bit key held by two named engineers; the file lives in the restricted migration bucket and is shredded after import.");
            gates.addLink(id, "credential-transit", "Key ceremony record", "https://wiki.example.com/security/pgp-key-ceremony-2026-11");
            gates.submit(id, "credential-transit");
            gates.addText(id, "rollback", "Rollback runbook", "Auth0 stays read-only for 30 days; DNS and redirect URIs switch back in "
                    + "under 10 minutes, rehearsed on staging on 2026-11-18.");
            gates.submit(id, "rollback");
            gates.addText(id, "audit-continuity", "Log export", "Auth0 logs are streamed to the SIEM; older logs are exported monthly.");
            gates.submit(id, "audit-continuity");
            gates.addText(id, "residency-compliance", "Region", "Keycloak runs in our EU cluster (Frankfurt).");
            as("reviewer");
            gates.signOff(id, "credential-transit", Decision.APPROVE, "Export path and key custody are sound.");
            gates.signOff(id, "rollback", Decision.APPROVE, "Rehearsal evidence is convincing.");
            as("reviewer2");
            gates.signOff(id, "credential-transit", Decision.APPROVE, null);
            gates.signOff(id, "audit-continuity", Decision.REQUEST_CHANGES, "Show that logs older than 30 days are archived read-only for the full retention.");
            if (cognito.isPresent()) {
                as("analyst");
                gates.addText(cognito.get().id(), "reauth-mfa-reenrollment", "Communication plan",
                        "Users get an in-app notice two weeks ahead; TOTP users re-enroll at first sign-in with a 14-day grace period.");
            }
            log.info("Demo: security gates of the example migrations set up");
        } finally {
            contexts.clearContext();
        }
    }

    private void as(String username) {
        var principal = accounts.loadUserByUsername(username);
        var context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        contexts.setContext(context);
    }
}
