package io.ciamportal.shared.api;

import io.ciamportal.shared.DatabaseOutage;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.NotFoundException;
import io.ciamportal.shared.RuleViolationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every API error as {@code {status, error, message, field?}}; never a stack trace, never an HTML page. */
@RestControllerAdvice(basePackages = "io.ciamportal")
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
        return body(HttpStatus.BAD_REQUEST, "invalid_input", e.getMessage(), e.field());
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<Map<String, Object>> badRequest(Exception e) {
        String field = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : e instanceof MissingServletRequestParameterException p ? p.getParameterName() : null;
        String message = e instanceof IllegalArgumentException ? e.getMessage() : "The value of " + field + " is not valid.";
        return body(HttpStatus.BAD_REQUEST, "invalid_input", message, field);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof tools.jackson.databind.exc.MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            // name the field (e.g. "reason") so a client can point at it; the value lists are in the OpenAPI description
            var path = new StringBuilder();
            for (var reference : mismatch.getPath()) {
                if (reference.getPropertyName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    path.append('[').append(reference.getIndex()).append(']');
                }
            }
            String field = path.toString();
            return body(HttpStatus.BAD_REQUEST, "invalid_input", "The value of " + field + " is not one of the allowed values"
                    + " or not of the expected type; see /v3/api-docs.", field);
        }
        return body(HttpStatus.BAD_REQUEST, "invalid_json", "The request body is not valid JSON of the expected shape.", null);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
        return body(HttpStatus.NOT_FOUND, "not_found", e.getMessage(), null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> noEndpoint(NoResourceFoundException e) {
        return body(HttpStatus.NOT_FOUND, "not_found", "There is no such endpoint.", null);
    }

    /** Two people changed the same thing at the same moment; the loser is told to reload, nothing is half-applied. */
    @ExceptionHandler({org.springframework.dao.OptimisticLockingFailureException.class,
            org.springframework.dao.DataIntegrityViolationException.class})
    ResponseEntity<Map<String, Object>> concurrent(RuntimeException e) {
        return body(HttpStatus.CONFLICT, "conflict", "Someone changed this at the same moment. Reload and try again.", null);
    }

    /** An edit based on a version that is no longer current: 412 with who changed it, when, and the state now. */
    @ExceptionHandler(io.ciamportal.shared.StaleVersionException.class)
    ResponseEntity<Map<String, Object>> stale(io.ciamportal.shared.StaleVersionException e) {
        var response = body(HttpStatus.PRECONDITION_FAILED, "stale_version", e.getMessage(), null);
        var body = response.getBody();
        body.put("currentVersion", e.currentVersion());
        if (e.changedBy() != null) {
            body.put("changedBy", e.changedBy());
        }
        if (e.changedAt() != null) {
            body.put("changedAt", e.changedAt().toString());
        }
        if (e.current() != null) {
            body.put("current", e.current());
        }
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).header(org.springframework.http.HttpHeaders.ETAG,
                Versions.etag(e.currentVersion())).body(body);
    }

    @ExceptionHandler(org.springframework.web.server.ResponseStatusException.class)
    ResponseEntity<Map<String, Object>> status(org.springframework.web.server.ResponseStatusException e) {
        var status = HttpStatus.valueOf(e.getStatusCode().value());
        return body(status, status == HttpStatus.PRECONDITION_REQUIRED ? "precondition_required" : "error", e.getReason(), null);
    }

    @ExceptionHandler(RuleViolationException.class)
    ResponseEntity<Map<String, Object>> conflict(RuleViolationException e) {
        return body(HttpStatus.CONFLICT, "rule_violation", e.getMessage(), null);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> denied(AccessDeniedException e) {
        return body(HttpStatus.FORBIDDEN, "forbidden", "Your roles do not allow this request.", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        if (DatabaseOutage.causedBy(e)) {
            // the transaction rolled back (or never started): say so plainly, and when to come back
            log.warn("API request while the database is not reachable: {}", e.getMessage());
            var response = body(HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable", DatabaseOutage.MESSAGE, null);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", DatabaseOutageFilter.RETRY_AFTER_SECONDS)
                    .body(response.getBody());
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("API error {}", reference, e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong (reference " + reference + "). Nothing was changed.", null);
    }

    private static ResponseEntity<Map<String, Object>> body(HttpStatus status, String error, @Nullable String message,
            @Nullable String field) {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", status.value());
        body.put("error", error);
        body.put("message", message == null ? status.getReasonPhrase() : message);
        if (field != null) {
            body.put("field", field);
        }
        return ResponseEntity.status(status).body(body);
    }
}
