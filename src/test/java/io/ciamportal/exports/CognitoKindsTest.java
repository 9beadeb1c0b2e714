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
import org.junit.jupiter.api.Test;

/** The Cognito readers on the fixtures and their answer keys, and page sets written in the test. */
class CognitoKindsTest {

    @Test
    void twoListUsersPagesMatchTheirAnswerKey() {
        ExportAnalysis a = KindAnswerKeys.check("cognito/list-users.expected.json");
        assertThat(a.users()).isEqualTo(11);
        assertThat(a.files()).extracting(ExportAnalysis.FileInfo::records).containsExactly(6L, 5L);
        assertThat(a.passwords().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(a.passwords().withPassword()).isNull();
        assertThat(a.passwords().hashNotInExport()).isEqualTo(8);
        assertThat(a.providers().counts()).containsExactlyInAnyOrderEntriesOf(Map.of("Google", 1L, "Facebook", 1L, "AcmeAzureAD", 1L));
        assertThat(a.socialOnly().count()).isEqualTo(3);
        assertThat(a.passwordless().count()).isZero();
        assertThat(a.blocked().count()).isEqualTo(1);
        assertThat(a.mfa().status()).isEqualTo(Status.PARTIAL);
        assertThat(a.mfa().factors()).containsExactly(Map.entry("sms", 1L));
        assertThat(a.lastSignIn().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(a.lastSignIn().note()).contains("no last sign-in");
        assertThat(a.customAttributes().keys()).containsExactly("custom:cost_center", "custom:department");
        assertThat(codes(a)).containsExactlyInAnyOrder("passwords-not-in-export", "mfa-understated", "last-sign-in-not-observable");
    }

    @Test
    void theFirstPageAloneIsIncomplete() {
        ExportAnalysis a = KindAnswerKeys.check("cognito/list-users-page1.expected.json");
        assertThat(a.users()).isEqualTo(6);
        assertThat(codes(a)).contains("pagination-incomplete");
        assertThat(a.warnings().getFirst().message()).contains("PaginationToken").doesNotContain("eyJ");
    }

    @Test
    void pagesInAnyOrderAreCompleteWhenOneHasNoToken() {
        ExportAnalysis a = analyse(null, "cognito/list-users-page2.json", "cognito/list-users-page1.json");
        assertThat(a.users()).isEqualTo(11);
        assertThat(codes(a)).doesNotContain("pagination-incomplete");
    }

    @Test
    void everyPageWithATokenMeansTheLastOneIsMissing() {
        var analyser = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults());
        analyser.add("p1.json", new ByteArrayInputStream(text(page("a-1", "CONFIRMED", "\"PaginationToken\": \"t1\""))));
        analyser.add("p2.json", new ByteArrayInputStream(text(page("a-2", "EXTERNAL_PROVIDER", "\"NextToken\": \"t2\""))));
        ExportAnalysis a = analyser.finish();
        assertThat(a.users()).isEqualTo(2);
        assertThat(codes(a)).contains("pagination-incomplete");
        assertThat(a.warnings().stream().filter(w -> w.code().equals("pagination-incomplete")).findFirst().orElseThrow().message())
                .contains("Every one of the 2");
    }

    @Test
    void aFederatedUsernameWithoutIdentitiesNamesItsProviderByItsPrefix() {
        ExportAnalysis a = analyseBytes(text(page("google_1234567890", "EXTERNAL_PROVIDER", "")),
                text(page("SignInWithApple_000123.abc", "EXTERNAL_PROVIDER", "")), text(page("OktaWorkforce_jo", "EXTERNAL_PROVIDER", "")));
        assertThat(a.providers().counts()).containsExactlyInAnyOrderEntriesOf(Map.of("Google", 1L, "SignInWithApple", 1L,
                "OktaWorkforce", 1L));
        assertThat(a.socialOnly().count()).isEqualTo(3);
        assertThat(a.passwords().hashNotInExport()).isZero();
        assertThat(a.mfa().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(codes(a)).contains("mfa-not-observable").doesNotContain("mfa-understated");
    }

    @Test
    void theImportCsvMatchesItsAnswerKey() {
        // the key has socialOnly null; the analysis counts passwordless and social-only together and says 0
        ExportAnalysis a = KindAnswerKeys.check("cognito/import.csv.expected.json", "socialOnly");
        assertThat(a.socialOnly().count()).isZero();
        assertThat(a.users()).isEqualTo(8);
        assertThat(a.sourceIds().empty()).isEqualTo(1);
        assertThat(a.mfa().status()).isEqualTo(Status.OBSERVED);
        assertThat(a.mfa().factors()).containsExactly(Map.entry("sms", 2L));
        assertThat(a.passwordless().count()).isEqualTo(8);
        assertThat(a.providers().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(a.customAttributes().keys()).containsExactly("custom:department");
    }

    @Test
    void eachFixtureIsDetectedAsCognito() {
        for (String file : List.of("cognito/list-users-page1.json", "cognito/list-users-page2.json", "cognito/import.csv")) {
            ExportAnalysis a = analyse(null, file);
            assertThat(a.platform()).as(file).isEqualTo("cognito");
            assertThat(a.platformForced()).isFalse();
        }
    }

    @Test
    void aCognitoFileIsRefusedWhenAnotherPlatformIsChosen() {
        for (String file : List.of("cognito/list-users-page1.json", "cognito/import.csv")) {
            assertThatThrownBy(() -> analyse(Platform.KEYCLOAK, file)).as(file).isInstanceOf(ExportFormatException.class)
                    .hasMessageContaining("looks like Amazon Cognito");
            assertThatThrownBy(() -> analyse(Platform.OKTA, file)).as(file).isInstanceOf(ExportFormatException.class);
        }
    }

    @Test
    void noOutputHoldsAnEmailIdOrNameOfTheFixtures() {
        for (String key : List.of("cognito/list-users.expected.json", "cognito/import.csv.expected.json")) {
            List<String> files = KindAnswerKeys.files(key);
            ExportAnalysis a = analyse(null, files);
            KindAnswerKeys.assertNoPersonalValues(a, files, KindAnswerKeys.shownNames(KindAnswerKeys.key(key)));
            assertThat(AnalysisJson.write(a)).doesNotContain("dd727806-fccf-4ffb-8a87-3b662116eb8b").doesNotContain("@example.")
                    .doesNotContain("109876543210987654321");
        }
    }

    private static String page(String username, String status, String token) {
        return """
                {"Users": [{"Username": "%s", "Attributes": [{"Name": "email", "Value": "%s@example.com"}],
                  "Enabled": true, "UserStatus": "%s"}]%s}""".formatted(username, username.toLowerCase(java.util.Locale.ROOT), status,
                token.isEmpty() ? "" : ", " + token);
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ExportAnalysis analyseBytes(byte[]... files) {
        var analyser = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults());
        int i = 0;
        for (byte[] f : files) {
            analyser.add("page-" + i++ + ".json", new ByteArrayInputStream(f));
        }
        return analyser.finish();
    }
}
