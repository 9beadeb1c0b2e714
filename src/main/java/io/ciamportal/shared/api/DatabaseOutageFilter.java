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
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Database not reachable · CIAM migration portal</title>
            <style>
            :root { color-scheme: light dark; --accent: #1a5fd6; --text: #1b2330; --muted: #5b6575; --card: #fff; --bg: #f4f6f9; }
            @media (prefers-color-scheme: dark) { :root { --accent: #7aa7ff; --text: #e6e9ef; --muted: #aab2bf; --card: #1d232d; --bg: #12161c; } }
            body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--text); background: var(--bg); }
            header { padding: 0.9rem 1.5rem; font-weight: 600; border-bottom: 3px solid var(--accent); background: var(--card); }
            main { max-width: 40rem; margin: 3rem auto; padding: 1.5rem 2rem; background: var(--card); border-radius: 8px;
                   border-left: 4px solid #c0392b; }
            @media (max-width: 44rem) { main { margin: 1.5rem 0.75rem; padding: 1.25rem; } }
            h1 { font-size: 1.5rem; margin: 0 0 0.75rem; }
            p { margin: 0 0 0.75rem; }
            .muted { color: var(--muted); font-size: 0.9rem; }
            a { color: var(--accent); }
            </style></head>
            <body>
            <header>CIAM migration portal</header>
            <main role="alert">
            <h1>The database is not reachable</h1>
            <p>The portal cannot reach its database right now. Try again in a moment; this page reloads itself every
            10 seconds. Changes you were making may not have been saved.</p>
            <p class="muted">A change is saved whole or not at all: once the database is back, check that yours is there.</p>
            <p><a href="/">Go to the start page</a></p>
            </main>
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
