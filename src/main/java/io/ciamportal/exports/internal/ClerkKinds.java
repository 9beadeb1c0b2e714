package io.ciamportal.exports.internal;

import io.ciamportal.exports.Platform;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Clerk's user exports: the dashboard CSV (the only export with password digests and TOTP secrets), in its current
 * column set (verified and unverified addresses apart, no metadata) and its older one (all addresses in one column,
 * the three metadata columns as JSON), and the JSON export (an array, also read when it is the Backend API's user
 * list). A digest is classified from its text; when its text does not say, the user's {@code password_hasher}
 * names it. A hasher without a digest is no password. Sources: export-formats.md §1.7, §3.
 */
final class ClerkKinds {

    private ClerkKinds() {}

    /** Clerk's hasher names mapped to the hash vocabulary; a name not here leaves a raw digest unknown. */
    static final Map<String, String> HASHERS = Map.ofEntries(
            Map.entry("bcrypt", "bcrypt"),
            Map.entry("bcrypt_sha256_django", "bcrypt"),
            Map.entry("bcrypt_peppered", "bcrypt"),
            Map.entry("argon2id", "argon2id"),
            Map.entry("argon2i", "argon2i"),
            Map.entry("pbkdf2_sha1", "pbkdf2-sha1"),
            Map.entry("pbkdf2_sha256", "pbkdf2-sha256"),
            Map.entry("pbkdf2_sha256_django", "pbkdf2-sha256"),
            Map.entry("pbkdf2_sha512", "pbkdf2-sha512"),
            Map.entry("pbkdf2_sha512_hex", "pbkdf2-sha512"),
            Map.entry("scrypt_firebase", "firebase-scrypt"),
            Map.entry("scrypt_werkzeug", "scrypt"),
            Map.entry("md5", "md5"),
            Map.entry("md5_salted", "md5"),
            Map.entry("md5_phpass", "phpass"),
            Map.entry("phpass", "phpass"),
            Map.entry("sha256", "sha256"),
            Map.entry("sha256_salted", "sha256"),
            Map.entry("sha512_symfony", "sha512"),
            Map.entry("ldap_ssha", "ssha"));

    static final Map<String, String> CSV_NOTES = Map.of(
            "lastSignIn", "Clerk's CSV export has no sign-in dates (Backend API: last_sign_in_at).",
            "providers", "Clerk's CSV export has no social or enterprise accounts (Backend API: external_accounts).",
            "passwordless", "A Clerk user without a digest may sign in with a social account, a code or a link: the export does not say which.",
            "socialOnly", "A Clerk user without a digest may sign in with a social account, a code or a link: the export does not say which.",
            "organizations", "Clerk's CSV export has no organization memberships (Backend API).",
            "blocked", "Clerk's CSV export does not say who is banned or locked (Backend API: banned, locked).",
            "emailVerified", "Only Clerk's current CSV columns (verified_email_addresses) show whether the primary email is verified.");

    private static final Pattern USER_ID = Pattern.compile("\"id\"\\s*:\\s*\"user_");
    private static final Pattern LIST = Pattern.compile("[|,;\\s]+");

    /** The digest and the hasher as one hash fact (null: no password). */
    static @Nullable HashInfo hash(@Nullable String digest, @Nullable String hasher) {
        HashInfo hash = HashClassifier.classify(digest);
        if (hash == null || !hash.unknown() || hasher == null) {
            return hash;
        }
        String name = hasher.strip().toLowerCase(Locale.ROOT);
        String scheme = HASHERS.get(name);
        return scheme == null ? hash : HashClassifier.fixed(scheme, "Clerk " + name, null);
    }

    static void password(UserRecord r, @Nullable String digest, @Nullable String hasher) {
        r.passwordObserved = true;
        r.hash = hash(digest, hasher);
    }

    static void totp(UserRecord r, @Nullable String secret) {
        r.mfaObserved = true;
        if (secret != null && !secret.isBlank()) {
            r.mfaFactors |= UserRecord.TOTP;
            r.totpSecretInFile = true;
        }
    }

