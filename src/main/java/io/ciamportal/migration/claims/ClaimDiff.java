package io.ciamportal.migration.claims;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Two tokens of one flow compared: one row per claim, most urgent first. Holds no claim value.
 *
 * @param subChanged the user's {@code sub} is not the same (another value, format or type, or missing): apps keyed on it
 *     lose their users
 */
public record ClaimDiff(List<Claim> claims, TokenKind oldKind, TokenKind newKind, boolean subChanged) {

    public ClaimDiff {
        claims = List.copyOf(claims);
    }

    /**
     * One claim's verdict. {@code name} is the old token's claim path (the new one's for an added claim); nested claims
     * are joined with dots ({@code address.country}), header fields end in {@code " (header)"}.
     *
     * @param newName the new token's name for a renamed claim
     * @param detail what changed, in a fixed vocabulary: "string -> array", "auth0-id -> uuid", "lifetime 1 d -> 1 h"
     */
    public record Claim(String name, ClaimVerdict verdict, @Nullable String newName, String detail) {}

    /** How many claims got each verdict (every verdict present, zero or more). */
    public Map<ClaimVerdict, Integer> counts() {
        return counts(claims);
    }

    public static Map<ClaimVerdict, Integer> counts(List<Claim> claims) {
        var counts = new EnumMap<ClaimVerdict, Integer>(ClaimVerdict.class);
        for (var v : ClaimVerdict.values()) {
            counts.put(v, 0);
        }
        claims.forEach(c -> counts.merge(c.verdict(), 1, Integer::sum));
        return counts;
    }
}
