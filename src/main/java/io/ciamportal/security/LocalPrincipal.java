package io.ciamportal.security;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A user signed in with a local account. The password hash is erased once authentication is done. */
final class LocalPrincipal implements UserDetails, PortalPrincipal, CredentialsContainer {

    private final AccountSnapshot account;
    private @Nullable String passwordHash;

    LocalPrincipal(AccountSnapshot account, @Nullable String passwordHash) {
        this.account = account;
        this.passwordHash = passwordHash;
    }

    LocalPrincipal refreshed(AccountSnapshot fresh) {
        return new LocalPrincipal(fresh, null);
    }

    @Override
    public UUID userId() {
        return account.userId();
    }

    @Override
    public String displayName() {
        return account.displayName();
    }

    @Override
    public Set<PortalRole> roles() {
        return account.roles();
    }

    @Override
    public long accountVersion() {
        return account.version();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return account.authorities();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.username();
    }

    @Override
    public boolean isEnabled() {
        return account.enabled();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "LocalPrincipal[" + account.userId() + "]";
    }
}
