package io.ciamportal.security;

import io.ciamportal.security.internal.UserAccount;
import java.io.Serializable;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The parts of an account a session carries: enough to authorize and to notice when the account changed. */
record AccountSnapshot(UUID userId, String username, String displayName, Set<PortalRole> roles, long version, boolean enabled)
        implements Serializable {

    AccountSnapshot {
        roles = roles.isEmpty() ? EnumSet.noneOf(PortalRole.class) : EnumSet.copyOf(roles);
    }

    static AccountSnapshot of(UserAccount account) {
        return new AccountSnapshot(account.id(), account.username(), account.displayName(), account.roles(),
                account.version(), account.enabled());
    }

    Collection<GrantedAuthority> authorities() {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority())).toList();
    }
}
