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

/** The Okta Users API reader on the fixture and its answer key, and on users written in the test. */
class OktaKindsTest {

    @Test
    void theUsersPageMatchesItsAnswerKey() {
        ExportAnalysis a = KindAnswerKeys.check("okta/users.json.expected.json");
        assertThat(a.users()).isEqualTo(10);
        assertThat(a.passwords().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(a.passwords().hashNotInExport()).isEqualTo(6);
        assertThat(a.blocked().count()).isEqualTo(3);
        assertThat(a.providers().counts()).containsExactly(Map.entry("OKTA", 8L), Map.entry("FEDERATION", 1L), Map.entry("SOCIAL", 1L));
        assertThat(a.providers().federatedUsers()).isEqualTo(2);
        assertThat(a.passwordless().count()).isEqualTo(2);
        assertThat(a.socialOnly().count()).isEqualTo(2);
        assertThat(a.lastSignIn().never()).isEqualTo(2);
        assertThat(a.customAttributes().keys()).containsExactly("crmId", "loyaltyTier");
        assertThat(a.emailVerified().note()).contains("no email-verified flag");
        assertThat(codes(a)).containsExactlyInAnyOrder("passwords-not-in-export", "mfa-not-observable");
    }

    @Test
    void aDelegatedDirectoryUserHasAPasswordOktaNeverHeld() {
        String users = """
                [{"id": "00u1ad0000000000001", "status": "ACTIVE", "lastLogin": "2026-06-01T00:00:00.000Z",
                  "profile": {"login": "ad.user@example.com", "email": "ad.user@example.com", "department": "Ops", "badge": "B-7"},
                  "credentials": {"provider": {"type": "ACTIVE_DIRECTORY", "name": "corp.example.com"}}},
                 {"id": "00u1ad0000000000002", "status": "RECOVERY", "lastLogin": null,
                  "profile": {"login": "rec@example.com", "email": "rec@example.com"},
                  "credentials": {"provider": {"type": "OKTA", "name": "OKTA"}}}]""";
        var analyser = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults());
        analyser.add("users.json", new ByteArrayInputStream(users.getBytes(StandardCharsets.UTF_8)));
        ExportAnalysis a = analyser.finish();
        assertThat(a.platform()).isEqualTo("okta");
        assertThat(a.passwords().hashNotInExport()).isEqualTo(1);
        assertThat(a.passwordless().count()).isEqualTo(1);
        assertThat(a.providers().counts()).containsOnlyKeys("corp.example.com", "OKTA");
        assertThat(a.providers().federatedUsers()).isZero();
        assertThat(a.blocked().count()).isZero();
        assertThat(a.customAttributes().keys()).containsExactly("badge");
    }

    @Test
    void theFixtureIsDetectedAsOkta() {
        ExportAnalysis a = analyse(null, "okta/users.json");
        assertThat(a.platform()).isEqualTo("okta");
        assertThat(a.platformForced()).isFalse();
        assertThat(a.files().getFirst().kind()).isEqualTo("okta-users");
        ExportAnalysis chosen = analyse(Platform.OKTA, "okta/users.json");
        assertThat(chosen.platformForced()).isTrue();
        assertThat(chosen.users()).isEqualTo(10);
    }

    @Test
    void anOktaFileIsRefusedWhenAnotherPlatformIsChosen() {
        assertThatThrownBy(() -> analyse(Platform.FIREBASE, "okta/users.json")).isInstanceOf(ExportFormatException.class)
                .hasMessageContaining("looks like Okta");
        assertThatThrownBy(() -> analyse(Platform.ENTRA, "okta/users.json")).isInstanceOf(ExportFormatException.class);
    }

    @Test
    void noOutputHoldsAnEmailIdOrNameOfTheFixture() {
        String key = "okta/users.json.expected.json";
        List<String> files = KindAnswerKeys.files(key);
        ExportAnalysis a = analyse(null, files);
        KindAnswerKeys.assertNoPersonalValues(a, files, KindAnswerKeys.shownNames(KindAnswerKeys.key(key)));
        assertThat(AnalysisJson.write(a)).doesNotContain("@example.").doesNotContain("\"00u");
    }
}
