package io.ciamportal.exports.rehearsal;

import io.ciamportal.exports.Platform;
import io.ciamportal.exports.internal.UserRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * The JSON exports: the shapes the analyser's test fixtures hold for each platform (and the research in
 * {@code export-formats.md}): Auth0's export job and password-hash file, Firebase's CLI JSON with its hash config,
 * a Keycloak realm, Okta's and Cognito's list APIs, Ory identities, FusionAuth and ZITADEL imports, Stytch's user
 * search with its hash CSV, and Microsoft Graph users.
 */
final class JsonFormats {

    private JsonFormats() {}

    /** Metadata keys as the analyser names them ("user_metadata.plan") split back into objects. */
    static Map<String, Map<String, String>> byPrefix(Person p, List<String> prefixes, String fallback) {
        var out = new LinkedHashMap<String, Map<String, String>>();
        p.attributes.forEach((key, value) -> {
            String prefix = fallback;
            String name = key;
            for (String candidate : prefixes) {
                if (key.startsWith(candidate + ".")) {
                    prefix = candidate;
                    name = key.substring(candidate.length() + 1);
                    break;
                }
            }
            out.computeIfAbsent(prefix, k -> new LinkedHashMap<>()).put(name, value);
        });
        return out;
    }

    static void object(JsonGenerator g, String name, @Nullable Map<String, String> values) {
        g.writeName(name);
        g.writeStartObject();
        if (values != null) {
            values.forEach(g::writeStringProperty);
        }
        g.writeEndObject();
    }

    static void optional(JsonGenerator g, String name, @Nullable String value) {
        if (value != null) {
            g.writeStringProperty(name, value);
        }
    }

    // ---- Auth0 ---------------------------------------------------------------------------------------------------

    /** Auth0: the export job (NDJSON, gzipped when the source was) and, when the source had it, the password-hash file. */
    static final class Auth0 extends Format {
        private final boolean hashes;
        private final boolean gzip;
        private final boolean csv;

        Auth0(Mix mix) {
            this.hashes = mix.kinds().contains("auth0-password-hashes");
            this.gzip = mix.gzip();
            this.csv = mix.kinds().contains("auth0-export-csv") && !mix.kinds().contains("auth0-export-json");
        }

        @Override public Platform platform() { return Platform.AUTH0; }
        @Override public boolean carriesHashes() { return hashes; }
        @Override public boolean stores(Hashes.Spec spec) { return spec.scheme().equals("bcrypt"); }
        @Override public int factors() { return UserRecord.TOTP | UserRecord.PUSH | UserRecord.SMS | UserRecord.EMAIL | UserRecord.WEBAUTHN | UserRecord.OTHER; }
        @Override public String defaultSocial() { return "google-oauth2"; }
        @Override public String defaultDatabase() { return "Username-Password-Authentication"; }

        @Override
        public Role role(String provider) {
            String n = provider.toLowerCase(Locale.ROOT);
            if (n.equals("email") || n.equals("sms")) {
                return Role.PASSWORDLESS;
            }
            return socialName(n) ? Role.FEDERATED : Role.DATABASE;
        }

        @Override
        public Set<String> files(Cast cast) {
            var out = new LinkedHashSet<String>();
            out.add(csv ? "users.csv" : gzip ? "users.json.gz" : "users.json");
            if (hashes) {
                out.add("password-hashes.ndjson");
            }
            return out;
        }

        static String provider(String connection) {
            String n = connection.toLowerCase(Locale.ROOT);
            for (String social : new String[] {"google-oauth2", "github", "facebook", "apple", "twitter", "linkedin", "windowslive", "amazon",
                "bitbucket", "dropbox", "paypal", "salesforce", "yahoo", "discord", "gitlab", "slack", "line"}) {
                if (n.equals(social)) {
                    return social;
                }
            }
            if (n.contains("waad") || n.contains("azure")) {
                return "waad";
            }
            if (n.contains("adfs")) {
                return "adfs";
            }
            if (n.contains("oidc")) {
                return "oidc";
            }
            if (n.contains("google-apps") || n.contains("workspace")) {
                return "google-apps";
            }
            if (n.contains("saml") || n.contains("okta") || n.contains("sso")) {
                return "samlp";
            }
            return "oauth2";
        }

        static boolean social(String provider) {
            return !Set.of("waad", "adfs", "oidc", "google-apps", "samlp", "ad", "pingfederate").contains(provider);
        }

        static String userId(Person p) {
            String hex = Out.hex(p.idBytes, 24);
            return switch (p.access) {
                case PASSWORD, PASSWORD_WITHOUT_HASH -> "auth0|" + hex;
                case SOCIAL -> provider(p.federated.getFirst()) + "|" + Out.digits(p.idBytes, 21);
                case PASSWORDLESS -> (p.passwordlessVia == null ? "email" : p.passwordlessVia) + "|" + hex;
            };
        }

        static List<String> multifactor(Person p) {
            var out = new ArrayList<String>();
            if (p.hasFactor(UserRecord.TOTP)) out.add("google-authenticator");
            if (p.hasFactor(UserRecord.PUSH)) out.add("guardian");
            if (p.hasFactor(UserRecord.SMS)) out.add("sms");
            if (p.hasFactor(UserRecord.EMAIL)) out.add("email");
            if (p.hasFactor(UserRecord.WEBAUTHN)) out.add("webauthn-roaming");
            if (p.hasFactor(UserRecord.OTHER) || p.hasFactor(UserRecord.RECOVERY)) out.add("duo");
            return out;
        }

        @Override
        public void write(Cast cast, Sink sink) throws IOException {
            if (csv) {
                CsvFormats.auth0Csv(cast, sink);
            } else {
                try (OutputStream raw = sink.open(gzip ? "users.json.gz" : "users.json");
                        OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
                        JsonGenerator g = Out.json(out)) {
                    for (Person p : cast.people()) {
                        exportJob(g, p);
                    }
                    g.flush();
                    out.write('\n');
                }
            }
            if (hashes) {
                try (OutputStream out = sink.open("password-hashes.ndjson"); JsonGenerator g = Out.json(out)) {
                    for (Person p : cast.people()) {
                        if (p.hash != null && p.email != null) {
                            passwordHash(g, p, cast.tag());
                        }
                    }
                    g.flush();
                    out.write('\n');
                }
            }
        }

