package io.ciamportal.exports.internal;

import io.ciamportal.exports.Platform;
import io.ciamportal.vendor.HashSchemes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * Keycloak's {@code kc.sh export}: a realm with its users in one file, an array of realms in one file, or the split
 * export of a directory (a realm file without users and users files of 50 users holding only {@code realm} and
 * {@code users}). Which is which is read from the content, never from the file names, which people rename. Password
 * credentials carry their algorithm and cost (current JSON-in-JSON shape and the pre-11 shape), OTP credentials a
 * portable seed; service accounts are users in the file but not people. A realm file with no users key and no users
 * file of its realm in the analysis is the silent loss the split export invites, and is warned about. Sources:
 * export-formats.md §0.1, §0.2, §1.4, §2.
 */
final class KeycloakKinds {

    private KeycloakKinds() {}

    static final String FORMAT = "Keycloak credential";
    static final String LEGACY_FORMAT = "Keycloak credential (before Keycloak 11)";

    /** One realm object read from a file: a realm file (with or without users), or a users file. */
    static final class Part {
        @Nullable String realm;
        /** realm settings seen (id, enabled, sslRequired...): a realm file, not a users file */
        boolean realmFile;
        boolean usersKey;
    }

    static final class State {
        final List<Part> parts = new ArrayList<>();
        @Nullable Part current;
        long plainText;

        Part current() {
            if (current == null) {
                current = new Part();
                parts.add(current);
            }
            return current;
        }
    }

    /** Realm settings only a realm file has near its start; a users file holds nothing but realm and users. */
    static boolean realmSettings(Sniff s) {
        return s.contains("\"sslRequired\"") || s.contains("\"requiredCredentials\"") || s.contains("\"accessTokenLifespan\"")
                || s.contains("\"defaultRole\"") || s.contains("\"registrationAllowed\"");
    }

    /** A realm file: one realm with or without its users, or an array of realms. */
    static final class Realm extends Base {
        @Override public String id() { return "keycloak-realm"; }
        @Override public String label() { return "Keycloak realm export (kc.sh export)"; }

        @Override
        public int sniff(Sniff s) {
            return s.json() && s.contains("\"realm\"") && realmSettings(s) ? 80 : 0;
        }
    }

    /** A users file of a directory export ({@code --users different_files}): {@code {"realm":..., "users":[...]}}. */
    static final class Users extends Base {
        @Override public String id() { return "keycloak-users"; }
        @Override public String label() { return "Keycloak users file (kc.sh export --dir)"; }

        @Override
        public int sniff(Sniff s) {
            return s.json() && s.contains("\"realm\"") && s.contains("\"users\"") && !realmSettings(s)
                    && (s.contains("\"credentials\"") || s.contains("\"username\"")) ? 80 : 0;
        }
    }

    /**
     * What both kinds read: the walk does not trust the kind, it reads whatever realm objects and users the file
     * holds, and tells a realm file from a users file by the realm settings it sees.
     */
    abstract static class Base extends JsonKind {
        @Override public Platform platform() { return Platform.KEYCLOAK; }
        @Override protected Set<String> userPaths() { return Set.of("users/*", "*/users/*"); }

        @Override
        public Map<String, String> notes() {
            return Map.of("lastSignIn", "A Keycloak export has no sign-in times: login events are kept apart from the users, and "
                            + "createdTimestamp is the only date.",
                    "organizations", "Organization memberships (Keycloak 26) are not read from the export.");
        }

        private static State state(Session session) {
            return session.state("keycloak", State::new);
        }

        @Override
        protected void open(String path, boolean array, Session session) {
            State state = state(session);
            if (!array && (path.isEmpty() || path.equals("*"))) {
                state.current = new Part();
                state.parts.add(state.current);
            } else if (array && (path.equals("users") || path.equals("*/users"))) {
                state.current().usersKey = true;
            }
        }

