package io.ciamportal.migration.claims;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A token read in memory: its header (absent when only the claims were pasted), its claims, the signing algorithm and
 * what kind of token it looks like. It lives for one comparison and is never stored; {@link #toString()} names no value.
 *
 * @param compact true for a compact JWS, false for pasted JSON
 */
public record DecodedToken(@Nullable ObjectNode header, ObjectNode payload, @Nullable String algorithm, TokenKind kind, boolean compact) {

    @Override
    public String toString() {
        return "DecodedToken[" + kind + ", " + (algorithm == null ? "no header" : algorithm) + ", " + payload.size() + " claims]";
    }
}
