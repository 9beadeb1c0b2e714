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

/** The scorer as a table of real pairs from the seed dataset, and made-up sides where one fact decides. */
class ScorerTest {

    static final Inventory TYPICAL = new Inventory(100_000L, 40_000L, 0.8, 0.1, 0.05, 0.02, 0.3, 3, 5, 12, 40, true, 365, "EU",
            Inventory.DowntimeTolerance.MINUTES, null);

    static Side side(String slug) {
        return slug.startsWith("in-house") ? Side.inHouse(slug.contains(":") ? slug.substring(slug.indexOf(':') + 1) : null)
                : DatasetSides.of(slug);
    }

    @ParameterizedTest(name = "{0} -> {1}: hashes {2}, strategy {3}")
    @CsvSource({
            // a source that never exports hashes, to destinations with a just-in-time hook
            "cognito,           clerk,             MIGRATES_WITH_CONDITIONS, HYBRID",
            "cognito,           keycloak,          MIGRATES_WITH_CONDITIONS, HYBRID",
            "azure-ad-b2c,      entra-external-id, MIGRATES_WITH_CONDITIONS, HYBRID",
            "okta,              auth0,             MIGRATES_WITH_CONDITIONS, HYBRID",
            // ... and to destinations whose hook is unknown or partial: unknown, and the safe strategy
            "cognito,           zitadel,           UNKNOWN,                  FORCED_RESET",
            "cognito,           descope,           MIGRATES_WITH_CONDITIONS, HYBRID",
            "workos,            logto,             MIGRATES_WITH_CONDITIONS, HYBRID",
            // exports only through a support ticket: bcrypt is not among Keycloak's schemes, so its hook takes over
            // ... and to destinations that import bcrypt
            "auth0,             keycloak,          MIGRATES_WITH_CONDITIONS, HYBRID",
            "auth0,             clerk,             MIGRATES_WITH_CONDITIONS, BULK_AFTER_SUPPORT_EXPORT",
            "auth0,             ory,               MIGRATES_WITH_CONDITIONS, BULK_AFTER_SUPPORT_EXPORT",
            "stytch,            ory,               MIGRATES_WITH_CONDITIONS, BULK_AFTER_SUPPORT_EXPORT",
            // Firebase's modified scrypt: accepted by some destinations, rejected by others
            "firebase-auth,     clerk,             MIGRATES,                 BULK_WITH_HASHES",
            "firebase-auth,     supertokens,       MIGRATES,                 BULK_WITH_HASHES",
            "firebase-auth,     keycloak,          MIGRATES_WITH_CONDITIONS, HYBRID",
            "firebase-auth,     zitadel,           UNKNOWN,                  FORCED_RESET",
            // self-serve exports
            "supabase-auth,     clerk,             MIGRATES,                 BULK_WITH_HASHES",
            "keycloak,          zitadel,           MIGRATES,                 BULK_WITH_HASHES",
            "keycloak,          auth0,             MIGRATES,                 BULK_WITH_HASHES",
            "logto,             okta,              MIGRATES_WITH_CONDITIONS, HYBRID",
            // the scheme of the export is unknown: plan on the hook, never on the unconfirmed export
            "clerk,             keycloak,          UNKNOWN,                  HYBRID",
            "descope,           ory,               UNKNOWN,                  HYBRID",
            // export policy unknown
            "entra-external-id, auth0,             UNKNOWN,                  HYBRID",
            // an in-house database
            "in-house:bcrypt,   auth0,             MIGRATES,                 BULK_WITH_HASHES",
            "in-house:bcrypt,   keycloak,          MIGRATES_WITH_CONDITIONS, HYBRID",
            "in-house:phpass,   clerk,             MIGRATES,                 BULK_WITH_HASHES",
            "in-house,          clerk,             UNKNOWN,                  HYBRID"})
    void hashPortabilityDecidesTheStrategy(String source, String destination, Verdict hashes, Strategy strategy) {
        var a = Scorer.score(side(source), side(destination), TYPICAL);
        assertThat(a.item(Item.PASSWORD_HASHES).verdict()).as("hashes").isEqualTo(hashes);
        assertThat(a.strategy()).as("strategy").isEqualTo(strategy);
        assertThat(a.strategyReason()).isNotBlank();
        assertThat(a.items()).hasSize(10).extracting(Assessment.ItemVerdict::item).containsExactly(Item.values());
        assertThat(a.difficulty().score()).isBetween(1, 5);
        assertThat(a.items()).allSatisfy(i -> assertThat(i.reason()).isNotBlank());
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

    @Test
    void totpMovesOnlyWhenExportedAndImported() {
        // Keycloak exports and Zitadel imports TOTP secrets
        assertThat(Scorer.score(side("keycloak"), side("zitadel"), TYPICAL).item(Item.TOTP).verdict()).isEqualTo(Verdict.MIGRATES);
        // Cognito never exports them
        var cognito = Scorer.score(side("cognito"), side("clerk"), TYPICAL);
        assertThat(cognito.item(Item.TOTP).verdict()).isEqualTo(Verdict.RE_ENROLL);
        assertThat(cognito.item(Item.TOTP).affected()).isEqualTo(10_000L);
        // Auth0 exports them only through support (partial); Clerk imports them
        assertThat(Scorer.score(side("auth0"), side("clerk"), TYPICAL).item(Item.TOTP).verdict()).isEqualTo(Verdict.MIGRATES_WITH_CONDITIONS);
        // Firebase's TOTP export is unknown
        assertThat(Scorer.score(side("firebase-auth"), side("clerk"), TYPICAL).item(Item.TOTP).verdict()).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void passkeysReEnrollUnlessTheDomainStaysAndTheDestinationImportsThem() {
        var source = side("auth0");
        var importsAndKeepsDomain = made("dest-a", Map.of("passkeys", Support.YES, "passkey-import", Support.YES, "custom-domains", Support.YES));
        var importsButNoDomain = made("dest-b", Map.of("passkeys", Support.YES, "passkey-import", Support.YES, "custom-domains", Support.NO));
        var noImport = made("dest-c", Map.of("passkeys", Support.YES, "passkey-import", Support.NO, "custom-domains", Support.YES));
        var noPasskeys = made("dest-d", Map.of("passkeys", Support.NO));
        assertThat(Scorer.score(source, importsAndKeepsDomain, TYPICAL).item(Item.PASSKEYS).verdict()).isEqualTo(Verdict.MIGRATES_WITH_CONDITIONS);
        assertThat(Scorer.score(source, importsButNoDomain, TYPICAL).item(Item.PASSKEYS).verdict()).isEqualTo(Verdict.RE_ENROLL);
        assertThat(Scorer.score(source, noImport, TYPICAL).item(Item.PASSKEYS).verdict()).isEqualTo(Verdict.RE_ENROLL);
        assertThat(Scorer.score(source, noPasskeys, TYPICAL).item(Item.PASSKEYS).verdict()).isEqualTo(Verdict.LOST);
        // Keycloak's passkey import is unknown in the dataset: unknown, never an optimistic verdict
        assertThat(Scorer.score(source, side("keycloak"), TYPICAL).item(Item.PASSKEYS).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(Scorer.score(source, noImport, TYPICAL).item(Item.PASSKEYS).affected()).isEqualTo(2_000L);
    }

    @Test
    void forcedResetsAndReEnrollmentsAreCountedFromTheInventory() {
        // Cognito -> Clerk: hybrid, so the inactive 30% of the 80,000 password users reset
        var hybrid = Scorer.score(side("cognito"), side("clerk"), TYPICAL);
        assertThat(hybrid.forcedResets()).isEqualTo(24_000L);
        assertThat(hybrid.dualRunWeeks()).isEqualTo(8);
        // bulk with hashes: nobody resets
        var bulk = Scorer.score(side("firebase-auth"), side("clerk"), TYPICAL);
        assertThat(bulk.forcedResets()).isZero();
        assertThat(bulk.dualRunWeeks()).isEqualTo(3);
        // no hook and no hashes: everybody with a password resets
        var source = made("src", Map.of());
        var hookless = made("dst", Map.of("jit-migration", Support.NO));
        var reset = Scorer.score(withExport(source, HashExportPolicy.NONE, null), hookless, TYPICAL);
        assertThat(reset.strategy()).isEqualTo(Strategy.FORCED_RESET);
        assertThat(reset.item(Item.PASSWORD_HASHES).verdict()).isEqualTo(Verdict.RE_ENROLL);
        assertThat(reset.forcedResets()).isEqualTo(80_000L);
    }

    @Test
    void unknownNumbersStayUnknown() {
        var a = Scorer.score(side("cognito"), side("clerk"), Inventory.empty());
        assertThat(a.item(Item.PASSWORD_HASHES).affected()).isNull();
        assertThat(a.item(Item.CONSENT).verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(a.forcedResets()).isNull();
        assertThat(a.strategy()).isEqualTo(Strategy.JIT);
    }

    @Test
    void verdictsCiteTheFactsTheyRestOnWithTheirSources() {
        var a = Scorer.score(side("auth0"), side("clerk"), TYPICAL);
        var hashes = a.item(Item.PASSWORD_HASHES);
        assertThat(hashes.facts()).anySatisfy(f -> {
            assertThat(f.vendor()).isEqualTo("Auth0");
            assertThat(f.fact()).isEqualTo("Password-hash export");
            assertThat(f.sources()).isNotEmpty().allSatisfy(s -> assertThat(s).startsWith("https://"));
        });
        assertThat(hashes.reason()).contains("support ticket").contains("bcrypt");
    }

    @Test
    void difficultyAddsThePairSpecificItemsAndTheInventorySize() {
        var small = new Inventory(5_000L, 2_000L, 1.0, 0.0, 0.0, 0.0, 0.1, 1, 0, 0, 0, false, 90, null, null, null);
        var large = new Inventory(2_000_000L, 500_000L, 1.0, 0.4, 0.0, 0.0, 0.1, 3, 40, 25, 100, true, 365, null, null, null);
        var easy = Scorer.score(side("firebase-auth"), side("clerk"), small);
        var hard = Scorer.score(side("cognito"), side("zitadel"), large);
        assertThat(hard.difficulty().score()).isGreaterThan(easy.difficulty().score());
        assertThat(hard.difficulty().breakdown()).extracting(Assessment.PairDifficulty.Part::fact)
                .contains("Source outbound", "Destination inbound", "Unknowns", "MFA", "Custom logic", "Enterprise connections", "Inventory size");
    }

    // ---- made-up sides ------------------------------------------------------------------------------------------

    static Side made(String slug, Map<String, Support> supports) {
        var capabilities = new HashMap<String, Side.Citation>();
        supports.forEach((k, v) -> capabilities.put(k, new Side.Citation(slug, k, v.label(), v, List.of(), true)));
        return new Side(slug, slug, false, HashExportPolicy.SELF_SERVE, "bcrypt", Set.of("bcrypt"), true, null, capabilities, Map.of(), 2, 2);
    }

    static Side withExport(Side s, HashExportPolicy policy, String scheme) {
        return new Side(s.slug(), s.name(), false, policy, scheme, s.hashImportSchemes(), s.hashImportResearched(), s.jitHookName(),
                s.capabilities(), s.facts(), s.outbound(), s.inbound());
    }
}
