package io.ciamportal.exports.internal;

import io.ciamportal.exports.Platform;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Firebase Authentication's files: the CLI's {@code auth:export} as JSON ({@code {"users":[...]}}) or as a CSV with
 * no header, the raw {@code downloadAccount} answer (also what the Auth Emulator writes), and the project's hash
 * config copied from the console. Every stored password is the project's modified scrypt, so the platform names the
 * scheme; the hash parameters are the project's, never the file's. What the CLI leaves out is said in warnings and
 * notes: it keeps only four sign-in providers (a lower bound), leaves out hashes that are not the project default
 * (those users look passwordless), and wrote no {@code mfaInfo} before mid-2026 (a missing one is unknown, never
 * "no MFA"). Sources: export-formats.md §0.2, §1.2, §2.
 */
final class FirebaseKinds {

    private FirebaseKinds() {}

    static final String SCHEME = "firebase-scrypt";
    static final String FORMAT = "Firebase scrypt (project hash config)";
    /** The providers the CLI keeps in providerUserInfo (and the CSV's column groups, in order). */
    static final List<String> CLI_PROVIDERS = List.of("google.com", "facebook.com", "twitter.com", "github.com");
    /** Provider ids that are no social or enterprise identity. */
    private static final Set<String> NOT_FEDERATED = Set.of("password", "phone", "emailLink", "anonymous");

    static final Map<String, String> CLI_NOTES = Map.of(
            "mfa", "The Firebase CLI writes mfaInfo only since mid-2026 (firebase-tools PR #10705): users without it are unknown, "
                    + "not without MFA, so the count is a lower bound. TOTP secrets are never exported.",
            "passwordless", "Users the CLI exports without passwordHash and without a kept provider count here, but not all are "
                    + "passwordless: the CLI leaves out the hash of a password not hashed with the project's default scrypt, and drops "
                    + "Apple, Microsoft, SAML and OIDC sign-ins.",
            "providers", "The Firebase CLI keeps only Google, Facebook, Twitter and GitHub sign-ins: other providers are dropped, so "
                    + "these counts are a lower bound.",
            "organizations", "Firebase has no organizations.",
            "groups", "Firebase has no groups.");

    /**
     * Fills a record from one Firebase user object.
     *
     * @param raw true for the raw API or emulator shape: providers complete, a missing mfaInfo means no factor
     */
    static void fill(JsonNode u, UserRecord r, boolean raw) {
        r.id = Values.text(u.get("localId"));
        r.email = Values.text(u.get("email"));
        r.emailVerified = Boolean.TRUE.equals(Values.bool(u.get("emailVerified")));
        // booleans at their default are left out of the answer: absent "disabled" means enabled
        r.blocked = Boolean.TRUE.equals(Values.bool(u.get("disabled")));
        String hash = Values.text(u.get("passwordHash"));
        r.passwordObserved = true;
        r.hash = hash == null ? null : HashClassifier.fixed(SCHEME, FORMAT, null);
        boolean passwordProvider = false;
        JsonNode providers = u.get("providerUserInfo");
        if (providers != null && providers.isArray()) {
            for (JsonNode p : providers) {
                String id = Values.text(p.get("providerId"));
                if (id == null) {
                    continue;
                }
                passwordProvider |= id.equals("password");
                r.providers.add(id.strip());
                if (!NOT_FEDERATED.contains(id)) {
                    r.federated = true;
                }
            }
        }
        // an email-link user has a "password" provider entry but never had a password
        if (raw && passwordProvider && r.hash == null && !Boolean.TRUE.equals(Values.bool(u.get("emailLinkSignin")))) {
            r.passwordWithoutHash = true;
        }
        r.providersObserved = true;
        r.lastSignIn(Values.time(u.get(raw ? "lastLoginAt" : "lastSignedInAt")));
        r.attributesObserved = true;
        Values.keys(u.get("customAttributes"), r, "");
        String tenant = Values.text(u.get("tenantId"));
        if (tenant != null) {
            r.tenantsObserved = true;
            r.tenants.add(tenant);
        }
        JsonNode mfa = u.get("mfaInfo");
        if (mfa != null && mfa.isArray()) {
            r.mfaObserved = true;
            for (JsonNode f : mfa) {
                r.mfaFactors |= f.has("phoneInfo") ? UserRecord.SMS : f.has("totpInfo") ? UserRecord.TOTP
                        : f.has("emailInfo") ? UserRecord.EMAIL : UserRecord.OTHER;
            }
        } else if (raw) {
            // the API leaves empty lists out: no mfaInfo is no enrolled factor
            r.mfaObserved = true;
        }
    }