        static void exportJob(JsonGenerator g, Person p) {
            String id = userId(p);
            g.writeStartObject();
            g.writeStringProperty("user_id", id);
            if (p.email != null) {
                g.writeStringProperty("email", p.email);
                g.writeBooleanProperty("email_verified", p.emailVerified);
            }
            if (p.phone != null && p.email == null) {
                g.writeStringProperty("phone_number", p.phone);
            }
            g.writeStringProperty("name", p.displayName());
            g.writeStringProperty("given_name", p.first);
            g.writeStringProperty("family_name", p.last);
            g.writeStringProperty("nickname", p.first.toLowerCase(Locale.ROOT));
            g.writeName("identities");
            g.writeStartArray();
            if (p.access.password()) {
                identity(g, p.database == null ? "Username-Password-Authentication" : p.database, "auth0", Out.hex(p.idBytes, 24), false);
            }
            for (String f : p.federated) {
                String provider = provider(f);
                identity(g, f, provider, Out.digits(p.idBytes, 21), social(provider));
            }
            if (p.access == Person.Access.PASSWORDLESS) {
                String via = p.passwordlessVia == null ? (p.email == null ? "sms" : "email") : p.passwordlessVia;
                identity(g, via, via.equals("sms") ? "sms" : "email", Out.hex(p.idBytes, 24), false);
            }
            g.writeEndArray();
            g.writeStringProperty("created_at", Out.iso(p.createdAt));
            long updated = p.lastSignIn > 0 ? p.lastSignIn : p.createdAt;
            g.writeStringProperty("updated_at", Out.iso(updated));
            if (p.lastSignIn > 0) {
                g.writeStringProperty("last_login", Out.iso(p.lastSignIn));
                g.writeNumberProperty("logins_count", 1 + (p.idBytes[3] & 0x7f));
            } else if (p.lastSignIn == Person.NEVER) {
                g.writeNumberProperty("logins_count", 0);
            }
            if (p.factors != 0) {
                g.writeName("multifactor");
                g.writeStartArray();
                for (String f : multifactor(p)) {
                    g.writeString(f);
                }
                g.writeEndArray();
            }
            if (p.blocked) {
                g.writeBooleanProperty("blocked", true);
            }
            var meta = byPrefix(p, List.of("user_metadata", "app_metadata"), "user_metadata");
            if (!meta.isEmpty()) {
                object(g, "user_metadata", meta.get("user_metadata"));
                object(g, "app_metadata", meta.get("app_metadata"));
            }
            g.writeEndObject();
        }

        private static void identity(JsonGenerator g, String connection, String provider, String userId, boolean social) {
            g.writeStartObject();
            g.writeStringProperty("connection", connection);
            g.writeStringProperty("provider", provider);
            g.writeStringProperty("user_id", userId);
            g.writeBooleanProperty("isSocial", social);
            g.writeEndObject();
        }

