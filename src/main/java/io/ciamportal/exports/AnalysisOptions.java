package io.ciamportal.exports;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How to read an export.
 *
 * @param platform     the platform the person names, or null to detect it from the content
 * @param mapping      for an in-house export: field (id, email, password, lastSignIn, ...) to column name
 * @param schemeHint   for an in-house export whose hashes are raw digests: their scheme, when the team knows it
 * @param inactiveDays a user whose last sign-in is older than this is inactive
 * @param asOf         the day sign-in recency is counted back from
 */
public record AnalysisOptions(@Nullable Platform platform, Map<String, String> mapping, @Nullable String schemeHint, int inactiveDays,
        Instant asOf) {

    public static final int DEFAULT_INACTIVE_DAYS = 365;

    public AnalysisOptions {
        mapping = Map.copyOf(mapping);
        if (inactiveDays < 1 || inactiveDays > 3650) {
            throw new io.ciamportal.shared.InvalidInputException("inactiveDays", "The inactivity window is 1 to 3,650 days.");
        }
        if (schemeHint != null && !io.ciamportal.vendor.HashSchemes.known(schemeHint)) {
            throw new io.ciamportal.shared.InvalidInputException("scheme", schemeHint + " is not in the hash-scheme vocabulary: "
                    + String.join(", ", io.ciamportal.vendor.HashSchemes.ALL) + ".");
        }
    }

    public static AnalysisOptions detect(Instant asOf) {
        return new AnalysisOptions(null, Map.of(), null, DEFAULT_INACTIVE_DAYS, asOf);
    }

    public AnalysisOptions withPlatform(@Nullable Platform forced) {
        return new AnalysisOptions(forced, mapping, schemeHint, inactiveDays, asOf);
    }
}
