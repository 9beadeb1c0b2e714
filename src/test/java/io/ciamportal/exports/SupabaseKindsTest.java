package io.ciamportal.exports;

import static io.ciamportal.exports.KindAnswerKeys.analyse;
import static io.ciamportal.exports.KindAnswerKeys.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ciamportal.exports.ExportAnalysis.Status;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Supabase's auth.users (CSV with a byte-order mark, or JSON rows) and auth.mfa_factors, against the answer keys. */
class SupabaseKindsTest {

    @Test
    void usersCsvWithByteOrderMark() {
        assertThat(KindAnswerKeys.bytes("supabase/auth-users.csv")).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        var a = check("supabase/auth-users.csv.expected.json");
        assertThat(a.users()).isEqualTo(10);
        assertThat(a.passwords().schemes()).containsExactly(Map.entry("bcrypt", 7L));
        assertThat(a.providers().counts()).containsExactlyInAnyOrderEntriesOf(Map.of("email", 8L, "github", 1L, "google", 1L, "phone", 1L));
        assertThat(a.providers().federatedUsers()).isEqualTo(2);
        assertThat(a.passwordless().count()).isEqualTo(2);
        assertThat(a.socialOnly().count()).isEqualTo(1);
        assertThat(a.blocked().count()).isEqualTo(2);
        assertThat(a.lastSignIn().never()).isEqualTo(1);
        assertThat(a.mfa().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(a.mfa().note()).contains("auth.mfa_factors");
        KindAnswerKeys.assertNoPersonalData(a, "supabase/auth-users.csv");
    }

    @Test
    void usersJson() {
        var a = check("supabase/auth-users.json.expected.json");
        assertThat(a.files().getFirst().kind()).isEqualTo("supabase-auth-users-json");
        assertThat(a.emailVerified().count()).isEqualTo(8);
        KindAnswerKeys.assertNoPersonalData(a, "supabase/auth-users.json");
    }

    @Test
    void usersJoinedWithTheirFactors() {
        var a = check("supabase/auth-users+mfa-factors.expected.json");
        assertThat(a.mfa().status()).isEqualTo(Status.OBSERVED);
        assertThat(a.mfa().users()).isEqualTo(3);
        assertThat(a.mfa().factors()).containsExactlyInAnyOrderEntriesOf(Map.of("totp", 2L, "sms", 1L));
        assertThat(a.mfa().totpSecretsInFile()).isEqualTo(2);
        assertThat(KindAnswerKeys.codes(a)).contains("unmatched-mfa-records");
        KindAnswerKeys.assertNoPersonalData(a, "supabase/auth-users.csv", "supabase/mfa-factors.csv");
    }

    @Test
    void factorsReadBeforeTheUsersJoinTheSame() {
        var a = analyse(null, "supabase/mfa-factors.csv", "supabase/auth-users.json");
        assertThat(a.mfa().users()).isEqualTo(3);
        assertThat(a.mfa().totpSecretsInFile()).isEqualTo(2);
    }

    @Test
    void factorsAloneHaveNoUsers() {
        var a = analyse(null, "supabase/mfa-factors.csv");
        assertThat(a.platform()).isEqualTo("supabase");
        assertThat(a.files().getFirst().kind()).isEqualTo("supabase-mfa-factors");
        assertThat(a.users()).isZero();
        assertThat(KindAnswerKeys.codes(a)).contains("no-users", "supabase-factors-without-users");
    }

    @Test
    void aFactorsFileWithNoVerifiedFactorStillShowsMfa() {
        var analyser = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults());
        analyser.add("users.json", new ByteArrayInputStream(KindAnswerKeys.bytes("supabase/auth-users.json")));
        analyser.add("factors.csv", stream("id,user_id,friendly_name,factor_type,status,secret,created_at,updated_at\n"
                + "1,f529966c-47f3-4304-956c-cacefd3d6df9,,totp,unverified,SECRETSECRET,,\n"));
        var a = analyser.finish();
        assertThat(a.mfa().status()).isEqualTo(Status.OBSERVED);
        assertThat(a.mfa().users()).isZero();
        assertThat(a.mfa().totpSecretsInFile()).isZero();
        var empty = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults());
        empty.add("users.json", new ByteArrayInputStream(KindAnswerKeys.bytes("supabase/auth-users.json")));
        empty.add("factors.csv", stream("id,user_id,friendly_name,factor_type,status,secret,created_at,updated_at\n"));
        assertThat(empty.finish().mfa().status()).isEqualTo(Status.OBSERVED);
    }

    @Test
    void aBanCountsOnlyWhileItLasts() {
        // banned_until 2999 and 2023 in the fixture: both count when the analysis looks back from 2022
        var options = new AnalysisOptions(null, Map.of(), null, AnalysisOptions.DEFAULT_INACTIVE_DAYS, Instant.parse("2022-01-01T00:00:00Z"));
        var a = ExportAnalyser.analyse(options, ExportLimits.defaults(),
                Map.of("users.csv", new ByteArrayInputStream(KindAnswerKeys.bytes("supabase/auth-users.csv"))));
        assertThat(a.blocked().count()).isEqualTo(3);
    }

    @Test
    void anonymousUsersAreSaidAndNotPasswordless() {
        var a = csvUsers("\"id\",\"email\",\"encrypted_password\",\"raw_app_meta_data\",\"is_anonymous\",\"is_sso_user\"\n"
                + "\"1\",\"\",\"\",\"{}\",\"true\",\"false\"\n"
                + "\"2\",\"a@example.com\",\"\",\"{\"\"provider\"\":\"\"sso:abc\"\",\"\"providers\"\":[\"\"sso:abc\"\"]}\",\"false\",\"true\"\n");
        assertThat(a.passwordless().count()).isZero();
        assertThat(a.socialOnly().count()).isEqualTo(1);
        assertThat(KindAnswerKeys.codes(a)).contains("supabase-anonymous-users");
    }

    @ParameterizedTest
    @ValueSource(strings = {"supabase/auth-users.csv", "supabase/auth-users.json", "supabase/mfa-factors.csv"})
    void detectedAsSupabaseAndRefusedAsAnotherPlatform(String file) {
        var a = analyse(null, file);
        assertThat(a.platform()).isEqualTo("supabase");
        assertThat(a.platformForced()).isFalse();
        for (Platform other : new Platform[] {Platform.AUTH0, Platform.CLERK, Platform.ORY}) {
            assertThatThrownBy(() -> analyse(other, file)).isInstanceOf(ExportFormatException.class)
                    .hasMessageContaining("looks like Supabase");
        }
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ExportAnalysis csvUsers(String text) {
        var analyser = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults());
        analyser.add("users.csv", stream(text));
        return analyser.finish();
    }
}
