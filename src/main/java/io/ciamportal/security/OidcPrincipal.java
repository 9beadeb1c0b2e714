package io.ciamportal.security;

import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.jspecify.annotations.Nullable;

/** A user signed in through the OIDC provider; authorities are the portal roles, not the provider's scopes. */
final class OidcPrincipal extends DefaultOidcUser implements PortalPrincipal {

    private final AccountSnapshot account;

    OidcPrincipal(AccountSnapshot account, OidcIdToken idToken, @Nullable OidcUserInfo userInfo) {
        super(account.authorities(), idToken, userInfo);
        this.account = account;
    }

    OidcPrincipal refreshed(AccountSnapshot fresh) {
        return new OidcPrincipal(fresh, getIdToken(), getUserInfo());
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
    public String getName() {
        return account.userId().toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OidcPrincipal other && other.account.equals(account) && super.equals(o);
    }

    @Override
    public int hashCode() {
        return account.hashCode();
    }
}
