package io.ciamportal.exports.internal;

import io.ciamportal.exports.Platform;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;

/**
 * Amazon Cognito has no export job: a user pool is read by paging {@code ListUsers} ({@code aws cognito-idp
 * list-users}), one JSON file per page or one merged by the CLI, and a team may also hold the import CSV built from
 * {@code GetCSVHeader}. Cognito never gives out password hashes, MFA settings (beyond legacy SMS options) or sign-in
 * times, so those metrics say where to look instead of counting zero. Every page but the last carries a
 * PaginationToken: when all of them do, the last page is missing. Sources: export-formats.md §0.2, §1.3, §2.
 */
final class CognitoKinds {

    private CognitoKinds() {}

    static final Map<String, String> NOTES = Map.of(
            "passwords", "Cognito never exports password hashes: users keep their password only through a sign-in migration "
                    + "(a migration trigger or just-in-time import at the destination), otherwise they reset it.",
            "mfa", "ListUsers shows no MFA settings; MFAOptions lists legacy SMS only. AdminGetUser (UserMFASettingList) shows SMS "
                    + "and TOTP per user.",
            "lastSignIn", "Cognito keeps no last sign-in time on the user: only AdminListUserAuthEvents (threat protection) or "
                    + "CloudTrail show sign-ins.",
            "groups", "ListUsers has no group memberships: AdminListGroupsForUser shows them per user.",
            "tenants", "A user pool is one tenant; the pool's id is not in the ListUsers answer.",
            "organizations", "Cognito has no organizations.");

    /** The usual spellings of Cognito's social provider names, as they prefix a federated username. */
    private static final Map<String, String> SOCIAL = Map.of("google", "Google", "facebook", "Facebook",
            "signinwithapple", "SignInWithApple", "loginwithamazon", "LoginWithAmazon");

    /** Page files read and how many of them point to a next page. */
    static final class Pages {
        long files;
        long withToken;
        boolean current;
    }

    /** One page of {@code ListUsers}: {@code {"Users":[...],"PaginationToken":"..."}}. */
    static final class ListUsers extends JsonKind {
        @Override public Platform platform() { return Platform.COGNITO; }
        @Override public String id() { return "cognito-list-users"; }
        @Override public String label() { return "Amazon Cognito ListUsers (JSON)"; }
        @Override public Map<String, String> notes() { return NOTES; }
        @Override protected Set<String> userPaths() { return Set.of("Users/*"); }

        @Override
        public int sniff(Sniff s) {
            if (!s.json() || !s.contains("\"Users\"") || !s.contains("\"Username\"")) {
                return 0;
            }
            return s.contains("\"UserStatus\"") || s.contains("\"Attributes\"") ? 80 : 30;
        }

        @Override
        public long read(ExportStream stream, Session session) {
            Pages pages = session.state("cognito-pages", Pages::new);
            pages.current = false;
            long records = super.read(stream, session);
            pages.files++;
            if (pages.current) {
                pages.withToken++;
            }
            return records;
        }

        @Override
        protected void scalar(String path, JsonParser parser, Session session) {
            // the API's PaginationToken, or the AWS CLI's NextToken when --max-items cut the merged answer short
            if ((path.equals("PaginationToken") || path.equals("NextToken")) && parser.currentToken().isScalarValue()
                    && !parser.getValueAsString("").isBlank()) {
                session.state("cognito-pages", Pages::new).current = true;
            }
        }

        @Override
        public void finish(Session session) {
            Pages pages = session.state("cognito-pages", Pages::new);
            if (pages.files > 0 && pages.withToken == pages.files) {
                session.warn("pagination-incomplete", (pages.files == 1 ? "The ListUsers file ends" : "Every one of the " + pages.files
                        + " ListUsers files ends") + " with a PaginationToken: the last page is missing, so every count is short. "
                        + "Add the page that has no PaginationToken.");
            }
            if (session.tally().users() == 0) {
                return;
            }
            session.warn("passwords-not-in-export", "Cognito never exports password hashes: the " + session.tally().passwordWithoutHash
                    + " user(s) with a password keep it only through a sign-in migration, otherwise they reset it.");
            if (session.tally().mfaObserved == 0) {
                session.warn("mfa-not-observable", "ListUsers shows no MFA settings (not even legacy MFAOptions here): second "
                        + "factors are unknown; AdminGetUser has them per user.");
            } else {
                session.warn("mfa-understated", "ListUsers shows only legacy SMS options (MFAOptions): TOTP and newer SMS or email "
                        + "settings are not in it, so the MFA count is a lower bound (AdminGetUser has them per user).");
            }
            session.warn("last-sign-in-not-observable", "Cognito keeps no last sign-in time on the user: inactive users cannot be "
                    + "counted from ListUsers.");
        }

