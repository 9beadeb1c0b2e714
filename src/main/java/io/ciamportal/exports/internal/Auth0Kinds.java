package io.ciamportal.exports.internal;

import io.ciamportal.exports.Platform;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Auth0's three files: the Management API export job (NDJSON, gzipped or not, or CSV; no hashes), and the
 * password-hash export support delivers (NDJSON keyed by {@code _id.$oid}), joined to the first by email as Auth0
 * documents. Sources: export-formats.md §1.1.
 */
final class Auth0Kinds {

    private Auth0Kinds() {}

    static final Map<String, String> EXPORT_JOB_NOTES = Map.of(
            "passwords", "Auth0's export job carries no password hashes: add the password-hash export Auth0 support delivers to see the schemes.",
            "mfa", "The export job shows only the legacy multifactor field; Guardian, WebAuthn and other authenticators need the authentication-methods API.",
            "organizations", "The export job has no organization memberships (Organizations API).");

    /** Database, passwordless and social/enterprise connections, told apart by the identity's provider. */
    static void identity(UserRecord r, @Nullable String provider, @Nullable String connection, @Nullable Boolean social) {
        r.provider(connection != null ? connection : provider);
        if (provider == null || provider.isEmpty()) {
            // no provider: nothing to say
        } else if (lowerCaseIs(provider, "auth0")) {
            r.passwordWithoutHash = true;
        } else if (lowerCaseIs(provider, "email") || lowerCaseIs(provider, "sms")) {
            r.passwordless = true;
        } else {
            r.federated = true;
        }
        if (Boolean.TRUE.equals(social)) {
            r.federated = true;
        }
    }

