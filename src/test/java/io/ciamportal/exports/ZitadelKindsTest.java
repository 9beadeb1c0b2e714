package io.ciamportal.exports;

import static io.ciamportal.exports.KindAnswerKeys.analyse;
import static io.ciamportal.exports.KindAnswerKeys.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ciamportal.exports.ExportAnalysis.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ZITADEL's admin export and the import wrapper: orgs, human and machine users, hashes, OTP secrets, IdP links. */
class ZitadelKindsTest {

    @Test
    void adminExport() {
        var a = check("zitadel/export.json.expected.json");
        assertThat(a.users()).isEqualTo(7);
        assertThat(a.skipped().serviceAccounts()).isEqualTo(1);
        assertThat(a.passwords().schemes()).containsExactlyInAnyOrderEntriesOf(Map.of("bcrypt", 4L, "argon2id", 1L));
        assertThat(a.passwords().parameters().get("argon2id")).containsExactly(Map.entry("m=65536,t=1,p=4", 1L));
        assertThat(a.mfa().factors()).containsExactly(Map.entry("totp", 2L));
        assertThat(a.mfa().totpSecretsInFile()).isEqualTo(2);
        assertThat(a.providers().counts()).containsOnlyKeys("649501228093047229", "822033311755763421");
        assertThat(a.organizations().count()).isEqualTo(2);
        assertThat(a.passwordless().count()).isEqualTo(1);
        assertThat(a.socialOnly().count()).isEqualTo(1);
        assertThat(a.lastSignIn().status()).isEqualTo(Status.NOT_OBSERVABLE);
        KindAnswerKeys.assertNoPersonalData(a, "zitadel/export.json");
    }

    @Test
    void importWrapperInProtoNames() {
        var a = json("{\"timeout\":\"10m\",\"data_orgs\":{\"orgs\":["
                + "{\"org_id\":\"1\",\"human_users\":[" + human("11", "\"hashed_password\":{\"value\":\"$2a$12$FU.ngKK/jhLhcS66UnMeY.qO8td4qQWkazj8WSZsslwlOIH0oFmv2\"}")
                + "," + human("12", "\"otp_code\":\"SECRETSECRETSECRET\"") + "],"
                + "\"machine_users\":[{\"user_id\":\"13\",\"user\":{\"user_name\":\"bot\"}}]},"
                + "{\"org_id\":\"2\",\"human_users\":[" + human("21", "\"password\":\"typed-in-clear\"") + "]}]}}");
        assertThat(a.platform()).isEqualTo("zitadel");
        assertThat(a.users()).isEqualTo(3);
        assertThat(a.skipped().serviceAccounts()).isEqualTo(1);
        assertThat(a.organizations().count()).isEqualTo(2);
        assertThat(a.passwords().schemes()).containsExactlyInAnyOrderEntriesOf(Map.of("bcrypt", 1L, "plain text", 1L));
        assertThat(a.mfa().totpSecretsInFile()).isEqualTo(1);
        assertThat(KindAnswerKeys.codes(a)).contains("zitadel-clear-text-passwords");
        assertThat(AnalysisJson.write(a)).doesNotContain("typed-in-clear").doesNotContain("SECRETSECRET");
    }

    @Test
    void anExportWithoutHashesIsSaid() {
        var a = json("{\"orgs\":[{\"orgId\":\"1\",\"humanUsers\":[" + human("11", "\"userName\":\"a\"") + "]}]}");
        assertThat(a.passwords().withPassword()).isZero();
        assertThat(KindAnswerKeys.codes(a)).contains("zitadel-no-hashes");
    }

    @Test
    void detectedAsZitadelAndRefusedAsAnotherPlatform() {
        var a = analyse(null, "zitadel/export.json");
        assertThat(a.platform()).isEqualTo("zitadel");
        assertThat(a.platformForced()).isFalse();
        for (Platform other : new Platform[] {Platform.AUTH0, Platform.FUSIONAUTH, Platform.ORY}) {
            assertThatThrownBy(() -> analyse(other, "zitadel/export.json")).isInstanceOf(ExportFormatException.class)
                    .hasMessageContaining("looks like ZITADEL");
        }
    }

    private static String human(String id, String fields) {
        return "{\"userId\":\"" + id + "\",\"user\":{\"email\":{\"email\":\"u" + id + "@example.com\",\"isEmailVerified\":true}," + fields + "}}";
    }

    private static ExportAnalysis json(String text) {
        var analyser = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults());
        analyser.add("export.json", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        return analyser.finish();
    }
}
