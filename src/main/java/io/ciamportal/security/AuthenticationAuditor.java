package io.ciamportal.security;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditActor;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditOutcome;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.shared.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes sign-ins, failed sign-ins and sign-outs to the audit log. Failed attempts name the account only when it
 * exists; the typed username of an unknown account is not stored (it may be a mistyped password).
 */
@Component
class AuthenticationAuditor implements LogoutHandler {

    private final AuditLog audit;
    private final AccountDirectory accounts;

    AuthenticationAuditor(AuditLog audit, AccountDirectory accounts) {
        this.audit = audit;
        this.accounts = accounts;
    }

    @EventListener
    void onSuccess(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof PortalPrincipal principal) {
            accounts.recordSignIn(principal.userId());
            audit.record(SecurityActorProvider.actorOf(principal), AuditEvent.of(AuditAction.SIGN_IN, AuditTarget.USER,
                    principal.userId().toString(), Map.of("method", method(event.getAuthentication())), AuditOutcome.SUCCESS));
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        if (isApiRequest()) {
            return; // the API's entry point records these, once per request
        }
        if (DatabaseOutage.causedBy(event.getException())) {
            return; // nothing can be recorded, and the password was never checked
        }
        recordFailure(event.getAuthentication(), event.getException().getClass().getSimpleName(), event.getException());
    }

    void recordFailure(@Nullable Authentication attempt, String channel, @Nullable Exception problem) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("method", attempt == null ? channel : method(attempt));
        detail.put("reason", reason(problem));
        String targetId = null;
        if (attempt instanceof org.springframework.security.authentication.UsernamePasswordAuthenticationToken token
                && token.getName() != null) {
            targetId = accounts.localAccountId(token.getName()).map(Object::toString).orElse(null);
            if (targetId == null) {
                detail.put("account", "unknown");
            }
        }
        audit.recordIndependently(AuditActor.ANONYMOUS, AuditEvent.of(AuditAction.SIGN_IN_FAILED, AuditTarget.USER, targetId, detail,
                problem instanceof SignInThrottledException || problem instanceof DisabledException
                        ? AuditOutcome.DENIED : AuditOutcome.FAILURE));
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, @Nullable Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof PortalPrincipal principal) {
            audit.record(SecurityActorProvider.actorOf(principal),
                    AuditEvent.of(AuditAction.SIGN_OUT, AuditTarget.USER, principal.userId().toString(), null, AuditOutcome.SUCCESS));
        }
    }

    private static String method(Authentication authentication) {
        return authentication instanceof OAuth2AuthenticationToken || authentication instanceof OAuth2LoginAuthenticationToken
                ? "oidc" : "password";
    }

    private static String reason(@Nullable Exception problem) {
        return switch (problem) {
            case null -> "no credentials";
            case SignInThrottledException t -> "throttled after repeated failures";
            case SignInBusyException b -> "not checked: too many sign-ins at once";
            case DisabledException d -> "account disabled";
            case org.springframework.security.authentication.BadCredentialsException b -> "wrong username or password";
            case org.springframework.security.oauth2.core.OAuth2AuthenticationException o -> "identity provider: " + o.getError().getErrorCode();
            default -> problem.getClass().getSimpleName();
        };
    }

    private static boolean isApiRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getRequestURI().startsWith(attributes.getRequest().getContextPath() + "/api/");
    }
}
