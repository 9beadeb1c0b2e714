package io.ciamportal.exports;

import static io.ciamportal.exports.KindAnswerKeys.analyse;
import static io.ciamportal.exports.KindAnswerKeys.codes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ciamportal.exports.ExportAnalysis.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Firebase readers on the fixtures and their answer keys, and on small made-up files for the raw API shape. */
class FirebaseKindsTest {

    @Test
    void cliJsonMatchesItsAnswerKey() {
        ExportAnalysis a = KindAnswerKeys.check("firebase/users.json.expected.json");
        assertThat(a.users()).isEqualTo(11);
        assertThat(a.passwords().schemes()).containsExactly(Map.entry("firebase-scrypt", 4L));
        assertThat(a.passwords().formats()).containsOnlyKeys("Firebase scrypt (project hash config)");
        assertThat(a.mfa().status()).isEqualTo(Status.PARTIAL);
        assertThat(a.mfa().observedUsers()).isEqualTo(2);
        assertThat(a.mfa().factors()).containsExactlyInAnyOrderEntriesOf(Map.of("sms", 1L, "totp", 1L));
        assertThat(a.mfa().totpSecretsInFile()).isZero();
        assertThat(a.providers().counts()).containsEntry("google.com", 2L).containsEntry("twitter.com", 1L);
        assertThat(a.passwordless().count()).isEqualTo(3);
        assertThat(a.passwordless().note()).contains("default scrypt");
        assertThat(a.blocked().count()).isEqualTo(1);
        assertThat(a.duplicateEmails().duplicates()).isEqualTo(1);
        assertThat(a.lastSignIn().never()).isEqualTo(1);
        assertThat(codes(a)).containsExactlyInAnyOrder("mfa-partial", "providers-lower-bound");
    }

