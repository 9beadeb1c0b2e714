package io.ciamportal.exports.internal;

import io.ciamportal.exports.Platform;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Ory Kratos / Ory Network identities as the admin API lists them (a JSON array, one per line, or under
 * {@code identities}), with credentials when they were asked for ({@code include_credential=password}, ...). Traits
 * are schema-defined, so only their key names are counted; the email is {@code traits.email} or the first email
 * among the verifiable addresses. Sources: export-formats.md §1.12.
 */
final class OryKinds {

    private OryKinds() {}

    static final Map<String, String> NOTES = Map.of(
            "lastSignIn", "Ory identities carry no sign-in dates (sessions are listed apart).",
            "passwords", "Ory lists credentials only when the export asks for them (include_credential=password, oidc, totp, ...).",
            "mfa", "Ory lists credentials only when the export asks for them (include_credential=password, oidc, totp, ...).",
            "providers", "Ory lists credentials only when the export asks for them (include_credential=password, oidc, totp, ...).",
            "tenants", "An Ory project is one identity pool: no tenants.");

    static final class Identities extends JsonKind {
        @Override public Platform platform() { return Platform.ORY; }
        @Override public String id() { return "ory-identities"; }
        @Override public String label() { return "Ory Kratos / Ory Network identities (JSON)"; }
        @Override public Map<String, String> notes() { return NOTES; }
        @Override protected Set<String> userPaths() { return Set.of("", "*", "identities/*"); }
        @Override protected Set<String> userPaths(ExportStream stream) { return linesOrWrapper(stream, "identities"); }

        @Override
        public int sniff(Sniff s) {
            if (!s.json() || !s.contains("\"schema_id\"") || !s.contains("\"traits\"")) {
                return 0;
            }
            int score = 70;
            if (s.contains("\"verifiable_addresses\"") || s.contains("\"credentials\"") || s.contains("\"metadata_public\"")) {
                score += 20;
            }
            return score;
        }

        @Override
        protected boolean user(JsonNode u, UserRecord r, Session session) {
            r.id = Values.text(u.get("id"));
            JsonNode traits = u.path("traits");
            r.email = Values.text(traits.get("email"));
            JsonNode addresses = u.get("verifiable_addresses");
            if (addresses != null && addresses.isArray()) {
                for (JsonNode a : addresses) {
                    String value = Values.text(a.get("value"));
                    String via = Values.text(a.get("via"));
                    if (r.email == null && value != null && (via == null || via.equals("email"))) {
                        r.email = value;
                    }
                    if (value != null && r.email != null && value.equalsIgnoreCase(r.email.strip())) {
                        r.emailVerified = Boolean.TRUE.equals(Values.bool(a.get("verified")));
                    }
                }
                if (r.email != null && r.emailVerified == null) {
                    r.emailVerified = false;
                }
            }
            String state = Values.text(u.get("state"));
            if (state != null) {
                r.blocked = state.equalsIgnoreCase("inactive");
            }
            r.attributesObserved = true;
            Values.keys(traits, r, "traits.");
            Values.keys(u.get("metadata_public"), r, "metadata_public.");
            Values.keys(u.get("metadata_admin"), r, "metadata_admin.");
            if (u.has("organization_id")) {
                r.organizationsObserved = true;
                String org = Values.text(u.get("organization_id"));
                if (org != null) {
                    r.organizations.add(org);
                }
            }
            JsonNode credentials = u.get("credentials");
            if (credentials != null && credentials.isObject()) {
                credentials(credentials, r);
            }
            return true;
        }

        private static void credentials(JsonNode c, UserRecord r) {
            r.passwordObserved = true;
            r.mfaObserved = true;
            r.providersObserved = true;
            JsonNode password = c.get("password");
            if (password != null && password.isObject()) {
                JsonNode config = password.path("config");
                String hashed = Values.text(config.get("hashed_password"));
                if (hashed != null) {
                    r.hash = HashClassifier.classify(hashed);
                } else {
                    // listed without its config, or verified by a migration hook against the old system
                    r.passwordWithoutHash = true;
                }
            }
            JsonNode totp = c.get("totp");
            if (totp != null && totp.isObject()) {
                r.mfaFactors |= UserRecord.TOTP;
                if (Values.text(totp.path("config").get("totp_url")) != null) {
                    r.totpSecretInFile = true;
                }
            }
            for (String type : new String[] {"webauthn", "passkey"}) {
                if (configured(c.get(type), "credentials")) {
                    r.mfaFactors |= UserRecord.WEBAUTHN;
                }
            }
            if (configured(c.get("lookup_secret"), "recovery_codes")) {
                r.mfaFactors |= UserRecord.RECOVERY;
            }
            for (String type : new String[] {"oidc", "saml"}) {
                JsonNode federated = c.get(type);
                if (federated == null || !federated.isObject()) {
                    continue;
                }
                JsonNode providers = federated.path("config").get("providers");
                boolean named = false;
                if (providers != null && providers.isArray()) {
                    for (JsonNode p : providers) {
                        String name = Values.text(p.get("provider"));
                        r.provider(name != null ? name : type);
                        named = true;
                    }
                }
                if (!named) {
                    // without the config, the identifiers read "provider:subject": the provider is the part before the colon
                    JsonNode identifiers = federated.get("identifiers");
                    if (identifiers != null && identifiers.isArray()) {
                        for (JsonNode i : identifiers) {
                            String id = Values.text(i);
                            if (id != null && id.indexOf(':') > 0) {
                                r.provider(id.substring(0, id.indexOf(':')));
                                named = true;
                            }
                        }
                    }
                }
                if (!named) {
                    r.provider(type);
                }
                r.federated = true;
            }
        }

        /** A credential that is there and, when its config is listed, holds at least one entry of the list. */
        private static boolean configured(@Nullable JsonNode credential, String list) {
            if (credential == null || !credential.isObject()) {
                return false;
            }
            JsonNode config = credential.get("config");
            if (config == null || !config.isObject() || !config.has(list)) {
                return true;
            }
            JsonNode entries = config.get(list);
            return entries != null && entries.isArray() && !entries.isEmpty();
        }
    }
}
