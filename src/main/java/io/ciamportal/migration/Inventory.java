package io.ciamportal.migration;

import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.vendor.HashSchemes;
import io.ciamportal.vendor.Vocabulary;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What is being moved. Every number may be null, which means unknown, never zero: the scorer says "unknown" for
 * what it cannot count. Shares are fractions from 0 to 1.
 *
 * @param sourceHashScheme the hash scheme of an in-house source (ignored for a vendor source)
 */
public record Inventory(
        @Nullable Long totalUsers,
        @Nullable Long monthlyActiveUsers,
        @Nullable Double passwordShare,
        @Nullable Double totpShare,
        @Nullable Double otpShare,
        @Nullable Double passkeyShare,
        @Nullable Double inactiveShare,
        @Nullable Integer socialConnections,
        @Nullable Integer enterpriseConnections,
        @Nullable Integer customLogicUnits,
        @Nullable Integer tenants,
        @Nullable Boolean consentRecords,
        @Nullable Integer auditRetentionDays,
        @Nullable String residencyRegion,
        @Nullable DowntimeTolerance downtimeTolerance,
        @Nullable String sourceHashScheme) {

    /** How long sign-in may be unavailable during cutover. */
    public enum DowntimeTolerance {
        NONE("None: sign-in must never stop"),
        MINUTES("Minutes"),
        HOURS("Hours"),
        DAY("A day or more");

        private final String label;

        DowntimeTolerance(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public static Inventory empty() {
        return new Inventory(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * Checks every value; the first problem is thrown with the field named.
     *
     * @return this inventory with text values trimmed
     */
    public Inventory validated() {
        nonNegative("totalUsers", totalUsers);
        nonNegative("monthlyActiveUsers", monthlyActiveUsers);
        if (totalUsers != null && monthlyActiveUsers != null && monthlyActiveUsers > totalUsers) {
            throw new InvalidInputException("monthlyActiveUsers", "Monthly active users cannot exceed the total number of users.");
        }
        share("passwordShare", passwordShare);
        share("totpShare", totpShare);
        share("otpShare", otpShare);
        share("passkeyShare", passkeyShare);
        share("inactiveShare", inactiveShare);
        nonNegative("socialConnections", socialConnections);
        nonNegative("enterpriseConnections", enterpriseConnections);
        nonNegative("customLogicUnits", customLogicUnits);
        nonNegative("tenants", tenants);
        nonNegative("auditRetentionDays", auditRetentionDays);
        if (auditRetentionDays != null && auditRetentionDays > 36_500) {
            throw new InvalidInputException("auditRetentionDays", "Give the retention in days, at most 36,500 (100 years).");
        }
        String region = residencyRegion == null || residencyRegion.isBlank() ? null : residencyRegion.strip().toUpperCase(java.util.Locale.ROOT);
        if (region != null && !Vocabulary.REGIONS.contains(region)) {
            throw new InvalidInputException("residencyRegion", "Unknown region " + region + "; use one of " + String.join(", ", Vocabulary.REGIONS) + ".");
        }
        String scheme = sourceHashScheme == null || sourceHashScheme.isBlank() ? null : sourceHashScheme.strip();
        if (scheme != null && !HashSchemes.known(scheme)) {
            throw new InvalidInputException("sourceHashScheme", scheme + " is not in the hash-scheme vocabulary: " + String.join(", ", HashSchemes.ALL) + ".");
        }
        return new Inventory(totalUsers, monthlyActiveUsers, passwordShare, totpShare, otpShare, passkeyShare, inactiveShare,
                socialConnections, enterpriseConnections, customLogicUnits, tenants, consentRecords, auditRetentionDays, region,
                downtimeTolerance, scheme);
    }

    private static void nonNegative(String field, @Nullable Number value) {
        if (value != null && value.doubleValue() < 0) {
            throw new InvalidInputException(field, "Must be zero or more.");
        }
        if (value != null && value.doubleValue() > 10_000_000_000d) {
            throw new InvalidInputException(field, "Must be at most 10,000,000,000.");
        }
    }

    private static void share(String field, @Nullable Double value) {
        if (value != null && (value.isNaN() || value < 0 || value > 1)) {
            throw new InvalidInputException(field, "A share is a fraction from 0 to 1 (0.25 for 25%).");
        }
    }

    /** Users with a given share, or null when either is unknown. */
    static @Nullable Long users(@Nullable Long total, @Nullable Double share) {
        return total == null || share == null ? null : Math.round(total * share);
    }

    /** The inventory as an ordered map, for the audit log and the report. */
    public Map<String, @Nullable Object> asMap() {
        var map = new LinkedHashMap<String, @Nullable Object>();
        map.put("totalUsers", totalUsers);
        map.put("monthlyActiveUsers", monthlyActiveUsers);
        map.put("passwordShare", passwordShare);
        map.put("totpShare", totpShare);
        map.put("otpShare", otpShare);
        map.put("passkeyShare", passkeyShare);
        map.put("inactiveShare", inactiveShare);
        map.put("socialConnections", socialConnections);
        map.put("enterpriseConnections", enterpriseConnections);
        map.put("customLogicUnits", customLogicUnits);
        map.put("tenants", tenants);
        map.put("consentRecords", consentRecords);
        map.put("auditRetentionDays", auditRetentionDays);
        map.put("residencyRegion", residencyRegion);
        map.put("downtimeTolerance", downtimeTolerance == null ? null : downtimeTolerance.name());
        // "hash" in an audit key is redacted by the log; the scheme's name is not a secret
        map.put("sourceScheme", sourceHashScheme);
        return map;
    }
}
