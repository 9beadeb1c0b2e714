package io.ciamportal.migration;

import io.ciamportal.migration.claims.ClaimDiff;
import io.ciamportal.migration.claims.ClaimFlow;
import io.ciamportal.migration.claims.ClaimVerdict;
import io.ciamportal.migration.claims.TokenKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the dual-run tab, the API and the reports show of a migration's claim diffs: names and verdicts, no values. */
public final class ClaimDiffViews {

    private ClaimDiffViews() {}

    /**
     * One comparison of a flow.
     *
     * @param appsKeyedOnSub apps of the migration that store {@code sub} as a key; listed only when {@code sub} changed
     */
    public record Comparison(UUID id, ClaimFlow flow, String flowLabel, TokenKind oldKind, TokenKind newKind, boolean subChanged,
            List<String> appsKeyedOnSub, List<ClaimDiff.Claim> claims, Map<ClaimVerdict, Integer> counts, int toReview, Instant comparedAt,
            String comparedBy) {}

    /** A comparison in the history, without its claims. */
    public record HistoryRow(UUID id, ClaimFlow flow, String flowLabel, boolean subChanged, Map<ClaimVerdict, Integer> counts, int toReview,
            Instant comparedAt, String comparedBy) {}

    /** A flow the team has not compared yet. */
    public record FlowRef(ClaimFlow flow, String label, boolean required) {}

    /**
     * The migration's dual-run evidence.
     *
     * @param latest the newest comparison of each flow compared, in flow order
     * @param notCompared the required flows with no comparison yet
     * @param optional flows not compared that the team may compare when it uses them
     * @param history every comparison, newest first (at most 100)
     */
    public record Status(List<Comparison> latest, List<FlowRef> notCompared, List<FlowRef> optional, List<HistoryRow> history, boolean canCompare) {}
}
