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

/** Clerk's dashboard CSV (both column sets) and JSON export, read against the fixtures' answer keys. */
class ClerkKindsTest {

    private static final String CURRENT = "id,first_name,last_name,username,primary_email_address,primary_phone_number,"
            + "verified_email_addresses,unverified_email_addresses,verified_phone_numbers,unverified_phone_numbers,totp_secret,"
            + "password_digest,password_hasher\n";

    @Test
    void currentColumnSet() {
        // passwordless and socialOnly: see noProvidersNoPasswordless; the reader's own warning is not in the key
        var a = check("clerk/users-current.csv.expected.json", "passwordless", "socialOnly", "unlistedWarnings");
        assertThat(a.users()).isEqualTo(10);
        assertThat(a.passwords().withPassword()).isEqualTo(7);
        assertThat(a.passwords().parameters().get("bcrypt")).containsExactlyInAnyOrderEntriesOf(Map.of("cost=10", 6L, "cost=11", 1L));
        assertThat(a.emailVerified().count()).isEqualTo(7);
        assertThat(a.mfa().factors()).containsExactly(Map.entry("totp", 3L));
        assertThat(a.mfa().totpSecretsInFile()).isEqualTo(3);
        assertThat(a.duplicateEmails().duplicates()).isEqualTo(1);
        assertThat(KindAnswerKeys.codes(a)).contains("clerk-mfa-totp-only");
        KindAnswerKeys.assertNoPersonalData(a, "clerk/users-current.csv");
        // the check looks for the values that matter: the planted email, a hash, the TOTP seed and an id
        assertThat(KindAnswerKeys.longTextValues("clerk/users-current.csv", a)).contains("MARKER-PII-7f3a.kowalski@example.com",
                "$2a$10$u3wO15X6YJ3hsYM1nRSkf.GogM4F2NLdVHcYtLi9eLv.UYcrMtzGq", "MARKER-PII-7f3aJBSWY3DPEHPK3PXP",
                "user_RzeubOVGcDwCX2Pu50FNgKR8DlJ", "+15555550188;ext=MARKER-PII-7f3a");
    }

    @Test
    void olderColumnSetWithMetadata() {
        var a = check("clerk/users-2024.csv.expected.json", "passwordless", "socialOnly", "unlistedWarnings");
        assertThat(a.files().getFirst().kind()).isEqualTo("clerk-csv-2024");
        assertThat(a.emailVerified().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(a.customAttributes().keys()).containsExactly("private_metadata.stripe_customer", "public_metadata.plan",
                "public_metadata.seats", "unsafe_metadata.onboarding");
        assertThat(a.sourceIds().empty()).isEqualTo(1);
        assertThat(a.passwords().bcryptCost()).containsExactlyInAnyOrderEntriesOf(Map.of("10", 3L, "12", 1L));
        assertThat(KindAnswerKeys.codes(a)).contains("clerk-mfa-totp-only");
        KindAnswerKeys.assertNoPersonalData(a, "clerk/users-2024.csv");
    }

    @Test
    void jsonExport() {
        var a = check("clerk/users.json.expected.json", "passwordless", "socialOnly");
        assertThat(a.mfa().users()).isEqualTo(2);
        assertThat(a.mfa().factors()).containsExactlyInAnyOrderEntriesOf(Map.of("totp", 1L, "recovery-codes", 1L, "other", 1L));
        assertThat(a.passwords().withPassword()).isEqualTo(3);
        assertThat(a.duplicateEmails().withoutEmail()).isEqualTo(1);
        KindAnswerKeys.assertNoPersonalData(a, "clerk/users.json");
    }

    /**
     * Where the reader differs from the keys: without the users' social accounts a user without a digest may be
     * social or passwordless, so neither is counted (the keys count them all as passwordless).
     */
    @ParameterizedTest
    @ValueSource(strings = {"clerk/users-current.csv", "clerk/users-2024.csv", "clerk/users.json"})
    void noProvidersNoPasswordless(String file) {
        var a = analyse(null, file);
        assertThat(a.passwordless().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(a.passwordless().count()).isNull();
        assertThat(a.passwordless().note()).contains("social account");
        assertThat(a.socialOnly().status()).isEqualTo(Status.NOT_OBSERVABLE);
        assertThat(a.lastSignIn().note()).contains("no sign-in dates");
    }

    @ParameterizedTest
    @ValueSource(strings = {"clerk/users-current.csv", "clerk/users-2024.csv", "clerk/users.json"})
    void detectedAsClerkAndRefusedAsAnotherPlatform(String file) {
        var a = analyse(null, file);
        assertThat(a.platform()).isEqualTo("clerk");
        assertThat(a.platformForced()).isFalse();
        for (Platform other : new Platform[] {Platform.AUTH0, Platform.SUPABASE, Platform.STYTCH}) {
            assertThatThrownBy(() -> analyse(other, file)).isInstanceOf(ExportFormatException.class)
                    .hasMessageContaining("looks like Clerk");
        }
    }

    @Test
    void hasherNamesADigestItsTextDoesNot() {
        var a = csv(row("user_1", "scrypt-digest$salt$signer$separator$8$14", "scrypt_firebase")
                + row("user_2", "5f4dcc3b5aa765d61d8327deb882cf99", "md5")
                + row("user_3", "opaque-reference", "awscognito")
                + row("user_4", "pbkdf2_sha256$720000$c2FsdA$aGFzaA==", "pbkdf2_sha256")
                + row("user_5", "", "bcrypt")
                + row("user_6", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA", "bcrypt"));
        assertThat(a.users()).isEqualTo(6);
        assertThat(a.passwords().withPassword()).isEqualTo(5);
        assertThat(a.passwords().schemes()).containsOnlyKeys("firebase-scrypt", "md5", "unknown digest (length 16)", "pbkdf2-sha256",
                "argon2id");
        // the classifier wins when the text says what it is: a Django digest keeps its iterations
        assertThat(a.passwords().parameters().get("pbkdf2-sha256")).containsExactly(Map.entry("iterations=720000", 1L));
        assertThat(a.passwords().formats()).containsKeys("Clerk scrypt_firebase", "Clerk md5");
    }

    @Test
    void verifiedOnlyWhenThePrimaryAddressIsInTheVerifiedList() {
        var a = csv("user_1,A,B,,a@example.com,,\"a@example.com,b@example.com\",,,,,,\n"
                + "user_2,C,D,,c@example.com,,d@example.com,c@example.com,,,,,\n"
                + "user_3,E,F,,e@example.com,,e@example.com|f@example.com,,,,,,\n");
        assertThat(a.emailVerified().count()).isEqualTo(2);
        assertThat(a.emailVerified().status()).isEqualTo(Status.OBSERVED);
    }

    private static String row(String id, String digest, String hasher) {
        return id + ",,,," + id + "@example.com,,,,,,,\"" + digest + "\"," + hasher + "\n";
    }

    private static ExportAnalysis csv(String rows) {
        var analyser = new ExportAnalyser(AnalysisOptions.detect(KindAnswerKeys.AS_OF), ExportLimits.defaults());
        analyser.add("users.csv", new ByteArrayInputStream((CURRENT + rows).getBytes(StandardCharsets.UTF_8)));
        return analyser.finish();
    }
}
