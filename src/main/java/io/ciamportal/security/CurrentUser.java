package io.ciamportal.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** The signed-in user of the current request or UI, if any. */
@Component
public class CurrentUser {

    private final SecurityContextHolderStrategy contexts;

    CurrentUser(SecurityContextHolderStrategy contexts) {
        this.contexts = contexts;
    }

    public Optional<PortalPrincipal> get() {
        var authentication = contexts.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    public PortalPrincipal require() {
        return get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in first."));
    }
}
