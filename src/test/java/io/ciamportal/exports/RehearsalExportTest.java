package io.ciamportal.exports;

import static io.ciamportal.exports.RehearsalMix.analyse;
import static io.ciamportal.exports.RehearsalMix.assertClose;
import static io.ciamportal.exports.RehearsalMix.text;
import static io.ciamportal.exports.RehearsalMix.unzip;
import static io.ciamportal.exports.RehearsalMix.zip;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rehearsal exports analyse to the mix of the analysis they were made from (within two points, schemes exactly). */
class RehearsalExportTest {

    /** Auth0 with the support hash file: bcrypt at two costs (low ones, so the test hashes 1,000 users quickly). */
    static ExportAnalysis auth0WithHashes() {
        return SourceAnalysis.of(Platform.AUTH0, 20_000, "auth0-export-json", "auth0-password-hashes")
                .passwords(13_000).scheme("bcrypt", "cost=4", "Modular crypt", 11_700).scheme("bcrypt", "cost=5", "Modular crypt", 1_300)
                .access(1_600, 3_400).verified(15_200, 19_400).blocked(300)
                .mfa(2_400, 0, "totp", 1_600, "sms", 600, "push", 400)
                .lastSignIn(1_000, 5_000, 3_000, 2_000, 2_500, 3_000, 3_500)
                .providers(4_400, "Username-Password-Authentication", 15_000, "google-oauth2", 3_000, "github", 600, "acme-okta-saml", 800,
                        "email", 1_000, "sms", 600)
                .keys("app_metadata.plan", "app_metadata.roles", "user_metadata.locale")
                .duplicates(150, 300, 600).build();
    }

    /** An in-house table with many schemes in their usual formats, every optional column present. */
    static ExportAnalysis genericCsv() {
        return SourceAnalysis.of(Platform.GENERIC, 10_000, "generic-csv")
                .passwords(9_000).scheme("pbkdf2-sha256", "iterations=1000", "Django", 3_000).scheme("argon2id", "m=64,t=1,p=1", "PHC string", 1_500)
                .scheme("bcrypt", "cost=4", "Modular crypt", 1_500).scheme("phpass", "iterations=2^7", "WordPress phpass", 1_000)
                .scheme("ssha", "", "LDAP {SSHA}", 500).scheme("sha512-crypt", "rounds=1000", "crypt(3)", 500)
                .scheme("unknown digest (length 32)", "", "raw digest", 500).scheme("pbkdf2-sha512", "iterations=1000", "ASP.NET Identity v3", 500)
                .access(600, 400).verified(8_000, 10_000).blocked(200).mfa(1_200, 700, "totp", 700, "other", 500)
                .lastSignIn(1_000, 3_000, 2_000, 1_000, 1_000, 1_000, 1_000).providers(500, "local", 9_500, "google", 500)
                .keys("created_on", "username").duplicates(50, 100, 300).tenants(3).groups(4).build();
    }

    @Test
    void anAuth0ExportWithItsHashFileAnalysesToTheSourceMix() {
        var source = auth0WithHashes();
        var files = unzip(zip(source, 1000, 7));
        assertThat(files).containsOnlyKeys("export/users.json", "export/password-hashes.ndjson", "answer-key.csv", "README.txt");
        var again = analyse(files);
        assertThat(again.users()).isEqualTo(1000);
        assertClose(source, again);
    }
}
