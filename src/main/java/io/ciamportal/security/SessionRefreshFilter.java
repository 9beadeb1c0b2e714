package io.ciamportal.security;

import io.ciamportal.shared.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
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
            Optional<AccountSnapshot> fresh;
            try {
                fresh = accounts.snapshot(principal.userId());
            } catch (RuntimeException e) {
                if (DatabaseOutage.causedBy(e) && isUiRoundTrip(request)) {
                    // The database is down. An open view's own request goes on, so the view can tell the person so
                    // (anything it does needs the database and fails); the first request after the outage checks the
                    // account again. A page load gets the outage page instead (DatabaseOutageFilter).
                    chain.doFilter(request, response);
                    return;
                }
                throw e;
            }
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

    /** A Vaadin UI's round trip (an event, a heartbeat) rather than a page or an API call. */
    private static boolean isUiRoundTrip(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && (query.contains("v-r=uidl") || query.contains("v-r=heartbeat"));
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
