package io.ciamportal.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Runs start-up work (demo data) as one of the portal's accounts, so it passes the same role and membership checks and
 * is audited under that person, never as an anonymous back door. The context is cleared afterwards.
 */
@Component
public class RunAs {

    private final UserDetailsService accounts;
    private final SecurityContextHolderStrategy contexts;

    RunAs(UserDetailsService accounts, SecurityContextHolderStrategy contexts) {
        this.accounts = accounts;
        this.contexts = contexts;
    }

    public void run(String username, Runnable work) {
        var principal = accounts.loadUserByUsername(username);
        var context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        contexts.setContext(context);
        try {
            work.run();
        } finally {
            contexts.clearContext();
        }
    }
}
