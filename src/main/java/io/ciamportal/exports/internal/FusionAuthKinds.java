package io.ciamportal.exports.internal;

import io.ciamportal.exports.Platform;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * FusionAuth's user JSON: {@code {"users":[...]}} as the Import API takes it and the User Search API returns it
 * (FusionAuth has no hash export; a database export shaped as an import request carries them). A hash is split
 * into fields: the scheme name, the factor (bcrypt cost or iterations), the salt and the hash. Sources:
 * export-formats.md §1.10.
 */
final class FusionAuthKinds {

    private FusionAuthKinds() {}

    static final Map<String, String> NOTES = Map.of(
            "providers", "FusionAuth keeps identity-provider links apart from the user (Link API): this file shows them only when "
                    + "it has identityProviders.",
            "passwordless", "Without the identity-provider links, a FusionAuth user without a password may be social or passwordless.",
            "socialOnly", "Without the identity-provider links, a FusionAuth user without a password may be social or passwordless.",
            "organizations", "FusionAuth has no organizations: applications are reported as groups and tenants as tenants.");

    /** The import request's defaults for users that name no scheme, read from the top of the file. */
    static final class Defaults {
        @Nullable String scheme;
        @Nullable Integer factor;
    }

    /** The hash fact of a FusionAuth scheme name and factor. */
    static HashInfo hash(String scheme, @Nullable Integer factor) {
        String s = scheme.strip().toLowerCase(Locale.ROOT);
        String format = "FusionAuth " + Names.safe(s);
        if (s.equals("bcrypt")) {
            return new HashInfo("bcrypt", format, factor == null ? null : "cost=" + factor, factor);
        }
        if (s.startsWith("salted-pbkdf2-hmac-sha")) {
            String rest = s.substring("salted-pbkdf2-hmac-".length());
            String digest = rest.startsWith("sha512") ? "sha512" : rest.equals("sha1") ? "sha1" : "sha256";
            return new HashInfo("pbkdf2-" + digest, format, factor == null ? null : "iterations=" + factor, null);
        }
        String mapped = switch (s) {
            case "salted-md5" -> "md5";
            case "salted-sha1" -> "sha1";
            case "salted-sha256" -> "sha256";
            case "salted-sha512" -> "sha512";
            case "salted-hmac-sha256" -> "hmac";
            case "phpass-md5", "phpass-sha512" -> "phpass";
            default -> null;
        };
        String parameters = factor == null ? null : "iterations=" + factor;
        return new HashInfo(mapped != null ? mapped : Names.safe(s), format, parameters, null);
    }

    static final class Users extends JsonKind {
        @Override public Platform platform() { return Platform.FUSIONAUTH; }
        @Override public String id() { return "fusionauth-users"; }
        @Override public String label() { return "FusionAuth users (import or user search JSON)"; }
        @Override public Map<String, String> notes() { return NOTES; }
        @Override protected Set<String> userPaths() { return Set.of("users/*"); }

        @Override
        public int sniff(Sniff s) {
            if (!s.json() || !s.contains("\"users\"") || s.contains("\"localId\"")) {
                return 0;
            }
            int score = 0;
            if (s.contains("\"encryptionScheme\"")) {
                score += 60;
            }
            if (s.contains("\"registrations\"") && s.contains("\"applicationId\"")) {
                score += 30;
            }
            if (s.contains("\"insertInstant\"") || s.contains("\"lastLoginInstant\"") || s.contains("\"passwordChangeRequired\"")) {
                score += 20;
            }
            return score;
        }

        @Override
        protected void scalar(String path, JsonParser parser, Session session) {
            Defaults d = session.state("fusionauth-defaults", Defaults::new);
            if (path.equals("encryptionScheme")) {
                d.scheme = parser.getValueAsString();
            } else if (path.equals("factor")) {
                String v = parser.getValueAsString();
                d.factor = v != null && v.matches("\\d{1,9}") ? Integer.valueOf(v) : null;
            }
        }

