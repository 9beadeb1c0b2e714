package io.ciamportal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.migration.Assessment.Item;
import io.ciamportal.migration.Assessment.Strategy;
import io.ciamportal.migration.Assessment.Verdict;
import io.ciamportal.vendor.Support;
import io.ciamportal.vendor.VendorEnums.HashExportPolicy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The scorer as tables of made-up sides, where one fact decides; the real pairs are in {@link SeedDatasetGoldenTest}. */
class ScorerTest {

    static final Inventory TYPICAL = new Inventory(100_000L, 40_000L, 0.8, 0.1, 0.05, 0.02, 0.3, 3, 5, 12, 40, true, 365, "EU",
            Inventory.DowntimeTolerance.MINUTES, null);

    /**
     * A made-up side from one row of a table: how it exports hashes, in which scheme, which schemes it imports (a dash
     * for none, "?" for nobody knows), and its just-in-time hook.
     */
    static Side side(String slug, HashExportPolicy export, String scheme, String imports, Support jit) {
        var capabilities = new HashMap<String, Side.Citation>();
        capabilities.put("jit-migration", new Side.Citation(slug, "jit-migration", jit.label(), jit, List.of("https://vendor.example/jit"), true));
        Set<String> schemes = imports.equals("-") || imports.equals("?") ? Set.of() : Set.of(imports.split("\\+"));
        var exportScheme = scheme.equals("-") ? null : scheme;
        var facts = Map.of("hashExport", new Side.Citation(slug, "Password-hash export", export.name(), Support.UNKNOWN,
                List.of("https://vendor.example/export"), true));
        return new Side(slug, "Vendor " + slug, false, export, exportScheme, schemes, !imports.equals("?"), "the hook", capabilities, facts, 2, 2);
    }

    static Side side(String slug) {
        return slug.startsWith("in-house") ? Side.inHouse(slug.contains(":") ? slug.substring(slug.indexOf(':') + 1) : null)
                : made(slug, Map.of());
    }

    @ParameterizedTest(name = "export {0} {1} -> imports {2}, hook {3}: hashes {4}, strategy {5}")
    @CsvSource({
            // export policy, exported scheme, destination imports, destination hook, hashes verdict, strategy
            // a source that never exports hashes: the destination's hook decides
            "NONE,           -,               bcrypt,          YES,     MIGRATES_WITH_CONDITIONS, HYBRID",
            "NONE,           -,               bcrypt,          NO,      RE_ENROLL,                FORCED_RESET",
            "NONE,           -,               bcrypt,          UNKNOWN, UNKNOWN,                  FORCED_RESET",
            "NONE,           -,               bcrypt,          PARTIAL, UNKNOWN,                  FORCED_RESET",
            // hashes only through a support ticket
            "SUPPORT_TICKET, bcrypt,          bcrypt+argon2id, YES,     MIGRATES_WITH_CONDITIONS, BULK_AFTER_SUPPORT_EXPORT",
            "SUPPORT_TICKET, bcrypt,          pbkdf2-sha256,   YES,     MIGRATES_WITH_CONDITIONS, HYBRID",
            // self-serve exports: the scheme must be imported
            "SELF_SERVE,     firebase-scrypt, firebase-scrypt, NO,      MIGRATES,                 BULK_WITH_HASHES",
            "SELF_SERVE,     firebase-scrypt, bcrypt,          YES,     MIGRATES_WITH_CONDITIONS, HYBRID",
            "SELF_SERVE,     firebase-scrypt, bcrypt,          NO,      RE_ENROLL,                FORCED_RESET",
            "SELF_SERVE,     bcrypt,          bcrypt,          UNKNOWN, MIGRATES,                 BULK_WITH_HASHES",
            "PAID_TIER,      bcrypt,          bcrypt,          YES,     MIGRATES_WITH_CONDITIONS, BULK_AFTER_SUPPORT_EXPORT",
            // what nobody knows is unknown, and the plan rests on the hook, never on the unconfirmed export
            "SELF_SERVE,     -,               bcrypt,          YES,     UNKNOWN,                  HYBRID",
            "SELF_SERVE,     bcrypt,          ?,               YES,     UNKNOWN,                  HYBRID",
            "SELF_SERVE,     bcrypt,          ?,               UNKNOWN, UNKNOWN,                  FORCED_RESET",
            "UNKNOWN,        -,               bcrypt,          YES,     UNKNOWN,                  HYBRID"})
    void hashPortabilityDecidesTheStrategy(HashExportPolicy export, String scheme, String imports, Support jit, Verdict hashes,
            Strategy strategy) {
        var a = Scorer.score(side("src", export, scheme, "-", Support.NO), side("dst", HashExportPolicy.NONE, "-", imports, jit), TYPICAL);
        assertThat(a.item(Item.PASSWORD_HASHES).verdict()).as("hashes").isEqualTo(hashes);
        assertThat(a.strategy()).as("strategy").isEqualTo(strategy);
        assertThat(a.strategyReason()).isNotBlank();
        assertThat(a.items()).hasSize(10).extracting(Assessment.ItemVerdict::item).containsExactly(Item.values());
        assertThat(a.difficulty().score()).isBetween(1, 5);
        assertThat(a.items()).allSatisfy(i -> assertThat(i.reason()).isNotBlank());
    }

