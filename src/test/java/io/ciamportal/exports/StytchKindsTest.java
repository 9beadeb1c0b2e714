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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stytch's Search Users JSON and the support hash CSV (with its scrypt preamble), alone and joined by id. */
class StytchKindsTest {

    @Test
    void usersAlone() {
        var a = check("stytch/users.json.expected.json");
        assertThat(a.users()).isEqualTo(9);
        assertThat(a.passwords().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(a.passwords().hashNotInExport()).isEqualTo(5);
        assertThat(a.passwords().note()).contains("hash file");
        assertThat(a.providers().counts()).containsExactlyInAnyOrderEntriesOf(Map.of("Google", 1L, "Microsoft", 1L));
        assertThat(a.mfa().factors()).containsExactlyInAnyOrderEntriesOf(Map.of("totp", 2L, "webauthn", 1L));
        assertThat(a.mfa().totpSecretsInFile()).isZero();
        assertThat(a.passwordless().count()).isEqualTo(3);
        assertThat(a.socialOnly().count()).isEqualTo(1);
        // status is active or pending: neither is a block
        assertThat(a.blocked().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(KindAnswerKeys.codes(a)).contains("passwords-not-in-export");
        KindAnswerKeys.assertNoPersonalData(a, "stytch/users.json");
    }

    @Test
    void hashesAlone() {
        // the key counts passwordless 0 without any provider in the file; the core leaves it unobserved (see Clerk)
        var a = check("stytch/hashes.csv.expected.json", "passwordless");
        assertThat(a.passwordless().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(a.users()).isEqualTo(5);
        assertThat(a.passwords().parameters()).containsExactly(Map.entry("scrypt", Map.of("N=2^15,r=8,p=1", 5L)));
        assertThat(a.tenants().status()).isEqualTo(Status.NOT_OBSERVABLE);
        KindAnswerKeys.assertNoPersonalData(a, "stytch/hashes.csv");
    }

    @Test
    void usersJoinedWithTheirHashes() {
        var a = check("stytch/users+hashes.expected.json");
        assertThat(a.passwords().status()).isEqualTo(Status.OBSERVED);
        assertThat(a.passwords().withPassword()).isEqualTo(5);
        assertThat(a.passwords().hashNotInExport()).isZero();
        assertThat(KindAnswerKeys.codes(a)).doesNotContain("passwords-not-in-export", "unmatched-password-records");
        KindAnswerKeys.assertNoPersonalData(a, "stytch/users.json", "stytch/hashes.csv");
    }

    @Test
    void hashesFirstJoinTheSame() {
        var a = analyse(null, "stytch/hashes.csv", "stytch/users.json");
        assertThat(a.users()).isEqualTo(9);
        assertThat(a.passwords().withPassword()).isEqualTo(5);
        assertThat(a.passwords().schemes()).containsExactly(Map.entry("scrypt", 5L));
    }

    @Test
    void preambleWrittenOtherwiseAndOtherHashMethods() {
        String csv = "scrypt hash parameters,,,,\nscryptCostParameter 16384,,,,\nscryptRParameter 8,,,,\nscryptPParameter 2,,,,\n,,,,\n"
                + "id,hash,salt,hash_method,project_id\n"
                + "user-test-1,aGFzaA==,c2FsdA==,scrypt,project-test-1\n"
                + "user-test-2,$2a$10$CJ6tBLZSzFVlsJ5ZcJzuCuoO8u4uaO5l/oaPPxJsSbMASx64YQ6yi,,bcrypt,project-test-1\n"
                + "user-test-3,5f4dcc3b5aa765d61d8327deb882cf99,,md_5,project-test-1\n";
        var analyser = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults());
        analyser.add("hashes.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        var a = analyser.finish();
        assertThat(a.platform()).isEqualTo("stytch");
        assertThat(a.passwords().schemes()).containsOnlyKeys("scrypt", "bcrypt", "md5");
        assertThat(a.passwords().parameters().get("scrypt")).containsExactly(Map.entry("N=2^14,r=8,p=2", 1L));
        assertThat(a.passwords().bcryptCost()).containsExactly(Map.entry("10", 1L));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stytch/users.json", "stytch/hashes.csv"})
    void detectedAsStytchAndRefusedAsAnotherPlatform(String file) {
        var a = analyse(null, file);
        assertThat(a.platform()).isEqualTo("stytch");
        assertThat(a.platformForced()).isFalse();
        for (Platform other : new Platform[] {Platform.AUTH0, Platform.CLERK, Platform.FUSIONAUTH}) {
            assertThatThrownBy(() -> analyse(other, file)).isInstanceOf(ExportFormatException.class)
                    .hasMessageContaining("looks like Stytch");
        }
    }
}
