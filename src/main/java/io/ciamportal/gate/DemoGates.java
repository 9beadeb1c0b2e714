package io.ciamportal.gate;

import io.ciamportal.migration.MigrationService;
import io.ciamportal.security.RunAs;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
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
    private final RunAs runAs;

    DemoGates(@Value("${portal.demo:false}") boolean demo, MigrationService migrations, GateService gates, RunAs runAs) {
        this.demo = demo;
        this.migrations = migrations;
        this.gates = gates;
        this.runAs = runAs;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo) {
            return;
        }
        var ids = new java.util.HashMap<String, UUID>();
        runAs.run("analyst", () -> migrations.list().forEach(m -> ids.put(m.name(), m.id())));
        UUID auth0 = ids.get(AUTH0_TO_KEYCLOAK);
        UUID cognito = ids.get(COGNITO_TO_CLERK);
        if (auth0 == null) {
            return;
        }
        var started = new java.util.concurrent.atomic.AtomicBoolean();
        runAs.run("analyst", () -> {
            if (gates.board(auth0).stream().anyMatch(g -> !g.evidence().isEmpty())) {
                return;
            }
            started.set(true);
            gates.addText(auth0, "credential-transit", "Hash export handling", "Auth0 support delivers the bcrypt export PGP-encrypted to a "
                    + "4096-bit key held by two named engineers; the file lives in the restricted migration bucket and is shredded after import.");
            gates.addLink(auth0, "credential-transit", "Key ceremony record", "https://wiki.example.com/security/pgp-key-ceremony-2026-11");
            gates.submit(auth0, "credential-transit");
            gates.addText(auth0, "rollback", "Rollback runbook", "Auth0 stays read-only for 30 days; DNS and redirect URIs switch back in "
                    + "under 10 minutes, rehearsed on staging on 2026-11-18.");
            gates.submit(auth0, "rollback");
            gates.addText(auth0, "audit-continuity", "Log export", "Auth0 logs are streamed to the SIEM; older logs are exported monthly.");
            gates.submit(auth0, "audit-continuity");
            gates.addText(auth0, "residency-compliance", "Region", "Keycloak runs in our EU cluster (Frankfurt).");
            if (cognito != null) {
                gates.addText(cognito, "reauth-mfa-reenrollment", "Communication plan",
                        "Users get an in-app notice two weeks ahead; TOTP users re-enroll at first sign-in with a 14-day grace period.");
            }
        });
        if (!started.get()) {
            return;
        }
        runAs.run("reviewer", () -> {
            gates.signOff(auth0, "credential-transit", Decision.APPROVE, "Export path and key custody are sound.");
            gates.signOff(auth0, "rollback", Decision.APPROVE, "Rehearsal evidence is convincing.");
        });
        runAs.run("reviewer2", () -> {
            gates.signOff(auth0, "credential-transit", Decision.APPROVE, null);
            gates.signOff(auth0, "audit-continuity", Decision.REQUEST_CHANGES,
                    "Show that logs older than 30 days are archived read-only for the full retention.");
        });
        log.info("Demo: security gates of the example migrations set up");
    }
}
