package io.ciamportal.security;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditOutcome;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.shared.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's answers to "who are you?" (401) and "not allowed" (403): JSON, never a login page, and no
 * {@code WWW-Authenticate: Basic} challenge, so browsers never prompt for and cache Basic credentials (which they
 * would then send along with cross-site requests).
 */
final class JsonSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;
    private final AuditLog audit;
    private final AuthenticationAuditor authenticationAuditor;

    JsonSecurityResponses(JsonMapper json, AuditLog audit, AuthenticationAuditor authenticationAuditor) {
        this.json = json;
        this.audit = audit;
        this.authenticationAuditor = authenticationAuditor;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException problem)
            throws IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        String message = "Sign in first: use the portal's browser session, or HTTP Basic with a local account.";
        if (DatabaseOutage.causedBy(problem)) {
            // the credentials could not be checked: neither a failure to record nor a 401
            response.setHeader("Retry-After", "5");
            write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "database_unavailable", DatabaseOutage.MESSAGE);
            return;
        }
        if (problem instanceof SignInBusyException) {
            // the credentials could not be checked in time: not a failure to record, and not a 401
            response.setHeader("Retry-After", "5");
            write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "busy", problem.getMessage() + ".");
            return;
        }
        if (authorization != null) {
            authenticationAuditor.recordFailure(null, "api", problem);
            message = problem instanceof SignInThrottledException throttled
                    ? throttled.getMessage() + "."
                    : "The credentials were not accepted.";
        }
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", message);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException problem)
            throws IOException {
        if (problem instanceof CsrfException) {
            audit.recordIndependently(AuditEvent.of(AuditAction.CSRF_REJECTED, AuditTarget.API, request.getMethod() + " " + request.getRequestURI(),
                    null, AuditOutcome.DENIED));
            write(response, HttpServletResponse.SC_FORBIDDEN, "csrf",
                    "This request needs the CSRF token of the browser session (header X-CSRF-TOKEN or X-XSRF-TOKEN).");
            return;
        }
        write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "Your roles do not allow this request.");
    }

    private void write(HttpServletResponse response, int status, String error, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", error);
        body.put("message", message);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(body));
    }
}
