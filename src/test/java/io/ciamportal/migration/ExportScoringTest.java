package io.ciamportal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.exports.AnalysisOptions;
import io.ciamportal.exports.ExportAnalyser;
import io.ciamportal.exports.ExportAnalysis;
import io.ciamportal.exports.ExportLimits;
import io.ciamportal.migration.Assessment.Verdict;
import io.ciamportal.vendor.Support;
import io.ciamportal.vendor.VendorEnums.HashExportPolicy;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What an export does to scoring, on made-up exports and made-up vendor facts: the file's hashes and TOTP secrets
 * outrank the documented facts, the inventory takes what the file observed and nothing else, and each destination's
 * outcome follows its import schemes and just-in-time hook.
 */
class ExportScoringTest {

    static final Instant AS_OF = Instant.parse("2026-12-01T00:00:00Z");
    static final String BCRYPT = "$2b$10$C6UzMDM.H6dfI/f/IKxGhu4ULhMOmOOiu6drkJbgLBDbYoCgJXFc2";

    /** A made-up in-house export: {@code rows} of scheme (bcrypt, md5 or none), days since sign-in, TOTP secret or not. */
    static ExportAnalysis analysis(String... rows) {
        var csv = new StringBuilder("id,email,password,last_login,totp_secret\n");
        int i = 0;
        for (String row : rows) {
            String[] r = row.split(":");
            String password = switch (r[0]) {
                case "bcrypt" -> BCRYPT;
                case "md5" -> "5f4dcc3b5aa765d61d8327deb882cf99";
                default -> "";
            };
            String last = AS_OF.minusSeconds(86_400L * Integer.parseInt(r[1])).toString();
            csv.append(i).append(",u").append(i).append("@example.org,").append(password).append(',').append(last).append(',')
                    .append(r.length > 2 ? "JBSWY3DPEHPK3PXP" : "").append('\n');
            i++;
        }
        var options = new AnalysisOptions(io.ciamportal.exports.Platform.GENERIC, Map.of(), null, 90, AS_OF);
        var analyser = new ExportAnalyser(options, ExportLimits.defaults());
        analyser.add("users.csv", new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)));
        return analyser.finish();
    }

    static Side vendor(String slug, HashExportPolicy policy, Set<String> imports, Support jit, Support totpImport) {
        var capabilities = new HashMap<String, Side.Citation>();
        capabilities.put("jit-migration", new Side.Citation(slug, "jit-migration", jit.label(), jit, List.of("https://vendor.example/jit"), true));
        capabilities.put("totp-import", new Side.Citation(slug, "totp-import", totpImport.label(), totpImport, List.of(), true));
        capabilities.put("totp-export", new Side.Citation(slug, "totp-export", "No", Support.NO, List.of(), true));
        return new Side(slug, "Vendor " + slug, false, policy, null, imports, !imports.isEmpty(), "the hook", capabilities, Map.of(), 2, 2);
    }

    @Test
    void hashesInTheFileMakeThemExportableWhateverTheDocumentationSays() {
        var a = analysis("bcrypt:5", "bcrypt:10", "bcrypt:400", "none:3");
        var source = vendor("undocumented", HashExportPolicy.UNKNOWN, Set.of(), Support.UNKNOWN, Support.UNKNOWN);
        var destination = vendor("dest", HashExportPolicy.NONE, Set.of("bcrypt"), Support.NO, Support.YES);
        var inventory = new Inventory(4L, null, 0.75, null, null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(Scorer.passwordHashes(source, destination, inventory).verdict()).isEqualTo(Verdict.UNKNOWN);
        var evidence = ExportEvidence.of(UUID.randomUUID(), a);
        var withFile = source.withEvidence(evidence);
        var verdict = Scorer.passwordHashes(withFile, destination, inventory);
        assertThat(verdict.verdict()).isEqualTo(Verdict.MIGRATES);
        assertThat(verdict.facts()).anySatisfy(f -> {
            assertThat(f.vendor()).isEqualTo("Your export");
            assertThat(f.sources()).singleElement().asString().startsWith("export users.csv (SHA-256 ");
        });
        assertThat(Scorer.score(withFile, destination, inventory).strategy()).isEqualTo(Assessment.Strategy.BULK_WITH_HASHES);
        // a file without hashes leaves the documented facts alone
        assertThat(source.withEvidence(ExportEvidence.of(UUID.randomUUID(), analysis("none:1")))).isEqualTo(source);
    }

    @Test
    void totpSecretsInTheFileMakeThemExportable() {
        var a = analysis("bcrypt:1:totp", "bcrypt:2");
        var source = vendor("src", HashExportPolicy.SELF_SERVE, Set.of(), Support.NO, Support.NO);
        assertThat(source.support("totp-export")).isEqualTo(Support.NO);
        assertThat(source.withEvidence(ExportEvidence.of(UUID.randomUUID(), a)).support("totp-export")).isEqualTo(Support.YES);
    }

    @Test
    void eachDestinationKeepsImportsMovesJustInTimeOrResets() {
        // 6 bcrypt, 2 md5 (raw digests stay "unknown digest"), half of the users inactive for 90 days or more
        var a = analysis("bcrypt:1", "bcrypt:2", "bcrypt:3", "bcrypt:200", "bcrypt:300", "bcrypt:400", "md5:1", "md5:500");
        assertThat(a.passwords().schemes()).containsEntry("bcrypt", 6L).containsEntry("unknown digest (length 32)", 2L);
        assertThat(a.lastSignIn().inactiveShare()).isEqualTo(0.5);
        var source = Side.inHouse(null);
        var importsBcryptWithHook = vendor("a", HashExportPolicy.NONE, Set.of("bcrypt"), Support.YES, Support.YES);
        var importsBcryptNoHook = vendor("b", HashExportPolicy.NONE, Set.of("bcrypt"), Support.NO, Support.YES);
        var unknownImports = vendor("c", HashExportPolicy.NONE, Set.of(), Support.YES, Support.YES);
        var outcomes = DestinationOutcomes.of(a, source, List.of(importsBcryptWithHook, importsBcryptNoHook, unknownImports), "b");

        assertThat(outcomes.getFirst().slug()).as("the migration's own destination first").isEqualTo("b");
        var b = outcomes.getFirst();
        assertThat(b.keepPassword()).isEqualTo(6);
        assertThat(b.justInTime()).isZero();
        assertThat(b.reset()).isEqualTo(2);
        assertThat(b.unsupported()).containsOnlyKeys("unknown digest (length 32)");
        var withHook = outcomes.stream().filter(o -> o.slug().equals("a")).findFirst().orElseThrow();
        assertThat(withHook.keepPassword()).isEqualTo(6);
        assertThat(withHook.justInTime()).isEqualTo(1);
        assertThat(withHook.reset()).isEqualTo(1);
        var unknown = outcomes.stream().filter(o -> o.slug().equals("c")).findFirst().orElseThrow();
        assertThat(unknown.keepPassword()).isNull();
        assertThat(unknown.reset()).isNull();
    }

    @Test
    void theInventoryTakesWhatTheFileObservedAndKeepsWhatItCannotSee() {
        var a = analysis("bcrypt:1:totp", "bcrypt:200", "none:1", "bcrypt:100");
        var typed = new Inventory(9_000L, 100L, 0.2, 0.9, 0.5, 0.1, 0.1, 4, 7, 12, 3, true, 365, "EU", Inventory.DowntimeTolerance.HOURS, "md5");
        var filled = InventoryFromExport.of(typed, a, true);
        var i = filled.inventory();
        assertThat(i.totalUsers()).isEqualTo(4);
        assertThat(i.passwordShare()).isEqualTo(0.75);
        assertThat(i.totpShare()).isEqualTo(0.25);
        assertThat(i.inactiveShare()).isEqualTo(0.5);
        assertThat(i.sourceHashScheme()).isEqualTo("bcrypt");
        // what an in-house CSV cannot show stays as typed
        assertThat(i.customLogicUnits()).isEqualTo(12);
        assertThat(i.socialConnections()).isEqualTo(4);
        assertThat(i.tenants()).isEqualTo(3);
        assertThat(i.consentRecords()).isTrue();
        assertThat(filled.fields()).contains("totalUsers", "passwordShare", "totpShare", "inactiveShare", "sourceHashScheme")
                .doesNotContain("customLogicUnits", "socialConnections", "tenants", "consentRecords");
    }
}