    /** After every file of a CLI export: what the CLI leaves out, and how much MFA the files showed. */
    static void cliFinish(Session session) {
        Tally tally = session.tally();
        if (tally.users() == 0) {
            return;
        }
        session.warn("providers-lower-bound", "The Firebase CLI keeps only Google, Facebook, Twitter and GitHub in providerUserInfo "
                + "(Apple, Microsoft, Yahoo, Play Games, SAML and OIDC are dropped): the provider counts are a lower bound, and users "
                + "of a dropped provider count as passwordless.");
        if (tally.mfaObserved == 0) {
            session.warn("mfa-not-observable", "This Firebase export has no mfaInfo: second factors are unknown. The JSON export of "
                    + "a CLI from mid-2026 on carries them.");
        } else if (tally.mfaObserved < tally.users()) {
            session.warn("mfa-partial", "Only " + tally.mfaObserved + " of " + tally.users() + " users carry mfaInfo (older CLIs "
                    + "dropped it): the others are unknown, so the MFA count is a lower bound.");
        }
    }

    /** {@code firebase auth:export users.json}: the CLI's whitelisted keys, sign-in time renamed to lastSignedInAt. */
    static final class CliJson extends JsonKind {
        @Override public Platform platform() { return Platform.FIREBASE; }
        @Override public String id() { return "firebase-cli-json"; }
        @Override public String label() { return "Firebase CLI auth:export (JSON)"; }
        @Override public Map<String, String> notes() { return CLI_NOTES; }
        @Override protected Set<String> userPaths() { return Set.of("users/*"); }

        @Override
        public int sniff(Sniff s) {
            if (!s.json() || !s.contains("\"localId\"") || s.contains("identitytoolkit#DownloadAccountResponse")) {
                return 0;
            }
            if (s.contains("\"lastSignedInAt\"")) {
                return 70;
            }
            return RawJson.rawMarkers(s) ? 0 : 40;
        }

        @Override
        protected boolean user(JsonNode u, UserRecord r, Session session) {
            fill(u, r, false);
            return true;
        }

        @Override
        public void finish(Session session) {
            cliFinish(session);
        }
    }

    /** The raw downloadAccount answer or an Auth Emulator export: every provider, mfaInfo, lastLoginAt. */
    static final class RawJson extends JsonKind {
        @Override public Platform platform() { return Platform.FIREBASE; }
        @Override public String id() { return "firebase-download-account-json"; }
        @Override public String label() { return "Firebase downloadAccount API or Auth Emulator export (JSON)"; }
        @Override protected Set<String> userPaths() { return Set.of("users/*"); }

        @Override
        public Map<String, String> notes() {
            return Map.of("organizations", "Firebase has no organizations.", "groups", "Firebase has no groups.",
                    "mfa", "TOTP secrets are never exported (totpInfo is empty).");
        }

        static boolean rawMarkers(Sniff s) {
            return s.contains("\"lastLoginAt\"") || s.contains("\"validSince\"") || s.contains("\"passwordUpdatedAt\"");
        }

        @Override
        public int sniff(Sniff s) {
            if (!s.json()) {
                return 0;
            }
            if (s.contains("identitytoolkit#DownloadAccountResponse")) {
                return 90;
            }
            return s.contains("\"localId\"") && rawMarkers(s) && !s.contains("\"lastSignedInAt\"") ? 60 : 0;
        }

        @Override
        protected boolean user(JsonNode u, UserRecord r, Session session) {
            fill(u, r, true);
            return true;
        }
    }

    /** {@code firebase auth:export users.csv}: no header, a trailing comma, columns by position. */
    static final class CliCsv extends CsvKind {
        static final int UID = 0;
        static final int EMAIL = 1;
        static final int VERIFIED = 2;
        static final int HASH = 3;
        static final int FIRST_PROVIDER = 7;
        static final int LAST_SIGN_IN = 24;
        static final int DISABLED = 26;
        static final int CUSTOM = 27;
        private static final List<String> COLUMNS = List.of("localId", "email", "emailVerified", "passwordHash", "salt", "displayName",
                "photoUrl", "google.rawId", "google.email", "google.displayName", "google.photoUrl", "facebook.rawId", "facebook.email",
                "facebook.displayName", "facebook.photoUrl", "twitter.rawId", "twitter.email", "twitter.displayName", "twitter.photoUrl",
                "github.rawId", "github.email", "github.displayName", "github.photoUrl", "createdAt", "lastLoginAt", "phoneNumber",
                "disabled", "customAttributes");

        @Override public Platform platform() { return Platform.FIREBASE; }
        @Override public String id() { return "firebase-cli-csv"; }
        @Override public String label() { return "Firebase CLI auth:export (CSV)"; }
        @Override protected List<String> header(List<String> firstRow) { return COLUMNS; }
        @Override protected boolean firstRowIsData() { return true; }

