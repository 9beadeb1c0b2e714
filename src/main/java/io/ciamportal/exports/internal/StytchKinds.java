package io.ciamportal.exports.internal;

import io.ciamportal.exports.Platform;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Stytch's two files: the users as Search Users returns them ({@code {"results":[...]}}, or the array or lines an
 * export script writes), which say whether a user has a password but never carry its hash; and the hash CSV Stytch
 * support sends (decrypted), whose preamble gives the project's scrypt parameters and whose rows join the users by
 * id. Sources: export-formats.md §1.9.
 */
final class StytchKinds {

    private StytchKinds() {}

    private static final Pattern USER_ID = Pattern.compile("\"user_id\"\\s*:\\s*\"user-(test|live)-");

    static final Map<String, String> USER_NOTES = Map.of(
            "passwords", "Stytch's user objects say who has a password, never its hash: add the hash file Stytch support sends.",
            "lastSignIn", "Stytch's user objects carry no sign-in dates.",
            "blocked", "Stytch's user status is active or pending (not yet verified): neither says the user is blocked.",
            "tenants", "A Stytch consumer project is one user pool: no tenants.",
            "organizations", "Stytch consumer users have no organizations (B2B projects list members per organization).");

    /** The users: Search Users results. */
    static final class Users extends JsonKind {
        @Override public Platform platform() { return Platform.STYTCH; }
        @Override public String id() { return "stytch-users"; }
        @Override public String label() { return "Stytch users (Search Users JSON)"; }
        @Override public Map<String, String> notes() { return USER_NOTES; }
        @Override protected Set<String> userPaths() { return Set.of("", "*", "results/*"); }
        @Override protected Set<String> userPaths(ExportStream stream) { return linesOrWrapper(stream, "results"); }

        @Override
        public int sniff(Sniff s) {
            if (!s.json() || !USER_ID.matcher(s.text()).find()) {
                return 0;
            }
            int score = 70;
            if (s.contains("\"webauthn_registrations\"") || s.contains("\"totps\"") || s.contains("\"crypto_wallets\"")) {
                score += 20;
            }
            return score;
        }

        @Override
        protected boolean user(JsonNode u, UserRecord r, Session session) {
            r.id = Values.text(u.get("user_id"));
            JsonNode emails = u.get("emails");
            if (emails != null && emails.isArray()) {
                r.emailVerified = false;
                // the first verified address, else the first one
                for (JsonNode e : emails) {
                    String address = Values.text(e.get("email"));
                    Boolean verified = Values.bool(e.get("verified"));
                    if (address != null && (r.email == null || (Boolean.TRUE.equals(verified) && !Boolean.TRUE.equals(r.emailVerified)))) {
                        r.email = address;
                        r.emailVerified = Boolean.TRUE.equals(verified);
                    }
                }
            }
            JsonNode password = u.get("password");
            boolean hasPassword = password != null && password.isObject() && !password.isEmpty();
            // the object says a password exists; its hash is only in the support file, joined by id
            r.passwordWithoutHash = hasPassword;
            if (hasPassword) {
                session.state("stytch", State::new).passwordsWithoutHash++;
            }
            JsonNode providers = u.get("providers");
            if (providers != null && providers.isArray()) {
                r.providersObserved = true;
                for (JsonNode p : providers) {
                    String type = Values.text(p.get("provider_type"));
                    r.provider(type == null ? "oauth" : type);
                    r.federated = true;
                }
                if (u.has("password")) {
                    r.passwordlessObserved = true;
                    r.passwordless = !hasPassword && !r.federated;
                }
            }
            if (u.has("totps") || u.has("webauthn_registrations") || u.has("biometric_registrations")) {
                r.mfaObserved = true;
                r.mfaFactors |= inUse(u.get("totps")) ? UserRecord.TOTP : 0;
                r.mfaFactors |= inUse(u.get("webauthn_registrations")) ? UserRecord.WEBAUTHN : 0;
                r.mfaFactors |= inUse(u.get("biometric_registrations")) ? UserRecord.OTHER : 0;
            }
            if (u.has("trusted_metadata") || u.has("untrusted_metadata")) {
                r.attributesObserved = true;
                Values.keys(u.get("trusted_metadata"), r, "trusted_metadata.");
                Values.keys(u.get("untrusted_metadata"), r, "untrusted_metadata.");
            }
            String status = Values.text(u.get("status"));
            if (status != null && !Set.of("active", "pending").contains(status.strip().toLowerCase(Locale.ROOT))) {
                r.blocked = true;
            }
            return true;
        }

        @Override
        public void finish(Session session) {
            State state = session.state("stytch", State::new);
            if (state.passwordsWithoutHash > 0 && !state.hashFile) {
                session.warn("passwords-not-in-export", state.passwordsWithoutHash + " Stytch user(s) have a password whose hash is "
                        + "not in this export: Stytch support sends the hashes on request (an encrypted CSV).");
            }
        }

