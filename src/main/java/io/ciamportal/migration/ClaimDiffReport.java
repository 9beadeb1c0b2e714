package io.ciamportal.migration;

import io.ciamportal.migration.claims.ClaimFlow;
import io.ciamportal.migration.claims.ClaimVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The claim-diff status per flow as report rows, shared by the Markdown and the PDF report. Names and verdicts only. */
final class ClaimDiffReport {

    private ClaimDiffReport() {}

    static final String INTRO = "Tokens of each critical flow from the old and the new platform, compared claim by claim during the dual run. "
            + "Only claim names and verdicts are kept; no token and no claim value.";

    /** Flow, when and by whom, the verdict counts, and the claims to review ("name: verdict, detail"). */
    record Row(String flow, String compared, String verdicts, List<String> review) {}

    static List<Row> rows(ClaimDiffViews.Status status) {
        var rows = new ArrayList<Row>();
        for (var flow : ClaimFlow.values()) {
            var c = status.latest().stream().filter(x -> x.flow() == flow).findFirst().orElse(null);
            if (c == null) {
                if (flow.required()) {
                    rows.add(new Row(flow.label(), "not compared yet", "-", List.of()));
                }
                continue;
            }
            String verdicts = c.counts().entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", "));
            var review = new ArrayList<String>();
            if (c.subChanged()) {
                review.add("sub changes" + (c.appsKeyedOnSub().isEmpty() ? "" : ": apps keyed on sub: " + String.join(", ", c.appsKeyedOnSub())));
            }
            c.claims().stream().filter(x -> x.verdict().review()).forEach(x -> review.add(x.name() + ": " + x.verdict().label()
                    + (x.verdict() == ClaimVerdict.RENAMED && x.newName() != null ? " to " + x.newName() : "")
                    + (x.detail().isEmpty() ? "" : ", " + x.detail())));
            rows.add(new Row(flow.label(), ReportMarkdown.WHEN.format(c.comparedAt()) + " by " + c.comparedBy() + " (" + c.oldKind().label()
                    + " / " + c.newKind().label() + ")", verdicts, review));
        }
        return rows;
    }

    static void markdown(StringBuilder md, ClaimDiffViews.Status status) {
        md.append("\n## Dual run: claim diffs\n\n").append(INTRO).append("\n\n| Flow | Compared | Verdicts | To review |\n|---|---|---|---|\n");
        for (var r : rows(status)) {
            md.append("| ").append(ReportMarkdown.text(r.flow())).append(" | ").append(ReportMarkdown.text(r.compared())).append(" | ")
                    .append(ReportMarkdown.text(r.verdicts())).append(" | ")
                    .append(r.review().isEmpty() ? "-" : String.join("<br>", r.review().stream().map(ReportMarkdown::text).toList())).append(" |\n");
        }
    }
}
