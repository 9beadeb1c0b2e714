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

/** Ory Kratos / Ory Network identities with their credentials, as a JSON array or one identity per line. */
class OryKindsTest {

    @Test
    void identities() {
        // customAttributeKeys: the traits' key names are counted too (the brief's choice; the key leaves them out)
        var a = check("ory/identities.json.expected.json", "customAttributeKeys");
        assertThat(a.customAttributes().keys()).containsExactly("metadata_admin.crm_id", "metadata_admin.suspended_reason",
                "metadata_public.plan", "traits.email", "traits.name");
        assertThat(a.users()).isEqualTo(8);
        assertThat(a.passwords().schemes()).containsExactlyInAnyOrderEntriesOf(Map.of("argon2id", 4L, "bcrypt", 1L));
        assertThat(a.mfa().factors()).containsExactlyInAnyOrderEntriesOf(Map.of("totp", 1L, "webauthn", 2L, "recovery-codes", 1L));
        assertThat(a.mfa().totpSecretsInFile()).isEqualTo(1);
        assertThat(a.providers().counts()).containsExactlyInAnyOrderEntriesOf(Map.of("google", 1L, "github", 1L));
        assertThat(a.passwordless().count()).isEqualTo(2);
        assertThat(a.socialOnly().count()).isEqualTo(1);
        assertThat(a.blocked().count()).isEqualTo(1);
        assertThat(a.organizations().count()).isEqualTo(2);
        assertThat(a.emailVerified().count()).isEqualTo(6);
        assertThat(a.lastSignIn().note()).contains("no sign-in dates");
        KindAnswerKeys.assertNoPersonalData(a, "ory/identities.json");
    }

    @Test
    void linesWithoutCredentialConfigs() {
        // the admin list without include_credential: types are listed, their configs are not
        var a = lines("{\"id\":\"1\",\"schema_id\":\"default\",\"state\":\"active\",\"traits\":{\"email\":\"a@example.com\"},"
                + "\"credentials\":{\"password\":{\"type\":\"password\",\"identifiers\":[\"a@example.com\"]},"
                + "\"totp\":{\"type\":\"totp\"}}}\n"
                + "{\"id\":\"2\",\"schema_id\":\"default\",\"state\":\"active\",\"traits\":{\"email\":\"b@example.com\"},"
                + "\"credentials\":{\"oidc\":{\"type\":\"oidc\",\"identifiers\":[\"microsoft:abc-123\"]}}}\n"
                + "{\"id\":\"3\",\"schema_id\":\"default\",\"traits\":{\"email\":\"c@example.com\"}}\n");
        assertThat(a.platform()).isEqualTo("ory");
        assertThat(a.users()).isEqualTo(3);
        assertThat(a.passwords().status()).isEqualTo(Status.PARTIAL);
        assertThat(a.passwords().hashNotInExport()).isEqualTo(1);
        assertThat(a.mfa().factors()).containsExactly(Map.entry("totp", 1L));
        assertThat(a.mfa().totpSecretsInFile()).isZero();
        assertThat(a.providers().counts()).containsExactly(Map.entry("microsoft", 1L));
        assertThat(AnalysisJson.write(a)).doesNotContain("abc-123");
    }

    @Test
    void detectedAsOryAndRefusedAsAnotherPlatform() {
        var a = analyse(null, "ory/identities.json");
        assertThat(a.platform()).isEqualTo("ory");
        assertThat(a.platformForced()).isFalse();
        for (Platform other : new Platform[] {Platform.AUTH0, Platform.ZITADEL, Platform.CLERK}) {
            assertThatThrownBy(() -> analyse(other, "ory/identities.json")).isInstanceOf(ExportFormatException.class)
                    .hasMessageContaining("looks like Ory");
        }
    }

    private static ExportAnalysis lines(String text) {
        var analyser = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults());
        analyser.add("identities.ndjson", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        return analyser.finish();
    }
}