        /** At least one registration that is not marked unverified. */
        private static boolean inUse(@Nullable JsonNode list) {
            if (list == null || !list.isArray()) {
                return false;
            }
            for (JsonNode item : list) {
                if (!Boolean.FALSE.equals(Values.bool(item.get("verified")))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What the two kinds tell each other: users with a password, and whether the hash file was read. */
    static final class State {
        long passwordsWithoutHash;
        boolean hashFile;
    }

    /** The project's scrypt parameters, from the hash file's preamble. */
    static final class Parameters {
        @Nullable String n;
        @Nullable String r;
        @Nullable String p;

        /** As the other scrypt forms are written; the key length follows from the hash's length, so it is left out. */
        @Nullable String text() {
            if (n == null && r == null && p == null) {
                return null;
            }
            var out = new StringBuilder();
            append(out, "N", n);
            append(out, "r", r);
            append(out, "p", p);
            return out.toString();
        }

        private static void append(StringBuilder out, String name, @Nullable String value) {
            if (value != null) {
                out.append(out.isEmpty() ? "" : ",").append(name).append('=').append(value);
            }
        }
    }

    private static final Pattern SHIFT = Pattern.compile("^1\\s*<<\\s*(\\d{1,2})$");
    private static final Pattern NUMBER = Pattern.compile("^\\d{1,10}$");
    private static final Pattern PREAMBLE = Pattern.compile("^(scrypt[a-z]*?param[a-z]*)\\s*[:=]?\\s*(.+)$", Pattern.CASE_INSENSITIVE);

    /** Stytch's import hash types, for rows whose hash text does not say. */
    static final Map<String, String> METHODS = Map.of(
            "scrypt", "scrypt", "bcrypt", "bcrypt", "md_5", "md5", "sha_1", "sha1", "sha_512", "sha512",
            "argon_2i", "argon2i", "argon_2id", "argon2id", "phpass", "phpass", "pbkdf_2", "pbkdf2-sha256");

    /** The support hash CSV: preamble, then {@code id,hash,salt,hash_method,project_id}. */
    static final class PasswordHashes extends CsvKind {
        @Override public Platform platform() { return Platform.STYTCH; }
        @Override public String id() { return "stytch-hashes"; }
        @Override public String label() { return "Stytch password-hash export (support, decrypted CSV)"; }

        @Override
        public Map<String, String> notes() {
            return Map.of("lastSignIn", "The Stytch hash file carries no sign-in dates.",
                    "mfa", "The Stytch hash file carries no second factors: add the users' Search Users export.",
                    "emailVerified", "The Stytch hash file carries no emails: add the users' Search Users export.",
                    "providers", "The Stytch hash file carries no identity providers: add the users' Search Users export.");
        }

        @Override
        public int sniff(Sniff s) {
            if (s.json()) {
                return 0;
            }
            boolean preamble = s.contains("scryptCostParameter") || s.text().toLowerCase(Locale.ROOT).startsWith("scrypt hash parameters");
            for (List<String> row : s.rows()) {
                if (isHeader(row)) {
                    return preamble ? 90 : 60;
                }
            }
            return preamble ? 40 : 0;
        }

        @Override
        protected boolean isHeader(List<String> row) {
            var lower = row.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
            return lower.contains("id") && lower.contains("hash") && lower.contains("hash_method");
        }

        @Override
        protected void preamble(List<String> row, Session session) {
            Matcher m = PREAMBLE.matcher(row.getFirst().strip());
            if (!m.matches()) {
                return;
            }
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2).strip();
            Matcher shift = SHIFT.matcher(value);
            String v = shift.matches() ? "2^" + shift.group(1) : NUMBER.matcher(value).matches() ? power(value) : null;
            if (v == null) {
                return;
            }
            Parameters p = session.state("stytch-scrypt", Parameters::new);
            if (name.startsWith("scryptcost") || name.startsWith("scryptn")) {
                p.n = v;
            } else if (name.startsWith("scryptr")) {
                p.r = value;
            } else if (name.startsWith("scryptp")) {
                p.p = value;
            }
        }

        /** A cost written as a plain number, shown as a power of two when it is one. */
        private static String power(String value) {
            long n = Long.parseLong(value);
            return n > 1 && Long.bitCount(n) == 1 ? "2^" + Long.numberOfTrailingZeros(n) : value;
        }

        @Override
        protected Tally target(Session session) {
            return session.tally().secondary();
        }

        @Override
        protected boolean row(CsvRow row, UserRecord r, Session session) {
            r.id = row.get("id");
            r.passwordObserved = true;
            r.hash = hash(row.get("hash"), row.get("hash_method"), session.state("stytch-scrypt", Parameters::new));
            session.state("stytch", State::new).hashFile = true;
            if (r.id != null) {
                session.tally().joinPasswordById(r.id, r.hash);
            }
            return true;
        }

        static @Nullable HashInfo hash(@Nullable String hash, @Nullable String method, Parameters parameters) {
            if (hash == null) {
                return null;
            }
            String m = method == null ? "scrypt" : method.strip().toLowerCase(Locale.ROOT);
            if (m.equals("scrypt")) {
                return HashClassifier.fixed("scrypt", "Stytch (hash and salt apart, URL-safe base64)", parameters.text());
            }
            HashInfo classified = HashClassifier.classify(hash);
            if (classified != null && !classified.unknown()) {
                return classified;
            }
            String scheme = METHODS.get(m);
            return HashClassifier.fixed(scheme != null ? scheme : Names.safe(m), "Stytch " + Names.safe(m), null);
        }
    }
}
