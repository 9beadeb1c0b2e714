package io.ciamportal.exports.internal;

import org.jspecify.annotations.Nullable;

/**
 * What a stored password hash is, without the hash: its scheme (from the portal's hash vocabulary, or
 * "unknown digest (length N)"), how it is written, and its cost parameters.
 *
 * @param parameters the cost parameters as text ("iterations=27500", "m=65536,t=3,p=4"), or null
 * @param bcryptCost the bcrypt cost, or null when not bcrypt
 */
public record HashInfo(String scheme, String format, @Nullable String parameters, @Nullable Integer bcryptCost) {

    public static final String UNKNOWN_DIGEST = "unknown digest";

    public static HashInfo of(String scheme, String format) {
        return new HashInfo(scheme, format, null, null);
    }

    public static HashInfo unknownDigest(int length) {
        return new HashInfo(UNKNOWN_DIGEST + " (length " + length + ")", "raw digest", null, null);
    }

    public boolean unknown() {
        return scheme.startsWith(UNKNOWN_DIGEST);
    }
}