        static void passwordHash(JsonGenerator g, Person p, String tag) {
            g.writeStartObject();
            g.writeName("_id");
            g.writeStartObject();
            g.writeStringProperty("$oid", Out.hex(p.idBytes, 24));
            g.writeEndObject();
            g.writeStringProperty("email", p.email);
            g.writeBooleanProperty("email_verified", p.emailVerified);
            g.writeStringProperty("tenant", "rehearsal-" + tag);
            g.writeStringProperty("connection", p.database == null ? "Username-Password-Authentication" : p.database);
            // Auth0 writes bcrypt as $2b$ (the same hash as $2a$ for passwords this short)
            g.writeStringProperty("passwordHash", p.hash.text().replaceFirst("^\\$2a\\$", "\\$2b\\$"));
            g.writeBooleanProperty("_tmp_is_unique", true);
            g.writeStringProperty("version", "1.1");
            g.writeName("identifiers");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringProperty("type", "email");
            g.writeStringProperty("value", p.email);
            g.writeBooleanProperty("verified", p.emailVerified);
            g.writeEndObject();
            g.writeEndArray();
            g.writeName("password_set_date");
            g.writeStartObject();
            g.writeStringProperty("$date", Out.iso(p.createdAt));
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    // ---- Firebase --------------------------------------------------------------------------------------------------

    /** Firebase: {@code firebase auth:export users.json} and the project's hash config (made up), so the hashes verify. */
    static final class Firebase extends Format {
        @Override public Platform platform() { return Platform.FIREBASE; }
        @Override public boolean stores(Hashes.Spec spec) { return spec.scheme().equals("firebase-scrypt"); }
        @Override public Hashes.Spec fallback() { return new Hashes.Spec("firebase-scrypt", "", ""); }
        @Override public int factors() { return UserRecord.SMS | UserRecord.TOTP; }
        @Override public String defaultSocial() { return "google.com"; }
        @Override public Set<String> files(Cast cast) { return Set.of("users.json", "hash-config.txt"); }

        @Override
        public void write(Cast cast, Sink sink) throws IOException {
            try (OutputStream out = sink.open("users.json"); JsonGenerator g = Out.json(out)) {
                g.writeStartObject();
                g.writeName("users");
                g.writeStartArray();
                for (Person p : cast.people()) {
                    user(g, p);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            var key = cast.firebaseKey();
            try (OutputStream out = sink.open("hash-config.txt")) {
                out.write(("hash_config {\n  algorithm: SCRYPT,\n  base64_signer_key: " + Out.base64(key.signerKey()) + ",\n  base64_salt_separator: "
                        + Out.base64(key.saltSeparator()) + ",\n  rounds: " + key.rounds() + ",\n  mem_cost: " + key.memCost() + ",\n}\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }

        static void user(JsonGenerator g, Person p) {
            g.writeStartObject();
            g.writeStringProperty("localId", Out.base62(p.idBytes, 28));
            optional(g, "email", p.email);
            if (p.email != null) {
                g.writeBooleanProperty("emailVerified", p.emailVerified);
            }
            if (p.hash != null) {
                g.writeStringProperty("passwordHash", p.hash.text());
                g.writeStringProperty("salt", p.hash.saltBase64());
            }
            g.writeStringProperty("displayName", p.displayName());
            if (p.lastSignIn > 0) {
                g.writeStringProperty("lastSignedInAt", String.valueOf(p.lastSignIn));
            }
            g.writeStringProperty("createdAt", String.valueOf(p.createdAt));
            if (p.phone != null && (p.email == null || p.hasFactor(UserRecord.SMS))) {
                g.writeStringProperty("phoneNumber", p.phone);
            }
            g.writeBooleanProperty("disabled", p.blocked);
            if (!p.attributes.isEmpty()) {
                var claims = new StringBuilder("{");
                p.attributes.forEach((k, v) -> claims.append(claims.length() > 1 ? "," : "").append('"').append(jsonEscape(k)).append("\":\"")
                        .append(jsonEscape(v)).append('"'));
                g.writeStringProperty("customAttributes", claims.append('}').toString());
            }
            g.writeName("providerUserInfo");
            g.writeStartArray();
            for (String provider : p.federated) {
                g.writeStartObject();
                g.writeStringProperty("providerId", provider);
                g.writeStringProperty("rawId", Out.digits(p.idBytes, 21));
                optional(g, "email", p.email);
                g.writeStringProperty("displayName", p.displayName());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (p.factors != 0) {
                g.writeName("mfaInfo");
                g.writeStartArray();
                if (p.hasFactor(UserRecord.SMS)) {
                    g.writeStartObject();
                    g.writeStringProperty("mfaEnrollmentId", Out.base62(p.idBytes, 20));
                    g.writeStringProperty("displayName", "Phone");
                    g.writeStringProperty("phoneInfo", p.phone == null ? Cast.phone(p.index) : p.phone);
                    g.writeStringProperty("enrolledAt", Out.iso(p.createdAt));
                    g.writeEndObject();
                }
                if (p.hasFactor(UserRecord.TOTP) || (p.factors & ~UserRecord.SMS) != 0) {
                    g.writeStartObject();
                    g.writeStringProperty("mfaEnrollmentId", Out.base62(p.idBytes, 21));
                    g.writeStringProperty("displayName", "Authenticator");
                    g.writeName("totpInfo");
                    g.writeStartObject();
                    g.writeEndObject();
                    g.writeStringProperty("enrolledAt", Out.iso(p.createdAt));
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
    }

    static String jsonEscape(String s) {
        var sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    // ---- Keycloak --------------------------------------------------------------------------------------------------

    /** Keycloak: one realm file with its users ({@code kc.sh export --users realm_file}). */
    static final class Keycloak extends Format {
        static final String LDAP = "ldap-rehearsal";

        @Override public Platform platform() { return Platform.KEYCLOAK; }
        @Override public boolean carriesTotpSecrets() { return true; }
        @Override public int factors() { return UserRecord.TOTP | UserRecord.WEBAUTHN; }
        @Override public Hashes.Spec fallback() { return new Hashes.Spec("pbkdf2-sha256", "iterations=27500", ""); }
        @Override public Set<String> files(Cast cast) { return Set.of("rehearsal-realm.json"); }

        @Override
        public boolean stores(Hashes.Spec spec) {
            return spec.scheme().startsWith("pbkdf2-") || spec.scheme().startsWith("argon2");
        }

        @Override
        public Hashes.Spec adapt(Hashes.Spec spec) {
            // Keycloak's PBKDF2 provider derives 512 bits unless told otherwise; its hashes are plain base64 fields
            if (spec.scheme().startsWith("pbkdf2-")) {
                String params = spec.params().isEmpty() ? "iterations=27500" : spec.params();
                return new Hashes.Spec(spec.scheme(), params + ",l=64", "Keycloak");
            }
            return new Hashes.Spec(spec.scheme(), spec.params(), "Keycloak");
        }

        @Override
        public void write(Cast cast, Sink sink) throws IOException {
            try (OutputStream out = sink.open("rehearsal-realm.json"); JsonGenerator g = Out.json(out)) {
                g.writeStartObject();
                g.writeStringProperty("id", Out.uuidOf("realm-" + cast.tag()));
                g.writeStringProperty("realm", "rehearsal");
                g.writeStringProperty("displayName", "Rehearsal (synthetic users)");
                g.writeBooleanProperty("enabled", true);
                g.writeBooleanProperty("duplicateEmailsAllowed", true);
                g.writeStringProperty("otpPolicyType", "totp");
                g.writeStringProperty("otpPolicyAlgorithm", "HmacSHA1");
                g.writeNumberProperty("otpPolicyDigits", 6);
                g.writeNumberProperty("otpPolicyPeriod", 30);
                int groups = cast.mix().groups();
                if (groups > 0) {
                    g.writeName("groups");
                    g.writeStartArray();
                    for (int i = 1; i <= Math.min(groups, cast.people().size()); i++) {
                        g.writeStartObject();
                        g.writeStringProperty("name", "group-" + i);
                        g.writeStringProperty("path", "/group-" + i);
                        g.writeName("subGroups");
                        g.writeStartArray();
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                }
                g.writeName("users");
                g.writeStartArray();
                for (Person p : cast.people()) {
                    user(g, p);
                }
                g.writeEndArray();
                g.writeName("components");
                g.writeStartObject();
                g.writeName("org.keycloak.storage.UserStorageProvider");
                g.writeStartArray();
                g.writeStartObject();
                g.writeStringProperty("id", LDAP);
                g.writeStringProperty("name", LDAP);
                g.writeStringProperty("providerId", "ldap");
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                g.writeStringProperty("keycloakVersion", "26.0.7");
                g.writeEndObject();
            }
        }

        static void user(JsonGenerator g, Person p) {
            g.writeStartObject();
            g.writeStringProperty("id", Out.uuid(p.idBytes));
            g.writeNumberProperty("createdTimestamp", p.createdAt);
            g.writeStringProperty("username", p.username());
            g.writeBooleanProperty("enabled", !p.blocked);
            g.writeBooleanProperty("totp", p.hasFactor(UserRecord.TOTP));
            g.writeBooleanProperty("emailVerified", p.email != null && p.emailVerified);
            g.writeStringProperty("firstName", p.first);
            g.writeStringProperty("lastName", p.last);
            optional(g, "email", p.email);
            if (!p.attributes.isEmpty()) {
                g.writeName("attributes");
                g.writeStartObject();
                p.attributes.forEach((k, v) -> {
                    g.writeName(k);
                    g.writeStartArray();
                    g.writeString(v);
                    g.writeEndArray();
                });
                g.writeEndObject();
            }
            if (p.access == Person.Access.PASSWORD_WITHOUT_HASH) {
                g.writeStringProperty("federationLink", LDAP);
            }
            g.writeName("credentials");
            g.writeStartArray();
            if (p.hash != null) {
                password(g, p);
            }
            if (p.hasFactor(UserRecord.TOTP) && p.totpSecret != null) {
                g.writeStartObject();
                g.writeStringProperty("id", Out.uuid(p.idBytes, 2));
                g.writeStringProperty("type", "otp");
                g.writeStringProperty("userLabel", "Authenticator app");
                g.writeNumberProperty("createdDate", p.createdAt);
                g.writeStringProperty("secretData", "{\"value\":\"" + p.totpSecret + "\"}");
                g.writeStringProperty("credentialData", "{\"subType\":\"totp\",\"digits\":6,\"counter\":0,\"period\":30,\"algorithm\":\"HmacSHA1\","
                        + "\"secretEncoding\":\"BASE32\"}");
                g.writeEndObject();
            }
            if (p.hasFactor(UserRecord.WEBAUTHN) || (p.factors & ~(UserRecord.TOTP | UserRecord.WEBAUTHN)) != 0) {
                g.writeStartObject();
                g.writeStringProperty("id", Out.uuid(p.idBytes, 3));
                g.writeStringProperty("type", "webauthn");
                g.writeStringProperty("userLabel", "Security key");
                g.writeNumberProperty("createdDate", p.createdAt);
                g.writeStringProperty("secretData", "{}");
                g.writeStringProperty("credentialData", "{\"aaguid\":\"00000000-0000-0000-0000-000000000000\",\"credentialId\":\""
                        + Out.base64(p.idBytes) + "\",\"counter\":0,\"attestationStatementFormat\":\"none\"}");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeName("disableableCredentialTypes");
            g.writeStartArray();
            g.writeEndArray();
            g.writeName("requiredActions");
            g.writeStartArray();
            if (p.access == Person.Access.PASSWORDLESS && p.federated.isEmpty()) {
                g.writeString("UPDATE_PASSWORD");
            }
            g.writeEndArray();
            if (!p.federated.isEmpty()) {
                g.writeName("federatedIdentities");
                g.writeStartArray();
                for (String provider : p.federated) {
                    g.writeStartObject();
                    g.writeStringProperty("identityProvider", provider);
                    g.writeStringProperty("userId", Out.digits(p.idBytes, 21));
                    g.writeStringProperty("userName", p.email == null ? p.username() : p.email);
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeName("realmRoles");
            g.writeStartArray();
            g.writeString("default-roles-rehearsal");
            g.writeEndArray();
            g.writeNumberProperty("notBefore", 0);
            if (!p.groups.isEmpty()) {
                g.writeName("groups");
                g.writeStartArray();
                for (String group : p.groups) {
                    g.writeString("/" + group);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }

        private static void password(JsonGenerator g, Person p) {
            var h = p.hash;
            var params = h.spec().parameters();
            String scheme = h.spec().scheme();
            String secret = "{\"value\":\"" + h.digestBase64() + "\",\"salt\":\"" + h.saltBase64() + "\",\"additionalParameters\":{}}";
            String data;
            if (scheme.startsWith("argon2")) {
                data = "{\"hashIterations\":" + params.getOrDefault("t", "2") + ",\"algorithm\":\"argon2\",\"additionalParameters\":{"
                        + "\"hashLength\":[\"32\"],\"memory\":[\"" + params.getOrDefault("m", "7168") + "\"],\"type\":[\""
                        + scheme.substring("argon2".length()) + "\"],\"version\":[\"1.3\"],\"parallelism\":[\"" + params.getOrDefault("p", "1")
                        + "\"]}}";
            } else {
                String algorithm = scheme.equals("pbkdf2-sha1") ? "pbkdf2" : scheme;
                data = "{\"hashIterations\":" + params.getOrDefault("iterations", "27500") + ",\"algorithm\":\"" + algorithm
                        + "\",\"additionalParameters\":{}}";
            }
            g.writeStartObject();
            g.writeStringProperty("id", Out.uuid(p.idBytes, 1));
            g.writeStringProperty("type", "password");
            g.writeStringProperty("userLabel", "My password");
            g.writeNumberProperty("createdDate", p.createdAt);
            g.writeStringProperty("secretData", secret);
            g.writeStringProperty("credentialData", data);
            g.writeEndObject();
        }
    }

    // ---- Okta ------------------------------------------------------------------------------------------------------

    /** Okta: {@code GET /api/v1/users} pages joined into one array. No hashes; the status tells blocked users. */
    static final class Okta extends Format {
        @Override public Platform platform() { return Platform.OKTA; }
        @Override public boolean carriesHashes() { return false; }
        @Override public String defaultSocial() { return "SOCIAL"; }
        @Override public String defaultDatabase() { return "OKTA"; }
        @Override public String defaultPasswordless() { return "OKTA"; }
        @Override public Set<String> files(Cast cast) { return Set.of("users.json"); }

        @Override
        public Role role(String provider) {
            return provider.equals("SOCIAL") || provider.equals("FEDERATION") ? Role.FEDERATED : Role.DATABASE;
        }

        @Override
        public void write(Cast cast, Sink sink) throws IOException {
            try (OutputStream out = sink.open("users.json"); JsonGenerator g = Out.json(out)) {
                g.writeStartArray();
                int blocked = 0;
                int pending = 0;
                for (Person p : cast.people()) {
                    String id = "00u" + Out.base62(p.idBytes, 17);
                    String status;
                    if (p.blocked) {
                        status = new String[] {"SUSPENDED", "LOCKED_OUT", "DEPROVISIONED"}[blocked++ % 3];
                    } else if (p.access == Person.Access.PASSWORDLESS) {
                        status = pending++ % 2 == 0 ? "STAGED" : "PROVISIONED";
                    } else {
                        status = "ACTIVE";
                    }
                    g.writeStartObject();
                    g.writeStringProperty("id", id);
                    g.writeStringProperty("status", status);
                    g.writeStringProperty("created", Out.iso(p.createdAt));
                    g.writeStringProperty("activated", Out.iso(p.createdAt));
                    g.writeStringProperty("statusChanged", Out.iso(p.createdAt));
                    g.writeName("lastLogin");
                    if (p.lastSignIn > 0) {
                        g.writeString(Out.iso(p.lastSignIn));
                    } else {
                        g.writeNull();
                    }
                    g.writeStringProperty("lastUpdated", Out.iso(p.lastSignIn > 0 ? p.lastSignIn : p.createdAt));
                    g.writeName("passwordChanged");
                    if (p.access.password()) {
                        g.writeString(Out.iso(p.createdAt));
                    } else {
                        g.writeNull();
                    }
                    g.writeName("type");
                    g.writeStartObject();
                    g.writeStringProperty("id", "oty" + Out.base62(("rehearsal" + cast.tag()).getBytes(StandardCharsets.UTF_8), 17));
                    g.writeEndObject();
                    g.writeName("profile");
                    g.writeStartObject();
                    g.writeStringProperty("firstName", p.first);
                    g.writeStringProperty("lastName", p.last);
                    g.writeName("mobilePhone");
                    if (p.phone != null) {
                        g.writeString(p.phone);
                    } else {
                        g.writeNull();
                    }
                    g.writeName("secondEmail");
                    g.writeNull();
                    g.writeStringProperty("login", p.email != null ? p.email : p.username() + "@login.example.test");
                    g.writeName("email");
                    if (p.email != null) {
                        g.writeString(p.email);
                    } else {
                        g.writeNull();
                    }
                    p.attributes.forEach(g::writeStringProperty);
                    g.writeEndObject();
                    g.writeName("credentials");
                    g.writeStartObject();
                    String provider = !p.federated.isEmpty() && !p.access.password() ? p.federated.getFirst()
                            : p.database != null ? p.database : p.passwordlessVia != null ? p.passwordlessVia : "OKTA";
                    if (p.access.password()) {
                        g.writeName("password");
                        g.writeStartObject();
                        g.writeEndObject();
                        g.writeName("recovery_question");
                        g.writeStartObject();
                        g.writeStringProperty("question", "What is the name of your first rehearsal?");
                        g.writeEndObject();
                    }
                    g.writeName("provider");
                    g.writeStartObject();
                    g.writeStringProperty("type", provider);
                    g.writeStringProperty("name", provider);
                    g.writeEndObject();
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        }
    }

    // ---- Cognito ---------------------------------------------------------------------------------------------------

    /** Cognito: {@code aws cognito-idp list-users} output. No hashes, no last sign-in; SMS MFA only through MFAOptions. */
    static final class Cognito extends Format {
        @Override public Platform platform() { return Platform.COGNITO; }
        @Override public boolean carriesHashes() { return false; }
        @Override public int factors() { return UserRecord.SMS; }
        @Override public String defaultSocial() { return "Google"; }
        @Override public Set<String> files(Cast cast) { return Set.of("list-users.json"); }

        @Override
        public void write(Cast cast, Sink sink) throws IOException {
            try (OutputStream out = sink.open("list-users.json"); JsonGenerator g = Out.json(out)) {
                g.writeStartObject();
                g.writeName("Users");
                g.writeStartArray();
                for (Person p : cast.people()) {
                    String sub = Out.uuid(p.idBytes);
                    boolean external = !p.access.password() && !p.federated.isEmpty();
                    g.writeStartObject();
                    g.writeStringProperty("Username", external ? p.federated.getFirst() + "_" + Out.digits(p.idBytes, 21) : sub);
                    g.writeName("Attributes");
                    g.writeStartArray();
                    attribute(g, "sub", sub);
                    if (external) {
                        String provider = p.federated.getFirst();
                        String type = provider.matches("(?i)google|facebook|loginwithamazon|signinwithapple") ? provider : "SAML";
                        attribute(g, "identities", "[{\"userId\":\"" + Out.digits(p.idBytes, 21) + "\",\"providerName\":\"" + jsonEscape(provider)
                                + "\",\"providerType\":\"" + type + "\",\"issuer\":null,\"primary\":true,\"dateCreated\":" + p.createdAt + "}]");
                    }
                    if (p.email != null) {
                        attribute(g, "email_verified", String.valueOf(p.emailVerified));
                    }
                    attribute(g, "given_name", p.first);
                    attribute(g, "family_name", p.last);
                    if (p.email != null) {
                        attribute(g, "email", p.email);
                    }
                    if (p.phone != null) {
                        attribute(g, "phone_number_verified", "true");
                        attribute(g, "phone_number", p.phone);
                    }
                    p.attributes.forEach((k, v) -> attribute(g, k.startsWith("custom:") ? k : "custom:" + k, v));
                    g.writeEndArray();
                    g.writeStringProperty("UserCreateDate", Out.micros(p.createdAt));
                    g.writeStringProperty("UserLastModifiedDate", Out.micros(p.createdAt));
                    g.writeBooleanProperty("Enabled", !p.blocked);
                    g.writeStringProperty("UserStatus", external ? "EXTERNAL_PROVIDER" : p.access.password() ? "CONFIRMED" : "UNCONFIRMED");
                    if (p.hasFactor(UserRecord.SMS)) {
                        g.writeName("MFAOptions");
                        g.writeStartArray();
                        g.writeStartObject();
                        g.writeStringProperty("DeliveryMedium", "SMS");
                        g.writeStringProperty("AttributeName", "phone_number");
                        g.writeEndObject();
                        g.writeEndArray();
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }

        private static void attribute(JsonGenerator g, String name, String value) {
            g.writeStartObject();
            g.writeStringProperty("Name", name);
            g.writeStringProperty("Value", value);
            g.writeEndObject();
        }
    }

    // ---- Ory -------------------------------------------------------------------------------------------------------

    /** Ory Kratos / Ory Network: {@code GET /admin/identities?include_credential=...} as one array. */
    static final class Ory extends Format {
        @Override public Platform platform() { return Platform.ORY; }
        @Override public boolean carriesTotpSecrets() { return true; }
        @Override public int factors() { return UserRecord.TOTP | UserRecord.WEBAUTHN | UserRecord.RECOVERY; }
        @Override public Set<String> files(Cast cast) { return Set.of("identities.json"); }

        @Override
        public void write(Cast cast, Sink sink) throws IOException {
            try (OutputStream out = sink.open("identities.json"); JsonGenerator g = Out.json(out)) {
                g.writeStartArray();
                for (Person p : cast.people()) {
                    identity(g, p, cast);
                }
                g.writeEndArray();
            }
        }

        private static void credential(JsonGenerator g, String type, List<String> identifiers) {
            g.writeName(type);
            g.writeStartObject();
            g.writeStringProperty("type", type);
            g.writeName("identifiers");
            g.writeStartArray();
            identifiers.forEach(g::writeString);
            g.writeEndArray();
        }

        private static void close(JsonGenerator g, long at) {
            g.writeNumberProperty("version", 0);
            g.writeStringProperty("created_at", Out.isoSeconds(at));
            g.writeStringProperty("updated_at", Out.isoSeconds(at));
            g.writeEndObject();
        }

        static void identity(JsonGenerator g, Person p, Cast cast) {
            String login = p.email != null ? p.email : p.phone != null ? p.phone : p.username();
            long at = p.createdAt;
            g.writeStartObject();
            g.writeStringProperty("id", Out.uuid(p.idBytes));
            g.writeName("credentials");
            g.writeStartObject();
            if (p.access.password()) {
                credential(g, "password", List.of(login));
                g.writeName("config");
                g.writeStartObject();
                if (p.hash != null) {
                    g.writeStringProperty("hashed_password", p.hash.text());
                } else {
                    g.writeBooleanProperty("use_password_migration_hook", true);
                }
                g.writeEndObject();
                close(g, at);
            }
            if (p.hasFactor(UserRecord.TOTP) && p.totpSecret != null) {
                credential(g, "totp", List.of(""));
                g.writeName("config");
                g.writeStartObject();
                g.writeStringProperty("totp_url", "otpauth://totp/Rehearsal:" + login + "?algorithm=SHA1&digits=6&issuer=Rehearsal&period=30&secret="
                        + p.totpSecret);
                g.writeEndObject();
                close(g, at);
            }
            if (p.hasFactor(UserRecord.WEBAUTHN) || (p.factors & (UserRecord.SMS | UserRecord.EMAIL | UserRecord.PUSH | UserRecord.OTHER)) != 0) {
                credential(g, "webauthn", List.of(Out.uuid(p.idBytes, 5)));
                g.writeName("config");
                g.writeStartObject();
                g.writeName("credentials");
                g.writeStartArray();
                g.writeStartObject();
                g.writeStringProperty("id", Out.base64(p.idBytes));
                g.writeStringProperty("public_key", Out.base64(Out.uuid(p.idBytes, 6).getBytes(StandardCharsets.US_ASCII)));
                g.writeStringProperty("attestation_type", "none");
                g.writeStringProperty("display_name", "Security key");
                g.writeStringProperty("added_at", Out.isoSeconds(at));
                g.writeBooleanProperty("is_passwordless", false);
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                close(g, at);
            }
            if (p.hasFactor(UserRecord.RECOVERY)) {
                credential(g, "lookup_secret", List.of(""));
                g.writeName("config");
                g.writeStartObject();
                g.writeName("recovery_codes");
                g.writeStartArray();
                for (int i = 0; i < 4; i++) {
                    g.writeStartObject();
                    g.writeStringProperty("code", Out.base62(Out.uuid(p.idBytes, 10 + i).getBytes(StandardCharsets.US_ASCII), 8).toLowerCase(Locale.ROOT));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                close(g, at);
            }
            if (!p.federated.isEmpty()) {
                var ids = new ArrayList<String>();
                p.federated.forEach(f -> ids.add(f + ":" + Out.digits(p.idBytes, 21)));
                credential(g, "oidc", ids);
                g.writeName("config");
                g.writeStartObject();
                g.writeName("providers");
                g.writeStartArray();
                for (String f : p.federated) {
                    g.writeStartObject();
                    g.writeStringProperty("subject", Out.digits(p.idBytes, 21));
                    g.writeStringProperty("provider", f);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
                close(g, at);
            }
            if (p.access == Person.Access.PASSWORDLESS && p.federated.isEmpty()) {
                credential(g, "code", List.of(login));
                g.writeName("config");
                g.writeStartObject();
                g.writeName("addresses");
                g.writeStartArray();
                g.writeStartObject();
                g.writeStringProperty("channel", p.email != null ? "email" : "sms");
                g.writeStringProperty("address", login);
                g.writeEndObject();
                g.writeEndArray();
                g.writeEndObject();
                close(g, at);
            }
            g.writeEndObject();
            g.writeStringProperty("schema_id", "preset://email");
            g.writeStringProperty("state", p.blocked ? "inactive" : "active");
            g.writeStringProperty("state_changed_at", Out.isoSeconds(at));
            // the traits the source's schema had (the analyser lists them as traits.* keys); the email also sits in
            // verifiable_addresses, where the analyser finds it when the schema has no email trait
            g.writeName("traits");
            g.writeStartObject();
            for (String key : cast.mix().attributeKeys()) {
                if (!key.startsWith("traits.")) {
                    continue;
                }
                String trait = key.substring("traits.".length());
                switch (trait) {
                    case "email" -> optional(g, "email", p.email);
                    case "phone" -> optional(g, "phone", p.phone);
                    case "name" -> {
                        g.writeName("name");
                        g.writeStartObject();
                        g.writeStringProperty("first", p.first);
                        g.writeStringProperty("last", p.last);
                        g.writeEndObject();
                    }
                    default -> optional(g, trait, p.attributes.get(key));
                }
            }
            g.writeEndObject();
            g.writeName("verifiable_addresses");
            g.writeStartArray();
            if (p.email != null) {
                g.writeStartObject();
                g.writeStringProperty("id", Out.uuid(p.idBytes, 7));
                g.writeStringProperty("value", p.email);
                g.writeBooleanProperty("verified", p.emailVerified);
                g.writeStringProperty("via", "email");
                g.writeStringProperty("status", p.emailVerified ? "completed" : "sent");
                g.writeStringProperty("created_at", Out.isoSeconds(at));
                g.writeStringProperty("updated_at", Out.isoSeconds(at));
                g.writeEndObject();
            }
            g.writeEndArray();
            var meta = byPrefix(p, List.of("metadata_public", "metadata_admin", "traits"), "metadata_public");
            for (String m : List.of("metadata_public", "metadata_admin")) {
                if (meta.containsKey(m)) {
                    object(g, m, meta.get(m));
                } else {
                    g.writeName(m);
                    g.writeNull();
                }
            }
            g.writeName("organization_id");
            if (p.organization >= 0) {
                g.writeString(Out.uuidOf("org-" + p.organization + "-" + cast.tag() + "-rehearsal"));
            } else {
                g.writeNull();
            }
            g.writeStringProperty("created_at", Out.isoSeconds(at));
            g.writeStringProperty("updated_at", Out.isoSeconds(at));
            g.writeEndObject();
        }
    }

    // ---- FusionAuth ------------------------------------------------------------------------------------------------

    /** FusionAuth: the import request's {@code users} (its own fields for the hash: encryptionScheme, factor, salt). */
    static final class FusionAuth extends Format {
        @Override public Platform platform() { return Platform.FUSIONAUTH; }
        @Override public boolean carriesTotpSecrets() { return true; }
        @Override public int factors() { return UserRecord.TOTP | UserRecord.SMS | UserRecord.EMAIL; }
        @Override public Set<String> files(Cast cast) { return Set.of("users.json"); }

        @Override
        public boolean stores(Hashes.Spec spec) {
            return spec.scheme().equals("bcrypt") || spec.scheme().equals("pbkdf2-sha256");
        }

        @Override
        public Hashes.Spec adapt(Hashes.Spec spec) {
            return spec.scheme().equals("pbkdf2-sha256") ? new Hashes.Spec(spec.scheme(), spec.params().isEmpty() ? "iterations=24000"
                    : spec.params() + ",l=32", "FusionAuth") : spec;
        }

        @Override
        public void write(Cast cast, Sink sink) throws IOException {
            try (OutputStream out = sink.open("users.json"); JsonGenerator g = Out.json(out)) {
                g.writeStartObject();
                g.writeName("users");
                g.writeStartArray();
                for (Person p : cast.people()) {
                    user(g, p, cast.tag(), cast.mix().providersObserved());
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }

        static void user(JsonGenerator g, Person p, String tag, boolean providers) {
            g.writeStartObject();
            g.writeStringProperty("id", Out.uuid(p.idBytes));
            optional(g, "email", p.email);
            if (p.email == null) {
                g.writeStringProperty("username", p.username());
            }
            g.writeStringProperty("firstName", p.first);
            g.writeStringProperty("lastName", p.last);
            if (p.hash != null) {
                var h = p.hash;
                if (h.spec().scheme().equals("bcrypt")) {
                    String text = h.text();
                    g.writeStringProperty("encryptionScheme", "bcrypt");
                    g.writeNumberProperty("factor", Integer.parseInt(text.substring(4, 6)));
                    g.writeStringProperty("salt", text.substring(7, 29));
                    g.writeStringProperty("password", text.substring(29));
                } else {
                    g.writeStringProperty("encryptionScheme", "salted-pbkdf2-hmac-sha256");
                    g.writeNumberProperty("factor", Integer.parseInt(h.spec().parameters().getOrDefault("iterations", "24000")));
                    g.writeStringProperty("salt", h.saltBase64());
                    g.writeStringProperty("password", h.digestBase64());
                }
                g.writeBooleanProperty("passwordChangeRequired", false);
            }
            g.writeBooleanProperty("verified", p.email != null && p.emailVerified);
            g.writeBooleanProperty("active", !p.blocked);
            int tenant = Math.max(0, p.tenant);
            g.writeStringProperty("tenantId", Out.uuidOf("tenant-" + tenant + "-" + tag + "-rehearsal"));
            g.writeName("registrations");
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringProperty("applicationId", Out.uuidOf("app-" + tag + "-rehearsal-0"));
            g.writeName("roles");
            g.writeStartArray();
            g.writeString("user");
            g.writeEndArray();
            g.writeBooleanProperty("verified", true);
            g.writeEndObject();
            g.writeEndArray();
            object(g, "data", p.attributes);
            if (providers) {
                g.writeName("identityProviders");
                g.writeStartObject();
                for (String f : p.federated) {
                    g.writeName(Out.uuidOf("idp-" + f + "-" + tag));
                    g.writeStartObject();
                    g.writeStringProperty("identityProviderName", f);
                    g.writeStringProperty("displayName", p.displayName());
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeNumberProperty("insertInstant", p.createdAt);
            if (p.lastSignIn > 0) {
                g.writeNumberProperty("lastLoginInstant", p.lastSignIn);
            }
            if (p.factors != 0) {
                g.writeName("twoFactor");
                g.writeStartObject();
                g.writeName("methods");
                g.writeStartArray();
                if (p.hasFactor(UserRecord.TOTP) && p.totpSecret != null) {
                    g.writeStartObject();
                    g.writeStringProperty("id", Out.base62(p.idBytes, 4).toUpperCase(Locale.ROOT));
                    g.writeStringProperty("method", "authenticator");
                    // FusionAuth keeps the raw key in base64; the answer key gives the same key in base32
                    g.writeStringProperty("secret", Out.base64(Out.base32(p.totpSecret)));
                    g.writeName("authenticator");
                    g.writeStartObject();
                    g.writeStringProperty("algorithm", "HmacSHA1");
                    g.writeNumberProperty("codeLength", 6);
                    g.writeNumberProperty("timeStep", 30);
                    g.writeEndObject();
                    g.writeEndObject();
                }
                if (p.hasFactor(UserRecord.SMS)) {
                    g.writeStartObject();
                    g.writeStringProperty("id", Out.base62(p.idBytes, 5).toUpperCase(Locale.ROOT));
                    g.writeStringProperty("method", "sms");
                    g.writeStringProperty("mobilePhone", p.phone == null ? Cast.phone(p.index) : p.phone);
                    g.writeEndObject();
                }
                if (p.hasFactor(UserRecord.EMAIL) || (p.factors & ~(UserRecord.TOTP | UserRecord.SMS)) != 0) {
                    g.writeStartObject();
                    g.writeStringProperty("id", Out.base62(p.idBytes, 6).toUpperCase(Locale.ROOT));
                    g.writeStringProperty("method", "email");
                    g.writeStringProperty("email", p.email == null ? p.username() + "@mfa.example.test" : p.email);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndObject();
        }
    }

    // ---- ZITADEL ---------------------------------------------------------------------------------------------------

    /** ZITADEL: the admin API's export (orgs with their human users). */
    static final class Zitadel extends Format {
        @Override public Platform platform() { return Platform.ZITADEL; }
        @Override public boolean carriesTotpSecrets() { return true; }
        @Override public int factors() { return UserRecord.TOTP; }
        @Override public Set<String> files(Cast cast) { return Set.of("export.json"); }

        @Override
        public void write(Cast cast, Sink sink) throws IOException {
            int orgs = Math.max(1, Math.min(cast.mix().organizations(), cast.people().size()));
            try (OutputStream out = sink.open("export.json"); JsonGenerator g = Out.json(out)) {
                g.writeStartObject();
                g.writeName("orgs");
                g.writeStartArray();
                for (int o = 0; o < orgs; o++) {
                    g.writeStartObject();
                    g.writeStringProperty("orgId", Out.digits(("org-" + o + "-" + cast.tag()).getBytes(StandardCharsets.UTF_8), 18));
                    g.writeName("org");
                    g.writeStartObject();
                    g.writeStringProperty("name", "Rehearsal org " + (o + 1));
                    g.writeEndObject();
                    g.writeName("humanUsers");
                    g.writeStartArray();
                    for (Person p : cast.people()) {
                        if (Math.max(0, p.organization) % orgs == o) {
                            user(g, p);
                        }
                    }
                    g.writeEndArray();
                    g.writeName("machineUsers");
                    g.writeStartArray();
                    g.writeEndArray();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }

        static void user(JsonGenerator g, Person p) {
            g.writeStartObject();
            g.writeStringProperty("userId", Out.digits(p.idBytes, 18));
            g.writeName("user");
            g.writeStartObject();
            g.writeStringProperty("userName", p.username());
            g.writeName("profile");
            g.writeStartObject();
            g.writeStringProperty("firstName", p.first);
            g.writeStringProperty("lastName", p.last);
            g.writeStringProperty("displayName", p.displayName());
            g.writeStringProperty("preferredLanguage", "en");
            g.writeEndObject();
            if (p.email != null) {
                g.writeName("email");
                g.writeStartObject();
                g.writeStringProperty("email", p.email);
                g.writeBooleanProperty("isEmailVerified", p.emailVerified);
                g.writeEndObject();
            }
            if (p.phone != null) {
                g.writeName("phone");
                g.writeStartObject();
                g.writeStringProperty("phone", p.phone);
                g.writeBooleanProperty("isPhoneVerified", true);
                g.writeEndObject();
            }
            if (p.hash != null) {
                g.writeName("hashedPassword");
                g.writeStartObject();
                g.writeStringProperty("value", p.hash.text());
                g.writeEndObject();
                g.writeBooleanProperty("passwordChangeRequired", false);
            }
            if (p.hasFactor(UserRecord.TOTP) && p.totpSecret != null) {
                g.writeStringProperty("otpCode", p.totpSecret);
            }
            if (!p.federated.isEmpty()) {
                g.writeName("idps");
                g.writeStartArray();
                for (String f : p.federated) {
                    g.writeStartObject();
                    g.writeStringProperty("configId", f);
                    g.writeStringProperty("externalUserId", Out.digits(p.idBytes, 21));
                    g.writeStringProperty("displayName", p.displayName());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            if (p.access == Person.Access.PASSWORDLESS && p.federated.isEmpty()) {
                g.writeBooleanProperty("requestPasswordlessRegistration", true);
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    // ---- Stytch ----------------------------------------------------------------------------------------------------

    /** Stytch: the users from Search Users, and (when the source had it) the hash CSV support delivers. */
    static final class Stytch extends Format {
        private final boolean hashes;

        Stytch(Mix mix) {
            this.hashes = mix.kinds().contains("stytch-hashes");
        }

        @Override public Platform platform() { return Platform.STYTCH; }
        @Override public boolean carriesHashes() { return hashes; }
        @Override public int factors() { return UserRecord.TOTP | UserRecord.WEBAUTHN; }
        @Override public boolean stores(Hashes.Spec spec) { return spec.scheme().equals("scrypt"); }
        @Override public Hashes.Spec fallback() { return new Hashes.Spec("scrypt", "N=2^15,r=8,p=1", "Stytch"); }
        @Override public String defaultSocial() { return "Google"; }

        @Override
        public Set<String> files(Cast cast) {
            return hashes ? new LinkedHashSet<>(List.of("users.json", "hashes.csv")) : Set.of("users.json");
        }

        @Override
        public void write(Cast cast, Sink sink) throws IOException {
            String project = "project-test-" + Out.uuidOf("project-" + cast.tag() + "-rehearsal");
            try (OutputStream out = sink.open("users.json"); JsonGenerator g = Out.json(out)) {
                g.writeStartObject();
                g.writeStringProperty("request_id", "request-id-test-" + Out.uuidOf("request-" + cast.tag() + "-rehearsal"));
                g.writeName("results");
                g.writeStartArray();
                for (Person p : cast.people()) {
                    user(g, p);
                }
                g.writeEndArray();
                g.writeName("results_metadata");
                g.writeStartObject();
                g.writeName("next_cursor");
                g.writeNull();
                g.writeNumberProperty("total", cast.people().size());
                g.writeEndObject();
                g.writeNumberProperty("status_code", 200);
                g.writeEndObject();
            }
            if (!hashes) {
                return;
            }
            Hashes.Spec spec = cast.people().stream().filter(p -> p.hash != null).map(p -> p.hash.spec()).findFirst().orElse(fallback());
            int n = spec.integer("N", 1 << 15);
            try (var w = Out.writer(sink.open("hashes.csv"))) {
                w.write("scrypt hash parameters,,,,\nscryptCostParameter 1 << " + Integer.numberOfTrailingZeros(n) + ",,,,\nscryptRParameter "
                        + spec.integer("r", 8) + ",,,,\nscryptPParameter " + spec.integer("p", 1) + ",,,,\nscryptKeyLengthParamenter 32,,,,\n,,,,\n");
                w.write("id,hash,salt,hash_method,project_id\n");
                for (Person p : cast.people()) {
                    if (p.hash != null) {
                        Out.csv(w, List.of(userId(p), Out.base64Url(p.hash.digest()), Out.base64Url(p.hash.salt()), "scrypt", project), false);
                    }
                }
            }
        }

        static String userId(Person p) {
            return "user-test-" + Out.uuid(p.idBytes);
        }

        static void user(JsonGenerator g, Person p) {
            g.writeStartObject();
            g.writeName("biometric_registrations");
            g.writeStartArray();
            g.writeEndArray();
            g.writeStringProperty("created_at", Out.isoSeconds(p.createdAt));
            g.writeName("crypto_wallets");
            g.writeStartArray();
            g.writeEndArray();
            g.writeName("emails");
            g.writeStartArray();
            if (p.email != null) {
                g.writeStartObject();
                g.writeStringProperty("email", p.email);
                g.writeStringProperty("email_id", "email-test-" + Out.uuid(p.idBytes, 1));
                g.writeBooleanProperty("verified", p.emailVerified);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeName("name");
            g.writeStartObject();
            g.writeStringProperty("first_name", p.first);
            g.writeStringProperty("last_name", p.last);
            g.writeStringProperty("middle_name", "");
            g.writeEndObject();
            g.writeName("password");
            if (p.access.password()) {
                g.writeStartObject();
                g.writeStringProperty("password_id", "password-test-" + Out.uuid(p.idBytes, 2));
                g.writeBooleanProperty("requires_reset", false);
                g.writeEndObject();
            } else {
                g.writeNull();
            }
            g.writeName("phone_numbers");
            g.writeStartArray();
            if (p.phone != null) {
                g.writeStartObject();
                g.writeStringProperty("phone_id", "phone-number-test-" + Out.uuid(p.idBytes, 3));
                g.writeStringProperty("phone_number", p.phone);
                g.writeBooleanProperty("verified", true);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeName("providers");
            g.writeStartArray();
            for (String f : p.federated) {
                g.writeStartObject();
                g.writeStringProperty("provider_type", f);
                g.writeStringProperty("provider_subject", Out.digits(p.idBytes, 21));
                g.writeStringProperty("profile_picture_url", "");
                g.writeStringProperty("locale", "");
                g.writeStringProperty("oauth_user_registration_id", "oauth-user-test-" + Out.uuid(p.idBytes, 4));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringProperty("status", "active");
            g.writeName("totps");
            g.writeStartArray();
            if (p.hasFactor(UserRecord.TOTP) || (p.factors & ~(UserRecord.TOTP | UserRecord.WEBAUTHN)) != 0) {
                g.writeStartObject();
                g.writeStringProperty("totp_id", "totp-test-" + Out.uuid(p.idBytes, 5));
                g.writeBooleanProperty("verified", true);
                g.writeEndObject();
            }
            g.writeEndArray();
            var meta = byPrefix(p, List.of("trusted_metadata", "untrusted_metadata"), "untrusted_metadata");
            object(g, "trusted_metadata", meta.get("trusted_metadata"));
            object(g, "untrusted_metadata", meta.get("untrusted_metadata"));
            g.writeStringProperty("user_id", userId(p));
            g.writeName("webauthn_registrations");
            g.writeStartArray();
            if (p.hasFactor(UserRecord.WEBAUTHN)) {
                g.writeStartObject();
                g.writeStringProperty("webauthn_registration_id", "webauthn-registration-test-" + Out.uuid(p.idBytes, 6));
                g.writeStringProperty("domain", "rehearsal.example.test");
                g.writeStringProperty("authenticator_type", "cross-platform");
                g.writeBooleanProperty("verified", true);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    // ---- Microsoft Entra / Graph -------------------------------------------------------------------------------------

    /** Microsoft Graph {@code GET /users} with identities and signInActivity, pages joined. No hashes. */
    static final class Entra extends Format {
        @Override public Platform platform() { return Platform.ENTRA; }
        @Override public boolean carriesHashes() { return false; }
        @Override public String defaultSocial() { return "google.com"; }
        @Override public Set<String> files(Cast cast) { return Set.of("users.json"); }

        @Override
        public void write(Cast cast, Sink sink) throws IOException {
            // a B2C tenant's domain ends in onmicrosoft.com; a made-up one stays under the reserved example.test
            String tenant = "rehearsal" + cast.tag() + ".onmicrosoft.example.test";
            var extensions = new LinkedHashSet<String>();
            cast.people().forEach(p -> extensions.addAll(p.attributes.keySet()));
            try (OutputStream out = sink.open("users.json"); JsonGenerator g = Out.json(out)) {
                g.writeStartObject();
                g.writeStringProperty("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,givenName,surname,mail,"
                        + "otherMails,userPrincipalName,identities,accountEnabled,createdDateTime,creationType,signInActivity"
                        + (extensions.isEmpty() ? "" : "," + String.join(",", extensions)) + ")");
                g.writeName("value");
                g.writeStartArray();
                for (Person p : cast.people()) {
                    String id = Out.uuid(p.idBytes);
                    String upn = id + "@" + tenant;
                    g.writeStartObject();
                    g.writeStringProperty("id", id);
                    g.writeStringProperty("displayName", p.displayName());
                    g.writeStringProperty("givenName", p.first);
                    g.writeStringProperty("surname", p.last);
                    g.writeName("mail");
                    if (p.email != null && !p.access.password()) {
                        g.writeString(p.email);
                    } else {
                        g.writeNull();
                    }
                    g.writeName("otherMails");
                    g.writeStartArray();
                    g.writeEndArray();
                    g.writeStringProperty("userPrincipalName", upn);
                    g.writeBooleanProperty("accountEnabled", !p.blocked);
                    g.writeStringProperty("createdDateTime", Out.isoSeconds(p.createdAt));
                    if (p.access.password()) {
                        g.writeStringProperty("creationType", "LocalAccount");
                    } else {
                        g.writeName("creationType");
                        g.writeNull();
                    }
                    g.writeName("identities");
                    g.writeStartArray();
                    if (p.access.password()) {
                        identity(g, p.email != null ? "emailAddress" : "userName", tenant, p.email != null ? p.email : p.username());
                    }
                    for (String f : p.federated) {
                        identity(g, "federated", f, p.email != null && !p.access.password() ? p.email : Out.digits(p.idBytes, 21));
                    }
                    identity(g, "userPrincipalName", tenant, upn);
                    g.writeEndArray();
                    g.writeName("signInActivity");
                    if (p.lastSignIn > 0) {
                        g.writeStartObject();
                        g.writeStringProperty("lastSignInDateTime", Out.isoSeconds(p.lastSignIn));
                        g.writeStringProperty("lastNonInteractiveSignInDateTime", Out.isoSeconds(p.lastSignIn));
                        g.writeStringProperty("lastSuccessfulSignInDateTime", Out.isoSeconds(p.lastSignIn));
                        g.writeEndObject();
                    } else {
                        g.writeNull();
                    }
                    p.attributes.forEach(g::writeStringProperty);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }

        private static void identity(JsonGenerator g, String type, String issuer, String id) {
            g.writeStartObject();
            g.writeStringProperty("signInType", type);
            g.writeStringProperty("issuer", issuer);
            g.writeStringProperty("issuerAssignedId", id);
            g.writeEndObject();
        }
    }
}