    /** Whether the address is one of a list cell's addresses (Clerk separates several with a bar). */
    static boolean listed(@Nullable String cell, String address) {
        if (cell == null) {
            return false;
        }
        for (String a : LIST.split(cell.strip())) {
            if (a.equalsIgnoreCase(address.strip())) {
                return true;
            }
        }
        return false;
    }

    static @Nullable String firstOf(@Nullable String cell) {
        if (cell == null) {
            return null;
        }
        for (String a : LIST.split(cell.strip())) {
            if (!a.isEmpty()) {
                return a;
            }
        }
        return null;
    }

    /** The dashboard CSV: the current column set, or the older one (see {@link Csv2024}). */
    static class Csv extends CsvKind {
        @Override public Platform platform() { return Platform.CLERK; }
        @Override public String id() { return "clerk-csv"; }
        @Override public String label() { return "Clerk dashboard user export (CSV)"; }
        @Override public Map<String, String> notes() { return CSV_NOTES; }

        /** The column this set names addresses by. */
        String emailColumn() {
            return "primary_email_address";
        }

        @Override
        public int sniff(Sniff s) {
            if (s.json() || !s.headerHas("id", "password_digest", "password_hasher", emailColumn())) {
                return 0;
            }
            for (int i = 1; i < s.rows().size(); i++) {
                var row = s.rows().get(i);
                if (!row.isEmpty() && row.getFirst().strip().startsWith("user_")) {
                    return 90;
                }
            }
            return 70;
        }

        @Override
        protected boolean row(CsvRow row, UserRecord r, Session session) {
            r.id = row.get("id");
            boolean current = row.has("primary_email_address");
            r.email = current ? row.get("primary_email_address") : firstOf(row.get("email_addresses"));
            if (row.has("verified_email_addresses")) {
                // a user without an email has no verified one
                r.emailVerified = r.email != null && listed(row.get("verified_email_addresses"), r.email);
            }
            password(r, row.get("password_digest"), row.get("password_hasher"));
            if (row.has("totp_secret")) {
                totp(r, row.get("totp_secret"));
            }
            for (String column : new String[] {"unsafe_metadata", "public_metadata", "private_metadata"}) {
                if (row.has(column)) {
                    r.attributesObserved = true;
                    Values.keys(Values.json(row.get(column)), r, column + ".");
                }
            }
            return true;
        }

        @Override
        public void finish(Session session) {
            session.warn("clerk-mfa-totp-only", "Clerk's CSV export shows authenticator-app (TOTP) secrets only: SMS second factors "
                    + "and backup codes are not in it, so the MFA count is a lower bound.");
        }
    }

    /** The older dashboard CSV (2024): all addresses in {@code email_addresses}, and the metadata as JSON cells. */
    static final class Csv2024 extends Csv {
        @Override public String id() { return "clerk-csv-2024"; }
        @Override public String label() { return "Clerk dashboard user export (CSV, older columns)"; }

        @Override
        String emailColumn() {
            return "email_addresses";
        }
    }

    /**
     * The JSON export (an array of users), also in the Backend API's shape: email addresses as objects with their
     * verification, external accounts, sign-in time and ban flags.
     */
    static final class Json extends JsonKind {
        @Override public Platform platform() { return Platform.CLERK; }
        @Override public String id() { return "clerk-json"; }
        @Override public String label() { return "Clerk user export (JSON)"; }
        @Override protected Set<String> userPaths() { return Set.of("", "*", "data/*"); }
        @Override protected Set<String> userPaths(ExportStream stream) { return linesOrWrapper(stream, "data"); }

        @Override
        public Map<String, String> notes() {
            return Map.of(
                    "passwordless", CSV_NOTES.get("passwordless"),
                    "socialOnly", CSV_NOTES.get("socialOnly"),
                    "lastSignIn", "Clerk's JSON export has no sign-in dates (Backend API: last_sign_in_at).",
                    "providers", "Clerk's JSON export has no social or enterprise accounts (Backend API: external_accounts).",
                    "organizations", "Clerk's exports have no organization memberships (Backend API).",
                    "blocked", "Clerk's JSON export does not say who is banned or locked (Backend API: banned, locked).");
        }

