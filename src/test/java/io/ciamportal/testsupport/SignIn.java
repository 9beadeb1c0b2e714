package io.ciamportal.testsupport;

import java.util.Locale;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Signs a test in as one of the demo accounts, a real person with a name, so changes record who made them. */
public final class SignIn {

    private SignIn() {}

    /** As the demo account of that role ({@code ROLE_ADMIN} → {@code admin}) or that username. */
    public static void as(SecurityContextHolderStrategy contexts, UserDetailsService accounts, String roleOrUsername) {
        String username = roleOrUsername.startsWith("ROLE_")
                ? roleOrUsername.substring("ROLE_".length()).toLowerCase(Locale.ROOT) : roleOrUsername;
        var principal = accounts.loadUserByUsername(username);
        var context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        contexts.setContext(context);
    }
}
