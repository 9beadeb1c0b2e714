package io.ciamportal.exports.internal;

import io.ciamportal.exports.Platform;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Supabase Auth's tables as the dashboard or a SQL client exports them: {@code auth.users} (CSV, usually with a
 * byte-order mark and JSON inside the metadata cells, or JSON rows) and {@code auth.mfa_factors}, whose verified
 * factors join the users by {@code user_id}. The token columns hold live secrets: they are never read, not even for
 * presence. Sources: export-formats.md §1.8.
 */
final class SupabaseKinds {

    private SupabaseKinds() {}

    static final Map<String, String> USER_NOTES = Map.of(
            "mfa", "auth.users has no second factors: add the auth.mfa_factors table's export to count them.",
            "tenants", "A Supabase project is one user pool: no tenants.",
            "organizations", "Supabase Auth has no organizations.");

    /** Providers that are sign-in by the user's own address: not a federated identity. */
    private static final Set<String> OWN_ADDRESS = Set.of("email", "phone", "anonymous");

    /** Users the file marks anonymous (signed in without any identity), counted across files for one warning. */
    static final class Anonymous {
        long users;
    }

    /** One users row, whether a CSV row or a JSON object, through the same column names. */
    static void fill(Function<String, @Nullable String> text, Function<String, @Nullable JsonNode> json,
            Has has, UserRecord r, Session session) {
        r.id = text.apply("id");
        r.email = text.apply("email");
        if (has.test("email_confirmed_at")) {
            r.emailVerified = text.apply("email_confirmed_at") != null;
        }
        if (has.test("encrypted_password")) {
            r.password(text.apply("encrypted_password"));
        }
        if (has.test("last_sign_in_at")) {
            r.lastSignIn(Values.time(text.apply("last_sign_in_at")));
        }
        boolean sso = Boolean.TRUE.equals(Values.bool(text.apply("is_sso_user")));
        boolean anonymous = Boolean.TRUE.equals(Values.bool(text.apply("is_anonymous")));
        if (has.test("raw_app_meta_data")) {
            JsonNode app = json.apply("raw_app_meta_data");
            r.providersObserved = true;
            if (app != null && app.isObject()) {
                JsonNode providers = app.get("providers");
                if (providers != null && providers.isArray() && !providers.isEmpty()) {
                    providers.forEach(p -> provider(r, Values.text(p)));
                } else {
                    provider(r, Values.text(app.get("provider")));
                }
                for (String key : app.propertyNames()) {
                    if (!key.equals("provider") && !key.equals("providers")) {
                        r.attributeKey("raw_app_meta_data." + key);
                    }
                }
            }
            if (sso) {
                r.federated = true;
            }
            r.passwordlessObserved = r.passwordObserved;
            r.passwordless = r.hash == null && !r.federated && !anonymous;
        }
        if (has.test("raw_user_meta_data")) {
            r.attributesObserved = true;
            Values.keys(json.apply("raw_user_meta_data"), r, "raw_user_meta_data.");
        }
        if (has.test("banned_until") || has.test("deleted_at")) {
            Long until = Values.time(text.apply("banned_until"));
            boolean banned = until != null && until > session.tally().asOf().toEpochMilli();
            r.blocked = banned || text.apply("deleted_at") != null;
        }
        if (anonymous) {
            session.state("supabase-anonymous", Anonymous::new).users++;
        }
    }

    private static void provider(UserRecord r, @Nullable String name) {
        if (name == null) {
            return;
        }
        r.provider(name);
        if (!OWN_ADDRESS.contains(name.strip().toLowerCase(Locale.ROOT))) {
            r.federated = true;
        }
    }

    /** Whether the row has a column (present, even when empty). */
    @FunctionalInterface
    interface Has {
        boolean test(String column);
    }

    static void warnAnonymous(Session session) {
        long anonymous = session.state("supabase-anonymous", Anonymous::new).users;
        if (anonymous > 0) {
            session.warn("supabase-anonymous-users", anonymous + " user(s) are anonymous (is_anonymous): they have no email, "
                    + "password or identity to carry over, only their data.");
        }
    }

