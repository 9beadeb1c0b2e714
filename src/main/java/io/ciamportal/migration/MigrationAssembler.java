package io.ciamportal.migration;

import io.ciamportal.migration.MigrationViews.Details;
import io.ciamportal.migration.MigrationViews.PlanItemView;
import io.ciamportal.migration.internal.Migration;
import io.ciamportal.migration.internal.PlanItem;
import io.ciamportal.migration.internal.PlanItemRepository;
import io.ciamportal.security.PeopleDirectory;
import io.ciamportal.security.PortalPrincipal;
import io.ciamportal.security.PortalRole;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns migrations into the records views and the API get, with as few reads as possible: each vendor side once per
 * request, the plans and the people of a whole list in one query each.
 */
@Component
class MigrationAssembler {

    private final PlanItemRepository planItems;
    private final PeopleDirectory people;
    private final MigrationSides sides;

    private final java.time.Clock clock;

    MigrationAssembler(PlanItemRepository planItems, PeopleDirectory people, MigrationSides sides, java.time.Clock clock) {
        this.clock = clock;
        this.planItems = planItems;
        this.people = people;
        this.sides = sides;
    }

    /** The list: one plan query, one people query, each vendor side read once. */
    List<MigrationViews.Summary> summaries(List<Migration> migrations, PortalPrincipal me) {
        if (migrations.isEmpty()) {
            return List.of();
        }
        var memo = sides.memo();
        var plans = planItems.findByMigrationIdIn(migrations.stream().map(Migration::id).toList()).stream()
                .collect(Collectors.groupingBy(PlanItem::migrationId));
        var names = names(migrations.stream().map(Migration::ownerId).collect(Collectors.toSet()));
        return migrations.stream().map(m -> summary(m, me, memo.scored(m), plans.getOrDefault(m.id(), List.of()), names, memo)).toList();
    }

    Details details(Migration m, PortalPrincipal me) {
        var memo = sides.memo();
        return details(m, me, memo.scored(m), memo);
    }

    Details details(Migration m, PortalPrincipal me, MigrationSides.Scored scored, MigrationSides.Memo memo) {
        var plan = planItems.findByMigrationIdOrderByPhaseAscPositionAsc(m.id());
        var members = members(m);
        var ids = new HashSet<UUID>();
        ids.add(m.ownerId());
        if (m.updatedBy() != null) {
            ids.add(m.updatedBy());
        }
        plan.stream().map(PlanItem::ownerId).filter(Objects::nonNull).forEach(ids::add);
        var names = names(ids);
        var summary = summary(m, me, scored, plan, names, memo);
        var phases = new ArrayList<MigrationViews.Phase>();
        for (int i = 1; i <= 5; i++) {
            int phase = i;
            phases.add(new MigrationViews.Phase(phase, PlanGenerator.PHASES.get(phase - 1),
                    plan.stream().filter(p -> p.phase() == phase).map(p -> view(p, names)).toList()));
        }
        var apps = m.applications();
        return new Details(summary, m.inventory(), members, scored.assessment(), phases, MigrationLoader.canEdit(m, me),
                MigrationLoader.canManage(m, me), m.version(), m.updatedBy() == null ? null : names.get(m.updatedBy()), apps,
                ApplicationScorer.score(scored.source(), scored.destination(), m.inventory(), apps));
    }

    /** The migration as another feature needs it, after the membership check: no assessment, just people and rights. */
    MigrationViews.Access access(Migration m, PortalPrincipal me) {
        var role = m.roleOf(me.userId()).orElse(null);
        return new MigrationViews.Access(m.id(), m.name(), m.source(), m.destination(), m.ownerId(), role, me.hasRole(PortalRole.ADMIN),
                MigrationLoader.canEdit(m, me), MigrationLoader.canManage(m, me), MigrationAccessPolicy.canSign(role, me),
                m.requiredApprovals(), signedInventory(m), members(m));
    }

    /**
     * The inventory a sign-off rests on: the numbers, and (only when there is one, so older sign-offs keep their hash)
     * the export whose hash and TOTP evidence the scoring used, and the application-side inventory.
     */
    static Map<String, @Nullable Object> signedInventory(Migration m) {
        var map = new LinkedHashMap<>(m.inventory().asMap());
        var evidence = ExportEvidence.fromJson(m.exportEvidence());
        if (evidence != null) {
            map.put("exportEvidence", evidence.exportId() + " " + evidence.sha256() + " " + new java.util.TreeMap<>(evidence.schemes())
                    + " totp=" + evidence.totpSecretsInFile());
        }
        var apps = m.applications();
        if (!apps.isEmpty()) {
            map.put("applications", apps.asMap());
        }
        // only when set, so sign-offs given before any cutover date keep their hash; the rollback gate rests on the window
        m.cutoverSchedule().ifPresent(schedule -> map.put("cutoverSchedule", schedule.signed()));
        return map;
    }

    /** The members with their names, the owner first. */
    List<MigrationViews.Member> members(Migration m) {
        var byId = people.byIds(m.members().stream().map(Migration.Member::userId).toList());
        return m.members().stream()
                .map(x -> {
                    var p = byId.get(x.userId());
                    return new MigrationViews.Member(x.userId(), p == null ? "?" : p.username(), p == null ? "Unknown" : p.displayName(), x.role());
                })
                .sorted(Comparator.comparing((MigrationViews.Member x) -> x.role().ordinal()).thenComparing(MigrationViews.Member::displayName))
                .toList();
    }

    Map<UUID, String> names(java.util.Collection<UUID> ids) {
        var names = new LinkedHashMap<UUID, String>();
        people.byIds(List.copyOf(ids)).forEach((id, p) -> names.put(id, p.displayName()));
        return names;
    }

    PlanItemView view(PlanItem p, Map<UUID, String> owners) {
        return new PlanItemView(p.id(), p.phase(), p.text(), p.kind().name(), p.ownerId(), p.ownerId() == null ? null : owners.get(p.ownerId()),
                p.dueOn(), p.done(), p.doneAt(), p.version(), p.dueByHand(),
                CutoverCalendar.overdue(p.dueOn(), p.done(), java.time.LocalDate.now(clock)));
    }

    PlanItemView view(PlanItem p) {
        var ids = new HashSet<UUID>();
        if (p.ownerId() != null) {
            ids.add(p.ownerId());
        }
        return view(p, names(ids));
    }

    private MigrationViews.Summary summary(Migration m, PortalPrincipal me, MigrationSides.Scored scored, List<PlanItem> plan,
            Map<UUID, String> names, MigrationSides.Memo memo) {
        int done = (int) plan.stream().filter(PlanItem::done).count();
        var a = scored.assessment();
        var missing = new ArrayList<String>();
        for (String slug : List.of(m.source(), m.destination())) {
            if (memo.missing(slug)) {
                missing.add(slug);
            }
        }
        return new MigrationViews.Summary(m.id(), m.name(), m.source(), scored.sourceName(), m.destination(), scored.destination().name(),
                names.getOrDefault(m.ownerId(), "unknown"), m.roleOf(me.userId()).orElse(null), a.difficulty().score(), a.strategy(), done,
                plan.size(), m.updatedAt(), List.copyOf(missing));
    }

    static Map<String, @Nullable Object> describe(PlanItem p) {
        var map = new LinkedHashMap<String, @Nullable Object>();
        map.put("phase", p.phase());
        map.put("text", p.text());
        map.put("owner", p.ownerId() == null ? null : p.ownerId().toString());
        map.put("due", p.dueOn() == null ? null : p.dueOn().toString());
        map.put("done", p.done());
        return map;
    }
}
