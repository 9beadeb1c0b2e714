package io.ciamportal.security;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditActor;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.security.internal.UserAccount;
import io.ciamportal.security.internal.UserAccountRepository;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account look-ups and updates that belong to signing in, before anyone is authorized: loading a local account,
 * creating or updating an account from the OIDC provider, refreshing a session's view of its account.
 */
@Component
@Transactional
class AccountDirectory implements UserDetailsService {

    private final UserAccountRepository users;
    private final AuditLog audit;
    private final PortalProperties properties;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    AccountDirectory(UserAccountRepository users, AuditLog audit, PortalProperties properties, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.users = users;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findLocal(username.strip())
                .map(account -> new LocalPrincipal(AccountSnapshot.of(account), account.passwordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("No local account with that name"));
    }

    @Transactional(readOnly = true)
    public Optional<UUID> localAccountId(String username) {
        return users.findLocal(username.strip()).map(UserAccount::id);
    }

    @Transactional(readOnly = true)
    public Optional<AccountSnapshot> snapshot(UUID id) {
        return users.findById(id).map(AccountSnapshot::of);
    }

    public void recordSignIn(UUID id) {
        users.recordSignIn(id, clock.instant());
    }

    /**
     * Finds or creates the account for an OIDC identity and applies what the provider says now: name, email and the
     * roles of its claim. New accounts whose verified email is in {@code PORTAL_ADMIN_EMAILS} become admins.
     */
    public AccountSnapshot provisionOidc(String issuer, String subject, String username, String displayName,
            @Nullable String email, boolean emailVerified, Set<PortalRole> identityProviderRoles) {
        var existing = users.findOidc(issuer, subject);
        if (existing.isPresent() && !existing.get().enabled()) {
            return AccountSnapshot.of(existing.get());
        }
        var account = existing.orElseGet(() -> UserAccount.fromOidc(issuer, subject, username, displayName, email, clock.instant()));
        var provider = AuditActor.of("oidc:" + issuer, "Identity provider", Set.of());
        if (existing.isEmpty()) {
            var portalRoles = EnumSet.of(PortalRole.VIEWER);
            if (email != null && emailVerified && properties.isAdminEmail(email)) {
                portalRoles.add(PortalRole.ADMIN);
            }
            account.assignPortalRoles(portalRoles);
            account.replaceIdentityProviderRoles(identityProviderRoles);
            users.save(account);
            users.flush();
            audit.record(provider, AuditEvent.success(AuditAction.USER_CREATED, AuditTarget.USER, account.id().toString(), null,
                    UserAdminService.details(account)));
        } else {
            var before = account.roles();
            account.replaceIdentityProviderRoles(identityProviderRoles);
            var after = account.roles();
            if (!before.equals(after)) {
                users.flush();
                audit.record(provider, AuditEvent.success(AuditAction.USER_ROLES_CHANGED, AuditTarget.USER, account.id().toString(),
                        Map.of("roles", before), Map.of("roles", after, "source", "identity provider claim")));
                events.publishEvent(new RolesChanged(account.id(), java.util.Set.copyOf(before), java.util.Set.copyOf(after)));
            }
        }
        if (existing.isPresent() && !account.profileDiffers(displayName, email)) {
            // nothing a session depends on changes: the time of the sign-in alone, without a new version, so that
            // simultaneous sign-ins of one account do not fail on each other's version (as for form sign-ins)
            users.flush();
            users.recordSignIn(account.id(), clock.instant());
        } else {
            account.signedIn(clock.instant(), displayName, email);
            users.flush();
        }
        return AccountSnapshot.of(account);
    }
}