    /**
     * Whether {@code s.toLowerCase(Locale.ROOT)} equals {@code lower} (lower-case ASCII letters and digits), without
     * that copy for every identity. No other character lower-cases to one of them but the Kelvin sign, and none of
     * the names compared holds a {@code k}.
     */
    private static boolean lowerCaseIs(String s, String lower) {
        if (s.length() != lower.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** After every identity: passwordless means a code or link connection and nothing else. */
    static void settle(UserRecord r) {
        r.passwordlessObserved = true;
        r.passwordless = r.passwordless && !r.passwordWithoutHash && !r.federated;
    }

    static void multifactor(UserRecord r, @Nullable JsonNode multifactor) {
        if (multifactor == null || multifactor.isMissingNode()) {
            return;
        }
        r.mfaObserved = true;
        if (multifactor.isArray()) {
            for (JsonNode f : multifactor) {
                String name = Values.text(f);
                if (name != null) {
                    r.mfaFactors |= factor(name);
                }
            }
        } else if (multifactor.isString()) {
            r.mfaFactors |= factors(multifactor.asString());
        }
    }

    /** The factors a multifactor field written as one string names ({@code "sms, otp"}). */
    static int factors(String text) {
        int bits = 0;
        for (String f : text.split("[,;|\\s]+")) {
            bits |= factor(f);
        }
        return bits;
    }

    static int factor(String name) {
        // a name as Auth0 writes it needs no clean-up (and no copies of it, for every user with MFA)
        int known = known(name);
        if (known != 0) {
            return known;
        }
        String n = name.strip().toLowerCase(Locale.ROOT).replace("[", "").replace("]", "").replace("\"", "");
        if (n.isEmpty()) {
            return 0;
        }
        known = known(n);
        return known != 0 ? known : UserRecord.OTHER;
    }

    /** The factor of a clean lower-case name, or 0 for any other text. */
    private static int known(String n) {
        return switch (n) {
            case "google-authenticator", "otp", "totp" -> UserRecord.TOTP;
            case "guardian", "push" -> UserRecord.PUSH;
            case "sms", "phone" -> UserRecord.SMS;
            case "email" -> UserRecord.EMAIL;
            case "webauthn-roaming", "webauthn-platform", "webauthn" -> UserRecord.WEBAUTHN;
            default -> 0;
        };
    }

    /** The export job as NDJSON (or a JSON array). */
    static final class ExportJson extends JsonKind {
        @Override public Platform platform() { return Platform.AUTH0; }
        @Override public String id() { return "auth0-export-json"; }
        @Override public String label() { return "Auth0 user export job (JSON)"; }
        /** The properties {@link #user} reads (names, pictures, dates, IPs and the rest are skipped unbuilt). */
        static final Set<String> FIELDS = Set.of("user_id", "email", "email_verified", "identities", "connection", "provider",
                "multifactor", "last_login", "logins_count", "blocked", "user_metadata", "app_metadata");
        @Override protected Set<String> fields() { return FIELDS; }
        /** {@link #user} reads the tree and fills the record, nothing else. */
        @Override protected boolean threadSafe() { return true; }
        /** The same record straight from the bytes, on a large file ({@link Auth0Bytes}). */
        @Override protected JsonBytes.Reader bytes(int maxNestingDepth) { return new Auth0Bytes(maxNestingDepth); }
        @Override public Map<String, String> notes() { return EXPORT_JOB_NOTES; }
        @Override protected Set<String> userPaths() { return Set.of("", "*"); }

        @Override
        public int sniff(Sniff s) {
            if (!s.json() || s.contains("\"$oid\"")) {
                return 0;
            }
            boolean userId = s.contains("\"user_id\"");
            int score = 0;
            if (userId && (s.contains("\"auth0|") || s.contains("\"google-oauth2|") || s.contains("\"samlp|") || s.contains("\"waad|")
                    || s.contains("\"email|") || s.contains("\"sms|"))) {
                score += 60;
            }
            if (userId && (s.contains("\"logins_count\"") || s.contains("\"isSocial\""))) {
                score += 30;
            }
            return score;
        }

        @Override
        protected boolean user(JsonNode u, UserRecord r, Session session) {
            r.id = Values.text(u.get("user_id"));
            r.email = Values.text(u.get("email"));
            r.emailVerified = Values.bool(u.get("email_verified"));
            JsonNode identities = u.get("identities");
            if (identities != null && identities.isArray()) {
                for (JsonNode i : identities) {
                    identity(r, Values.text(i.get("provider")), Values.text(i.get("connection")), Values.bool(i.get("isSocial")));
                }
            } else if (u.has("connection") || u.has("provider")) {
                identity(r, Values.text(u.get("provider")), Values.text(u.get("connection")), null);
            } else if (r.id != null && r.id.contains("|")) {
                identity(r, r.id.substring(0, r.id.indexOf('|')), null, null);
            }
            if (r.providersObserved) {
                settle(r);
            }
            multifactor(r, u.get("multifactor"));
            if (u.has("last_login") || u.has("logins_count")) {
                Long last = Values.time(u.get("last_login"));
                r.lastSignIn(last);
            }
            if (u.has("blocked")) {
                r.blocked = Boolean.TRUE.equals(Values.bool(u.get("blocked")));
            }
            boolean metadata = u.has("user_metadata") || u.has("app_metadata");
            if (metadata) {
                Values.keys(u.get("user_metadata"), r, "user_metadata.");
                Values.keys(u.get("app_metadata"), r, "app_metadata.");
            }
            return true;
        }
    }

    /** The export job as CSV: column names are the {@code export_as} names the job was given. */
    static final class ExportCsv extends CsvKind {
        @Override public Platform platform() { return Platform.AUTH0; }
        @Override public String id() { return "auth0-export-csv"; }
        @Override public String label() { return "Auth0 user export job (CSV)"; }
        @Override public Map<String, String> notes() { return EXPORT_JOB_NOTES; }

        @Override
        public int sniff(Sniff s) {
            if (s.json() || !s.headerHas("user_id")) {
                return 0;
            }
            int score = s.headerHas("logins_count") ? 30 : 0;
            for (var row : s.rows()) {
                if (row.stream().anyMatch(c -> c.startsWith("auth0|") || c.startsWith("google-oauth2|") || c.startsWith("samlp|")
                        || c.startsWith("waad|") || c.startsWith("email|") || c.startsWith("sms|"))) {
                    return score + 60;
                }
            }
            return score;
        }

        @Override
        protected boolean row(CsvRow row, UserRecord r, Session session) {
            r.id = strip(row.get("user_id"));
            r.email = strip(row.get("email"));
            r.emailVerified = Values.bool(strip(row.get("email_verified")));
            String connection = first(row, "connection", "identities[0].connection", "provider_connection");
            String provider = first(row, "provider", "identities[0].provider");
            if (provider == null && r.id != null && r.id.contains("|")) {
                provider = r.id.substring(0, r.id.indexOf('|'));
            }
            if (connection != null || provider != null) {
                identity(r, provider, connection, Values.bool(first(row, "issocial", "identities[0].issocial")));
                settle(r);
            }
            if (row.has("last_login") || row.has("logins_count")) {
                r.lastSignIn(Values.time(strip(row.get("last_login"))));
            }
            if (row.has("blocked")) {
                r.blocked = Boolean.TRUE.equals(Values.bool(strip(row.get("blocked"))));
            }
            for (String column : row.header()) {
                String c = column.strip();
                if (c.startsWith("user_metadata.") || c.startsWith("app_metadata.")) {
                    r.attributeKey(c);
                }
            }
            return true;
        }

        private static @Nullable String first(CsvRow row, String... columns) {
            for (String c : columns) {
                String v = strip(row.get(c));
                if (v != null) {
                    return v;
                }
            }
            return null;
        }

        /** Auth0's CSV may guard cells against spreadsheet formulas with a leading apostrophe. */
        private static @Nullable String strip(@Nullable String v) {
            return v != null && v.startsWith("'") ? v.substring(1) : v;
        }
    }

    /** The password-hash export: every database user of the tenant with their bcrypt hash, joined by email. */
    static final class PasswordHashes extends JsonKind {
        @Override public Platform platform() { return Platform.AUTH0; }
        @Override public String id() { return "auth0-password-hashes"; }
        @Override public String label() { return "Auth0 password-hash export (support)"; }
        static final Set<String> FIELDS = Set.of("_id", "alt_id", "email", "email_verified", "identifiers", "passwordHash", "tenant",
                "connection");
        @Override protected Set<String> fields() { return FIELDS; }
        @Override protected Set<String> userPaths() { return Set.of("", "*"); }

        @Override
        public int sniff(Sniff s) {
            return s.json() && s.contains("\"$oid\"") && s.contains("\"passwordHash\"") ? 80 : 0;
        }

        @Override
        protected Tally target(Session session) {
            return session.tally().secondary();
        }

        @Override
        public Map<String, String> notes() {
            return Map.of("lastSignIn", "The password-hash export carries no sign-in dates: add the export job's file to see them.",
                    "mfa", "The password-hash export holds MFA secrets only when Auth0 support includes them.");
        }

        @Override
        protected boolean user(JsonNode u, UserRecord r, Session session) {
            String oid = Values.text(u.path("_id").path("$oid"));
            String alt = Values.text(u.get("alt_id"));
            r.id = alt != null ? "auth0|" + alt : oid == null ? null : "auth0|" + oid;
            String email = Values.text(u.get("email"));
            Boolean verified = Values.bool(u.get("email_verified"));
            JsonNode identifiers = u.get("identifiers");
            if (identifiers != null && identifiers.isArray()) {
                for (JsonNode i : identifiers) {
                    if ("email".equals(Values.text(i.get("type")))) {
                        if (email == null) {
                            email = Values.text(i.get("value"));
                        }
                        if (verified == null) {
                            verified = Values.bool(i.get("verified"));
                        }
                    }
                }
            }
            r.email = email;
            r.emailVerified = verified;
            r.password(Values.text(u.get("passwordHash")));
            String tenant = Values.text(u.get("tenant"));
            r.tenantsObserved = true;
            if (tenant != null) {
                r.tenants.add(tenant);
            }
            r.provider(Values.text(u.get("connection")));
            if (email != null) {
                session.tally().joinPasswordByEmail(email, r.hash);
            }
            return true;
        }
    }
}
