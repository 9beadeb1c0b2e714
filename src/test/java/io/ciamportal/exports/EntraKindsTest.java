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

/** The Microsoft Graph users reader on the fixtures and their answer keys, and on a bare array written in the test. */
class EntraKindsTest {

    @Test
    void aCompleteGraphPageMatchesItsAnswerKey() {
        ExportAnalysis a = KindAnswerKeys.check("entra/users.json.expected.json");
        assertThat(a.users()).isEqualTo(9);
        assertThat(a.passwords().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(a.passwords().hashNotInExport()).isEqualTo(7);
        assertThat(a.providers().counts()).containsExactlyInAnyOrderEntriesOf(Map.of("google.com", 2L, "facebook.com", 1L));
        assertThat(a.socialOnly().count()).isEqualTo(2);
        assertThat(a.blocked().count()).isEqualTo(1);
        assertThat(a.emailVerified().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(a.lastSignIn().status()).isEqualTo(Status.OBSERVED);
        assertThat(a.lastSignIn().never()).isEqualTo(2);
        assertThat(a.mfa().note()).contains("authentication methods");
        assertThat(a.customAttributes().keys()).containsExactly("extension_6f1a2b3c4d5e4f60a1b2c3d4e5f60718_loyaltyNumber",
                "extension_6f1a2b3c4d5e4f60a1b2c3d4e5f60718_tier");
        assertThat(codes(a)).containsExactlyInAnyOrder("passwords-not-in-export", "mfa-not-observable");
    }

    @Test
    void aPageWithANextLinkAndNoNextPageIsIncomplete() {
        ExportAnalysis a = KindAnswerKeys.check("entra/users-page1.json.expected.json");
        assertThat(a.users()).isEqualTo(4);
        assertThat(codes(a)).contains("pagination-incomplete");
    }

    @Test
    void twoPagesOneWithoutANextLinkAreComplete() {
        ExportAnalysis a = analyse(null, "entra/users-page1.json", "entra/users.json");
        assertThat(a.users()).isEqualTo(13);
        assertThat(codes(a)).doesNotContain("pagination-incomplete");
    }

    @Test
    void aBareArrayWithoutSignInActivityLeavesRecencyUnknown() {
        String users = """
                [{"id": "4f1c0e7a-0000-4000-8000-000000000001", "userPrincipalName": "a1@contoso.onmicrosoft.com",
                  "mail": "amy@example.com", "accountEnabled": true,
                  "identities": [{"signInType": "emailAddress1", "issuer": "contoso.onmicrosoft.com", "issuerAssignedId": "amy@example.com"}]},
                 {"id": "4f1c0e7a-0000-4000-8000-000000000002", "userPrincipalName": "b2@contoso.onmicrosoft.com", "accountEnabled": false,
                  "identities": [{"signInType": "federated", "issuer": "login.live.com", "issuerAssignedId": "0123abcd"}],
                  "signInActivity": {"lastSignInDateTime": "2021-03-01T10:00:00Z"}}]""";
        var analyser = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults());
        analyser.add("users.json", new ByteArrayInputStream(users.getBytes(StandardCharsets.UTF_8)));
        ExportAnalysis a = analyser.finish();
        assertThat(a.platform()).isEqualTo("entra");
        assertThat(a.users()).isEqualTo(2);
        // the second has an answer that predates lastSuccessfulSignInDateTime: its last sign-in is read instead
        assertThat(a.lastSignIn().status()).isEqualTo(Status.PARTIAL);
        assertThat(a.lastSignIn().observedUsers()).isEqualTo(1);
        assertThat(a.lastSignIn().never()).isZero();
        assertThat(a.lastSignIn().note()).contains("AuditLog.Read.All");
        assertThat(a.providers().counts()).containsExactly(Map.entry("login.live.com", 1L));
        assertThat(a.passwords().hashNotInExport()).isEqualTo(1);
        assertThat(a.duplicateEmails().withoutEmail()).isEqualTo(1);
        assertThat(codes(a)).doesNotContain("pagination-incomplete");
    }

    @Test
    void eachFixtureIsDetectedAsEntra() {
        for (String file : List.of("entra/users.json", "entra/users-page1.json")) {
            ExportAnalysis a = analyse(null, file);
            assertThat(a.platform()).as(file).isEqualTo("entra");
            assertThat(a.platformForced()).isFalse();
        }
    }

    @Test
    void aGraphFileIsRefusedWhenAnotherPlatformIsChosen() {
        assertThatThrownBy(() -> analyse(Platform.OKTA, "entra/users.json")).isInstanceOf(ExportFormatException.class)
                .hasMessageContaining("looks like Microsoft Graph");
        assertThatThrownBy(() -> analyse(Platform.COGNITO, "entra/users-page1.json")).isInstanceOf(ExportFormatException.class);
    }

    @Test
    void noOutputHoldsAnEmailIdOrNameOfTheFixtures() {
        for (String key : List.of("entra/users.json.expected.json", "entra/users-page1.json.expected.json")) {
            List<String> files = KindAnswerKeys.files(key);
            ExportAnalysis a = analyse(null, files);
            KindAnswerKeys.assertNoPersonalValues(a, files, KindAnswerKeys.shownNames(KindAnswerKeys.key(key)));
            assertThat(AnalysisJson.write(a)).doesNotContain("@example.").doesNotContain("examplecorpb2c.onmicrosoft.com")
                    .doesNotContain("108877665544332211009");
        }
    }
}
