package io.ciamportal.security;

import io.ciamportal.security.ui.LoginView;
import io.ciamportal.shared.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** Sends a failed sign-in back to the login view with a reason it can explain (never the exception text). */
final class SignInFailureHandler implements AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInFailureHandler.class);

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean singleSignOn = request.getRequestURI().startsWith(request.getContextPath() + "/login/oauth2/");
        String reason = switch (e) {
            case AuthenticationException outage when DatabaseOutage.causedBy(outage) -> "unavailable";
            case SignInThrottledException t -> "throttled";
            case SignInBusyException b -> "busy";
            case OAuth2AuthenticationException o when "account_disabled".equals(o.getError().getErrorCode()) -> "disabled";
            default -> singleSignOn ? "sso" : "error";
        };
        if (singleSignOn) {
            // The provider's answer, for whoever has to fix the configuration; it names no user and holds no token.
            log.warn("Single sign-on failed: {}", e.getMessage());
        }
        response.sendRedirect(request.getContextPath() + LoginView.PATH + "?" + reason);
    }
}