        @Override
        public Map<String, String> notes() {
            var notes = new java.util.HashMap<>(CLI_NOTES);
            notes.put("mfa", "The CSV export has no second factors: a recent CLI's JSON export (mid-2026 and later) carries mfaInfo.");
            return Map.copyOf(notes);
        }

        @Override
        public int sniff(Sniff s) {
            if (s.json() || s.rows().isEmpty()) {
                return 0;
            }
            int matching = 0;
            for (List<String> row : s.rows()) {
                if (row.size() == 1 && row.getFirst().isBlank()) {
                    continue;
                }
                if (!looksLikeRow(row)) {
                    return 0;
                }
                matching++;
            }
            return matching == 0 ? 0 : s.rows().getFirst().getFirst().strip().length() == 28 ? 70 : 50;
        }

        /** 28 fields and the trailing comma's empty 29th; a verified flag; epoch-millisecond dates. */
        static boolean looksLikeRow(List<String> row) {
            if (row.size() < 28 || row.size() > 30 || row.getFirst().isBlank()) {
                return false;
            }
            String verified = row.get(VERIFIED).strip();
            String created = row.get(23).strip();
            return (verified.equals("true") || verified.equals("false")) && (created.isEmpty() || created.chars().allMatch(Character::isDigit));
        }

        @Override
        protected boolean row(CsvRow row, UserRecord r, Session session) {
            r.id = row.at(UID);
            r.email = row.at(EMAIL);
            r.emailVerified = Boolean.TRUE.equals(Values.bool(row.at(VERIFIED)));
            r.blocked = Boolean.TRUE.equals(Values.bool(row.at(DISABLED)));
            r.passwordObserved = true;
            r.hash = row.at(HASH) == null ? null : HashClassifier.fixed(SCHEME, FORMAT, null);
            r.providersObserved = true;
            for (int i = 0; i < CLI_PROVIDERS.size(); i++) {
                if (row.at(FIRST_PROVIDER + 4 * i) != null) {
                    r.providers.add(CLI_PROVIDERS.get(i));
                    r.federated = true;
                }
            }
            r.lastSignIn(Values.time(row.at(LAST_SIGN_IN)));
            r.attributesObserved = true;
            Values.keys(Values.json(row.at(CUSTOM)), r, "");
            return true;
        }

        @Override
        public void finish(Session session) {
            cliFinish(session);
        }
    }

    /**
     * The project's password hash parameters as the console shows them ({@code hash_config { algorithm: SCRYPT, ...
     * rounds: 8, mem_cost: 14 }}): no users, only the algorithm and its two cost numbers. The signer key and the
     * salt separator are secrets and are never read out.
     */
    static final class HashConfig extends FileKind {
        private static final Pattern ALGORITHM = Pattern.compile("\\balgorithm\\s*[:=]\\s*\"?([A-Za-z0-9_]{1,30})\\b");
        private static final Pattern ROUNDS = Pattern.compile("\\brounds\\s*[:=]\\s*\"?(\\d{1,3})\\b");
        private static final Pattern MEM_COST = Pattern.compile("\\bmem_cost\\s*[:=]\\s*\"?(\\d{1,3})\\b");

        @Override public Platform platform() { return Platform.FIREBASE; }
        @Override public String id() { return "firebase-hash-config"; }
        @Override public String label() { return "Firebase project hash config (console)"; }

        @Override
        public int sniff(Sniff s) {
            String head = s.text().stripLeading();
            return !s.json() && (head.startsWith("hash_config") || s.contains("base64_signer_key")) ? 90 : 0;
        }

        @Override
        public long read(ExportStream stream, Session session) {
            String text = stream.prefixText();
            String algorithm = find(ALGORITHM, text);
            String rounds = find(ROUNDS, text);
            String memCost = find(MEM_COST, text);
            if (algorithm == null && rounds == null && memCost == null) {
                session.warn("firebase-hash-config-unread", stream.name() + " looks like a Firebase hash config but names no algorithm, "
                        + "rounds or mem_cost.");
                return 0;
            }
            var what = new StringBuilder("Firebase project hash config: ");
            what.append(algorithm == null ? "algorithm not given" : algorithm.equalsIgnoreCase("SCRYPT")
                    ? "scrypt (Firebase's modified scrypt)" : algorithm.toUpperCase(java.util.Locale.ROOT));
            if (rounds != null) {
                what.append(", rounds ").append(rounds);
            }
            if (memCost != null) {
                what.append(", mem_cost ").append(memCost);
            }
            what.append(". The signer key and salt separator are secrets and were not kept: a destination that imports Firebase "
                    + "scrypt needs them from the console at import time.");
            session.warn("firebase-hash-config", what.toString());
            return 0;
        }

        private static @Nullable String find(Pattern pattern, String text) {
            Matcher m = pattern.matcher(text);
            return m.find() ? m.group(1) : null;
        }
    }
}
