package io.ciamportal.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Runs start-up work (demo data) as one of the portal's accounts, so it passes the same role and membership checks and
 * is audited under that person, never as an anonymous back door. The context is cleared afterwards.
 *
 * <p>It refuses to run on a thread that already has an authentication (a request, signed in or anonymous), so a request can never switch identity
 * through it; and only the demo data starters may use it ({@code ArchitectureTest}).
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
        var current = contexts.getContext().getAuthentication();
        if (current != null) {
            throw new IllegalStateException("RunAs is for start-up work; a request (signed in or anonymous) cannot switch identity");
        }
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
