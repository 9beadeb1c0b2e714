package io.ciamportal.exports.rehearsal;

import io.ciamportal.exports.Platform;
import io.ciamportal.exports.internal.UserRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import tools.jackson.core.JsonGenerator;

/**
 * The CSV exports (and the in-house JSON that shares the generic columns): Clerk's dashboard CSV with the current
 * columns, Supabase's {@code auth.users} table export (with a byte-order mark, every cell quoted, JSON inside cells)
 * and its {@code auth.mfa_factors}, Auth0's export job as CSV, and an in-house table read through the usual column
 * names.
 */
final class CsvFormats {

    private CsvFormats() {}

    static String or(String s) {
        return s == null ? "" : s;
    }

    // ---- Auth0 as CSV ---------------------------------------------------------------------------------------------

    static void auth0Csv(Cast cast, Format.Sink sink) throws IOException {
        var keys = new LinkedHashSet<String>();
        cast.people().forEach(p -> keys.addAll(p.attributes.keySet()));
        var header = new ArrayList<>(List.of("user_id", "email", "email_verified", "name", "connection", "provider", "created_at", "last_login",
                "logins_count", "blocked"));
        keys.forEach(k -> header.add(k.startsWith("user_metadata.") || k.startsWith("app_metadata.") ? k : "user_metadata." + k));
        boolean gzip = cast.mix().gzip();
        try (OutputStream raw = sink.open(gzip ? "users.csv.gz" : "users.csv"); OutputStream out = gzip ? new GZIPOutputStream(raw) : raw;
                var w = Out.writer(out)) {
            Out.csv(w, header, false);
            for (Person p : cast.people()) {
                String connection;
                String provider;
                if (p.access.password()) {
                    connection = p.database == null ? "Username-Password-Authentication" : p.database;
                    provider = "auth0";
                } else if (!p.federated.isEmpty()) {
                    connection = p.federated.getFirst();
                    provider = JsonFormats.Auth0.provider(connection);
                } else {
                    connection = p.passwordlessVia == null ? (p.email == null ? "sms" : "email") : p.passwordlessVia;
                    provider = connection.equals("sms") ? "sms" : "email";
                }
                var row = new ArrayList<>(List.of(JsonFormats.Auth0.userId(p), or(p.email), p.email == null ? "" : String.valueOf(p.emailVerified),
                        p.displayName(), connection, provider, Out.iso(p.createdAt), p.lastSignIn > 0 ? Out.iso(p.lastSignIn) : "",
                        p.lastSignIn > 0 ? String.valueOf(1 + (p.idBytes[3] & 0x7f)) : "0", String.valueOf(p.blocked)));
                for (String k : keys) {
                    row.add(or(p.attributes.get(k)));
                }
                Out.csv(w, row, false);
            }
        }
    }

    // ---- Clerk -----------------------------------------------------------------------------------------------------

    /** Clerk: the dashboard's CSV export with the current columns (digests and TOTP secrets; no sign-in dates). */
    static final class Clerk extends Format {
        static final List<String> HEADER = List.of("id", "first_name", "last_name", "username", "primary_email_address", "primary_phone_number",
                "verified_email_addresses", "unverified_email_addresses", "verified_phone_numbers", "unverified_phone_numbers", "totp_secret",
                "password_digest", "password_hasher");

        @Override public Platform platform() { return Platform.CLERK; }
        @Override public boolean carriesTotpSecrets() { return true; }
        @Override public int factors() { return UserRecord.TOTP; }
        @Override public Set<String> files(Cast cast) { return Set.of("users.csv"); }

        @Override
        public boolean stores(Hashes.Spec spec) {
            return hasher(spec) != null;
        }

