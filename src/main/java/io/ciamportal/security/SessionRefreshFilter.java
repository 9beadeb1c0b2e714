package io.ciamportal.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps sessions in step with their accounts: a session whose account was disabled or deleted ends at its next
 * request, and one whose roles changed gets the new roles at once, without signing in again. One primary-key
 * look-up per request.
 */
final class SessionRefreshFilter extends OncePerRequestFilter {

    private final AccountDirectory accounts;
    private final SecurityContextHolderStrategy contexts;
    private final SecurityContextRepository repository;

    SessionRefreshFilter(AccountDirectory accounts, SecurityContextHolderStrategy contexts, SecurityContextRepository repository) {
        this.accounts = accounts;
        this.contexts = contexts;
        this.repository = repository;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = contexts.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalPrincipal principal
                && request.getSession(false) != null) {
            var fresh = accounts.snapshot(principal.userId());
            if (fresh.isEmpty() || !fresh.get().enabled()) {
                contexts.clearContext();
                request.getSession(false).invalidate();
            } else if (fresh.get().version() != principal.accountVersion()) {
                var updated = refreshed(authentication, principal, fresh.get());
                var context = contexts.createEmptyContext();
                context.setAuthentication(updated);
                contexts.setContext(context);
                repository.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private static Authentication refreshed(Authentication current, PortalPrincipal principal, AccountSnapshot fresh) {
        return switch (principal) {
            case LocalPrincipal local -> {
                var token = UsernamePasswordAuthenticationToken.authenticated(local.refreshed(fresh), null, fresh.authorities());
                token.setDetails(current.getDetails());
                yield token;
            }
            case OidcPrincipal oidc -> new OAuth2AuthenticationToken(oidc.refreshed(fresh), fresh.authorities(),
                    current instanceof OAuth2AuthenticationToken t ? t.getAuthorizedClientRegistrationId() : OidcClientRegistrations.REGISTRATION_ID);
            default -> current;
        };
    }
}
