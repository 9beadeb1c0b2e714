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

/** FusionAuth's {@code {"users":[...]}} JSON: split hashes by scheme and factor, 2FA methods, tenants, applications. */
class FusionAuthKindsTest {

    @Test
    void importFile() {
        // passwordless/socialOnly: providers unknown (see ClerkKindsTest); groups: applications, as the brief asks
        var a = check("fusionauth/users.json.expected.json", "passwordless", "socialOnly", "groups");
        assertThat(a.users()).isEqualTo(8);
        assertThat(a.passwords().schemes()).containsExactlyInAnyOrderEntriesOf(Map.of("bcrypt", 4L, "pbkdf2-sha256", 2L, "sha256", 1L));
        assertThat(a.passwords().parameters().get("pbkdf2-sha256")).containsExactly(Map.entry("iterations=24000", 2L));
        assertThat(a.passwords().bcryptCost()).containsExactlyInAnyOrderEntriesOf(Map.of("10", 3L, "12", 1L));
        assertThat(a.mfa().factors()).containsExactlyInAnyOrderEntriesOf(Map.of("totp", 1L, "email", 1L, "sms", 1L));
        assertThat(a.mfa().totpSecretsInFile()).isEqualTo(1);
        assertThat(a.tenants().count()).isEqualTo(2);
        assertThat(a.groups().count()).as("distinct registered applications").isEqualTo(2);
        assertThat(a.groups().note()).isNull();
        assertThat(a.blocked().count()).isEqualTo(1);
        assertThat(a.lastSignIn().never()).isEqualTo(2);
        assertThat(a.customAttributes().keys()).containsExactly("plan", "referrer", "source");
        assertThat(a.providers().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(a.passwordless().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(a.organizations().note()).contains("applications are reported as groups");
        KindAnswerKeys.assertNoPersonalData(a, "fusionauth/users.json");
    }

    @Test
    void schemesByNameAndTheRequestDefault() {
        var a = json("{\"encryptionScheme\":\"salted-md5\",\"factor\":1,\"users\":["
                + user("1", "\"password\":\"aGFzaA==\"")
                + "," + user("2", "\"password\":\"aGFzaA==\",\"encryptionScheme\":\"salted-hmac-sha256\",\"factor\":1")
                + "," + user("3", "\"password\":\"aGFzaA==\",\"encryptionScheme\":\"phpass-md5\",\"factor\":8")
                + "," + user("4", "\"password\":\"aGFzaA==\",\"encryptionScheme\":\"example-salted-stytch-scrypt\",\"factor\":1")
                + "," + user("5", "\"password\":\"$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA\"")
                + "," + user("6", "\"identityProviders\":{\"82339786-3dff-42a6-aac6-1f1ceecb6c46\":{\"name\":\"Google\"}}")
                + "]}");
        assertThat(a.platform()).isEqualTo("fusionauth");
        assertThat(a.passwords().schemes()).containsExactlyInAnyOrderEntriesOf(Map.of("md5", 1L, "hmac", 1L, "phpass", 1L,
                "example-salted-stytch-scrypt", 1L, "argon2id", 1L));
        assertThat(a.passwords().parameters().get("phpass")).containsExactly(Map.entry("iterations=8", 1L));
        assertThat(a.providers().counts()).containsExactly(Map.entry("Google", 1L));
        assertThat(a.providers().status()).isEqualTo(Status.PARTIAL);
        assertThat(a.socialOnly().count()).isEqualTo(1);
    }

    @Test
    void detectedAsFusionAuthAndRefusedAsAnotherPlatform() {
        var a = analyse(null, "fusionauth/users.json");
        assertThat(a.platform()).isEqualTo("fusionauth");
        assertThat(a.platformForced()).isFalse();
        for (Platform other : new Platform[] {Platform.AUTH0, Platform.ORY, Platform.ZITADEL}) {
            assertThatThrownBy(() -> analyse(other, "fusionauth/users.json")).isInstanceOf(ExportFormatException.class)
                    .hasMessageContaining("looks like FusionAuth");
        }
    }

    private static String user(String id, String fields) {
        return "{\"id\":\"" + id + "\",\"email\":\"u" + id + "@example.com\",\"active\":true,\"insertInstant\":1700000000000," + fields + "}";
    }

    private static ExportAnalysis json(String text) {
        var analyser = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults());
        analyser.add("users.json", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        return analyser.finish();
    }
}
