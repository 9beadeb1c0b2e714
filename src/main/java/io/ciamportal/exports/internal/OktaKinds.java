package io.ciamportal.exports.internal;

import io.ciamportal.exports.Platform;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Okta's Users API ({@code GET /api/v1/users}) saved as JSON, one array per page. A user says whether it has a
 * password but never gives its hash; who signs in elsewhere shows in {@code credentials.provider}; second factors,
 * group memberships and a verified-email flag are on other APIs. Properties outside Okta's base profile are the
 * custom attributes. Sources: export-formats.md §0.2, §1.6, §2.
 */
final class OktaKinds {

    private OktaKinds() {}

    /** Okta's base user profile: every other profile property is custom. */
    static final Set<String> BASE_PROFILE = Set.of("login", "email", "secondEmail", "firstName", "lastName", "middleName",
            "honorificPrefix", "honorificSuffix", "title", "displayName", "nickName", "profileUrl", "primaryPhone", "mobilePhone",
            "streetAddress", "city", "state", "zipCode", "countryCode", "postalAddress", "preferredLanguage", "locale", "timezone",
            "userType", "employeeNumber", "costCenter", "organization", "division", "department", "managerId", "manager");

    private static final Set<String> BLOCKED = Set.of("SUSPENDED", "LOCKED_OUT", "DEPROVISIONED");
    private static final Pattern OKTA_ID = Pattern.compile("\"id\"\\s*:\\s*\"00u");

    static final Map<String, String> NOTES = Map.of(
            "passwords", "Okta never exports password hashes: users keep their password only through a sign-in migration "
                    + "(just-in-time) or a reset.",
            "mfa", "Second factors are on the Factors API (/api/v1/users/{id}/factors), not on the user.",
            "emailVerified", "The Users API has no email-verified flag.",
            "groups", "Group memberships are on /api/v1/users/{id}/groups, not on the user.",
            "tenants", "One Okta org is one tenant; the user objects do not name it.",
            "organizations", "Okta users have no organizations.");

    static final class Users extends JsonKind {
        @Override public Platform platform() { return Platform.OKTA; }
        @Override public String id() { return "okta-users"; }
        @Override public String label() { return "Okta Users API (JSON)"; }
        @Override public Map<String, String> notes() { return NOTES; }
        @Override protected Set<String> userPaths() { return Set.of("*", ""); }

        @Override
        public int sniff(Sniff s) {
            if (!s.json() || !s.contains("\"profile\"")) {
                return 0;
            }
            boolean shape = s.contains("\"login\"") && s.contains("\"status\"");
            if (shape && OKTA_ID.matcher(s.text()).find()) {
                return 80;
            }
            return shape && s.contains("\"credentials\"") && s.contains("\"statusChanged\"") ? 50 : 0;
        }

        @Override
        protected boolean user(JsonNode u, UserRecord r, Session session) {
            r.id = Values.text(u.get("id"));
            JsonNode profile = u.path("profile");
            r.email = Values.text(profile.get("email"));
            String status = Values.text(u.get("status"));
            status = status == null ? "" : status.toUpperCase(Locale.ROOT);
            if (!status.isEmpty()) {
                r.blocked = BLOCKED.contains(status);
            }
            if (u.has("lastLogin")) {
                r.lastSignIn(Values.time(u.get("lastLogin")));
            }
            if (profile.isObject()) {
                r.attributesObserved = true;
                for (String name : profile.propertyNames()) {
                    if (!BASE_PROFILE.contains(name)) {
                        r.attributeKey(name);
                    }
                }
            }
            JsonNode credentials = u.get("credentials");
            if (credentials != null && credentials.isObject()) {
                JsonNode provider = credentials.path("provider");
                String type = Values.text(provider.get("type"));
                String t = type == null ? "" : type.toUpperCase(Locale.ROOT);
                String name = Values.text(provider.get("name"));
                r.provider(name != null ? name : type);
                r.federated = t.equals("FEDERATION") || t.equals("SOCIAL");
                // a delegated directory (Active Directory, LDAP) checks a password Okta never held
                r.passwordWithoutHash = !r.federated && (credentials.has("password") || t.equals("ACTIVE_DIRECTORY") || t.equals("LDAP"));
                // a STAGED or PROVISIONED user has no password yet: passwordless until activated
                r.passwordlessObserved = true;
                r.passwordless = !r.passwordWithoutHash && !r.federated;
            }
            return true;
        }

        @Override
        public void finish(Session session) {
            if (session.tally().users() == 0) {
                return;
            }
            session.warn("passwords-not-in-export", "Okta never exports password hashes: the " + session.tally().passwordWithoutHash
                    + " user(s) with a password keep it only through a just-in-time migration (a password import hook at the "
                    + "destination's side), otherwise they reset it.");
            session.warn("mfa-not-observable", "Second factors are on Okta's Factors API (/api/v1/users/{id}/factors), not on the user.");
        }
    }
}