        @Override
        protected boolean user(JsonNode u, UserRecord r, Session session) {
            String username = Values.text(u.get("Username"));
            String status = Values.text(u.get("UserStatus"));
            status = status == null ? "" : status.toUpperCase(Locale.ROOT);
            String verified = null;
            JsonNode attributes = u.get("Attributes");
            r.attributesObserved = true;
            r.providersObserved = true;
            if (attributes != null && attributes.isArray()) {
                for (JsonNode a : attributes) {
                    String name = Values.text(a.get("Name"));
                    if (name == null) {
                        continue;
                    }
                    switch (name) {
                        case "sub" -> r.id = Values.text(a.get("Value"));
                        case "email" -> r.email = Values.text(a.get("Value"));
                        case "email_verified" -> verified = Values.text(a.get("Value"));
                        case "identities" -> identities(Values.text(a.get("Value")), r);
                        default -> {
                            if (name.startsWith("custom:") || name.startsWith("dev:custom:")) {
                                r.attributeKey(name);
                            }
                        }
                    }
                }
            }
            if (r.id == null) {
                r.id = username;
            }
            r.emailVerified = verified != null ? Values.bool(verified) : r.email == null ? null : Boolean.FALSE;
            if (status.equals("EXTERNAL_PROVIDER")) {
                r.federated = true;
                if (r.providers.isEmpty() && username != null && username.indexOf('_') > 0) {
                    r.providers.add(providerName(username.substring(0, username.indexOf('_'))));
                }
            }
            // a native user signed up or was created with a password (UNCONFIRMED ones too); an external one has none
            r.passwordWithoutHash = !status.equals("EXTERNAL_PROVIDER");
            r.passwordlessObserved = true;
            r.passwordless = false;
            Boolean enabled = Values.bool(u.get("Enabled"));
            if (enabled != null) {
                r.blocked = !enabled;
            }
            JsonNode options = u.get("MFAOptions");
            if (options != null && options.isArray() && !options.isEmpty()) {
                // legacy SMS options show that a factor exists; their absence shows nothing
                r.mfaObserved = true;
                for (JsonNode o : options) {
                    r.mfaFactors |= "EMAIL".equalsIgnoreCase(Values.text(o.get("DeliveryMedium"))) ? UserRecord.EMAIL : UserRecord.SMS;
                }
            }
            return true;
        }

        /** The {@code identities} attribute: a JSON array (as a string) of linked providers. */
        private static void identities(@Nullable String json, UserRecord r) {
            JsonNode list = Values.json(json);
            if (list == null || !list.isArray()) {
                return;
            }
            for (JsonNode i : list) {
                String provider = Values.text(i.get("providerName"));
                if (provider != null) {
                    r.providers.add(providerName(provider));
                    r.federated = true;
                }
            }
        }

        static String providerName(String prefix) {
            return SOCIAL.getOrDefault(prefix.toLowerCase(Locale.ROOT), prefix);
        }
    }

    /** The import CSV whose columns {@code GetCSVHeader} gives: standard attributes, custom:*, cognito:*. */
    static final class ImportCsv extends CsvKind {
        @Override public Platform platform() { return Platform.COGNITO; }
        @Override public String id() { return "cognito-import-csv"; }
        @Override public String label() { return "Amazon Cognito user import CSV"; }

        @Override
        public Map<String, String> notes() {
            return Map.of("passwords", "A Cognito import CSV has no passwords: imported users must reset theirs.",
                    "passwordless", "A Cognito import CSV carries no credentials: its users count as passwordless until they set a "
                            + "password after the import.",
                    "providers", "A Cognito import CSV holds local users only; federated users are linked at sign-in.",
                    "lastSignIn", "A Cognito import CSV has no sign-in times.",
                    "blocked", "A Cognito import CSV does not say whether a user is disabled.",
                    "groups", "A Cognito import CSV has no group memberships.",
                    "organizations", "Cognito has no organizations.");
        }

        @Override
        public int sniff(Sniff s) {
            if (s.json() || !s.headerHas("cognito:username")) {
                return 0;
            }
            return s.headerHas("cognito:mfa_enabled") ? 90 : 50;
        }

        @Override
        protected boolean row(CsvRow row, UserRecord r, Session session) {
            r.id = row.get("cognito:username");
            r.email = row.get("email");
            if (row.has("email_verified")) {
                r.emailVerified = r.email == null ? null : Boolean.TRUE.equals(Values.bool(row.get("email_verified")));
            }
            if (row.has("cognito:mfa_enabled")) {
                r.mfaObserved = true;
                if (Boolean.TRUE.equals(Values.bool(row.get("cognito:mfa_enabled")))) {
                    // an import can switch on SMS only: TOTP secrets cannot be imported
                    r.mfaFactors |= row.get("phone_number") != null ? UserRecord.SMS : UserRecord.OTHER;
                }
            }
            // the file carries no credentials: its users arrive without a password and must set one
            r.passwordlessObserved = true;
            r.passwordless = true;
            r.attributesObserved = true;
            for (String column : row.header()) {
                String c = column.strip();
                if ((c.startsWith("custom:") || c.startsWith("dev:custom:")) && row.get(column.strip().toLowerCase(Locale.ROOT)) != null) {
                    r.attributeKey(c);
                }
            }
            return true;
        }
    }
}
