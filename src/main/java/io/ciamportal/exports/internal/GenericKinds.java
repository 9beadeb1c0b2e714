package io.ciamportal.exports.internal;

import io.ciamportal.exports.ExportFormatException;
import io.ciamportal.exports.Platform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * An in-house database's users as CSV or JSON (an array or one object per line), read through a column mapping:
 * each field the analyser counts is found under a usual column name (WordPress, Django, ASP.NET Identity, Devise,
 * LDAP exports) unless the mapping names another. Hashes are classified from their text; raw digests stay
 * "unknown digest (length N)" unless the team names the scheme.
 */
public final class GenericKinds {

    private GenericKinds() {}

    /** The fields a mapping can name, with the usual column names tried in order. */
    static final Map<String, List<String>> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("id", List.of("id", "user_id", "userid", "uid", "pk", "sub", "_id"));
        FIELDS.put("email", List.of("email", "user_email", "mail", "email_address", "emailaddress", "e-mail", "normalizedemail"));
        FIELDS.put("password", List.of("password", "password_hash", "passwordhash", "user_pass", "encrypted_password", "hashed_password",
                "userpassword", "password_digest", "pass", "hash"));
        FIELDS.put("salt", List.of("salt", "password_salt", "securitystamp_unused"));
        FIELDS.put("emailVerified", List.of("email_verified", "emailconfirmed", "email_confirmed", "verified", "is_verified",
                "confirmed_at", "email_confirmed_at", "email_verified_at"));
        FIELDS.put("lastSignIn", List.of("last_login", "last_sign_in_at", "lastlogin", "last_login_at", "current_sign_in_at",
                "lastsignin", "last_seen", "lastlogindate"));
        FIELDS.put("blocked", List.of("blocked", "disabled", "is_blocked", "banned", "locked", "locked_at", "lockoutend"));
        FIELDS.put("active", List.of("is_active", "active", "enabled"));
        FIELDS.put("mfa", List.of("two_factor_enabled", "twofactorenabled", "mfa_enabled", "otp_required_for_login", "totp_enabled"));
        FIELDS.put("totpSecret", List.of("totp_secret", "otp_secret", "encrypted_otp_secret", "authenticatorkey"));
        FIELDS.put("provider", List.of("provider", "connection", "login_provider", "loginprovider"));
        FIELDS.put("tenant", List.of("tenant", "tenant_id", "org_id", "organization_id", "site_id"));
        FIELDS.put("groups", List.of("groups", "roles", "role"));
    }

    /** The field names a mapping can use. */
    public static List<String> fieldNames() {
        return List.copyOf(FIELDS.keySet());
    }

    /** The mapped column for each field: the person's mapping first, else the usual names. */
    static Map<String, String> resolve(List<String> columns, Map<String, String> mapping, String file) {
        var lower = new LinkedHashMap<String, String>();
        for (String c : columns) {
            lower.putIfAbsent(c.strip().toLowerCase(Locale.ROOT), c.strip());
        }
        var resolved = new LinkedHashMap<String, String>();
        for (var entry : mapping.entrySet()) {
            if (!FIELDS.containsKey(entry.getKey())) {
                throw new ExportFormatException("Unknown field \"" + Names.safe(entry.getKey()) + "\" in the column mapping; the fields are "
                        + String.join(", ", FIELDS.keySet()) + ".");
            }
            String column = entry.getValue().strip().toLowerCase(Locale.ROOT);
            if (!lower.containsKey(column)) {
                throw new ExportFormatException(file + " has no column \"" + Names.safe(entry.getValue()) + "\" (mapped to "
                        + entry.getKey() + ").");
            }
            resolved.put(entry.getKey(), column);
        }
        for (var field : FIELDS.entrySet()) {
            if (!resolved.containsKey(field.getKey())) {
                field.getValue().stream().filter(lower::containsKey).filter(c -> !resolved.containsValue(c)).findFirst()
                        .ifPresent(c -> resolved.put(field.getKey(), c));
            }
        }
        if (!resolved.containsKey("email") && !resolved.containsKey("id") && !resolved.containsKey("password")) {
            throw new ExportFormatException(file + " has no column that reads as a user's id, email or password. Give a column "
                    + "mapping (for example --map id=user_key,email=mail,password=pw_hash).");
        }
        return resolved;
    }

    static final Map<String, String> NOTES = Map.of(
            "mfa", "Only a column that flags second factors (two_factor_enabled, otp_required_for_login, ...) shows MFA.",
            "providers", "An in-house table shows social sign-in only through a provider column.");

    /** Fills a record from a field lookup, shared by the CSV and the JSON reader. */
    static void fill(java.util.function.Function<String, @Nullable String> value, Map<String, String> resolved, UserRecord r,
            @Nullable String schemeHint, List<String> otherColumns) {
        r.id = value.apply("id");
        r.email = value.apply("email");
        if (resolved.containsKey("emailVerified")) {
            String v = value.apply("emailVerified");
            Boolean b = Values.bool(v);
            r.emailVerified = b != null ? b : v != null && Values.time(v) != null;
        }
        if (resolved.containsKey("password")) {
            String stored = value.apply("password");
            r.password(stored);
            if (r.hash != null && r.hash.unknown() && schemeHint != null) {
                r.hash = HashClassifier.fixed(schemeHint, "raw digest (scheme given by the team)", null);
            }
        }
        if (resolved.containsKey("lastSignIn")) {
            r.lastSignIn(Values.time(value.apply("lastSignIn")));
        }
        if (resolved.containsKey("blocked")) {
            String v = value.apply("blocked");
            Boolean b = Values.bool(v);
            if (b == null && v != null) {
                Long until = Values.time(v);
                b = until == null || until > System.currentTimeMillis();
            }
            r.blocked = Boolean.TRUE.equals(b);
        } else if (resolved.containsKey("active")) {
            Boolean active = Values.bool(value.apply("active"));
            r.blocked = active != null && !active;
        }
        if (resolved.containsKey("mfa") || resolved.containsKey("totpSecret")) {
            r.mfaObserved = true;
            if (Boolean.TRUE.equals(Values.bool(value.apply("mfa")))) {
                r.mfaFactors |= UserRecord.OTHER;
            }
            if (value.apply("totpSecret") != null) {
                r.mfaFactors = (r.mfaFactors & ~UserRecord.OTHER) | UserRecord.TOTP;
                r.totpSecretInFile = true;
            }
        }
        if (resolved.containsKey("provider")) {
            String p = value.apply("provider");
            r.provider(p);
            r.federated = p != null && !Set.of("local", "password", "email", "database").contains(p.toLowerCase(Locale.ROOT));
        }
        if (resolved.containsKey("tenant")) {
            r.tenantsObserved = true;
            String t = value.apply("tenant");
            if (t != null) {
                r.tenants.add(t);
            }
        }
        if (resolved.containsKey("groups")) {
            r.groupsObserved = true;
            String g = value.apply("groups");
            if (g != null) {
                for (String part : g.split("[,;|]")) {
                    if (!part.isBlank()) {
                        r.groups.add(part.strip());
                    }
                }
            }
        }
        r.attributesObserved = true;
        r.attributeKeys.addAll(otherColumns);
    }

    static final class Csv extends CsvKind {
        @Override public Platform platform() { return Platform.GENERIC; }
        @Override public String id() { return "generic-csv"; }
        @Override public String label() { return "CSV with a column mapping"; }
        @Override public Map<String, String> notes() { return NOTES; }

        @Override
        public int sniff(Sniff s) {
            if (s.json() || s.firstRow() == null) {
                return 0;
            }
            for (var names : List.of(FIELDS.get("email"), FIELDS.get("password"))) {
                if (names.stream().anyMatch(s.firstRow()::contains)) {
                    return 5;
                }
            }
            return 0;
        }

        @Override
        public long read(ExportStream stream, Session session) {
            return super.read(stream, session);
        }

        @Override
        protected boolean row(CsvRow row, UserRecord r, Session session) {
            State state = session.state("generic-csv:" + System.identityHashCode(row), () -> new State(row.header(), session.mapping(), "the CSV"));
            fill(field -> state.resolved.containsKey(field) ? row.get(state.resolved.get(field)) : null, state.resolved, r,
                    session.schemeHint(), state.others);
            return true;
        }
    }

    /** The resolved mapping of one file. */
    static final class State {
        final Map<String, String> resolved;
        final List<String> others = new ArrayList<>();

        State(List<String> columns, Map<String, String> mapping, String file) {
            this.resolved = resolve(columns, mapping, file);
            for (String c : columns) {
                String lower = c.strip().toLowerCase(Locale.ROOT);
                if (!resolved.containsValue(lower) && !lower.isEmpty()) {
                    others.add(c.strip());
                }
            }
        }
    }

    static final class Json extends JsonKind {
        @Override public Platform platform() { return Platform.GENERIC; }
        @Override public String id() { return "generic-json"; }
        @Override public String label() { return "JSON with a column mapping"; }
        @Override public Map<String, String> notes() { return NOTES; }
        @Override protected Set<String> userPaths() { return Set.of("", "*", "users/*", "data/*", "results/*"); }

        @Override
        public int sniff(Sniff s) {
            if (!s.json()) {
                return 0;
            }
            String lower = s.text().toLowerCase(Locale.ROOT);
            for (var names : List.of(FIELDS.get("email"), FIELDS.get("password"))) {
                if (names.stream().anyMatch(n -> lower.contains("\"" + n + "\""))) {
                    return 5;
                }
            }
            return 0;
        }

        @Override
        protected boolean user(JsonNode u, UserRecord r, Session session) {
            var lowerKeys = new LinkedHashMap<String, String>();
            for (String name : u.propertyNames()) {
                lowerKeys.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
            State state = session.state("generic-json", () -> new State(new ArrayList<>(lowerKeys.values()), session.mapping(), "the JSON"));
            var others = new ArrayList<String>();
            for (var entry : lowerKeys.entrySet()) {
                if (!state.resolved.containsValue(entry.getKey())) {
                    others.add(entry.getValue());
                }
            }
            fill(field -> {
                String column = state.resolved.get(field);
                if (column == null) {
                    return null;
                }
                String key = lowerKeys.get(column);
                JsonNode v = key == null ? null : u.get(key);
                if (v != null && v.isArray()) {
                    var parts = new ArrayList<String>();
                    v.forEach(e -> {
                        String part = Values.text(e);
                        if (part != null) {
                            parts.add(part);
                        }
                    });
                    return parts.isEmpty() ? null : String.join(",", parts);
                }
                return Values.text(v);
            }, state.resolved, r, session.schemeHint(), others);
            return true;
        }
    }
}
