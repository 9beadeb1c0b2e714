package io.ciamportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ciamportal.audit.AuditFilter;
import io.ciamportal.audit.AuditOutcome;
import io.ciamportal.audit.AuditQueryService;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.RuleViolationException;
import io.ciamportal.testsupport.PortalTestBase;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/** User administration through the real service, database and audit log. */
@Tag("integration")
class UserAdminIntegrationTest extends PortalTestBase {

    @Autowired
    UserAdminService users;

    @Autowired
    AccountDirectory accounts;

    @Autowired
    AuditQueryService audit;

    @Autowired
    AuthenticationManager authenticationManager;

    /** The application's own holder: another test context in this JVM may have replaced the static one. */
    @Autowired
    SecurityContextHolderStrategy contexts;

    @AfterEach
    void signOut() {
        contexts.clearContext();
    }

    @Test
    void aViewerIsRefusedByTheServiceItself() {
        signInAs("viewer");
        assertThatThrownBy(() -> users.list()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.changeRoles(UUID.randomUUID(), Set.of(PortalRole.ADMIN))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aReviewerCannotReadTheAuditLog() {
        signInAs("reviewer");
        assertThatThrownBy(() -> audit.verify()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRoleChangeIsSavedAndAuditedWithBeforeAndAfter() {
        signInAs("admin");
        var created = users.createLocalUser("role-" + suffix(), "Role Test", null, "a-long-password-1", EnumSet.of(PortalRole.VIEWER));

        var changed = users.changeRoles(created.id(), EnumSet.of(PortalRole.ANALYST, PortalRole.REVIEWER));

        assertThat(changed.roles()).containsExactlyInAnyOrder(PortalRole.VIEWER, PortalRole.ANALYST, PortalRole.REVIEWER);
        var entries = audit.find(new AuditFilter(null, "USER_ROLES_CHANGED", "user", created.id().toString(), null, null), 0, 10);
        assertThat(entries).hasSize(1);
        assertThat(entries.getFirst().before()).isEqualTo("{\"roles\":[\"VIEWER\"]}");
        assertThat(entries.getFirst().after()).isEqualTo("{\"roles\":[\"ANALYST\",\"REVIEWER\",\"VIEWER\"]}");
        assertThat(entries.getFirst().actorName()).isEqualTo("Portal admin");
        assertThat(entries.getFirst().actorRoles()).isEqualTo("ADMIN,VIEWER");
    }

    @Test
    void theLastAdminKeepsTheRoleAndTheRefusalIsAudited() {
        signInAs("admin");
        UUID adminId = accounts.localAccountId("admin").orElseThrow();

        assertThatThrownBy(() -> users.changeRoles(adminId, EnumSet.of(PortalRole.VIEWER)))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("at least one enabled admin");

        assertThat(users.get(adminId).roles()).contains(PortalRole.ADMIN);
        var denied = audit.find(new AuditFilter(null, "USER_ROLES_CHANGED", "user", adminId.toString(), null, null), 0, 10);
        assertThat(denied).anyMatch(e -> e.outcome() == AuditOutcome.DENIED);
    }

    @Test
    void anAdminCannotDisableTheirOwnAccount() {
        signInAs("admin");
        UUID adminId = accounts.localAccountId("admin").orElseThrow();
        assertThatThrownBy(() -> users.disable(adminId)).isInstanceOf(RuleViolationException.class);
        assertThat(users.get(adminId).enabled()).isTrue();
    }

    @Test
    void aDisabledAccountCannotSignInAndAnEnabledOneCanAgain() {
        signInAs("admin");
        String name = "disable-" + suffix();
        var created = users.createLocalUser(name, "Disable Test", null, "a-long-password-2", EnumSet.of(PortalRole.VIEWER));
        users.disable(created.id());
        contexts.clearContext();

        assertThatThrownBy(() -> authenticate(name, "a-long-password-2")).isInstanceOf(DisabledException.class);

        signInAs("admin");
        users.enable(created.id());
        assertThat(authenticate(name, "a-long-password-2").isAuthenticated()).isTrue();
        var trail = audit.find(new AuditFilter(null, null, "user", created.id().toString(), null, null), 0, 20);
        assertThat(trail).extracting(e -> e.action())
                .contains("USER_CREATED", "USER_DISABLED", "USER_ENABLED", "SIGN_IN_FAILED");
    }

    @Test
    void invalidInputIsRefusedAndChangesNothing() {
        signInAs("admin");
        int before = users.list().size();
        assertThatThrownBy(() -> users.createLocalUser("ok-" + suffix(), "Short", null, "short", Set.of()))
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).field()).isEqualTo("password");
        assertThatThrownBy(() -> users.createLocalUser("Bad Name!", "Bad", null, "a-long-password-3", Set.of()))
                .isInstanceOf(InvalidInputException.class).extracting(e -> ((InvalidInputException) e).field()).isEqualTo("username");
        assertThatThrownBy(() -> users.createLocalUser("viewer", "Taken", null, "a-long-password-3", Set.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("taken");
        assertThat(users.list()).hasSize(before);
    }

    @Test
    void repeatedWrongPasswordsThrottleTheAccount() {
        signInAs("admin");
        String name = "throttle-" + suffix();
        users.createLocalUser(name, "Throttle Test", null, "the-right-password", Set.of());
        contexts.clearContext();

        for (int i = 0; i < 6; i++) {
            assertThatThrownBy(() -> authenticate(name, "wrong-password")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> authenticate(name, "the-right-password")).isInstanceOf(SignInThrottledException.class);
    }

    private org.springframework.security.core.Authentication authenticate(String username, String password) {
        return authenticationManager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    private void signInAs(String username) {
        var principal = (LocalPrincipal) accounts.loadUserByUsername(username);
        principal.eraseCredentials();
        var context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        contexts.setContext(context);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

}
