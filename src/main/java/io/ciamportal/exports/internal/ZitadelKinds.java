package io.ciamportal.exports.internal;

import io.ciamportal.exports.Platform;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * ZITADEL's admin export ({@code {"orgs":[{"orgId", "org", "humanUsers":[...]}]}}) and the same data wrapped for
 * the import ({@code {"timeout", "data_orgs":{"orgs":[...]}}}), in the API's camelCase or the proto names. The file
 * is protobuf JSON, which leaves out empty fields: a user without {@code otpCode} or {@code idps} has none.
 * Machine users are service accounts and are not counted. Sources: export-formats.md §1.11.
 */
final class ZitadelKinds {

    private ZitadelKinds() {}

    private static final Set<String> ROOTS = Set.of("orgs/*/", "data_orgs/orgs/*/", "dataOrgs/orgs/*/");
    private static final Set<String> HUMANS = Set.of("humanUsers/*", "human_users/*");
    private static final Set<String> MACHINES = Set.of("machineUsers/*", "machine_users/*");

    /** What the reader remembers while it walks the orgs: the current org, and whether any user had a hash. */
    static final class State {
        @Nullable String org;
        long users;
        long hashes;
        long clearText;
    }

    static final class Export extends JsonKind {
        @Override public Platform platform() { return Platform.ZITADEL; }
        @Override public String id() { return "zitadel-export"; }
        @Override public String label() { return "ZITADEL admin export / import data (JSON)"; }

        @Override
        public Map<String, String> notes() {
            return Map.of("lastSignIn", "ZITADEL's export carries no sign-in dates.",
                    "blocked", "ZITADEL's export does not say which users are locked or deactivated.",
                    "groups", "ZITADEL's export holds grants and memberships apart from the users: not counted here.");
        }

        @Override
        protected Set<String> userPaths() {
            var paths = new java.util.HashSet<String>();
            for (String root : ROOTS) {
                HUMANS.forEach(h -> paths.add(root + h));
                MACHINES.forEach(m -> paths.add(root + m));
            }
            return Set.copyOf(paths);
        }

        @Override
        public int sniff(Sniff s) {
            if (!s.json() || !(s.contains("\"humanUsers\"") || s.contains("\"human_users\"") || s.contains("\"machineUsers\""))) {
                return 0;
            }
            int score = 50;
            if (s.contains("\"orgs\"")) {
                score += 30;
            }
            if (s.contains("\"orgId\"") || s.contains("\"org_id\"") || s.contains("\"data_orgs\"")) {
                score += 10;
            }
            return score;
        }

        @Override
        protected void scalar(String path, JsonParser parser, Session session) {
            if (path.endsWith("/orgId") || path.endsWith("/org_id")) {
                session.state("zitadel", State::new).org = parser.getValueAsString();
            }
        }

        @Override
        protected boolean user(JsonNode u, UserRecord r, Session session) {
            return user("", u, r, session);
        }

        @Override
        protected boolean user(String path, JsonNode entry, UserRecord r, Session session) {
            State state = session.state("zitadel", State::new);
            r.id = first(entry, "userId", "user_id");
            if (MACHINES.stream().anyMatch(path::endsWith)) {
                r.serviceAccount = true;
                return true;
            }
            JsonNode u = entry.path("user");
            state.users++;
            JsonNode email = u.path("email");
            r.email = Values.text(email.get("email"));
            if (email.isObject()) {
                r.emailVerified = Boolean.TRUE.equals(Values.bool(field(email, "isEmailVerified", "is_email_verified")));
            }
            r.passwordObserved = true;
            String hashed = Values.text(field(u, "hashedPassword", "hashed_password").path("value"));
            if (hashed != null) {
                state.hashes++;
                r.hash = HashClassifier.classify(hashed);
            } else if (Values.text(u.get("password")) != null) {
                // an import file may carry a password as typed: it counts as one, and is said to be in clear text
                state.clearText++;
                r.hash = HashInfo.of("plain text", "ZITADEL import password (clear text)");
            }
            r.mfaObserved = true;
            if (Values.text(field(u, "otpCode", "otp_code")) != null) {
                r.mfaFactors |= UserRecord.TOTP;
                r.totpSecretInFile = true;
            }
            r.providersObserved = true;
            JsonNode idps = u.get("idps");
            if (idps != null && idps.isArray()) {
                for (JsonNode idp : idps) {
                    String config = first(idp, "configId", "config_id");
                    r.provider(config != null ? config : "identity provider");
                    r.federated = true;
                }
            }
            r.organizationsObserved = true;
            if (state.org != null) {
                r.organizations.add(state.org);
            }
            return true;
        }

        @Override
        public void finish(Session session) {
            State state = session.state("zitadel", State::new);
            if (state.users > 0 && state.hashes == 0 && state.clearText == 0) {
                session.warn("zitadel-no-hashes", "No user in the ZITADEL export has a password hash: was it made without "
                        + "with_passwords (and with_otp for authenticator secrets)? Without them the counts say \"no password\" "
                        + "for everyone.");
            }
            if (state.clearText > 0) {
                session.warn("zitadel-clear-text-passwords", state.clearText + " user(s) in the ZITADEL import data carry a password "
                        + "in clear text: keep the file like a secret and delete it after the migration.");
            }
        }

        private static JsonNode field(JsonNode node, String camel, String proto) {
            JsonNode n = node.get(camel);
            return n != null ? n : node.path(proto);
        }

        private static @Nullable String first(JsonNode node, String camel, String proto) {
            String v = Values.text(node.get(camel));
            return v != null ? v : Values.text(node.get(proto));
        }
    }
}
