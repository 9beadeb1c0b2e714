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

    public static final int DEFAULT_INACTIVE_DAYS = 90;

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

    /**
     * Options as an API request or a form gives them: {@code platform}, {@code map} ("email=mail,password=pw_hash"),
     * {@code scheme}, {@code inactiveDays}; anything missing takes its default, anything wrong is refused by name.
     */
    public static AnalysisOptions parse(Map<String, String> values, Instant asOf) {
        Platform platform = null;
        String p = values.get("platform");
        if (p != null && !p.isBlank() && !p.equalsIgnoreCase("detect")) {
            platform = Platform.byId(p).orElseThrow(() -> new io.ciamportal.shared.InvalidInputException("platform",
                    "Unknown platform; use one of " + String.join(", ", java.util.Arrays.stream(Platform.values()).map(Platform::id).toList()) + "."));
        }
        var mapping = new java.util.LinkedHashMap<String, String>();
        String map = values.get("map");
        if (map != null && !map.isBlank()) {
            for (String pair : map.split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new io.ciamportal.shared.InvalidInputException("map", "Give field=column pairs, e.g. email=mail,password=pw_hash.");
                }
                mapping.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        }
        String scheme = values.get("scheme");
        int days = DEFAULT_INACTIVE_DAYS;
        String d = values.get("inactiveDays");
        if (d != null && !d.isBlank()) {
            try {
                days = Integer.parseInt(d.strip());
            } catch (NumberFormatException e) {
                throw new io.ciamportal.shared.InvalidInputException("inactiveDays", "Give the inactivity window in whole days.");
            }
        }
        return new AnalysisOptions(platform, mapping, scheme == null || scheme.isBlank() ? null : scheme.strip(), days, asOf);
    }

    public static AnalysisOptions detect(Instant asOf) {
        return new AnalysisOptions(null, Map.of(), null, DEFAULT_INACTIVE_DAYS, asOf);
    }

    public AnalysisOptions withPlatform(@Nullable Platform forced) {
        return new AnalysisOptions(forced, mapping, schemeHint, inactiveDays, asOf);
    }
}