        @Override
        public Hashes.Spec adapt(Hashes.Spec spec) {
            return switch (spec.scheme()) {
                case "pbkdf2-sha256", "pbkdf2-sha1" -> new Hashes.Spec(spec.scheme(), spec.params(), "Django");
                case "scrypt" -> new Hashes.Spec(spec.scheme(), spec.params(), "Werkzeug");
                case "phpass" -> new Hashes.Spec(spec.scheme(), spec.params(), "WordPress phpass");
                case "ssha" -> new Hashes.Spec(spec.scheme(), spec.params(), "LDAP {SSHA}");
                default -> spec;
            };
        }

        /** Clerk's name for the hasher of a digest, or null when Clerk has none. */
        static String hasher(Hashes.Spec spec) {
            return switch (spec.scheme()) {
                case "bcrypt" -> "bcrypt";
                case "argon2id" -> "argon2id";
                case "argon2i" -> "argon2i";
                case "pbkdf2-sha256" -> "pbkdf2_sha256_django";
                case "pbkdf2-sha1" -> "pbkdf2_sha1";
                case "scrypt" -> "scrypt_werkzeug";
                case "phpass" -> "phpass";
                case "ssha" -> "ldap_ssha";
                case "unknown digest (length 32)" -> "md5";
                case "unknown digest (length 64)" -> "sha256";
                default -> null;
            };
        }

        @Override
        public void write(Cast cast, Sink sink) throws IOException {
            try (var w = Out.writer(sink.open("users.csv"))) {
                Out.csv(w, HEADER, false);
                for (Person p : cast.people()) {
                    String verified = p.email != null && p.emailVerified ? p.email : "";
                    String unverified = p.email != null && !p.emailVerified ? p.email : "";
                    Out.csv(w, List.of("user_" + Out.base62(p.idBytes, 27), p.first, p.last, p.email == null ? p.username() : "", or(p.email),
                            or(p.phone), verified, unverified, or(p.phone), "", p.hasFactor(UserRecord.TOTP) ? or(p.totpSecret) : "",
                            p.hash == null ? "" : p.hash.text(), p.hash == null ? "" : or(hasher(p.hash.spec()))), false);
                }
            }
        }
    }

    // ---- Supabase --------------------------------------------------------------------------------------------------

    /** Supabase: the dashboard's export of {@code auth.users} (and of {@code auth.mfa_factors} when the source had it). */
    static final class Supabase extends Format {
        static final List<String> HEADER = List.of("instance_id", "id", "aud", "role", "email", "encrypted_password", "email_confirmed_at",
                "invited_at", "confirmation_token", "confirmation_sent_at", "recovery_token", "recovery_sent_at", "email_change_token_new",
                "email_change", "email_change_sent_at", "last_sign_in_at", "raw_app_meta_data", "raw_user_meta_data", "is_super_admin",
                "created_at", "updated_at", "phone", "phone_confirmed_at", "phone_change", "phone_change_token", "phone_change_sent_at",
                "confirmed_at", "email_change_token_current", "email_change_confirm_status", "banned_until", "reauthentication_token",
                "reauthentication_sent_at", "is_sso_user", "deleted_at", "is_anonymous");
        private final boolean factorsFile;

        Supabase(Mix mix) {
            this.factorsFile = mix.kinds().contains("supabase-mfa-factors") || mix.mfaObserved();
        }

        @Override public Platform platform() { return Platform.SUPABASE; }
        @Override public boolean carriesTotpSecrets() { return factorsFile; }
        @Override public int factors() { return factorsFile ? UserRecord.TOTP | UserRecord.SMS : 0; }
        @Override public String defaultDatabase() { return "email"; }

        @Override
        public boolean stores(Hashes.Spec spec) {
            return spec.scheme().equals("bcrypt") || spec.scheme().startsWith("argon2");
        }

        @Override
        public Role role(String provider) {
            return switch (provider) {
                case "email" -> Role.DATABASE;
                case "phone" -> Role.PASSWORDLESS;
                default -> Role.FEDERATED;
            };
        }

