package io.ciamportal.migration;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The scorer's answer for one source, destination and inventory. */
public record Assessment(
        String source,
        String destination,
        PairDifficulty difficulty,
        Strategy strategy,
        String strategyReason,
        int dualRunWeeks,
        @Nullable Long forcedResets,
        @Nullable Long mfaReenrollments,
        List<ItemVerdict> items) {

    public enum Verdict {
        MIGRATES("Migrates"),
        MIGRATES_WITH_CONDITIONS("Migrates with conditions"),
        RE_ENROLL("Users re-enroll"),
        RECONFIGURE("Reconfigure"),
        REWRITE("Rewrite"),
        LOST("Lost"),
        ARCHIVE_ONLY("Archive only"),
        UNKNOWN("Unknown: verify with vendor");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Item {
        PASSWORD_HASHES("password_hashes", "Password hashes"),
        PASSKEYS("passkeys", "Passkeys (WebAuthn)"),
        TOTP("totp", "TOTP and MFA enrollments"),
        SESSIONS("sessions", "Refresh tokens and sessions"),
        CUSTOM_LOGIC("custom_logic", "Custom logic"),
        CONNECTIONS("connections", "Social and enterprise connections"),
        PROFILE("profile", "User profiles and metadata"),
        ROLES_ORGS("roles_orgs", "Roles, organizations and tenants"),
        CONSENT("consent", "Consent and preference records"),
        AUDIT_LOGS("audit_logs", "Audit log history");

        private final String key;
        private final String label;

        Item(String key, String label) {
            this.key = key;
            this.label = label;
        }

        public String key() {
            return key;
        }

        public String label() {
            return label;
        }
    }

    public enum Strategy {
        BULK_WITH_HASHES("Bulk import with password hashes"),
        BULK_AFTER_SUPPORT_EXPORT("Bulk import after a support-ticket export"),
        JIT("Just-in-time migration"),
        HYBRID("Hybrid: just-in-time, then bulk or reset for the dormant tail"),
        FORCED_RESET("Forced password reset");

        private final String label;

        Strategy(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One item's verdict.
     *
     * @param affected users or objects it touches, or null when the inventory does not say
     * @param unit what {@code affected} counts ("users", "connections", ...)
     */
    public record ItemVerdict(Item item, Verdict verdict, String reason, List<Side.Citation> facts, @Nullable Long affected,
            String unit, String effort) {}

    /** The pair's difficulty, 1 to 5, with what made it. */
    public record PairDifficulty(int score, List<Part> breakdown) {
        public record Part(String fact, double points, String reason) {}
    }

    public ItemVerdict item(Item item) {
        return items.stream().filter(i -> i.item() == item).findFirst().orElseThrow();
    }
}
