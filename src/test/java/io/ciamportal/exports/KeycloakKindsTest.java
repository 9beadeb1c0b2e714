package io.ciamportal.exports;

import static io.ciamportal.exports.KindAnswerKeys.analyse;
import static io.ciamportal.exports.KindAnswerKeys.bytes;
import static io.ciamportal.exports.KindAnswerKeys.codes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ciamportal.exports.ExportAnalysis.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Keycloak readers on the fixtures and their answer keys, and on small realm files written in the test. */
class KeycloakKindsTest {

    @Test
    void aRealmFileWithItsUsersMatchesItsAnswerKey() {
        ExportAnalysis a = KindAnswerKeys.check("keycloak/realm-export.json.expected.json");
        assertThat(a.users()).isEqualTo(10);
        assertThat(a.skipped().serviceAccounts()).isEqualTo(1);
        assertThat(a.passwords().schemes()).containsExactly(Map.entry("pbkdf2-sha256", 4L), Map.entry("argon2id", 2L));
        assertThat(a.passwords().parameters()).containsEntry("argon2id", Map.of("m=7168,t=5,p=1", 2L))
                .containsEntry("pbkdf2-sha256", Map.of("iterations=27500", 4L));
        assertThat(a.passwords().hashNotInExport()).isEqualTo(1);
        assertThat(a.mfa().factors()).containsExactlyInAnyOrderEntriesOf(Map.of("totp", 2L, "webauthn", 2L));
        assertThat(a.mfa().totpSecretsInFile()).isEqualTo(2);
        assertThat(a.providers().counts()).containsExactlyInAnyOrderEntriesOf(Map.of("google", 1L, "acme-azure-ad", 1L));
        assertThat(a.socialOnly().count()).isEqualTo(1);
        assertThat(a.passwordless().count()).isEqualTo(2);
        assertThat(a.tenants().count()).isEqualTo(1);
        assertThat(a.groups().count()).isEqualTo(3);
        assertThat(a.lastSignIn().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(a.lastSignIn().note()).contains("no sign-in times");
        assertThat(a.warnings()).isEmpty();
    }

    @Test
    void theSplitExportMatchesItsAnswerKey() {
        ExportAnalysis a = KindAnswerKeys.check("keycloak/split.expected.json");
        assertThat(a.files()).extracting(ExportAnalysis.FileInfo::kind).containsExactly("keycloak-realm", "keycloak-users", "keycloak-users");
        assertThat(a.users()).isEqualTo(5);
        assertThat(a.passwords().parameters()).containsEntry("pbkdf2-sha1", Map.of("iterations=20000", 1L))
                .containsEntry("pbkdf2-sha512", Map.of("iterations=210000", 1L));
        assertThat(a.duplicateEmails().duplicates()).isEqualTo(1);
        assertThat(codes(a)).doesNotContain("realm-without-users");
    }

    @Test
    void theSplitFilesAreToldApartByContentNotByName() {
        ExportAnalysis a = analyseNamed(Map.of("export-a.json", bytes("keycloak/split/myrealm-users-1.json"),
                "export-b.json", bytes("keycloak/split/myrealm-realm.json"), "export-c.json", bytes("keycloak/split/myrealm-users-0.json")));
        assertThat(a.users()).isEqualTo(5);
        assertThat(codes(a)).doesNotContain("realm-without-users");
        assertThat(a.files()).extracting(ExportAnalysis.FileInfo::kind).containsExactlyInAnyOrder("keycloak-users", "keycloak-realm",
                "keycloak-users");
    }

    @Test
    void aRealmFileWithoutUsersIsWarnedAbout() {
        // tenants: the key counts the realm; the analysis counts realms through their users, and there are none
        ExportAnalysis a = KindAnswerKeys.check("keycloak/realm-no-users.json.expected.json", "tenants");
        assertThat(a.users()).isZero();
        assertThat(codes(a)).containsExactly("realm-without-users", "no-users");
        assertThat(a.warnings().getFirst().message()).contains("partner").contains("--users realm_file");
        ExportAnalysis split = KindAnswerKeys.check("keycloak/split/myrealm-realm.json.expected.json", "tenants");
        assertThat(codes(split)).contains("realm-without-users");
    }

    @Test
    void aUsersFileWhoseRealmFileIsMissingIsFine() {
        ExportAnalysis a = analyse(null, "keycloak/split/myrealm-users-0.json");
        assertThat(a.users()).isEqualTo(3);
        assertThat(a.warnings()).isEmpty();
    }

    @Test
    void aRealmFileNextToTheUsersOfAnotherRealmIsStillWarnedAbout() {
        String other = new String(bytes("keycloak/split/myrealm-users-0.json"), StandardCharsets.UTF_8).replace("\"myrealm\"", "\"other\"");
        ExportAnalysis a = analyseNamed(Map.of("realm.json", bytes("keycloak/split/myrealm-realm.json"),
                "users.json", other.getBytes(StandardCharsets.UTF_8)));
        assertThat(codes(a)).contains("realm-without-users");
        assertThat(a.tenants().count()).isEqualTo(1);
    }

    @Test
    void anArrayOfRealmsCountsEachRealmAsATenantAndReadsTheLegacyCredentialShape() {
        String realms = """
                [{"id": "r1", "realm": "shop", "enabled": true, "sslRequired": "external", "users": [
                   {"id": "u1", "username": "ann", "email": "ann@example.com", "emailVerified": true, "enabled": true,
                    "credentials": [{"type": "password", "hashedSaltedValue": "c2VjcmV0aGFzaA==", "salt": "c2FsdA==",
                                     "hashIterations": 20000, "algorithm": "pbkdf2", "counter": 0, "digits": 0, "period": 0}]},
                   {"id": "u2", "username": "ben", "email": "ben@example.com", "emailVerified": false, "enabled": true,
                    "credentials": [{"type": "password", "value": "clear-text-on-import"},
                                    {"type": "otp", "secretData": "{\\"value\\":\\"JBSWY3DPEHPK3PXP\\"}",
                                     "credentialData": "{\\"subType\\":\\"hotp\\",\\"digits\\":6,\\"counter\\":3}"},
                                    {"type": "recovery-authn-codes", "secretData": "{}", "credentialData": "{}"}],
                    "requiredActions": ["CONFIGURE_TOTP"]}]},
                 {"id": "r2", "realm": "staff", "enabled": true, "sslRequired": "all", "users": [
                   {"id": "u3", "username": "cat", "email": "cat@example.com", "enabled": false, "totp": true,
                    "credentials": [{"type": "password", "credentialData": {"hashIterations": 3, "algorithm": "argon2",
                                     "additionalParameters": {"type": ["i"], "memory": ["65536"], "parallelism": ["2"]}}}]},
                   {"id": "u4", "username": "dan", "email": "dan@example.com", "enabled": true, "federationLink": "ldap-1",
                    "credentials": []}]}]""";
        ExportAnalysis a = analyseNamed(Map.of("realms.json", realms.getBytes(StandardCharsets.UTF_8)));
        assertThat(a.files().getFirst().kind()).isEqualTo("keycloak-realm");
        assertThat(a.users()).isEqualTo(4);
        assertThat(a.tenants().count()).isEqualTo(2);
        assertThat(a.passwords().schemes()).containsExactlyInAnyOrderEntriesOf(Map.of("pbkdf2-sha1", 1L, "plain text", 1L, "argon2i", 1L));
        assertThat(a.passwords().formats()).containsKey("Keycloak credential (before Keycloak 11)");
        assertThat(a.passwords().parameters()).containsEntry("pbkdf2-sha1", Map.of("iterations=20000", 1L))
                .containsEntry("argon2i", Map.of("m=65536,t=3,p=2", 1L));
        assertThat(a.passwords().hashNotInExport()).isEqualTo(1);
        // ben: hotp (other) and recovery codes, no TOTP seed; cat: the totp flag; the pending CONFIGURE_TOTP is no factor
        assertThat(a.mfa().factors()).containsExactlyInAnyOrderEntriesOf(Map.of("other", 1L, "recovery-codes", 1L, "totp", 1L));
        assertThat(a.mfa().totpSecretsInFile()).isZero();
        assertThat(a.blocked().count()).isEqualTo(1);
        assertThat(codes(a)).containsExactly("keycloak-clear-text-passwords");
        assertThat(AnalysisJson.write(a)).doesNotContain("clear-text-on-import").doesNotContain("JBSWY3DP").doesNotContain("c2VjcmV0");
    }

    @Test
    void eachFixtureIsDetectedAsKeycloak() {
        for (String file : List.of("keycloak/realm-export.json", "keycloak/realm-no-users.json", "keycloak/split/myrealm-realm.json",
                "keycloak/split/myrealm-users-0.json", "keycloak/split/myrealm-users-1.json")) {
            ExportAnalysis a = analyse(null, file);
            assertThat(a.platform()).as(file).isEqualTo("keycloak");
            assertThat(a.platformForced()).isFalse();
        }
    }

    @Test
    void aKeycloakFileIsRefusedWhenAnotherPlatformIsChosen() {
        for (String file : List.of("keycloak/realm-export.json", "keycloak/split/myrealm-users-0.json")) {
            assertThatThrownBy(() -> analyse(Platform.ENTRA, file)).as(file).isInstanceOf(ExportFormatException.class)
                    .hasMessageContaining("looks like Keycloak");
            assertThatThrownBy(() -> analyse(Platform.FIREBASE, file)).as(file).isInstanceOf(ExportFormatException.class);
        }
    }

    @Test
    void noOutputHoldsAnEmailIdNameHashOrSeedOfTheFixtures() {
        for (String key : List.of("keycloak/realm-export.json.expected.json", "keycloak/split.expected.json")) {
            List<String> files = KindAnswerKeys.files(key);
            ExportAnalysis a = analyse(null, files);
            KindAnswerKeys.assertNoPersonalValues(a, files, KindAnswerKeys.shownNames(KindAnswerKeys.key(key)));
            assertThat(AnalysisJson.write(a)).doesNotContain("@example.").doesNotContain("vihwguQOcHp9HxHmmzGt")
                    .doesNotContain("b872d0ef-a2fc-4e48-b6a3-fea9b27ee63c").doesNotContain("mBQ85bKGwC0m6Ewais39Ug==");
        }
    }

    private static ExportAnalysis analyseNamed(Map<String, byte[]> files) {
        var analyser = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults());
        new java.util.TreeMap<>(files).forEach((name, content) -> analyser.add(name, new ByteArrayInputStream(content)));
        return analyser.finish();
    }
}
