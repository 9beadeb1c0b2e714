package io.ciamportal.exports.internal;

import io.ciamportal.exports.Platform;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * Users read from Microsoft Graph ({@code GET /users}) for Entra External ID or Azure AD B2C: pages of
 * {@code {"@odata.context":..., "value":[...], "@odata.nextLink":...}} or a bare array of user objects. Graph never
 * returns password hashes or second factors, and returns sign-in times only when asked for them with the right
 * permission, so those metrics say where to look. Each page but the last links to the next one: when every page file
 * does, the last page is missing. Sources: export-formats.md §0.2, §1.5, §2.
 */
final class EntraKinds {

    private EntraKinds() {}

    static final Map<String, String> NOTES = Map.of(
            "passwords", "Microsoft Graph never returns password hashes: local accounts keep their password only through a sign-in "
                    + "migration (just-in-time) or a reset.",
            "mfa", "Second factors are not on the user object: the authentication methods API (/users/{id}/authentication/methods) "
                    + "lists them.",
            "lastSignIn", "signInActivity comes only when $select names it and the caller has AuditLog.Read.All (usually with a "
                    + "premium licence): without it sign-in recency is unknown.",
            "emailVerified", "The Graph user has no email-verified flag.",
            "groups", "Group memberships are not on the user object (memberOf).",
            "tenants", "One directory is one tenant; the user objects do not name it.",
            "organizations", "Graph users have no organizations.");

    static final class Pages {
        long files;
        long withNext;
        boolean current;
    }

    static final class GraphUsers extends JsonKind {
        @Override public Platform platform() { return Platform.ENTRA; }
        @Override public String id() { return "entra-graph-users"; }
        @Override public String label() { return "Microsoft Graph users (JSON)"; }
        @Override public Map<String, String> notes() { return NOTES; }
        @Override protected Set<String> userPaths() { return Set.of("value/*", "*"); }

        @Override
        public int sniff(Sniff s) {
            if (!s.json()) {
                return 0;
            }
            if (s.contains("\"@odata.context\"") && s.contains("graph.microsoft.com")) {
                return s.contains("\"userPrincipalName\"") || s.contains("#users") ? 90 : 40;
            }
            boolean array = s.text().stripLeading().startsWith("[");
            return array && s.contains("\"userPrincipalName\"") && (s.contains("\"identities\"") || s.contains("\"accountEnabled\"")) ? 60 : 0;
        }

        @Override
        public long read(ExportStream stream, Session session) {
            Pages pages = session.state("entra-pages", Pages::new);
            pages.current = false;
            boolean page = stream.prefixText().contains("\"@odata.context\"");
            long records = super.read(stream, session);
            if (page) {
                pages.files++;
                if (pages.current) {
                    pages.withNext++;
                }
            }
            return records;
        }

        @Override
        protected void scalar(String path, JsonParser parser, Session session) {
            if (path.equals("@odata.nextLink") && parser.currentToken().isScalarValue() && !parser.getValueAsString("").isBlank()) {
                session.state("entra-pages", Pages::new).current = true;
            }
        }

        @Override
        public void finish(Session session) {
            Pages pages = session.state("entra-pages", Pages::new);
            if (pages.files > 0 && pages.withNext == pages.files) {
                session.warn("pagination-incomplete", (pages.files == 1 ? "The Graph page" : "Every one of the " + pages.files
                        + " Graph pages") + " has an @odata.nextLink: the last page is missing, so every count is short. Follow the link "
                        + "to the page that has none.");
            }
            if (session.tally().users() == 0) {
                return;
            }
            session.warn("passwords-not-in-export", "Microsoft Graph never returns password hashes: the " + session.tally().passwordWithoutHash
                    + " local account(s) keep their password only through a just-in-time migration, otherwise they reset it.");
            session.warn("mfa-not-observable", "Second factors are not on the Graph user: the authentication methods API "
                    + "(/users/{id}/authentication/methods) lists them.");
        }

        /** The last successful sign-in; Graph writes {@code 0001-01-01T00:00:00Z} for "none" in some properties. */
        private static @Nullable Long successful(JsonNode activity) {
            Long t = Values.time(activity.get("lastSuccessfulSignInDateTime"));
            return t == null || t <= 0 ? null : t;
        }

        @Override
        protected boolean user(JsonNode u, UserRecord r, Session session) {
            r.id = Values.text(u.get("id"));
            String mail = Values.text(u.get("mail"));
            String signInEmail = null;
            boolean local = false;
            boolean principal = false;
            JsonNode identities = u.get("identities");
            if (identities != null && identities.isArray()) {
                r.providersObserved = true;
                for (JsonNode i : identities) {
                    String type = Values.text(i.get("signInType"));
                    String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
                    if (t.equals("federated")) {
                        r.federated = true;
                        r.provider(Values.text(i.get("issuer")));
                    } else if (t.equals("userprincipalname")) {
                        principal = true;
                    } else if (t.startsWith("emailaddress") || t.startsWith("username")) {
                        local = true;
                        if (signInEmail == null && t.startsWith("emailaddress")) {
                            signInEmail = Values.text(i.get("issuerAssignedId"));
                        }
                    }
                }
            } else if ("LocalAccount".equals(Values.text(u.get("creationType")))) {
                local = true;
            }
            String other = null;
            JsonNode otherMails = u.get("otherMails");
            if (otherMails != null && otherMails.isArray() && !otherMails.isEmpty()) {
                other = Values.text(otherMails.get(0));
            }
            r.email = mail != null ? mail : signInEmail != null ? signInEmail : other;
            // a local account has a password; so has a directory member who signs in with its user principal name only
            if (local || (principal && !r.federated)) {
                r.passwordWithoutHash = true;
            }
            if (r.passwordWithoutHash || r.federated) {
                r.passwordlessObserved = true;
                r.passwordless = false;
            }
            Boolean enabled = Values.bool(u.get("accountEnabled"));
            if (enabled != null) {
                r.blocked = !enabled;
            }
            // selected but null: no sign-in on record. A failed attempt sets lastSignInDateTime, so it counts only where
            // the answer predates lastSuccessfulSignInDateTime (the property is then missing, not null)
            if (u.has("signInActivity")) {
                JsonNode activity = u.get("signInActivity");
                if (activity == null || !activity.isObject()) {
                    r.lastSignIn(null);
                } else if (activity.has("lastSuccessfulSignInDateTime")) {
                    r.lastSignIn(successful(activity));
                } else {
                    r.lastSignIn(Values.time(activity.get("lastSignInDateTime")));
                }
            }
            r.attributesObserved = true;
            for (String name : u.propertyNames()) {
                // extension_<app id without dashes>_<name>: the app id names the B2C extensions app, not a person
                if (name.startsWith("extension_")) {
                    r.attributeKey(name);
                }
            }
            return true;
        }
    }
}