        @Override
        public int sniff(Sniff s) {
            if (!s.json() || !USER_ID.matcher(s.text()).find()) {
                return 0;
            }
            int score = 40;
            if (s.contains("\"password_hasher\"") || s.contains("\"primary_email_address\"") || s.contains("\"primary_email_address_id\"")) {
                score += 30;
            }
            return score;
        }

        @Override
        protected boolean user(JsonNode u, UserRecord r, Session session) {
            r.id = Values.text(u.get("id"));
            email(u, r);
            if (u.has("password_digest") || u.has("password_hasher")) {
                password(r, Values.text(u.get("password_digest")), Values.text(u.get("password_hasher")));
            } else if (u.has("password_enabled")) {
                r.passwordObserved = true;
                r.passwordWithoutHash = Boolean.TRUE.equals(Values.bool(u.get("password_enabled")));
            }
            mfa(u, r);
            JsonNode external = u.get("external_accounts");
            if (external != null && external.isArray()) {
                r.providersObserved = true;
                for (JsonNode a : external) {
                    String provider = Values.text(a.get("provider"));
                    r.provider(provider);
                    r.federated = true;
                }
                JsonNode saml = u.get("saml_accounts");
                if (saml != null && saml.isArray()) {
                    for (JsonNode a : saml) {
                        r.provider(Values.text(a.get("provider")) == null ? "saml" : Values.text(a.get("provider")));
                        r.federated = true;
                    }
                }
            }
            if (u.has("last_sign_in_at")) {
                r.lastSignIn(Values.time(u.get("last_sign_in_at")));
            }
            if (u.has("banned") || u.has("locked")) {
                r.blocked = Boolean.TRUE.equals(Values.bool(u.get("banned"))) || Boolean.TRUE.equals(Values.bool(u.get("locked")));
            }
            for (String field : new String[] {"unsafe_metadata", "public_metadata", "private_metadata"}) {
                if (u.has(field)) {
                    r.attributesObserved = true;
                    Values.keys(u.get(field), r, field + ".");
                }
            }
            return true;
        }

        private static void email(JsonNode u, UserRecord r) {
            String primary = Values.text(u.get("primary_email_address"));
            String primaryId = Values.text(u.get("primary_email_address_id"));
            JsonNode addresses = u.get("email_addresses");
            if (addresses != null && addresses.isArray()) {
                for (JsonNode a : addresses) {
                    if (a.isObject()) {
                        String value = Values.text(a.get("email_address"));
                        boolean isPrimary = primaryId != null ? primaryId.equals(Values.text(a.get("id")))
                                : primary != null && primary.equalsIgnoreCase(String.valueOf(value));
                        if (isPrimary || (primary == null && primaryId == null && r.email == null)) {
                            r.email = value;
                            String status = Values.text(a, "verification", "status");
                            r.emailVerified = status == null ? null : status.equalsIgnoreCase("verified");
                        }
                    } else if (primary == null && r.email == null) {
                        r.email = Values.text(a);
                    }
                }
            }
            if (primary != null) {
                r.email = primary;
            }
        }

        private static void mfa(JsonNode u, UserRecord r) {
            if (u.has("totp_secret")) {
                totp(r, Values.text(u.get("totp_secret")));
            }
            if (Boolean.TRUE.equals(Values.bool(u.get("totp_enabled")))) {
                r.mfaObserved = true;
                r.mfaFactors |= UserRecord.TOTP;
            }
            for (String flag : new String[] {"backup_codes_enabled", "backup_code_enabled"}) {
                if (u.has(flag)) {
                    r.mfaObserved = true;
                    if (Boolean.TRUE.equals(Values.bool(u.get(flag)))) {
                        r.mfaFactors |= UserRecord.RECOVERY;
                    }
                }
            }
            for (String flag : new String[] {"mfa_enabled", "two_factor_enabled"}) {
                if (u.has(flag)) {
                    r.mfaObserved = true;
                    // on, but neither an authenticator app nor backup codes: a text-message code
                    if (Boolean.TRUE.equals(Values.bool(u.get(flag))) && (r.mfaFactors & ~UserRecord.RECOVERY) == 0) {
                        r.mfaFactors |= UserRecord.OTHER;
                    }
                }
            }
        }
    }
}