        @Override
        public Set<String> files(Cast cast) {
            return factorsFile ? new LinkedHashSet<>(List.of("auth-users.csv", "mfa-factors.csv")) : Set.of("auth-users.csv");
        }

        @Override
        public void write(Cast cast, Sink sink) throws IOException {
            long banned = cast.asOf().toEpochMilli() + 3650L * 86_400_000L;
            try (OutputStream out = sink.open("auth-users.csv"); var w = Out.writer(out)) {
                w.write('\uFEFF');
                Out.csv(w, HEADER, true);
                for (Person p : cast.people()) {
                    var providers = new ArrayList<String>();
                    if (p.access.password()) {
                        providers.add(p.database == null ? "email" : p.database);
                    } else if (p.access == Person.Access.PASSWORDLESS && p.federated.isEmpty()) {
                        providers.add(p.passwordlessVia != null ? p.passwordlessVia : p.email != null ? "email" : "phone");
                    }
                    providers.addAll(p.federated);
                    var app = new StringBuilder("{\"provider\":\"").append(JsonFormats.jsonEscape(providers.getFirst())).append("\",\"providers\":[");
                    for (int i = 0; i < providers.size(); i++) {
                        app.append(i > 0 ? "," : "").append('"').append(JsonFormats.jsonEscape(providers.get(i))).append('"');
                    }
                    app.append(']');
                    var meta = JsonFormats.byPrefix(p, List.of("raw_user_meta_data", "raw_app_meta_data"), "raw_user_meta_data");
                    meta.getOrDefault("raw_app_meta_data", Map.of()).forEach((k, v) -> app.append(",\"").append(JsonFormats.jsonEscape(k))
                            .append("\":\"").append(JsonFormats.jsonEscape(v)).append('"'));
                    app.append('}');
                    var user = new StringBuilder("{");
                    meta.getOrDefault("raw_user_meta_data", Map.of()).forEach((k, v) -> user.append(user.length() > 1 ? "," : "").append('"')
                            .append(JsonFormats.jsonEscape(k)).append("\":\"").append(JsonFormats.jsonEscape(v)).append('"'));
                    user.append('}');
                    String confirmed = p.email != null && p.emailVerified ? Out.sql(p.createdAt + 60_000) : "";
                    String phoneConfirmed = p.phone != null && p.email == null ? Out.sql(p.createdAt + 60_000) : "";
                    String last = p.lastSignIn > 0 ? Out.sql(p.lastSignIn) : "";
                    Out.csv(w, List.of("00000000-0000-0000-0000-000000000000", Out.uuid(p.idBytes), "authenticated", "authenticated", or(p.email),
                            p.hash == null ? "" : p.hash.text(), confirmed, "", "", "", "", "", "", "", "", last, app.toString(), user.toString(), "",
                            Out.sql(p.createdAt), Out.sql(p.lastSignIn > 0 ? p.lastSignIn : p.createdAt), p.email == null ? or(p.phone) : "",
                            phoneConfirmed, "", "", "", confirmed.isEmpty() ? phoneConfirmed : confirmed, "", "0", p.blocked ? Out.sql(banned) : "",
                            "", "", "false", "", "false"), true);
                }
            }
            if (!factorsFile) {
                return;
            }
            try (var w = Out.writer(sink.open("mfa-factors.csv"))) {
                Out.csv(w, List.of("id", "user_id", "friendly_name", "factor_type", "status", "secret", "created_at", "updated_at"), true);
                for (Person p : cast.people()) {
                    String at = Out.sql(p.createdAt + 86_400_000L);
                    if (p.hasFactor(UserRecord.TOTP) && p.totpSecret != null) {
                        Out.csv(w, List.of(Out.uuid(p.idBytes, 1), Out.uuid(p.idBytes), "Authenticator app", "totp", "verified", p.totpSecret, at, at), true);
                    }
                    if (p.hasFactor(UserRecord.SMS) || (p.factors & ~(UserRecord.TOTP | UserRecord.SMS)) != 0) {
                        Out.csv(w, List.of(Out.uuid(p.idBytes, 2), Out.uuid(p.idBytes), "Mobile", "phone", "verified", "", at, at), true);
                    }
                }
            }
        }
    }

