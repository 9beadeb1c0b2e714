package io.ciamportal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan follows the assessment: the strategy's import steps, counts from the inventory, one cutover item. */
class PlanGeneratorTest {

    private static List<PlanGenerator.Suggestion> plan(String source, String destination, Inventory inventory) {
        var s = ScorerTest.side(source);
        var d = ScorerTest.side(destination);
        return PlanGenerator.generate(s, d, inventory, Scorer.score(s, d, inventory));
    }

    private static List<String> phase(List<PlanGenerator.Suggestion> plan, int phase) {
        return plan.stream().filter(p -> p.phase() == phase).map(PlanGenerator.Suggestion::text).toList();
    }

    @Test
    void aSupportTicketExportIsRequestedFirstAndCountsComeFromTheInventory() {
        var plan = plan("auth0", "clerk", ScorerTest.TYPICAL);
        assertThat(phase(plan, 3)).anyMatch(t -> t.startsWith("Request the password-hash export from Auth0 via a support ticket (PGP-encrypted)"));
        assertThat(phase(plan, 2)).contains("Rewrite 12 custom logic units for Clerk's extension model and test each",
                "Recreate 5 enterprise connections and test each round trip with the customer");
        assertThat(plan.stream().filter(PlanGenerator.Suggestion::cutover)).singleElement()
                .satisfies(c -> assertThat(c.phase()).isEqualTo(5));
        assertThat(plan).allSatisfy(p -> assertThat(p.phase()).isBetween(1, 5));
    }

    @Test
    void aHybridPlanConfiguresTheHookAndInvitesTheDormantTail() {
        var plan = plan("cognito", "clerk", ScorerTest.TYPICAL);
        assertThat(phase(plan, 3)).anyMatch(t -> t.startsWith("Configure Clerk's just-in-time hook"))
                .anyMatch(t -> t.contains("30,000 dormant users"));
        assertThat(phase(plan, 4)).anyMatch(t -> t.startsWith("Run ") && t.endsWith("Cognito and Clerk side by side for 8 weeks"));
    }

    @Test
    void unknownVerdictsBecomeQuestionsForTheVendorInDiscovery() {
        var plan = plan("clerk", "keycloak", Inventory.empty());
        assertThat(phase(plan, 1)).anyMatch(t -> t.startsWith("Verify with the vendor: password hashes"));
        assertThat(phase(plan, 2)).contains("Rewrite the custom logic units for Keycloak's extension model and test each");
    }
}
