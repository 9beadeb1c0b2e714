package io.ciamportal.exports;

import static io.ciamportal.exports.RehearsalMix.analyse;
import static io.ciamportal.exports.RehearsalMix.assertClose;
import static io.ciamportal.exports.RehearsalMix.text;
import static io.ciamportal.exports.RehearsalMix.unzip;
import static io.ciamportal.exports.RehearsalMix.zip;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rehearsal exports analyse to the mix of the analysis they were made from (within two points, schemes exactly). */
public class RehearsalExportTest {

    /** Auth0 with the support hash file: bcrypt at two costs (low ones, so the test hashes 1,000 users quickly). */
    public static ExportAnalysis auth0WithHashes() {
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
    public static ExportAnalysis genericCsv() {
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

    @Test
    void anAuth0ExportJobAloneStaysWithoutHashesAndIsGzippedLikeTheSource() {
        var source = SourceAnalysis.of(Platform.AUTH0, 9_000, "auth0-export-json").gzip().hashNotInExport(7_000).access(800, 1_200)
                .verified(8_000, 9_000).blocked(90).mfa(900, 0, "totp", 700, "push", 200).lastSignIn(500, 3_000, 2_000, 1_000, 1_000, 800, 700)
                .providers(1_200, "Username-Password-Authentication", 7_000, "google-oauth2", 1_200, "email", 800).keys("user_metadata.locale")
                .duplicates(0, 0, 0).build();
        var files = unzip(zip(source, 1000, 5));
        assertThat(files).containsOnlyKeys("export/users.json.gz", "answer-key.csv", "README.txt");
        var again = analyse(files);
        assertThat(again.files().getFirst().gzip()).isTrue();
        assertThat(again.passwords().withPassword()).isNull();
        assertThat(again.passwords().hashNotInExport()).isEqualTo(778);
        assertClose(source, again);
        // the answer key still gives every password user a password, said to have no hash in the export
        assertThat(text(files.get("answer-key.csv")).lines().filter(l -> l.contains(",none (the export has no hash),"))).hasSize(778);
    }

    @Test
    void anInHouseJsonDumpStaysJson() {
        var csv = genericCsv();
        var json = new ExportAnalysis(csv.format(), csv.version(), csv.platform(), csv.platformName(), false, csv.analysedAt(),
                java.util.List.of(new ExportAnalysis.FileInfo("users.json", 1, "0".repeat(64), "generic-json", "JSON", false, csv.users())),
                csv.users(), csv.skipped(), csv.passwords(), csv.passwordless(), csv.socialOnly(), csv.emailVerified(), csv.duplicateEmails(),
                csv.sourceIds(), csv.mfa(), csv.lastSignIn(), csv.providers(), csv.customAttributes(), csv.tenants(), csv.organizations(),
                csv.groups(), csv.blocked(), csv.warnings());
        var files = unzip(zip(json, 500, 2));
        assertThat(files).containsKey("export/users.json");
        var again = analyse(files);
        assertThat(again.files().getFirst().kind()).isEqualTo("generic-json");
        assertClose(json, again);
    }

    @Test
    void theSameSeedGivesTheSameArchiveAndAnotherSeedOtherPeople() {
        var source = RehearsalPlatformsTest.typical(Platform.ORY);
        assertThat(zip(source, 50, 99)).isEqualTo(zip(source, 50, 99));
        assertThat(text(unzip(zip(source, 50, 99)).get("answer-key.csv"))).isNotEqualTo(text(unzip(zip(source, 50, 100)).get("answer-key.csv")));
    }

    @Test
    void peopleAreMadeUpAndTheReadmeSaysSo() {
        var files = unzip(zip(auth0WithHashes(), 300, 1));
        String key = text(files.get("answer-key.csv"));
        var rows = key.lines().skip(1).map(l -> l.split(",", -1)).toList();
        assertThat(rows).hasSize(300);
        // every address is at example.test, carries the run's tag, and is unique apart from the planted duplicates' case
        String tag = rows.getFirst()[0].replaceAll("^.*\\.([a-z2-7]{6})@example\\.test$", "$1");
        assertThat(rows.stream().filter(r -> r[0].contains("@")).map(r -> r[0])).allMatch(e -> e.endsWith("." + tag + "@example.test"));
        assertThat(rows.stream().map(r -> r[1]).filter(p -> !p.isEmpty())).allMatch(p -> p.matches("[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}"))
                .doesNotHaveDuplicates();
        assertThat(rows.stream().filter(r -> r[3].contains("totp"))).allMatch(r -> r[4].matches("[A-Z2-7]{32}"));
        String readme = text(files.get("README.txt"));
        assertThat(readme).startsWith("SYNTHETIC REHEARSAL DATA").contains("RFC 2606").contains("throwaway").contains("bcrypt (cost=4)")
                .contains("bcrypt (cost=5)").contains("second factor").contains("users: 20000 -> 300");
        RehearsalMix.assertThatEveryEmailIsMadeUp(text(files.get("export/users.json")));
    }

    @Test
    void theUserCountIsBounded() {
        var source = auth0WithHashes();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> zip(source, 0, 1)).isInstanceOf(ExportFormatException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RehearsalExport.write(source, RehearsalExport.MAX_USERS + 1, new java.util.Random(1),
                java.io.OutputStream.nullOutputStream())).isInstanceOf(ExportFormatException.class).hasMessageContaining("100000");
        assertThat(RehearsalExport.defaultUsers(source)).isEqualTo(1000);
        assertThat(RehearsalExport.defaultUsers(SourceAnalysis.of(Platform.OKTA, 12, "okta-users").build())).isEqualTo(12);
    }
}
