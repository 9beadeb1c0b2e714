package io.ciamportal.exports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an export shows, as counts only: the document {@code analyse-export --json} prints, the API returns and a
 * migration stores. It holds no value that identifies a person: scheme names, parameter values, attribute key names,
 * provider names and counts. Every metric says whether this export lets it be observed.
 *
 * @param format         always {@link #FORMAT}: lets an upload tell an analysis from a raw export
 * @param platform       the platform id ({@link Platform#id()})
 * @param platformForced true when the person chose the platform, false when it was detected from the content
 * @param users          people in the export (service accounts and skipped records excluded)
 */
public record ExportAnalysis(
        String format,
        int version,
        String platform,
        String platformName,
        boolean platformForced,
        Instant analysedAt,
        List<FileInfo> files,
        long users,
        Skipped skipped,
        Passwords passwords,
        Metric passwordless,
        Metric socialOnly,
        Metric emailVerified,
        Duplicates duplicateEmails,
        SourceIds sourceIds,
        Mfa mfa,
        LastSignIn lastSignIn,
        Providers providers,
        Keys customAttributes,
        Metric tenants,
        Metric organizations,
        Metric groups,
        Metric blocked,
        List<Warning> warnings) {

    public static final String FORMAT = "ciam-portal/export-analysis";
    public static final int VERSION = 1;

    /** Whether a metric can be read from this export. */
    public enum Status {
        /** every user's record carries it */
        OBSERVED,
        /** some records carry it: the count is a lower bound */
        PARTIAL,
        /** this export does not carry it: the count is unknown, never zero */
        NOT_OBSERVABLE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        @com.fasterxml.jackson.annotation.JsonCreator
        public static Status fromJson(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }

        public String label() {
            return switch (this) {
                case OBSERVED -> "observed";
                case PARTIAL -> "partly observed";
                case NOT_OBSERVABLE -> "not observable from this export";
            };
        }

        public static Status of(long observedUsers, long users) {
            return observedUsers == 0 ? NOT_OBSERVABLE : observedUsers >= users ? OBSERVED : PARTIAL;
        }
    }

    /**
     * @param kind    what the analyser read the file as, e.g. {@code auth0-export-ndjson}
     * @param records user records read (lines, rows or array elements)
     */
    public record FileInfo(String name, long bytes, String sha256, String kind, String kindLabel, boolean gzip, long records) {}

    public record Skipped(long serviceAccounts, long emptyRecords) {}

    /**
     * A count with how much of the export carries it.
     *
     * @param count         users counted (null when not observable)
     * @param observedUsers users whose record could show it
     * @param note          why it is not (or only partly) observable, or what it rests on
     */
    public record Metric(Status status, @Nullable Long count, long observedUsers, @Nullable String note) {}

    /**
     * @param withPassword users with a stored password hash
     * @param hashNotInExport users the export says have a password, without carrying its hash (Okta, Cognito, Auth0's job)
     * @param schemes      scheme (from the hash vocabulary, or "unknown digest (length N)") to users
     * @param formats      how the hashes are written ("PHC string", "Django", "ASP.NET Identity v3", ...) to users
     * @param bcryptCost   bcrypt cost to users
     * @param parameters   scheme to parameter set ("iterations=27500", "m=65536,t=3,p=4") to users
     */
    public record Passwords(Status status, long observedUsers, @Nullable Long withPassword, long hashNotInExport, Map<String, Long> schemes,
            Map<String, Long> formats, Map<String, Long> bcryptCost, Map<String, Map<String, Long>> parameters,
            @Nullable String note) {}

    /**
     * @param duplicates    distinct emails (compared case-insensitively) held by more than one user
     * @param usersAffected users holding one of those emails
     * @param withoutEmail  users with no email at all
     */
    public record Duplicates(Status status, long duplicates, long usersAffected, long withoutEmail) {}

    public record SourceIds(long duplicates, long empty) {}

    /**
     * @param users            users with at least one second factor
     * @param factors          factor (totp, sms, email, webauthn, push, recovery-codes, other) to users
     * @param totpSecretsInFile users whose TOTP secret is in the export (so it can be carried over)
     */
    public record Mfa(Status status, long observedUsers, @Nullable Long users, Map<String, Long> factors, long totpSecretsInFile,
            @Nullable String note) {}

    public record Bucket(String label, int fromDays, @Nullable Integer toDays, long users) {}

    /**
     * @param never         users who never signed in (observed as such)
     * @param histogram     users by days since their last sign-in, counted back from {@code analysedAt}
     * @param inactiveDays  the window: a user is inactive when their last sign-in is older than this (or never)
     * @param inactive      inactive users among those observed
     * @param inactiveShare inactive / observed users
     */
    public record LastSignIn(Status status, long observedUsers, long never, List<Bucket> histogram, int inactiveDays,
            @Nullable Long inactive, @Nullable Double inactiveShare, @Nullable String note) {}

    /**
     * @param counts         identity provider or connection name to users linked through it
     * @param federatedUsers users with at least one social or enterprise identity
     */
    public record Providers(Status status, Map<String, Long> counts, long federatedUsers, @Nullable String note) {}

    /** Names of custom attributes (never their values). {@code truncated} when there were more than the list holds. */
    public record Keys(Status status, List<String> keys, boolean truncated) {}

    public record Warning(String code, String message) {}

    /** The scheme held by the most users, when any user has a password. */
    public @Nullable String dominantScheme() {
        return passwords.schemes().entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
