package io.ciamportal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.migration.Assessment.Item;
import io.ciamportal.migration.Assessment.Strategy;
import io.ciamportal.migration.Assessment.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden pairs: the scorer on real vendors from the committed dataset (db/dataset). The rules are tested on made-up
 * sides in {@link ScorerTest}; these rows say plainly what the current release makes of the pairs teams ask about most.
 * When a dataset release changes a fact these rest on, update the row on purpose, with the release.
 */
class SeedDatasetGoldenTest {

    @ParameterizedTest(name = "{0} -> {1}: hashes {2}, strategy {3}")
    @CsvSource({
            // the source never exports hashes: the destination's hook decides
            "cognito,           keycloak,          MIGRATES_WITH_CONDITIONS, HYBRID",
            "azure-ad-b2c,      entra-external-id, MIGRATES_WITH_CONDITIONS, HYBRID",
            "okta,              auth0,             MIGRATES_WITH_CONDITIONS, HYBRID",
            // Clerk's sign-in hook reads only Cognito's own hashes (partial): unknown, and the safe strategy
            "cognito,           clerk,             UNKNOWN,                  FORCED_RESET",
            // bcrypt through an Auth0 support ticket: imported by Clerk and Ory, not by Keycloak (whose hook takes over)
            "auth0,             clerk,             MIGRATES_WITH_CONDITIONS, BULK_AFTER_SUPPORT_EXPORT",
            "auth0,             ory,               MIGRATES_WITH_CONDITIONS, BULK_AFTER_SUPPORT_EXPORT",
            "auth0,             keycloak,          MIGRATES_WITH_CONDITIONS, HYBRID",
            // Firebase's modified scrypt: accepted by some destinations, not by Keycloak
            "firebase-auth,     supertokens,       MIGRATES,                 BULK_WITH_HASHES",
            "firebase-auth,     clerk,             MIGRATES,                 BULK_WITH_HASHES",
            "firebase-auth,     keycloak,          MIGRATES_WITH_CONDITIONS, HYBRID",
            // self-serve exports in a scheme the destination imports
            "keycloak,          zitadel,           MIGRATES,                 BULK_WITH_HASHES",
            "supabase-auth,     clerk,             MIGRATES,                 BULK_WITH_HASHES",
            "clerk,             workos,            MIGRATES,                 BULK_WITH_HASHES",
            // the scheme of Stytch's export is not stated: plan on the hook
            "stytch,            ory,               UNKNOWN,                  HYBRID"})
    void theCurrentReleaseScoresTheCommonPairsSo(String source, String destination, Verdict hashes, Strategy strategy) {
        var a = Scorer.score(DatasetSides.of(source), DatasetSides.of(destination), ScorerTest.TYPICAL);
        assertThat(a.item(Item.PASSWORD_HASHES).verdict()).as("hashes").isEqualTo(hashes);
        assertThat(a.strategy()).as("strategy").isEqualTo(strategy);
    }
}
