package io.ciamportal.migration;

import io.ciamportal.migration.MigrationViews.MemberRequest;
import io.ciamportal.migration.MigrationViews.NewMigration;
import io.ciamportal.migration.internal.MigrationRepository;
import io.ciamportal.security.RunAs;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With PORTAL_DEMO=true and no migrations yet: two example migrations (Auth0 to Keycloak, Cognito to Clerk), created
 * through the service as the demo analyst, so they are validated, planned and audited like any other.
 */
@Component
@Order(30)
class DemoMigrations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMigrations.class);

    private final boolean demo;
    private final MigrationRepository migrations;
    private final MigrationService service;
    private final RunAs runAs;

    DemoMigrations(@Value("${portal.demo:false}") boolean demo, MigrationRepository migrations, MigrationService service, RunAs runAs) {
        this.demo = demo;
        this.migrations = migrations;
        this.service = service;
        this.runAs = runAs;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo || migrations.count() > 0) {
            return;
        }
        runAs.run("analyst", () -> {
            service.create(new NewMigration("Customer login: Auth0 to Keycloak", "auth0", "keycloak",
                    new Inventory(420_000L, 160_000L, 0.86, 0.12, 0.05, 0.03, 0.35, 4, 17, 23, 140, true, 730, "EU",
                            Inventory.DowntimeTolerance.MINUTES, null),
                    List.of(new MemberRequest("reviewer", MemberRole.REVIEWER), new MemberRequest("reviewer2", MemberRole.REVIEWER),
                            new MemberRequest("viewer", MemberRole.VIEWER))));
            service.create(new NewMigration("Mobile app: Cognito to Clerk", "cognito", "clerk",
                    new Inventory(85_000L, 52_000L, 0.7, 0.08, 0.25, null, 0.15, 3, 0, 6, 0, false, 365, "US",
                            Inventory.DowntimeTolerance.HOURS, null),
                    List.of(new MemberRequest("reviewer", MemberRole.REVIEWER))));
            log.info("Demo: created two example migrations");
        });
    }
}