        @Override
        protected void scalar(String path, JsonParser parser, Session session) {
            String field = path.startsWith("*/") ? path.substring(2) : path;
            if (field.contains("/") || field.equals("*") || field.isEmpty()) {
                return;
            }
            Part part = state(session).current();
            if (field.equals("realm")) {
                part.realm = parser.getValueAsString(null);
            } else {
                part.realmFile = true;
            }
        }

        @Override
        protected boolean user(JsonNode u, UserRecord r, Session session) {
            State state = state(session);
            r.id = Values.text(u.get("id"));
            if (Values.text(u.get("serviceAccountClientLink")) != null) {
                r.serviceAccount = true;
                return true;
            }
            r.email = Values.text(u.get("email"));
            r.emailVerified = Values.bool(u.get("emailVerified"));
            Boolean enabled = Values.bool(u.get("enabled"));
            if (enabled != null) {
                r.blocked = !enabled;
            }
            String realm = state.current().realm;
            if (realm != null) {
                r.tenantsObserved = true;
                r.tenants.add(realm);
            }
            JsonNode credentials = u.get("credentials");
            boolean export = credentials != null && credentials.isArray();
            if (export) {
                r.passwordObserved = true;
                r.mfaObserved = true;
                for (JsonNode c : credentials) {
                    credential(c, r, state);
                }
            }
            if (Boolean.TRUE.equals(Values.bool(u.get("totp")))) {
                r.mfaObserved = true;
                r.mfaFactors |= UserRecord.TOTP;
            }
            // requiredActions CONFIGURE_TOTP asks for an authenticator at the next sign-in: pending, not a factor
            JsonNode identities = u.get("federatedIdentities");
            if (export || identities != null) {
                r.providersObserved = true;
                if (identities != null && identities.isArray()) {
                    for (JsonNode i : identities) {
                        String idp = Values.text(i.get("identityProvider"));
                        if (idp != null) {
                            r.providers.add(idp);
                            r.federated = true;
                        }
                    }
                }
            }
            if (Values.text(u.get("federationLink")) != null) {
                // the password lives in the directory the realm federates (LDAP, Kerberos), not in the export
                if (r.hash == null) {
                    r.passwordWithoutHash = true;
                }
            }
            JsonNode groups = u.get("groups");
            if (export || groups != null) {
                r.groupsObserved = true;
                if (groups != null && groups.isArray()) {
                    for (JsonNode g : groups) {
                        String path = Values.text(g);
                        if (path != null) {
                            r.groups.add(path);
                        }
                    }
                }
            }
            r.attributesObserved = true;
            Values.keys(u.get("attributes"), r, "");
            return true;
        }

        /** One credential: a password (first one wins), an OTP seed, a security key or passkey, recovery codes. */
        private static void credential(JsonNode c, UserRecord r, State state) {
            String type = Values.text(c.get("type"));
            if (type == null) {
                return;
            }
            JsonNode raw = c.get("credentialData");
            JsonNode data = raw != null && raw.isObject() ? raw : Values.json(Values.text(raw));
            switch (type.toLowerCase(Locale.ROOT)) {
                case "password" -> {
                    if (r.hash == null) {
                        r.hash = password(c, data, state);
                    }
                }
                case "otp", "totp", "hotp" -> {
                    String subType = data == null ? type : String.valueOf(Values.text(data.get("subType")));
                    boolean totp = !subType.equalsIgnoreCase("hotp");
                    r.mfaFactors |= totp ? UserRecord.TOTP : UserRecord.OTHER;
                    boolean seed = Values.text(c.get("secretData")) != null || Values.text(c.get("hashedSaltedValue")) != null
                            || Values.text(c.get("value")) != null;
                    if (totp && seed) {
                        r.totpSecretInFile = true;
                    }
                }
                case "webauthn", "webauthn-passwordless" -> r.mfaFactors |= UserRecord.WEBAUTHN;
                case "recovery-authn-codes" -> r.mfaFactors |= UserRecord.RECOVERY;
                default -> { }
            }
        }

