package io.ciamportal.migration.api;

import io.ciamportal.migration.ClaimDiffService;
import io.ciamportal.migration.ClaimDiffViews;
import io.ciamportal.migration.claims.TokenDecoder;
import io.ciamportal.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/migrations/{id}/claim-diffs}: compare a flow's token from the old platform with one from the new
 * (decoded in memory, never stored, logged or echoed) and read the stored verdicts. The body is read here, at most
 * {@value #MAX_BODY} bytes, so an oversized token is refused before anything parses it.
 */
@RestController
@RequestMapping("/api/v1/migrations/{id}/claim-diffs")
@PreAuthorize("isAuthenticated()")
class ClaimDiffApiController {

    /** Two tokens of {@value TokenDecoder#MAX_CHARS} characters each, even with every character JSON-escaped, and the flow. */
    static final int MAX_BODY = 96 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(TokenDecoder.MAX_DEPTH + 2).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .build();

    private final ClaimDiffService claimDiffs;

    ClaimDiffApiController(ClaimDiffService claimDiffs) {
        this.claimDiffs = claimDiffs;
    }

    @Schema(description = "A flow and the same flow's token from each platform: a compact JWS (header.payload.signature) or its decoded "
            + "claims (a JSON object, or a string holding one, or {\"header\": ..., \"payload\": ...})")
    record ClaimDiffRequest(
            @Schema(description = "SIGN_IN, SIGN_UP, SOCIAL_SIGN_IN, TOKEN_REFRESH, M2M or MFA_SIGN_IN", example = "SIGN_IN") String flow,
            @Schema(description = "The old platform's ID or access token, at most 16 KiB") String oldToken,
            @Schema(description = "The new platform's ID or access token of the same flow, at most 16 KiB") String newToken) {}

    /** The body was larger than the endpoint reads. */
    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException() {
            super("The request body is larger than " + MAX_BODY / 1024 + " KiB; a token is at most 16 KiB. Nothing was read or stored.", null,
                    false, false);
        }
    }

    @Operation(summary = "Compare a flow's tokens from the old and the new platform (owner, analysts of the migration, admins)",
            description = "Both tokens are decoded in memory; the signature is not verified (the portal holds no keys). The answer lists "
                    + "each claim's name and verdict (SAME, MISSING, ADDED, RENAMED, TYPE_CHANGED, FORMAT_CHANGED, VALUE_DIFFERS, EXPECTED, "
                    + "ISSUER_CHANGED, AUDIENCE_CHANGED, LIFETIME_CHANGED, ALGORITHM_CHANGED) with a detail such as \"string -> array\" or "
                    + "\"auth0-id -> uuid\", never a value. Only names and verdicts are stored, as the flow's latest dual-run evidence; "
                    + "subChanged lists the apps keyed on sub. Not a JWT, a JWE, alg none or an unknown algorithm, invalid base64url or JSON, "
                    + "nesting deeper than 10, duplicate names, a token over 16 KiB: 400 naming oldToken or newToken, the token never "
                    + "quoted, nothing stored. A body over 96 KiB: 413. Audited (flow and counts per verdict).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ClaimDiffRequest.class))))
    @PostMapping
    ResponseEntity<ClaimDiffViews.Comparison> compare(@PathVariable UUID id, HttpServletRequest request) throws IOException {
        Map<String, @Nullable String> fields = fields(body(request));
        var comparison = claimDiffs.compare(id, fields.get("flow"), fields.get("oldToken"), fields.get("newToken"));
        return ResponseEntity.status(HttpStatus.CREATED).body(comparison);
    }

    @Operation(summary = "The migration's claim diffs: the latest per flow, the flows not compared yet, and the history (members, admins)")
    @GetMapping
    ClaimDiffViews.Status status(@PathVariable UUID id) {
        return claimDiffs.status(id);
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Map<String, Object>> tooLarge(BodyTooLargeException e) {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", HttpStatus.CONTENT_TOO_LARGE.value());
        body.put("error", "too_large");
        body.put("message", e.getMessage());
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(body);
    }

    /** The body, refused past {@link #MAX_BODY} bytes without reading the rest. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            throw new BodyTooLargeException();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new BodyTooLargeException();
            }
            return body;
        }
    }

    /** flow, oldToken and newToken as text; a token given as a JSON object is taken as its JSON. Parser messages are not passed on. */
    private static Map<String, @Nullable String> fields(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "The request body is not a JSON object with flow, oldToken and newToken.");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("body", "The request body is not a JSON object with flow, oldToken and newToken.");
        }
        var out = new LinkedHashMap<String, @Nullable String>();
        for (String name : new String[] {"flow", "oldToken", "newToken"}) {
            JsonNode v = root.get(name);
            if (v == null || v.isNull()) {
                out.put(name, null);
            } else if (v.isString()) {
                out.put(name, v.stringValue());
            } else if (v.isObject() && !name.equals("flow")) {
                out.put(name, JSON.writeValueAsString(v));
            } else {
                throw new InvalidInputException(name, name.equals("flow") ? "Give the flow as text, e.g. \"SIGN_IN\"."
                        : "Give the token as text (the compact JWT) or as a JSON object of its claims.");
            }
        }
        return out;
    }
}
