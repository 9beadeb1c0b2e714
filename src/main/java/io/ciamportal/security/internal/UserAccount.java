package io.ciamportal.security.internal;

import io.ciamportal.security.AuthSource;
import io.ciamportal.security.PortalRole;
import io.ciamportal.security.RoleSource;
import io.ciamportal.security.UserSummary;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A person who can sign in. State changes only through the intention-revealing methods below; the rules that need
 * other accounts (at least one admin must remain) live in {@link UserAdminService}.
 */
@Entity
@Table(name = "portal_user")
public class UserAccount {

    @Id
    private UUID id;

    @Column(nullable = false, length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 320)
    private @Nullable String email;

    @Column(name = "password_hash", length = 255)
    private @Nullable String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "auth_source", nullable = false, length = 10)
    private AuthSource authSource;

    @Column(name = "oidc_issuer", length = 500)
    private @Nullable String oidcIssuer;

    @Column(name = "oidc_subject", length = 255)
    private @Nullable String oidcSubject;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_sign_in_at")
    private @Nullable Instant lastSignInAt;

    @Version
    @Column(nullable = false)
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "portal_user_role", joinColumns = @JoinColumn(name = "user_id"))
    private Set<RoleGrant> grants = new HashSet<>();

    protected UserAccount() {
        // for JPA
        id = UUID.randomUUID();
        username = "";
        displayName = "";
        authSource = AuthSource.LOCAL;
        createdAt = Instant.EPOCH;
    }

    private UserAccount(AuthSource source, String username, String displayName, @Nullable String email, Instant now) {
        this.id = UUID.randomUUID();
        this.authSource = source;
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.enabled = true;
        this.createdAt = now;
    }

    public static UserAccount local(String username, String displayName, @Nullable String email, String passwordHash,
            Set<PortalRole> roles, Instant now) {
        var account = new UserAccount(AuthSource.LOCAL, username, displayName, email, now);
        account.passwordHash = passwordHash;
        account.assignPortalRoles(roles);
        return account;
    }

    public static UserAccount fromOidc(String issuer, String subject, String username, String displayName,
            @Nullable String email, Instant now) {
        var account = new UserAccount(AuthSource.OIDC, username, displayName, email, now);
        account.oidcIssuer = issuer;
        account.oidcSubject = subject;
        return account;
    }

    /** Effective roles: portal grants and identity-provider grants together; nobody is left without viewer. */
    public Set<PortalRole> roles() {
        var roles = grants.stream().map(RoleGrant::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(PortalRole.class)));
        roles.add(PortalRole.VIEWER);
        return roles;
    }

    public Set<PortalRole> rolesFrom(RoleSource source) {
        return grants.stream().filter(g -> g.source() == source).map(RoleGrant::role)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PortalRole.class)));
    }

    /** Replaces the roles granted in the portal; roles from the identity provider stay as they are. */
    public void assignPortalRoles(Set<PortalRole> roles) {
        grants.removeIf(g -> g.source() == RoleSource.PORTAL);
        roles.forEach(r -> grants.add(new RoleGrant(r, RoleSource.PORTAL)));
    }

    /** Replaces the roles the identity provider granted, as its claim says at this sign-in. */
    public void replaceIdentityProviderRoles(Set<PortalRole> roles) {
        if (authSource != AuthSource.OIDC) {
            throw new IllegalStateException("Only accounts from an identity provider carry its roles");
        }
        if (rolesFrom(RoleSource.IDP).equals(roles)) {
            return; // the same roles: leave the grants (and the account's version) as they are
        }
        grants.removeIf(g -> g.source() == RoleSource.IDP);
        roles.forEach(r -> grants.add(new RoleGrant(r, RoleSource.IDP)));
    }

    /** Whether a sign-in with this name and email would change the account's profile. */
    public boolean profileDiffers(@Nullable String freshDisplayName, @Nullable String freshEmail) {
        return freshDisplayName != null && !freshDisplayName.isBlank() && !freshDisplayName.equals(displayName)
                || freshEmail != null && !freshEmail.isBlank() && !freshEmail.equals(email);
    }

    public void disable() {
        if (!enabled) {
            throw new IllegalStateException("The account is already disabled");
        }
        enabled = false;
    }

    public void enable() {
        if (enabled) {
            throw new IllegalStateException("The account is already enabled");
        }
        enabled = true;
    }

    public void changePassword(String newHash) {
        if (authSource != AuthSource.LOCAL) {
            throw new IllegalStateException("Accounts from an identity provider have no portal password");
        }
        passwordHash = newHash;
    }

    /** Records a sign-in and takes over the name and email the identity provider reports now. */
    public void signedIn(Instant now, @Nullable String freshDisplayName, @Nullable String freshEmail) {
        lastSignInAt = now;
        if (freshDisplayName != null && !freshDisplayName.isBlank()) {
            displayName = freshDisplayName;
        }
        if (freshEmail != null && !freshEmail.isBlank()) {
            email = freshEmail;
        }
    }

    public UUID id() {
        return id;
    }

    public String username() {
        return username;
    }

    public String displayName() {
        return displayName;
    }

    public @Nullable String email() {
        return email;
    }

    public @Nullable String passwordHash() {
        return passwordHash;
    }

    public AuthSource authSource() {
        return authSource;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public @Nullable Instant lastSignInAt() {
        return lastSignInAt;
    }

    public long version() {
        return version;
    }

    public UserSummary summary() {
        return new UserSummary(id, username, displayName, email, authSource, enabled, roles(),
                rolesFrom(RoleSource.PORTAL), rolesFrom(RoleSource.IDP), createdAt, lastSignInAt);
    }
}