        /** The scheme and cost of a password credential, without its value or salt. */
        static HashInfo password(JsonNode c, @Nullable JsonNode data, State state) {
            String algorithm;
            String iterations;
            JsonNode extra;
            String format;
            if (data != null && data.isObject()) {
                algorithm = Values.text(data.get("algorithm"));
                iterations = Values.text(data.get("hashIterations"));
                extra = data.get("additionalParameters");
                format = FORMAT;
            } else if (Values.text(c.get("hashedSaltedValue")) != null || Values.text(c.get("algorithm")) != null) {
                algorithm = Values.text(c.get("algorithm"));
                iterations = Values.text(c.get("hashIterations"));
                extra = c.get("config");
                format = LEGACY_FORMAT;
            } else if (Values.text(c.get("value")) != null) {
                // an import file may set a password as clear text for Keycloak to hash
                state.plainText++;
                return HashInfo.of("plain text", "Keycloak import value (clear text)");
            } else {
                return HashInfo.of("unknown", FORMAT + " without algorithm");
            }
            String a = algorithm == null ? "" : algorithm.strip().toLowerCase(Locale.ROOT);
            boolean digitsOnly = iterations != null && iterations.chars().allMatch(Character::isDigit);
            String iter = digitsOnly ? iterations : null;
            if (a.equals("argon2")) {
                String kind = param(extra, "type");
                String scheme = "argon2" + (kind == null ? "id" : switch (kind.toLowerCase(Locale.ROOT)) {
                    case "i" -> "i";
                    case "d" -> "d";
                    default -> "id";
                });
                var parts = new ArrayList<String>(3);
                String memory = param(extra, "memory");
                String parallelism = param(extra, "parallelism");
                if (memory != null) {
                    parts.add("m=" + memory);
                }
                if (iter != null) {
                    parts.add("t=" + iter);
                }
                if (parallelism != null) {
                    parts.add("p=" + parallelism);
                }
                return new HashInfo(scheme, format, parts.isEmpty() ? null : String.join(",", parts), null);
            }
            String scheme = switch (a) {
                case "pbkdf2", "pbkdf2-sha1" -> "pbkdf2-sha1";
                case "pbkdf2-sha256" -> "pbkdf2-sha256";
                case "pbkdf2-sha512" -> "pbkdf2-sha512";
                case "" -> "unknown";
                default -> HashSchemes.known(a) ? a : "unknown (Keycloak algorithm " + Names.safe(a) + ")";
            };
            return new HashInfo(scheme, format, iter == null ? null : "iterations=" + iter, null);
        }

        /** An additional parameter: Keycloak writes them as lists of one string ({@code "memory":["7168"]}). */
        private static @Nullable String param(@Nullable JsonNode extra, String name) {
            if (extra == null || !extra.isObject()) {
                return null;
            }
            JsonNode v = extra.get(name);
            if (v != null && v.isArray()) {
                v = v.isEmpty() ? null : v.get(0);
            }
            String s = Values.text(v);
            return s != null && s.length() <= 12 && s.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '.') ? s : null;
        }

        @Override
        public void finish(Session session) {
            State state = state(session);
            var missing = new LinkedHashSet<String>();
            for (Part part : state.parts) {
                if (!part.realmFile || part.usersKey) {
                    continue;
                }
                boolean usersFile = state.parts.stream()
                        .anyMatch(p -> !p.realmFile && p.usersKey && java.util.Objects.equals(p.realm, part.realm));
                if (!usersFile) {
                    missing.add(part.realm == null ? "(unnamed)" : Names.safe(part.realm));
                }
            }
            if (!missing.isEmpty()) {
                session.warn("realm-without-users", "A realm file without users (realm " + String.join(", ",
                        missing.stream().limit(10).toList()) + "): export with --users realm_file, or add the realm's users-N files "
                        + "of the same export. Its users are not counted.");
            }
            if (state.plainText > 0) {
                session.warn("keycloak-clear-text-passwords", state.plainText + " password credential(s) hold a clear-text value (an "
                        + "import file, not an export): treat the file as a secret and delete it after the migration.");
            }
        }
    }
}
