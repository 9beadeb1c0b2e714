package io.ciamportal.shared.api;

import io.ciamportal.shared.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

/**
 * Optimistic versions on the API: a resource is sent with {@code ETag: "<version>"}, and every edit names the version it
 * was based on in {@code If-Match}. A missing header is 428, a version that is not current 412 (with the current state).
 */
public final class Versions {

    private Versions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names; 428 when there is none. */
    public static long ifMatch(@Nullable String header) {
        if (header == null || header.isBlank()) {
            throw new ResponseStatusException(HttpStatus.PRECONDITION_REQUIRED,
                    "Send If-Match with the ETag of the version you edited (GET the resource for it).");
        }
        String value = header.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("If-Match", "If-Match must be the ETag the resource was sent with, e.g. \"3\".");
        }
    }

    /** A 200 answer with the resource's ETag. */
    public static <T> ResponseEntity<T> tagged(T body, long version) {
        return ResponseEntity.ok().header(HttpHeaders.ETAG, etag(version)).body(body);
    }
}
