package io.ciamportal.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.migration.claims.ClaimDiff;
import io.ciamportal.migration.claims.ClaimFlow;
import io.ciamportal.migration.claims.ClaimVerdict;
import io.ciamportal.migration.claims.TokenKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The claim-diff rows of the reports on made-up comparisons: compared flows with what to review, the apps keyed on
 * {@code sub} (as {@link SubjectKeyedApps} gives them), and required flows not compared yet.
 */
class ClaimDiffReportTest {

    private static ClaimDiffViews.Comparison comparison(ClaimFlow flow, boolean subChanged, List<String> apps, ClaimDiff.Claim... claims) {
        var list = List.of(claims);
        var counts = ClaimDiff.counts(list);
        int review = (int) list.stream().filter(c -> c.verdict().review()).count();
        return new ClaimDiffViews.Comparison(UUID.randomUUID(), flow, flow.label(), TokenKind.ID, TokenKind.ID, subChanged, apps, list, counts, review,
                Instant.parse("2026-12-01T10:15:00Z"), "Ana Analyst");
    }

    @Test
    void comparedFlowsListWhatToReviewAndTheAppsKeyedOnSub() {
        var signIn = comparison(ClaimFlow.SIGN_IN, true, List.of("Billing service", "Support desk"),
                new ClaimDiff.Claim("sub", ClaimVerdict.FORMAT_CHANGED, null, "auth0-id -> uuid"),
                new ClaimDiff.Claim("https://example.com/roles", ClaimVerdict.RENAMED, "roles", "same value"),
                new ClaimDiff.Claim("email", ClaimVerdict.SAME, null, ""));
        var m2m = comparison(ClaimFlow.M2M, false, List.of(), new ClaimDiff.Claim("scope", ClaimVerdict.SAME, null, ""));
        var status = new ClaimDiffViews.Status(List.of(signIn, m2m), List.of(), List.of(), List.of(), true);
        var rows = ClaimDiffReport.rows(status);
        assertThat(rows).extracting(ClaimDiffReport.Row::flow).containsExactly("Sign-in", "Sign-up", "Social sign-in", "Token refresh",
                "Machine to machine (client credentials)");
        var first = rows.getFirst();
        assertThat(first.compared()).isEqualTo("2026-12-01 10:15 UTC by Ana Analyst (ID token / ID token)");
        assertThat(first.verdicts()).isEqualTo("1 format changed, 1 renamed, 1 same");
        assertThat(first.review()).containsExactly("sub changes: apps keyed on sub: Billing service, Support desk",
                "sub: format changed, auth0-id -> uuid", "https://example.com/roles: renamed to roles, same value");
        assertThat(rows.get(1).compared()).isEqualTo("not compared yet");
        assertThat(rows.getLast().review()).isEmpty();

        var md = new StringBuilder();
        ClaimDiffReport.markdown(md, status);
        assertThat(md.toString()).contains("| Sign-in | 2026-12-01 10:15 UTC by Ana Analyst (ID token / ID token) | 1 format changed, 1 renamed, 1 same |")
                .contains("https://example.com/roles: renamed to roles, same value").contains("| Sign-up | not compared yet | - | - |");
    }
}
