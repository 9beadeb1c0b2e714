package io.ciamportal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.vendor.Support;
import io.ciamportal.vendor.VendorEnums.HashExportPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plan follows the assessment: the strategy's import steps, counts from the inventory, one cutover item. Made-up sides. */
class PlanGeneratorTest {

    private static List<PlanGenerator.Suggestion> plan(Side s, Side d, Inventory inventory) {
        return PlanGenerator.generate(s, d, inventory, Scorer.score(s, d, inventory));
    }

    private static List<String> phase(List<PlanGenerator.Suggestion> plan, int phase) {
        return plan.stream().filter(p -> p.phase() == phase).map(PlanGenerator.Suggestion::text).toList();
    }

    @Test
    void aSupportTicketExportIsRequestedFirstAndCountsComeFromTheInventory() {
        var source = ScorerTest.side("ticketed", HashExportPolicy.SUPPORT_TICKET, "bcrypt", "-", Support.NO);
        var destination = ScorerTest.side("arrival", HashExportPolicy.NONE, "-", "bcrypt", Support.YES);
        var plan = plan(source, destination, ScorerTest.TYPICAL);
        assertThat(phase(plan, 3)).anyMatch(t -> t.startsWith("Request the password-hash export from Vendor ticketed via a support ticket"));
        assertThat(phase(plan, 2)).contains("Rewrite 12 custom logic units for Vendor arrival's extension model and test each",
                "Recreate 5 enterprise connections and test each round trip with the customer");
        assertThat(plan.stream().filter(PlanGenerator.Suggestion::cutover)).singleElement()
                .satisfies(c -> assertThat(c.phase()).isEqualTo(5));
        assertThat(plan).allSatisfy(p -> assertThat(p.phase()).isBetween(1, 5));
    }

    @Test
    void aHybridPlanConfiguresTheHookAndInvitesTheDormantTail() {
        var source = ScorerTest.side("closed", HashExportPolicy.NONE, "-", "-", Support.NO);
        var destination = ScorerTest.side("hooked", HashExportPolicy.NONE, "-", "bcrypt", Support.YES);
        var plan = plan(source, destination, ScorerTest.TYPICAL);
        assertThat(phase(plan, 3)).anyMatch(t -> t.startsWith("Configure Vendor hooked's just-in-time hook"))
                .anyMatch(t -> t.contains("30,000 dormant users"));
        assertThat(phase(plan, 4)).anyMatch(t -> t.startsWith("Run ") && t.endsWith("Vendor closed and Vendor hooked side by side for 8 weeks"));
    }

    @Test
    void unknownVerdictsBecomeQuestionsForTheVendorInDiscovery() {
        var source = ScorerTest.side("vague", HashExportPolicy.SELF_SERVE, "-", "-", Support.NO);
        var destination = ScorerTest.side("arrival", HashExportPolicy.NONE, "-", "bcrypt", Support.YES);
        var plan = plan(source, destination, Inventory.empty());
        assertThat(phase(plan, 1)).anyMatch(t -> t.startsWith("Verify with the vendor: password hashes"));
        assertThat(phase(plan, 2)).contains("Rewrite the custom logic units for Vendor arrival's extension model and test each");
    }
}