    /** The factor bits of a factor_type. */
    static int factor(@Nullable String type) {
        if (type == null) {
            return UserRecord.OTHER;
        }
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "totp" -> UserRecord.TOTP;
            case "phone" -> UserRecord.SMS;
            case "webauthn" -> UserRecord.WEBAUTHN;
            default -> UserRecord.OTHER;
        };
    }

    /** One auth.mfa_factors row: a verified factor joins its user; an unverified one shows the user has none of it yet. */
    static void factorRow(@Nullable String userId, @Nullable String type, @Nullable String status, boolean secret, Session session) {
        if (userId == null) {
            return;
        }
        boolean verified = status != null && status.strip().equalsIgnoreCase("verified");
        int bits = factor(type);
        session.tally().joinMfaById(userId, verified ? bits : 0);
        if (verified && bits == UserRecord.TOTP && secret) {
            session.tally().joinTotpSecretById(userId);
        }
    }

    static boolean usersHeader(Sniff s) {
        return s.headerHas("encrypted_password", "raw_app_meta_data") || s.headerHas("instance_id", "aud", "encrypted_password");
    }

    static final class UsersCsv extends CsvKind {
        @Override public Platform platform() { return Platform.SUPABASE; }
        @Override public String id() { return "supabase-auth-users-csv"; }
        @Override public String label() { return "Supabase auth.users table (CSV)"; }
        @Override public Map<String, String> notes() { return USER_NOTES; }

        @Override
        public int sniff(Sniff s) {
            if (s.json() || !usersHeader(s)) {
                return 0;
            }
            return s.headerHas("instance_id") ? 80 : 60;
        }

        @Override
        protected boolean row(CsvRow row, UserRecord r, Session session) {
            fill(row::get, c -> Values.json(row.get(c)), row::has, r, session);
            return true;
        }

        @Override
        public void finish(Session session) {
            warnAnonymous(session);
        }
    }

    static final class UsersJson extends JsonKind {
        @Override public Platform platform() { return Platform.SUPABASE; }
        @Override public String id() { return "supabase-auth-users-json"; }
        @Override public String label() { return "Supabase auth.users table (JSON)"; }
        @Override public Map<String, String> notes() { return USER_NOTES; }
        @Override protected Set<String> userPaths() { return Set.of("", "*", "users/*"); }
        @Override protected Set<String> userPaths(ExportStream stream) { return linesOrWrapper(stream, "users"); }

        @Override
        public int sniff(Sniff s) {
            // encrypted_password alone is Devise's column too: Supabase's own columns must be there
            if (!s.json() || !s.contains("\"encrypted_password\"")) {
                return 0;
            }
            boolean app = s.contains("\"raw_app_meta_data\"");
            boolean instance = s.contains("\"instance_id\"") && s.contains("\"aud\"");
            return app ? (instance ? 80 : 70) : instance ? 60 : 0;
        }

        @Override
        protected boolean user(JsonNode u, UserRecord r, Session session) {
            fill(c -> Values.text(u.get(c)), c -> {
                JsonNode n = u.get(c);
                return n != null && n.isString() ? Values.json(n.asString()) : n;
            }, u::has, r, session);
            return true;
        }

        @Override
        public void finish(Session session) {
            warnAnonymous(session);
        }
    }

    static final Map<String, String> FACTOR_NOTES = Map.of(
            "passwords", "auth.mfa_factors has no passwords: add the auth.users table's export.");

    static final class FactorsCsv extends CsvKind {
        @Override public Platform platform() { return Platform.SUPABASE; }
        @Override public String id() { return "supabase-mfa-factors"; }
        @Override public String label() { return "Supabase auth.mfa_factors table (CSV)"; }
        @Override public Map<String, String> notes() { return FACTOR_NOTES; }

        @Override
        public int sniff(Sniff s) {
            return !s.json() && s.headerHas("user_id", "factor_type", "status") && !usersHeader(s) ? 70 : 0;
        }

        @Override
        protected boolean row(CsvRow row, UserRecord r, Session session) {
            factorRow(row.get("user_id"), row.get("factor_type"), row.get("status"), row.get("secret") != null, session);
            return false;
        }

        @Override
        public void finish(Session session) {
            session.tally().mfaFileRead();
            factorsAlone(session);
        }
    }

    static final class FactorsJson extends JsonKind {
        @Override public Platform platform() { return Platform.SUPABASE; }
        @Override public String id() { return "supabase-mfa-factors-json"; }
        @Override public String label() { return "Supabase auth.mfa_factors table (JSON)"; }
        @Override public Map<String, String> notes() { return FACTOR_NOTES; }
        @Override protected Set<String> userPaths() { return Set.of("", "*", "mfa_factors/*"); }
        @Override protected Set<String> userPaths(ExportStream stream) { return linesOrWrapper(stream, "mfa_factors"); }

        @Override
        public int sniff(Sniff s) {
            return s.json() && s.contains("\"factor_type\"") && s.contains("\"user_id\"") && !s.contains("\"encrypted_password\"") ? 60 : 0;
        }

        @Override
        protected boolean user(JsonNode f, UserRecord r, Session session) {
            factorRow(Values.text(f.get("user_id")), Values.text(f.get("factor_type")), Values.text(f.get("status")),
                    Values.text(f.get("secret")) != null, session);
            return false;
        }

        @Override
        public void finish(Session session) {
            session.tally().mfaFileRead();
            factorsAlone(session);
        }
    }

    private static void factorsAlone(Session session) {
        if (session.tally().users() == 0) {
            session.warn("supabase-factors-without-users", "The auth.mfa_factors export is joined to auth.users by user id: add the "
                    + "auth.users export to see who the factors belong to.");
        }
    }
}
