package io.ciamportal.vendor;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A migration difficulty, 1 (easy) to 5 (hard), with the facts that made it.
 *
 * @param score what counts: the curator's override when there is one, else the computed score
 * @param computed the score the published rules give
 * @param override the curator's score, or null
 * @param overrideReason why the curator overrode it (required with an override)
 * @param breakdown each rule that added points, in the order the rules run
 */
public record Difficulty(int score, int computed, @Nullable Integer override, @Nullable String overrideReason,
        List<Contribution> breakdown) {

    /** One rule's share of a score. */
    public record Contribution(String fact, double points, String reason) {}

    public boolean overridden() {
        return override != null;
    }
}