    @ParameterizedTest(name = "in-house {0} -> imports {1}, hook {2}: {3}, {4}")
    @CsvSource({
            "bcrypt, bcrypt,        NO,  MIGRATES,                 BULK_WITH_HASHES",
            "bcrypt, pbkdf2-sha256, YES, MIGRATES_WITH_CONDITIONS, HYBRID",
            "phpass, phpass+bcrypt, NO,  MIGRATES,                 BULK_WITH_HASHES",
            "-,      bcrypt,        YES, UNKNOWN,                  HYBRID"})
    void anInHouseDatabaseExportsWhatItHolds(String scheme, String imports, Support jit, Verdict hashes, Strategy strategy) {
        var a = Scorer.score(Side.inHouse(scheme.equals("-") ? null : scheme), side("dst", HashExportPolicy.NONE, "-", imports, jit), TYPICAL);
        assertThat(a.item(Item.PASSWORD_HASHES).verdict()).isEqualTo(hashes);
        assertThat(a.strategy()).isEqualTo(strategy);
    }

    @Test
    void sessionsAreAlwaysLostAndCustomLogicIsAlwaysARewrite() {
        for (var pair : List.of(List.of("auth0", "keycloak"), List.of("cognito", "clerk"), List.of("in-house:bcrypt", "ory"))) {
            var a = Scorer.score(side(pair.get(0)), side(pair.get(1)), TYPICAL);
            assertThat(a.item(Item.SESSIONS).verdict()).isEqualTo(Verdict.LOST);
            assertThat(a.item(Item.SESSIONS).affected()).isEqualTo(40_000L);
            assertThat(a.item(Item.CUSTOM_LOGIC).verdict()).isEqualTo(Verdict.REWRITE);
            assertThat(a.item(Item.CUSTOM_LOGIC).affected()).isEqualTo(12L);
        }
    }

    @ParameterizedTest(name = "TOTP export {0}, import {1}: {2}")
    @CsvSource({
            "YES,     YES,     MIGRATES",
            "PARTIAL, YES,     MIGRATES_WITH_CONDITIONS",
            "YES,     PAID_ADDON, MIGRATES_WITH_CONDITIONS",
            "NO,      YES,     RE_ENROLL",
            "YES,     NO,      RE_ENROLL",
            "UNKNOWN, YES,     UNKNOWN",
            "YES,     UNKNOWN, UNKNOWN"})
    void totpMovesOnlyWhenExportedAndImported(Support export, Support imports, Verdict verdict) {
        var a = Scorer.score(made("src", Map.of("totp-export", export)), made("dst", Map.of("totp-import", imports)), TYPICAL);
        assertThat(a.item(Item.TOTP).verdict()).isEqualTo(verdict);
        // 10 % of 100,000 users have TOTP
        assertThat(a.item(Item.TOTP).affected()).isEqualTo(10_000L);
    }

