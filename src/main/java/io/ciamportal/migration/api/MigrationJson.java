package io.ciamportal.migration.api;

import io.ciamportal.migration.Assessment;
import io.ciamportal.migration.Inventory;
import io.ciamportal.migration.MigrationViews;
import io.ciamportal.migration.internal.PlanItem;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The JSON the migration API answers with: records, so /v3/api-docs describes every answer. */
final class MigrationJson {

    private MigrationJson() {}

    @Schema(description = "A fact a verdict rests on, with its sources and whether it was confirmed at the vendor's own material")
    record Fact(String vendor, String fact, String value, List<String> sources, boolean confirmed) {}

    @Schema(description = "One item's verdict: what migrates, why, how many users or objects it touches and the effort")
    record Item(String item, String verdict, String reason, List<Fact> facts, @Nullable Long affected, String unit, String effort) {}

    @Schema(description = "One part of the pair difficulty")
    record Part(String fact, double points, String reason) {}

    @Schema(description = "Pair difficulty, 1 easy to 5 hard, with its breakdown")
    record Difficulty(int score, List<Part> breakdown) {}

    @Schema(description = "The recommended strategy")
    record Strategy(String kind, String label, String reason) {}

    @Schema(description = "A scored pair: item verdicts with the facts they rest on, strategy, dual-run window, difficulty")
    record AssessmentJson(String source, String destination, Difficulty difficulty, Strategy strategy, int dualRunWeeks,
            @Nullable Long forcedResets, @Nullable Long mfaReenrollments, List<Item> items) {

        static AssessmentJson of(Assessment a) {
            return new AssessmentJson(a.source(), a.destination(),
                    new Difficulty(a.difficulty().score(), a.difficulty().breakdown().stream().map(p -> new Part(p.fact(), p.points(), p.reason())).toList()),
                    new Strategy(a.strategy().name(), a.strategy().label(), a.strategyReason()), a.dualRunWeeks(), a.forcedResets(),
                    a.mfaReenrollments(), a.items().stream().map(i -> new Item(i.item().key(), i.verdict().name(), i.reason(),
                            i.facts().stream().map(f -> new Fact(f.vendor(), f.fact(), f.value(), f.sources(), f.confirmed())).toList(),
                            i.affected(), i.unit(), i.effort())).toList());
        }
    }

    @Schema(description = "A migration in the list; missingVendors names a source or destination no longer in the vendor index")
    record Summary(UUID id, String name, String source, String destination, String owner, @Nullable String myRole, int difficulty,
            String strategy, int planDone, int planTotal, String updatedAt, List<String> missingVendors) {

        static Summary of(MigrationViews.Summary s) {
            return new Summary(s.id(), s.name(), s.source(), s.destination(), s.ownerName(), s.myRole() == null ? null : s.myRole().name(),
                    s.difficulty(), s.strategy().name(), s.done(), s.total(), s.updatedAt().toString(), s.missingVendors());
        }
    }

    @Schema(description = "A member of the migration")
    record Member(String username, String name, String role) {}

    @Schema(description = "A plan item; version is what an edit of it must send in If-Match; dueByHand: a person set the due date and it "
            + "stays when the cutover date moves; overdue: not done and due before today")
    record PlanItem(UUID id, String text, String kind, @Nullable String owner, @Nullable String due, boolean done, long version, boolean dueByHand,
            boolean overdue) {

        static PlanItem of(MigrationViews.PlanItemView i) {
            return new PlanItem(i.id(), i.text(), i.kind(), i.ownerName(), i.due() == null ? null : i.due().toString(), i.done(), i.version(),
                    i.dueByHand(), i.overdue());
        }
    }

    @Schema(description = "One of the five phases of the plan")
    record Phase(int phase, String name, long done, List<PlanItem> items) {}

    @Schema(description = "A migration with its members, inventory, assessment and plan; version is the ETag an edit sends in If-Match")
    record Details(UUID id, String name, String source, String destination, String owner, @Nullable String myRole, int difficulty,
            String strategy, int planDone, int planTotal, String updatedAt, List<String> missingVendors, Inventory inventory,
            List<Member> members, AssessmentJson assessment, List<Phase> plan, boolean canEdit, long version, @Nullable String updatedBy) {

        static Details of(MigrationViews.Details d) {
            var s = d.summary();
            return new Details(s.id(), s.name(), s.source(), s.destination(), s.ownerName(), s.myRole() == null ? null : s.myRole().name(),
                    s.difficulty(), s.strategy().name(), s.done(), s.total(), s.updatedAt().toString(), s.missingVendors(), d.inventory(),
                    d.members().stream().map(m -> new Member(m.username(), m.displayName(), m.role().name())).toList(),
                    AssessmentJson.of(d.assessment()),
                    d.plan().stream().map(p -> new Phase(p.number(), p.name(), p.done(), p.items().stream().map(PlanItem::of).toList())).toList(),
                    d.canEdit(), d.version(), d.updatedBy());
        }
    }
}
