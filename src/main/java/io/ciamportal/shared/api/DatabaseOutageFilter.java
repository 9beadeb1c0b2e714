package io.ciamportal.shared.api;

import io.ciamportal.shared.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter, in front of Spring Security: when the database cannot be reached while a request is handled
 * anywhere (the sign-in throttle, HTTP Basic, the session refresh, a view), the answer is a 503 that says so — JSON for
 * the API, a short page for the browser — instead of a 500 with a stack trace in the log for every request. The
 * request's transaction has rolled back by then; nothing was half-written.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    static final String RETRY_AFTER_SECONDS = "5";

    static final String JSON = "{\"status\":503,\"error\":\"database_unavailable\",\"message\":\"" + DatabaseOutage.MESSAGE + "\"}";

    static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="10">
            <title>Database not reachable</title></head>
            <body style="font-family: system-ui, sans-serif; margin: 3rem; max-width: 40rem">
            <h1>The database is not reachable</h1>
            <p>The portal cannot reach its database right now. Try again in a moment; this page reloads itself every
            10 seconds. Changes you were making may not have been saved.</p>
            <p><a href="/">Go to the start page</a></p>
            </body></html>
            """;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            if (!DatabaseOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database not reachable during {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
            write(request, response);
        }
    }

    static void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setHeader("Cache-Control", "no-store");
        boolean json = request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                || String.valueOf(request.getHeader("Accept")).contains("application/json")
                || String.valueOf(request.getContentType()).contains("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(json ? "application/json" : "text/html");
        response.getWriter().write(json ? JSON : PAGE);
    }
}
