package io.ciamportal.security;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditActor;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.security.internal.UserAccount;
import io.ciamportal.security.internal.UserAccountRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start: creates the initial local admin (password from PORTAL_ADMIN_PASSWORD, or generated and printed once).
 * With PORTAL_DEMO=true: adds the demo accounts viewer, analyst, reviewer, reviewer2 and admin.
 */
@Component
@org.springframework.core.annotation.Order(20)
class AccountBootstrap implements ApplicationRunner {

    static final String INITIAL_ADMIN = "admin";
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserAccountRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PortalProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    AccountBootstrap(UserAccountRepository users, PasswordEncoder passwordEncoder, PortalProperties properties,
            AuditLog audit, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!properties.localAccountsEnabled()) {
            return;
        }
        users.lockFirstAccounts(); // another instance starting on the same database waits here, then finds the accounts
        String demoPassword = null;
        if (properties.demo()) {
            demoPassword = PortalProperties.hasText(properties.demoPassword()) ? properties.demoPassword() : null;
        }
        if (!users.existsByAuthSource(AuthSource.LOCAL)) {
            createInitialAdmin(demoPassword);
        }
        if (properties.demo()) {
            createDemoAccounts(demoPassword);
        }
    }

    private void createInitialAdmin(@Nullable String demoPassword) {
        String password = properties.adminPassword();
        boolean generated = false;
        if (!PortalProperties.hasText(password)) {
            password = demoPassword;
        }
        if (!PortalProperties.hasText(password)) {
            password = randomPassword();
            generated = true;
        }
        create(INITIAL_ADMIN, "Portal admin", password, EnumSet.of(PortalRole.ADMIN));
        if (generated) {
            // Printed once, on the console only: there is no other way to learn it.
            System.out.println("""

                    ================================================================
                      Initial admin account created.
                        username: admin
                        password: %s
                      This password is shown only now. Sign in and change it, or
                      set PORTAL_ADMIN_PASSWORD before the first start next time.
                    ================================================================
                    """.formatted(password));
        } else {
            log.info("Initial admin account 'admin' created with the configured password");
        }
    }

    private void createDemoAccounts(@Nullable String demoPassword) {
        String password = demoPassword;
        boolean generated = false;
        if (password == null) {
            password = randomPassword();
            generated = true;
        }
        var demo = Map.of(
                "viewer", EnumSet.of(PortalRole.VIEWER),
                "analyst", EnumSet.of(PortalRole.ANALYST),
                "reviewer", EnumSet.of(PortalRole.REVIEWER),
                "reviewer2", EnumSet.of(PortalRole.REVIEWER),
                INITIAL_ADMIN, EnumSet.of(PortalRole.ADMIN));
        int created = 0;
        for (var entry : demo.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            if (users.findLocal(entry.getKey()).isEmpty()) {
                create(entry.getKey(), "Demo " + entry.getKey(), password, entry.getValue());
                created++;
            }
        }
        if (created > 0 && generated) {
            System.out.println("\n  Demo accounts viewer, analyst, reviewer, reviewer2 (and admin, if new) use the password: "
                    + password + "\n  Set PORTAL_DEMO_PASSWORD to choose it.\n");
        } else if (created > 0) {
            log.info("{} demo account(s) created with PORTAL_DEMO_PASSWORD", created);
        }
    }

    private void create(String username, String displayName, String password, EnumSet<PortalRole> roles) {
        var account = users.save(UserAccount.local(username, displayName, null, passwordEncoder.encode(password), roles, clock.instant()));
        users.flush();
        audit.record(AuditActor.SYSTEM, AuditEvent.success(AuditAction.USER_CREATED, AuditTarget.USER, account.id().toString(), null,
                UserAdminService.details(account)));
    }

    private static String randomPassword() {
        var random = new SecureRandom();
        var out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