    @Test
    void cliCsvWithoutHeaderMatchesItsAnswerKey() {
        // base64 hashes and phone numbers starting with + are formula-like cells: the CSV reader warns, the key does not
        ExportAnalysis a = KindAnswerKeys.check("firebase/users.csv.expected.json", "unlistedWarnings");
        assertThat(a.files().getFirst().records()).isEqualTo(11);
        assertThat(a.passwords().withPassword()).isEqualTo(4);
        assertThat(a.mfa().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(a.mfa().note()).contains("CSV");
        assertThat(a.customAttributes().keys()).containsExactly("beta", "role", "tier");
        assertThat(a.providers().federatedUsers()).isEqualTo(5);
        assertThat(codes(a)).containsExactlyInAnyOrder("mfa-not-observable", "providers-lower-bound", "formula-cells");
    }

    @Test
    void hashConfigRecordsTheCostNumbersAndNeverTheSecrets() {
        // the key lists only no-users; the brief asks for the parameters in a warning, checked here
        ExportAnalysis a = KindAnswerKeys.check("firebase/hash-config.txt.expected.json", "unlistedWarnings");
        assertThat(a.users()).isZero();
        assertThat(codes(a)).containsExactlyInAnyOrder("no-users", "firebase-hash-config");
        String message = a.warnings().stream().filter(w -> w.code().equals("firebase-hash-config")).findFirst().orElseThrow().message();
        assertThat(message).contains("rounds 8").contains("mem_cost 14").contains("scrypt");
        String json = AnalysisJson.write(a);
        assertThat(json).doesNotContain("HCkxLV36").doesNotContain("Bw==").doesNotContain("base64_signer_key");
    }

    @Test
    void usersWithTheHashConfigMatchTheirAnswerKey() {
        ExportAnalysis a = KindAnswerKeys.check("firebase/users.json+hash-config.expected.json", "unlistedWarnings");
        assertThat(codes(a)).containsExactlyInAnyOrder("mfa-partial", "providers-lower-bound", "firebase-hash-config");
        assertThat(a.files()).extracting(ExportAnalysis.FileInfo::kind).containsExactly("firebase-cli-json", "firebase-hash-config");
    }

    @Test
    void theRawApiShapeHasEveryProviderAndItsMissingMfaInfoMeansNone() {
        String raw = """
                {"kind": "identitytoolkit#DownloadAccountResponse", "users": [
                  {"localId": "u1", "email": "one@example.com", "emailVerified": true, "passwordHash": "aGFzaA==", "salt": "c2FsdA==",
                   "providerUserInfo": [{"providerId": "password", "rawId": "one@example.com"}],
                   "passwordUpdatedAt": 1700000000000, "validSince": "1700000000", "lastLoginAt": "1760000000000", "createdAt": "1600000000000"},
                  {"localId": "u2", "email": "two@example.com", "providerUserInfo": [{"providerId": "password", "rawId": "two@example.com"},
                   {"providerId": "apple.com", "rawId": "001234.abcdef"}], "createdAt": "1600000000000", "disabled": true,
                   "mfaInfo": [{"mfaEnrollmentId": "e1", "phoneInfo": "+15555550100"}, {"mfaEnrollmentId": "e2", "totpInfo": {}}]},
                  {"localId": "u3", "phoneNumber": "+15555550101", "providerUserInfo": [{"providerId": "phone", "rawId": "+15555550101"}],
                   "lastLoginAt": "1750000000000", "createdAt": "1600000000000", "tenantId": "shop-eu"},
                  {"localId": "u4", "email": "four@example.com", "emailLinkSignin": true,
                   "providerUserInfo": [{"providerId": "password", "rawId": "four@example.com"}], "createdAt": "1600000000000"}
                ]}""";
        ExportAnalysis a = analyseText("accounts.json", raw);
        assertThat(a.platform()).isEqualTo("firebase");
        assertThat(a.files().getFirst().kind()).isEqualTo("firebase-download-account-json");
        assertThat(a.users()).isEqualTo(4);
        assertThat(a.passwords().withPassword()).isEqualTo(1);
        // u2 has a password provider without a hash (not the project default); u4 signs in by email link
        assertThat(a.passwords().hashNotInExport()).isEqualTo(1);
        assertThat(a.mfa().status()).isEqualTo(Status.OBSERVED);
        assertThat(a.mfa().users()).isEqualTo(1);
        assertThat(a.mfa().factors()).containsExactlyInAnyOrderEntriesOf(Map.of("sms", 1L, "totp", 1L));
        assertThat(a.providers().counts()).containsExactlyInAnyOrderEntriesOf(Map.of("password", 3L, "apple.com", 1L, "phone", 1L));
        assertThat(a.providers().federatedUsers()).isEqualTo(1);
        assertThat(a.passwordless().count()).isEqualTo(2);
        assertThat(a.lastSignIn().never()).isEqualTo(2);
        assertThat(a.blocked().count()).isEqualTo(1);
        assertThat(a.tenants().status()).isEqualTo(Status.PARTIAL);
        assertThat(a.tenants().count()).isEqualTo(1);
        assertThat(codes(a)).isEmpty();
    }

    @Test
    void aCliJsonWithoutAnyMfaInfoSaysMfaIsUnknownNotAbsent() {
        ExportAnalysis a = analyseText("users.json", """
                {"users": [
                {"localId": "VB4P2FGFiWP4Fxy30QyUEC2pr4NA", "email": "a@example.com", "passwordHash": "aGFzaA==", "salt": "c2FsdA==",
                 "lastSignedInAt": "1700000000000", "createdAt": "1600000000000", "providerUserInfo": []}]}""");
        assertThat(a.mfa().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(a.mfa().users()).isNull();
        assertThat(codes(a)).contains("mfa-not-observable");
    }

    @Test
    void eachFixtureIsDetectedAsFirebase() {
        for (String file : List.of("firebase/users.json", "firebase/users.csv", "firebase/hash-config.txt")) {
            ExportAnalysis a = analyse(null, file);
            assertThat(a.platform()).as(file).isEqualTo("firebase");
            assertThat(a.platformForced()).isFalse();
        }
    }

    @Test
    void aFirebaseFileIsRefusedWhenAnotherPlatformIsChosen() {
        for (String file : List.of("firebase/users.json", "firebase/users.csv", "firebase/hash-config.txt")) {
            assertThatThrownBy(() -> analyse(Platform.COGNITO, file)).as(file).isInstanceOf(ExportFormatException.class)
                    .hasMessageContaining("looks like Firebase").hasMessageContaining("not Amazon Cognito");
            assertThatThrownBy(() -> analyse(Platform.AUTH0, file)).as(file).isInstanceOf(ExportFormatException.class);
        }
    }

    @Test
    void aFirebaseExportNextToAnAuth0OneIsRefusedAsMixed() {
        assertThatThrownBy(() -> analyse(null, "bad/mixed/auth0-users.ndjson", "bad/mixed/firebase-users.json"))
                .isInstanceOf(ExportFormatException.class).hasMessageContaining("mixed platforms");
    }

    @Test
    void noOutputHoldsAnEmailIdNameOrHashOfTheFixtures() {
        for (String key : List.of("firebase/users.json.expected.json", "firebase/users.csv.expected.json",
                "firebase/users.json+hash-config.expected.json")) {
            List<String> files = KindAnswerKeys.files(key);
            ExportAnalysis a = analyse(null, files);
            Set<String> shown = KindAnswerKeys.shownNames(KindAnswerKeys.key(key));
            KindAnswerKeys.assertNoPersonalValues(a, files, shown);
            assertThat(AnalysisJson.write(a)).doesNotContain("sam.lee@example.org").doesNotContain("VB4P2FGFiWP4Fxy30QyUEC2pr4NA")
                    .doesNotContain("WoEAaKfLuWpMExTlkHFGMB2fz4dVx58Gp").doesNotContain("Ezm1rhsytCrGMg==");
            assertThat(AnalysisText.render(a)).doesNotContain("@example.");
        }
    }

    private static ExportAnalysis analyseText(String name, String content) {
        var analyser = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults());
        analyser.add(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
        return analyser.finish();
    }
}
