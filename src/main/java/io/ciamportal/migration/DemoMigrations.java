package io.ciamportal.migration;

import io.ciamportal.migration.ApplicationInventory.AppType;
import io.ciamportal.migration.ApplicationInventory.ClientApp;
import io.ciamportal.migration.ApplicationInventory.CustomDomain;
import io.ciamportal.migration.ApplicationInventory.GrantType;
import io.ciamportal.migration.ApplicationInventory.TlsCertificate;
import io.ciamportal.migration.ApplicationInventory.Webhook;
import io.ciamportal.migration.MigrationViews.MemberRequest;
import io.ciamportal.migration.MigrationViews.NewMigration;
import io.ciamportal.migration.internal.MigrationRepository;
import io.ciamportal.security.RunAs;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With PORTAL_DEMO=true and no migrations yet: two example migrations (Auth0 to Keycloak, Cognito to Clerk), created
 * through the service as the demo analyst, so they are validated, planned and audited like any other. The first also gets
 * an application side (clients, domains, templates, webhooks) and a cutover date about four months ahead.
 */
@Component
@Order(30)
class DemoMigrations implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMigrations.class);

    private final boolean demo;
    private final MigrationRepository migrations;
    private final MigrationService service;
    private final MigrationApplicationsService applications;
    private final MigrationCutoverService cutover;
    private final RunAs runAs;
    private final Clock clock;

    DemoMigrations(@Value("${portal.demo:false}") boolean demo, MigrationRepository migrations, MigrationService service,
            MigrationApplicationsService applications, MigrationCutoverService cutover, RunAs runAs, Clock clock) {
        this.demo = demo;
        this.migrations = migrations;
        this.service = service;
        this.applications = applications;
        this.cutover = cutover;
        this.runAs = runAs;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo || migrations.count() > 0) {
            return;
        }
        runAs.run("analyst", () -> {
            var customerLogin = service.create(new NewMigration("Customer login: Auth0 to Keycloak", "auth0", "keycloak",
                    new Inventory(420_000L, 160_000L, 0.86, 0.12, 0.05, 0.03, 0.35, 4, 17, 23, 140, true, 730, "EU",
                            Inventory.DowntimeTolerance.MINUTES, null),
                    List.of(new MemberRequest("reviewer", MemberRole.REVIEWER), new MemberRequest("reviewer2", MemberRole.REVIEWER),
                            new MemberRequest("viewer", MemberRole.VIEWER))));
            UUID id = customerLogin.summary().id();
            applications.update(id, service.get(id).version(), customerLoginApps());
            cutover.schedule(id, service.get(id).version(), LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(120), 14L, null);
            service.create(new NewMigration("Mobile app: Cognito to Clerk", "cognito", "clerk",
                    new Inventory(85_000L, 52_000L, 0.7, 0.08, 0.25, null, 0.15, 3, 0, 6, 0, false, 365, "US",
                            Inventory.DowntimeTolerance.HOURS, null),
                    List.of(new MemberRequest("reviewer", MemberRole.REVIEWER))));
            log.info("Demo: created two example migrations");
        });
    }

    private static ApplicationInventory customerLoginApps() {
        return new ApplicationInventory(
                List.of(new ClientApp("Shop (web)", AppType.WEB, List.of("https://shop.example.com/callback"),
                                List.of("https://shop.example.com/"), Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), true),
                        new ClientApp("Account portal (SPA)", AppType.SPA, List.of("https://account.example.com/callback"),
                                List.of("https://account.example.com/"), Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), false),
                        new ClientApp("Shop app (iOS, Android)", AppType.NATIVE, List.of("com.example.shop:/callback"), List.of(),
                                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), false),
                        new ClientApp("Order service", AppType.M2M, List.of(), List.of(), Set.of(GrantType.CLIENT_CREDENTIALS), false)),
                3,
                List.of(new CustomDomain("login.example.com", 2, TlsCertificate.VENDOR_MANAGED)),
                9, 2, List.of("en", "de", "fr"), List.of("mail.example.com"),
                List.of(new Webhook("User created to CRM", "https://crm.example.com/hooks/auth", true)),
                1, 2, 1);
    }
}
