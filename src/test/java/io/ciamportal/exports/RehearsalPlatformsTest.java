package io.ciamportal.exports;

import static io.ciamportal.exports.RehearsalMix.analyse;
import static io.ciamportal.exports.RehearsalMix.assertClose;
import static io.ciamportal.exports.RehearsalMix.assertThatEveryEmailIsMadeUp;
import static io.ciamportal.exports.RehearsalMix.text;
import static io.ciamportal.exports.RehearsalMix.unzip;
import static io.ciamportal.exports.RehearsalMix.zip;
import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.exports.internal.Kinds;
import io.ciamportal.exports.internal.Sniff;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rehearsal export for every platform: the platform's own files, valid JSON or CSV, one answer-key row per user,
 * and (for every platform the analyser reads) a re-analysis within two points of the source mix. Each source mix
 * is made up to look like what that platform's export shows; costs are kept low so 1,000 users hash quickly.
 */
public class RehearsalPlatformsTest {

    static final int USERS = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A made-up analysis shaped like what the analyser shows of the platform's export (also the benchmark's mix). */
    public static ExportAnalysis typical(Platform platform) {
        return switch (platform) {
            case AUTH0 -> RehearsalExportTest.auth0WithHashes();
            case FIREBASE -> SourceAnalysis.of(platform, 10_000, "firebase-cli-json", "firebase-hash-config")
                    .passwords(6_000).scheme("firebase-scrypt", "", "Firebase", 6_000).access(1_500, 2_500).verified(7_000, 9_800).blocked(150)
                    .mfa(500, 0, "sms", 300, "totp", 200).lastSignIn(800, 2_000, 1_500, 1_200, 1_500, 1_500, 1_500)
                    .providers(3_000, "google.com", 2_200, "facebook.com", 500, "github.com", 250, "twitter.com", 150)
                    .keys("role", "tier").duplicates(40, 80, 200).build();
            case KEYCLOAK -> SourceAnalysis.of(platform, 5_000, "keycloak-realm")
                    .passwords(3_600).hashNotInExport(400).scheme("pbkdf2-sha256", "iterations=1000", "Keycloak", 2_600)
                    .scheme("argon2id", "m=64,t=1,p=1", "Keycloak", 1_000).access(300, 700).verified(4_200, 5_000).blocked(100)
                    .mfa(900, 600, "totp", 600, "webauthn", 350).providers(900, "google", 600, "corp-oidc", 300)
                    .keys("department", "locale").duplicates(20, 40, 0).tenants(1).groups(3).build();
            case OKTA -> SourceAnalysis.of(platform, 8_000, "okta-users").hashNotInExport(6_000).access(800, 1_200).blocked(400)
                    .lastSignIn(900, 2_000, 1_500, 1_100, 900, 800, 800).providers(1_200, "OKTA", 6_800, "SOCIAL", 900, "FEDERATION", 300)
                    .keys("crmId", "loyaltyTier").duplicates(0, 0, 0).build();
            case COGNITO -> SourceAnalysis.of(platform, 6_000, "cognito-list-users").hashNotInExport(5_000).access(0, 1_000)
                    .verified(5_200, 6_000).blocked(120).mfa(300, 0, "sms", 300).providers(1_000, "Google", 700, "Facebook", 300)
                    .keys("custom:department").duplicates(30, 60, 0).build();
            case ORY -> SourceAnalysis.of(platform, 4_000, "ory-identities")
                    .passwords(3_000).scheme("argon2id", "m=64,t=1,p=1", "PHC string", 2_400).scheme("bcrypt", "cost=4", "Modular crypt", 600)
                    .access(400, 600).verified(3_300, 4_000).blocked(80).mfa(700, 400, "totp", 400, "webauthn", 250, "recovery-codes", 150)
                    .providers(800, "google", 600, "github", 200).keys("metadata_admin.crm_id", "metadata_public.plan", "traits.email", "traits.name")
                    .duplicates(10, 20, 0).organizations(2).build();
            case FUSIONAUTH -> SourceAnalysis.of(platform, 3_000, "fusionauth-users")
                    .passwords(2_800).scheme("bcrypt", "cost=4", "Modular crypt", 2_000).scheme("pbkdf2-sha256", "iterations=1000", "FusionAuth", 800)
                    .verified(2_600, 3_000).blocked(60).mfa(450, 200, "totp", 200, "sms", 150, "email", 120)
                    .lastSignIn(300, 700, 500, 400, 400, 400, 300).keys("plan", "source").duplicates(0, 0, 0).tenants(2).build();
            case ZITADEL -> SourceAnalysis.of(platform, 2_000, "zitadel-export")
                    .passwords(1_500).scheme("bcrypt", "cost=4", "Modular crypt", 1_200).scheme("argon2id", "m=64,t=1,p=4", "PHC string", 300)
                    .access(200, 300).verified(1_700, 2_000).mfa(300, 300, "totp", 300)
                    .providers(400, "649501228093047229", 250, "822033311755763421", 150).duplicates(0, 0, 0).organizations(2).build();
            case STYTCH -> SourceAnalysis.of(platform, 3_000, "stytch-users", "stytch-hashes")
                    .passwords(1_800).scheme("scrypt", "N=2^10,r=8,p=1", "Stytch", 1_800).access(700, 500).verified(2_400, 3_000)
                    .mfa(400, 0, "totp", 250, "webauthn", 180).providers(600, "Google", 450, "Microsoft", 150)
                    .keys("trusted_metadata.plan", "untrusted_metadata.theme").duplicates(0, 0, 100).build();
            case ENTRA -> SourceAnalysis.of(platform, 7_000, "entra-graph-users").hashNotInExport(5_800).access(0, 1_200).blocked(200)
                    .lastSignIn(1_000, 1_500, 1_200, 1_000, 900, 700, 700).providers(1_400, "google.com", 900, "facebook.com", 500)
                    .keys("extension_0123456789abcdef0123456789abcdef_tier").duplicates(25, 50, 0).build();
            case CLERK -> SourceAnalysis.of(platform, 4_000, "clerk-csv")
                    .passwords(2_800).scheme("bcrypt", "cost=4", "Modular crypt", 2_400).scheme("argon2id", "m=64,t=1,p=1", "PHC string", 400)
                    .verified(3_000, 4_000).mfa(500, 500, "totp", 500).duplicates(0, 0, 0).build();
            case SUPABASE -> SourceAnalysis.of(platform, 5_000, "supabase-auth-users-csv", "supabase-mfa-factors")
                    .passwords(3_500).scheme("bcrypt", "cost=4", "Modular crypt", 3_500).access(500, 1_000).verified(4_000, 5_000).blocked(150)
                    .mfa(600, 400, "totp", 400, "sms", 250).lastSignIn(500, 1_200, 900, 700, 700, 500, 500)
                    .providers(1_200, "email", 3_800, "google", 800, "github", 400, "phone", 200)
                    .keys("raw_user_meta_data.full_name", "raw_user_meta_data.plan").duplicates(30, 60, 200).build();
            case GENERIC -> RehearsalExportTest.genericCsv();
        };
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void everyPlatformGetsItsOwnFilesAndAnAnswerKey(Platform platform) throws Exception {
        var source = typical(platform);
        var files = unzip(zip(source, 200, 11));
        assertThat(files).containsKeys("answer-key.csv", "README.txt");
        assertThat(files.keySet().stream().filter(f -> f.startsWith("export/"))).isNotEmpty();
        String key = text(files.get("answer-key.csv"));
        assertThat(key.lines().count()).isEqualTo(201);
        assertThat(key.lines().findFirst()).hasValue("email,password,scheme,mfa,totp_secret");
        for (var e : files.entrySet()) {
            String name = e.getKey();
            byte[] bytes = name.endsWith(".gz") ? new GZIPInputStream(new ByteArrayInputStream(e.getValue())).readAllBytes() : e.getValue();
            String content = text(bytes);
            assertThatEveryEmailIsMadeUp(content);
            if (name.endsWith(".ndjson") || name.endsWith(".json.gz") || (name.endsWith(".json") && content.startsWith("{\"user_id\""))) {
                content.lines().filter(l -> !l.isBlank()).forEach(l -> assertThat(JSON.readTree(l).isObject()).isTrue());
            } else if (name.endsWith(".json")) {
                assertThat(JSON.readTree(content).isContainer()).as(name).isTrue();
            }
        }
        assertThat(text(files.get("README.txt"))).startsWith("SYNTHETIC REHEARSAL DATA").contains(source.platformName())
                .contains("answer-key.csv").contains("example.test");
        hashesVerify(platform, files);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void theRehearsalExportAnalysesToTheSourceMix(Platform platform) {
        Assumptions.assumeTrue(Kinds.ALL.stream().anyMatch(k -> k.platform() == platform), "no reader for " + platform + " in this build");
        var source = typical(platform);
        // Firebase hashes cost what the platform fixes (scrypt rounds 8, mem_cost 14: about 60 ms each), so fewer users
        int users = platform == Platform.FIREBASE ? 400 : USERS;
        var again = analyse(unzip(zip(source, users, 3)));
        assertThat(again.users()).isEqualTo(users);
        assertClose(source, again);
    }

    /** Every hash the export holds verifies against the answer key's password of that user (checked for a sample). */
    private static void hashesVerify(Platform platform, Map<String, byte[]> files) throws Exception {
        var passwords = new HashMap<String, String>();
        text(files.get("answer-key.csv")).lines().skip(1).forEach(l -> {
            String[] c = l.split(",", -1);
            if (!c[1].isEmpty()) {
                passwords.put(c[0], c[1]);
            }
        });
        List<String[]> stored = switch (platform) {
            case AUTH0 -> text(files.get("export/password-hashes.ndjson")).lines().map(JSON::readTree)
                    .map(n -> new String[] {n.get("email").asString(), n.get("passwordHash").asString()}).toList();
            case KEYCLOAK -> keycloak(JSON.readTree(files.get("export/rehearsal-realm.json")));
            case CLERK -> csv(files.get("export/users.csv"), "primary_email_address", "password_digest");
            case SUPABASE -> csv(files.get("export/auth-users.csv"), "email", "encrypted_password");
            case GENERIC -> csv(files.get("export/users.csv"), "email", "password");
            case ORY -> JSON.readTree(files.get("export/identities.json")).valueStream()
                    .filter(n -> n.path("credentials").path("password").path("config").has("hashed_password"))
                    .map(n -> new String[] {n.path("traits").path("email").asString(),
                        n.path("credentials").path("password").path("config").path("hashed_password").asString()}).toList();
            case ZITADEL -> JSON.readTree(files.get("export/export.json")).path("orgs").valueStream()
                    .flatMap(o -> o.path("humanUsers").valueStream()).filter(u -> u.path("user").has("hashedPassword"))
                    .map(u -> new String[] {u.path("user").path("email").path("email").asString(),
                        u.path("user").path("hashedPassword").path("value").asString()}).toList();
            case FUSIONAUTH -> JSON.readTree(files.get("export/users.json")).path("users").valueStream().filter(u -> u.has("password"))
                    .map(u -> new String[] {u.path("email").asString(), fusionAuth(u)}).toList();
            default -> List.of();
        };
        int checked = 0;
        for (String[] pair : stored) {
            if (pair[1].isEmpty() || !passwords.containsKey(pair[0]) || checked >= 25) {
                continue;
            }
            assertThat(Verify.matches(passwords.get(pair[0]), pair[1])).as(platform + " hash of " + pair[0]).isTrue();
            checked++;
        }
        if (Set.of(Platform.AUTH0, Platform.KEYCLOAK, Platform.CLERK, Platform.SUPABASE, Platform.GENERIC, Platform.ORY, Platform.ZITADEL,
                Platform.FUSIONAUTH).contains(platform)) {
            assertThat(checked).as("hashes checked for " + platform).isGreaterThan(10);
        }
    }

    /** Keycloak keeps a PBKDF2 hash as base64 fields: rebuilt as the PHC string Keycloak's own value means. */
    private static List<String[]> keycloak(JsonNode realm) {
        return realm.path("users").valueStream().flatMap(u -> u.path("credentials").valueStream()
                .filter(c -> c.path("type").asString().equals("password")).map(c -> {
                    JsonNode secret = JSON.readTree(c.path("secretData").asString());
                    JsonNode data = JSON.readTree(c.path("credentialData").asString());
                    String algorithm = data.path("algorithm").asString();
                    String salt = secret.path("salt").asString().replace("=", "");
                    String value = secret.path("value").asString().replace("=", "");
                    String phc = algorithm.equals("argon2")
                            ? "$argon2" + data.path("additionalParameters").path("type").get(0).asString() + "$v=19$m="
                            + data.path("additionalParameters").path("memory").get(0).asString() + ",t=" + data.path("hashIterations").asInt()
                            + ",p=" + data.path("additionalParameters").path("parallelism").get(0).asString() + "$" + salt + "$" + value
                            : "$" + (algorithm.equals("pbkdf2") ? "pbkdf2-sha1" : algorithm) + "$i=" + data.path("hashIterations").asInt() + "$" + salt
                            + "$" + value;
                    return new String[] {u.path("email").asString(), phc};
                })).toList();
    }

    private static String fusionAuth(JsonNode u) {
        if (u.path("encryptionScheme").asString().equals("bcrypt")) {
            return String.format("$2a$%02d$%s%s", u.path("factor").asInt(), u.path("salt").asString(), u.path("password").asString());
        }
        return "$pbkdf2-sha256$i=" + u.path("factor").asInt() + "$" + u.path("salt").asString().replace("=", "") + "$"
                + u.path("password").asString().replace("=", "");
    }

    private static List<String[]> csv(byte[] bytes, String emailColumn, String hashColumn) {
        var rows = text(bytes).replace("\uFEFF", "").lines().map(Sniff::cells).toList();
        int e = rows.getFirst().indexOf(emailColumn);
        int h = rows.getFirst().indexOf(hashColumn);
        return rows.stream().skip(1).map(r -> new String[] {r.get(e), r.get(h)}).toList();
    }
}