    @Test
    void passkeysReEnrollUnlessTheDomainStaysAndTheDestinationImportsThem() {
        var source = made("src", Map.of("passkeys", Support.YES));
        var importsAndKeepsDomain = made("dest-a", Map.of("passkeys", Support.YES, "passkey-import", Support.YES, "custom-domains", Support.YES));
        var importsButNoDomain = made("dest-b", Map.of("passkeys", Support.YES, "passkey-import", Support.YES, "custom-domains", Support.NO));
        var noImport = made("dest-c", Map.of("passkeys", Support.YES, "passkey-import", Support.NO, "custom-domains", Support.YES));
        var noPasskeys = made("dest-d", Map.of("passkeys", Support.NO));
        var importUnknown = made("dest-e", Map.of("passkeys", Support.YES, "passkey-import", Support.UNKNOWN, "custom-domains", Support.YES));
        assertThat(Scorer.score(source, importsAndKeepsDomain, TYPICAL).item(Item.PASSKEYS).verdict()).isEqualTo(Verdict.MIGRATES_WITH_CONDITIONS);
        assertThat(Scorer.score(source, importsButNoDomain, TYPICAL).item(Item.PASSKEYS).verdict()).isEqualTo(Verdict.RE_ENROLL);
        assertThat(Scorer.score(source, noImport, TYPICAL).item(Item.PASSKEYS).verdict()).isEqualTo(Verdict.RE_ENROLL);
        assertThat(Scorer.score(source, noPasskeys, TYPICAL).item(Item.PASSKEYS).verdict()).isEqualTo(Verdict.LOST);
        // an unknown passkey import is unknown, never an optimistic verdict
        assertThat(Scorer.score(source, importUnknown, TYPICAL).item(Item.PASSKEYS).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(Scorer.score(source, noImport, TYPICAL).item(Item.PASSKEYS).affected()).isEqualTo(2_000L);
    }

    @Test
    void forcedResetsAndReEnrollmentsAreCountedFromTheInventory() {
        // no hashes out, a hook in: hybrid, so the inactive 30 % of the 80,000 password users reset
        var hybrid = Scorer.score(side("src", HashExportPolicy.NONE, "-", "-", Support.NO),
                side("dst", HashExportPolicy.NONE, "-", "bcrypt", Support.YES), TYPICAL);
        assertThat(hybrid.strategy()).isEqualTo(Strategy.HYBRID);
        assertThat(hybrid.forcedResets()).isEqualTo(24_000L);
        assertThat(hybrid.dualRunWeeks()).isEqualTo(8);
        // bulk with hashes: nobody resets
        var bulk = Scorer.score(side("src", HashExportPolicy.SELF_SERVE, "firebase-scrypt", "-", Support.NO),
                side("dst", HashExportPolicy.NONE, "-", "firebase-scrypt", Support.YES), TYPICAL);
        assertThat(bulk.forcedResets()).isZero();
        assertThat(bulk.dualRunWeeks()).isEqualTo(3);
        // no hook and no hashes: everybody with a password resets
        var reset = Scorer.score(withExport(made("src", Map.of()), HashExportPolicy.NONE, null), made("dst", Map.of("jit-migration", Support.NO)),
                TYPICAL);
        assertThat(reset.strategy()).isEqualTo(Strategy.FORCED_RESET);
        assertThat(reset.item(Item.PASSWORD_HASHES).verdict()).isEqualTo(Verdict.RE_ENROLL);
        assertThat(reset.forcedResets()).isEqualTo(80_000L);
    }

    @Test
    void unknownNumbersStayUnknown() {
        var a = Scorer.score(side("src", HashExportPolicy.NONE, "-", "-", Support.NO),
                side("dst", HashExportPolicy.NONE, "-", "bcrypt", Support.YES), Inventory.empty());
        assertThat(a.item(Item.PASSWORD_HASHES).affected()).isNull();
        assertThat(a.item(Item.CONSENT).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(a.forcedResets()).isNull();
        assertThat(a.strategy()).isEqualTo(Strategy.JIT);
    }

    @Test
    void verdictsCiteTheFactsTheyRestOnWithTheirSources() {
        var a = Scorer.score(side("src", HashExportPolicy.SUPPORT_TICKET, "bcrypt", "-", Support.NO),
                side("dst", HashExportPolicy.NONE, "-", "bcrypt", Support.YES), TYPICAL);
        var hashes = a.item(Item.PASSWORD_HASHES);
        assertThat(hashes.facts()).anySatisfy(f -> {
            assertThat(f.vendor()).isEqualTo("src");
            assertThat(f.fact()).isEqualTo("Password-hash export");
            assertThat(f.sources()).isNotEmpty().allSatisfy(s -> assertThat(s).startsWith("https://"));
        });
        assertThat(hashes.reason()).contains("support ticket").contains("bcrypt");
    }

    @Test
    void difficultyAddsThePairSpecificItemsAndTheInventorySize() {
        var small = new Inventory(5_000L, 2_000L, 1.0, 0.0, 0.0, 0.0, 0.1, 1, 0, 0, 0, false, 90, null, null, null);
        var large = new Inventory(2_000_000L, 500_000L, 1.0, 0.4, 0.0, 0.0, 0.1, 3, 40, 25, 100, true, 365, null, null, null);
        var easy = Scorer.score(side("src", HashExportPolicy.SELF_SERVE, "bcrypt", "-", Support.NO),
                side("dst", HashExportPolicy.NONE, "-", "bcrypt", Support.YES), small);
        // the source exports no TOTP secrets: TOTP users re-enroll, which the pair's difficulty counts as MFA
        var hard = Scorer.score(withCapability(side("src", HashExportPolicy.NONE, "-", "-", Support.NO), "totp-export", Support.NO),
                side("dst", HashExportPolicy.NONE, "-", "?", Support.UNKNOWN), large);
        assertThat(hard.difficulty().score()).isGreaterThan(easy.difficulty().score());
        assertThat(hard.difficulty().breakdown()).extracting(Assessment.PairDifficulty.Part::fact)
                .contains("Source outbound", "Destination inbound", "Unknowns", "MFA", "Custom logic", "Enterprise connections", "Inventory size");
    }

    // ---- made-up sides ------------------------------------------------------------------------------------------

    static Side made(String slug, Map<String, Support> supports) {
        var capabilities = new HashMap<String, Side.Citation>();
        supports.forEach((k, v) -> capabilities.put(k, new Side.Citation(slug, k, v.label(), v, List.of(), true)));
        var facts = Map.of("hashExport", new Side.Citation(slug, "Password-hash export", "Self-serve", Support.UNKNOWN,
                List.of("https://vendor.example/export"), true));
        return new Side(slug, slug, false, HashExportPolicy.SELF_SERVE, "bcrypt", Set.of("bcrypt"), true, null, capabilities, facts, 2, 2);
    }

    static Side withCapability(Side s, String key, Support support) {
        var capabilities = new HashMap<>(s.capabilities());
        capabilities.put(key, new Side.Citation(s.slug(), key, support.label(), support, List.of(), true));
        return new Side(s.slug(), s.name(), false, s.hashExportPolicy(), s.hashExportScheme(), s.hashImportSchemes(), s.hashImportResearched(),
                s.jitHookName(), capabilities, s.facts(), s.outbound(), s.inbound());
    }

    static Side withExport(Side s, HashExportPolicy policy, String scheme) {
        return new Side(s.slug(), s.name(), false, policy, scheme, s.hashImportSchemes(), s.hashImportResearched(), s.jitHookName(),
                s.capabilities(), s.facts(), s.outbound(), s.inbound());
    }
}