        @Override
        protected boolean user(JsonNode u, UserRecord r, Session session) {
            Defaults defaults = session.state("fusionauth-defaults", Defaults::new);
            r.id = Values.text(u.get("id"));
            r.email = Values.text(u.get("email"));
            if (u.has("verified")) {
                r.emailVerified = Boolean.TRUE.equals(Values.bool(u.get("verified")));
            }
            password(u, r, defaults);
            if (u.has("active")) {
                r.blocked = Boolean.FALSE.equals(Values.bool(u.get("active")));
            }
            if (u.has("lastLoginInstant") || u.has("insertInstant")) {
                r.lastSignIn(Values.time(u.get("lastLoginInstant")));
            }
            twoFactor(u.get("twoFactor"), r);
            identityProviders(u.get("identityProviders"), r);
            r.tenantsObserved = true;
            String tenant = Values.text(u.get("tenantId"));
            if (tenant != null) {
                r.tenants.add(tenant);
            }
            r.groupsObserved = true;
            JsonNode registrations = u.get("registrations");
            if (registrations != null && registrations.isArray()) {
                for (JsonNode reg : registrations) {
                    String application = Values.text(reg.get("applicationId"));
                    if (application != null) {
                        r.groups.add(application);
                    }
                }
            }
            r.attributesObserved = true;
            Values.keys(u.get("data"), r, "");
            return true;
        }

        private static void password(JsonNode u, UserRecord r, Defaults defaults) {
            r.passwordObserved = true;
            String password = Values.text(u.get("password"));
            if (password == null) {
                return;
            }
            String scheme = Values.text(u.get("encryptionScheme"));
            String factorText = Values.text(u.get("factor"));
            Integer factor = factorText != null && factorText.matches("\\d{1,9}") ? Integer.valueOf(factorText) : null;
            if (scheme == null) {
                // a whole hash string tells its own scheme; else the request's default scheme, if it came first
                HashInfo classified = HashClassifier.classify(password);
                if (classified != null && !classified.unknown()) {
                    r.hash = classified;
                    return;
                }
                scheme = defaults.scheme;
                factor = factor == null ? defaults.factor : factor;
            }
            r.hash = scheme == null ? HashClassifier.classify(password) : hash(scheme, factor);
        }

        private static void twoFactor(@Nullable JsonNode twoFactor, UserRecord r) {
            r.mfaObserved = true;
            if (twoFactor == null || !twoFactor.isObject()) {
                return;
            }
            JsonNode methods = twoFactor.get("methods");
            if (methods == null || !methods.isArray()) {
                return;
            }
            for (JsonNode m : methods) {
                String method = Values.text(m.get("method"));
                String name = method == null ? "" : method.strip().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "authenticator" -> {
                        r.mfaFactors |= UserRecord.TOTP;
                        if (Values.text(m.get("secret")) != null) {
                            r.totpSecretInFile = true;
                        }
                    }
                    case "sms" -> r.mfaFactors |= UserRecord.SMS;
                    case "email" -> r.mfaFactors |= UserRecord.EMAIL;
                    default -> r.mfaFactors |= UserRecord.OTHER;
                }
            }
        }

        /** Links to identity providers, when the file carries them (an object by provider id, or a list). */
        private static void identityProviders(@Nullable JsonNode links, UserRecord r) {
            if (links == null || links.isNull()) {
                return;
            }
            r.providersObserved = true;
            if (links.isObject()) {
                for (String id : links.propertyNames()) {
                    JsonNode link = links.get(id);
                    String name = link != null && link.isObject() ? first(link, "identityProviderName", "name", "identityProviderType") : null;
                    r.provider(name != null ? name : id);
                    r.federated = true;
                }
            } else if (links.isArray()) {
                for (JsonNode link : links) {
                    String name = first(link, "identityProviderName", "name", "identityProviderType", "identityProviderId");
                    r.provider(name != null ? name : "identity provider");
                    r.federated = true;
                }
            }
        }

        private static @Nullable String first(JsonNode node, String... fields) {
            for (String f : fields) {
                String v = Values.text(node.get(f));
                if (v != null) {
                    return v;
                }
            }
            return null;
        }
    }
}