    // ---- In-house (generic) ------------------------------------------------------------------------------------------

    /** The columns of an in-house table, by the usual names the analyser maps without help. */
    static class Generic extends Format {
        final Mix mix;

        Generic(Mix mix) {
            this.mix = mix;
        }

        @Override public Platform platform() { return Platform.GENERIC; }
        @Override public boolean carriesTotpSecrets() { return mix.totpInFile(); }
        @Override public int factors() { return UserRecord.TOTP | UserRecord.OTHER; }
        @Override public String defaultDatabase() { return "local"; }
        @Override public Set<String> files(Cast cast) { return Set.of("users.csv"); }

        @Override
        public Role role(String provider) {
            return Set.of("local", "password", "email", "database").contains(provider.toLowerCase(Locale.ROOT)) ? Role.DATABASE : Role.FEDERATED;
        }

        /** Column name to value per user, in a fixed order; which columns exist follows what the source showed. */
        Map<String, String> row(Person p, List<String> keys) {
            var row = new LinkedHashMap<String, String>();
            row.put("id", String.valueOf(p.index + 1));
            row.put("email", or(p.email));
            row.put("password", p.hash == null ? "" : p.hash.text());
            if (mix.verifiedObserved()) {
                row.put("email_verified", p.email == null ? "" : String.valueOf(p.emailVerified));
            }
            if (mix.lastSignInObserved()) {
                row.put("last_login", p.lastSignIn > 0 ? Out.iso(p.lastSignIn) : "");
            }
            if (mix.blockedObserved()) {
                row.put("blocked", String.valueOf(p.blocked));
            }
            if (mix.mfaObserved()) {
                row.put("two_factor_enabled", String.valueOf(p.factors != 0));
                if (mix.totpInFile()) {
                    row.put("totp_secret", p.hasFactor(UserRecord.TOTP) ? or(p.totpSecret) : "");
                }
            }
            if (mix.providersObserved()) {
                row.put("provider", !p.federated.isEmpty() ? p.federated.getFirst() : p.database != null ? p.database : "local");
            }
            if (mix.tenants() > 0) {
                row.put("tenant_id", p.tenant < 0 ? "" : "tenant-" + (p.tenant + 1));
            }
            if (mix.groups() > 0) {
                row.put("groups", String.join(";", p.groups));
            }
            for (String k : keys) {
                row.putIfAbsent(k, or(p.attributes.get(k)));
            }
            return row;
        }

        @Override
        public void write(Cast cast, Sink sink) throws IOException {
            List<String> keys = mix.attributeKeys();
            try (var w = Out.writer(sink.open("users.csv"))) {
                boolean header = true;
                for (Person p : cast.people()) {
                    var row = row(p, keys);
                    if (header) {
                        Out.csv(w, new ArrayList<>(row.keySet()), false);
                        header = false;
                    }
                    Out.csv(w, new ArrayList<>(row.values()), false);
                }
            }
        }
    }

    /** The same columns as a JSON array of objects (an in-house JSON dump). */
    static final class GenericJson extends Generic {
        GenericJson(Mix mix) {
            super(mix);
        }

        @Override public Set<String> files(Cast cast) { return Set.of("users.json"); }

        @Override
        public void write(Cast cast, Sink sink) throws IOException {
            try (OutputStream out = sink.open("users.json"); JsonGenerator g = Out.json(out)) {
                g.writeStartArray();
                for (Person p : cast.people()) {
                    g.writeStartObject();
                    row(p, mix.attributeKeys()).forEach((k, v) -> {
                        if (v.isEmpty()) {
                            g.writeName(k);
                            g.writeNull();
                        } else {
                            g.writeStringProperty(k, v);
                        }
                    });
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        }
    }
}
