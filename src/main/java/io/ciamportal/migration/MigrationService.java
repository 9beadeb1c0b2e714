package io.ciamportal.migration;

import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.migration.MigrationViews.Details;
import io.ciamportal.migration.MigrationViews.NewMigration;
import io.ciamportal.migration.MigrationViews.PlanItemView;
import io.ciamportal.security.CurrentUser;
import io.ciamportal.security.PeopleDirectory;
import io.ciamportal.security.PortalPrincipal;
import io.ciamportal.security.PortalRole;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.NotFoundException;
import io.ciamportal.shared.RuleViolationException;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import io.ciamportal.vendor.VendorService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Migrations, their inventory, members and plan. Every method checks the caller itself: only members and admins can
 * see a migration (anyone else gets "not found", never the data); analysts who are owner or analyst members, and
 * admins, edit; the owner and admins manage members.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional
public class MigrationService {

    static final int MAX_NAME = 120;
    static final int MAX_WHAT_IF = 5;

    private final MigrationRepository migrations;
    private final PlanItemRepository planItems;
    private final VendorService vendors;
    private final PeopleDirectory people;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<CutoverGuard> cutoverGuard;
    private final io.ciamportal.audit.AuditQueryService auditQueries;
    private final org.springframework.beans.factory.ObjectProvider<GateSummaries> gateSummaries;

    MigrationService(MigrationRepository migrations, PlanItemRepository planItems, VendorService vendors, PeopleDirectory people,
            CurrentUser currentUser, AuditLog audit, Clock clock, org.springframework.context.ApplicationEventPublisher events,
            org.springframework.beans.factory.ObjectProvider<CutoverGuard> cutoverGuard, io.ciamportal.audit.AuditQueryService auditQueries,
            org.springframework.beans.factory.ObjectProvider<GateSummaries> gateSummaries) {
        this.gateSummaries = gateSummaries;
        this.events = events;
        this.cutoverGuard = cutoverGuard;
        this.auditQueries = auditQueries;
        this.migrations = migrations;
        this.planItems = planItems;
        this.vendors = vendors;
        this.people = people;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- scoring without storing --------------------------------------------------------------------------------

    /** Scores a pair for any signed-in user; nothing is stored. */
    @Transactional(readOnly = true)
    public Assessment score(String source, String destination, Inventory inventory) {
        var clean = inventory.validated();
        validatePair(source, destination);
        return Scorer.score(side(source, clean), side(destination, clean), clean);
    }

    /** The same source and inventory against several destinations (what-if), in the order given. */
    @Transactional(readOnly = true)
    public List<Assessment> whatIf(UUID id, List<String> destinations) {
        var m = readable(id);
        if (destinations.isEmpty() || destinations.size() > MAX_WHAT_IF) {
            throw new InvalidInputException("destinations", "Compare 1 to " + MAX_WHAT_IF + " destinations.");
        }
        var inventory = m.inventory();
        var source = side(m.source(), inventory);
        var result = new ArrayList<Assessment>();
        for (String destination : destinations.stream().distinct().toList()) {
            validatePair(m.source(), destination);
            result.add(Scorer.score(source, side(destination, inventory), inventory));
        }
        return result;
    }

    /** Vendors a migration can go to or come from, by name. */
    @Transactional(readOnly = true)
    public List<MigrationViews.Choice> vendorChoices() {
        return vendors.snapshots().stream()
                .map(s -> new MigrationViews.Choice(s.summary().slug(), s.summary().name(), s.summary().lifecycle().status() == LifecycleStatus.ACTIVE))
                .toList();
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<MigrationViews.Summary> list() {
        var me = currentUser.require();
        var all = me.hasRole(PortalRole.ADMIN) ? migrations.findAllRecentFirst() : migrations.findForMember(me.userId());
        return all.stream().map(m -> summary(m, me, scored(m), planItems.findByMigrationIdOrderByPhaseAscPositionAsc(m.id()))).toList();
    }

    @Transactional(readOnly = true)
    public Details get(UUID id) {
        var m = readable(id);
        return details(m, currentUser.require());
    }

    /** The assessment of a stored migration, for members and admins. */
    @Transactional(readOnly = true)
    public Assessment assessment(UUID id) {
        return assess(readable(id));
    }

    /** Everything the reports show, as of now. */
    @Transactional(readOnly = true)
    public Report report(UUID id) {
        var m = readable(id);
        var me = currentUser.require();
        var summaries = gateSummaries.getIfAvailable();
        return new Report(details(m, me), clock.instant(), me.displayName(), summaries == null ? List.of() : summaries.forReport(id));
    }

    // ---- creating and editing -----------------------------------------------------------------------------------

    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    public Details create(NewMigration request) {
        var me = currentUser.require();
        String name = validName(request.name());
        String source = request.source() == null ? "" : request.source().strip();
        String destination = request.destination() == null ? "" : request.destination().strip();
        validatePair(source, destination);
        var inventory = request.inventory() == null ? Inventory.empty() : request.inventory().validated();
        var now = clock.instant();
        var migration = new Migration(name, source, destination, me.userId(), inventory, now);
        var added = new ArrayList<String>();
        for (var member : request.members() == null ? List.<MigrationViews.MemberRequest>of() : request.members()) {
            var person = people.byUsername(member.username())
                    .orElseThrow(() -> new InvalidInputException("members", "No user " + member.username() + "."));
            if (person.id().equals(me.userId())) {
                continue;
            }
            if (member.role() == null || member.role() == MemberRole.OWNER) {
                throw new InvalidInputException("members", "Give " + member.username() + " the role analyst, reviewer or viewer.");
            }
            migration.putMember(person.id(), member.role(), now);
            added.add(person.username() + ":" + member.role());
        }
        migrations.saveAndFlush(migration);
        refreshPlan(migration);
        events.publishEvent(new MigrationEvents.Created(migration.id()));
        var after = new LinkedHashMap<String, Object>();
        after.put("name", name);
        after.put("source", source);
        after.put("destination", destination);
        after.put("members", added);
        after.put("inventory", inventory.asMap());
        audit.record(AuditEvent.success("MIGRATION_CREATED", "migration", migration.id().toString(), null, after));
        return details(migration, me);
    }

    public Details rename(UUID id, String name) {
        var m = editable(id);
        String clean = validName(name);
        String before = m.name();
        m.rename(clean, clock.instant());
        migrations.flush();
        audit.record(AuditEvent.success("MIGRATION_RENAMED", "migration", id.toString(), Map.of("name", before), Map.of("name", clean)));
        return details(m, currentUser.require());
    }

    public Details changeDestination(UUID id, String destination) {
        var m = editable(id);
        validatePair(m.source(), destination);
        String before = m.destination();
        m.changePair(m.source(), destination, clock.instant());
        migrations.flush();
        refreshPlan(m);
        audit.record(AuditEvent.success("MIGRATION_DESTINATION_CHANGED", "migration", id.toString(), Map.of("destination", before),
                Map.of("destination", destination)));
        return details(m, currentUser.require());
    }

    public Details updateInventory(UUID id, Inventory inventory) {
        var m = editable(id);
        var clean = inventory.validated();
        var before = m.inventory();
        if (before.equals(clean)) {
            return details(m, currentUser.require());
        }
        m.updateInventory(clean, clock.instant());
        migrations.flush();
        refreshPlan(m);
        events.publishEvent(new MigrationEvents.InventoryChanged(id));
        var changedBefore = new LinkedHashMap<String, @Nullable Object>();
        var changedAfter = new LinkedHashMap<String, @Nullable Object>();
        var old = before.asMap();
        clean.asMap().forEach((k, v) -> {
            if (!java.util.Objects.equals(old.get(k), v)) {
                changedBefore.put(k, old.get(k));
                changedAfter.put(k, v);
            }
        });
        audit.record(AuditEvent.success("MIGRATION_INVENTORY_CHANGED", "migration", id.toString(), changedBefore, changedAfter));
        return details(m, currentUser.require());
    }

    /** How many distinct reviewers must approve each gate (owner and admins; 1 to 5). */
    public Details setRequiredApprovals(UUID id, int count) {
        var m = managed(id);
        int before = m.requiredApprovals();
        m.requireApprovals(count, clock.instant());
        migrations.flush();
        audit.record(AuditEvent.success("MIGRATION_APPROVALS_REQUIRED_CHANGED", "migration", id.toString(),
                Map.of("requiredApprovals", before), Map.of("requiredApprovals", count)));
        events.publishEvent(new MigrationEvents.RequiredApprovalsChanged(id, count));
        return details(m, currentUser.require());
    }

    /** The migration as another feature needs it, after the same membership check as {@link #get}. */
    @Transactional(readOnly = true)
    public MigrationViews.Access access(UUID id) {
        var m = readable(id);
        var me = currentUser.require();
        // no assessment here: the gates ask for access on every request and only need the people and the inventory
        return new MigrationViews.Access(m.id(), m.name(), m.ownerId(), m.roleOf(me.userId()).orElse(null), me.hasRole(PortalRole.ADMIN),
                canEdit(m, me), canManage(m, me), m.requiredApprovals(), m.inventory().asMap(), members(m));
    }

    /** The migrations in which the caller is a reviewer, for their sign-off inbox. */
    @Transactional(readOnly = true)
    public List<MigrationViews.Reviewed> reviewing() {
        var me = currentUser.require();
        return migrations.findForMember(me.userId()).stream()
                .filter(m -> m.roleOf(me.userId()).orElse(null) == MemberRole.REVIEWER)
                .map(m -> new MigrationViews.Reviewed(m.id(), m.name())).toList();
    }

    /** The migration's audit trail (everything recorded with it as target), oldest first, for members and admins. */
    @Transactional(readOnly = true)
    public List<io.ciamportal.audit.AuditEntry> auditTrail(UUID id) {
        readable(id);
        return auditQueries.trailAuthorizedByCaller("migration", id.toString());
    }

    // ---- members ------------------------------------------------------------------------------------------------

    public Details putMember(UUID id, String username, MemberRole role) {
        var m = managed(id);
        var person = people.byUsername(username).orElseThrow(() -> new InvalidInputException("username", "No user " + username + "."));
        var before = m.roleOf(person.id());
        m.putMember(person.id(), role, clock.instant());
        migrations.flush();
        audit.record(AuditEvent.success(before.isPresent() ? "MIGRATION_MEMBER_ROLE_CHANGED" : "MIGRATION_MEMBER_ADDED", "migration",
                id.toString(), before.map(r -> Map.<String, Object>of("member", person.username(), "role", r.name())).orElse(null),
                Map.of("member", person.username(), "role", role.name())));
        return details(m, currentUser.require());
    }

    public Details removeMember(UUID id, UUID userId) {
        var m = managed(id);
        var role = m.roleOf(userId).orElseThrow(() -> new NotFoundException("This person is not a member."));
        m.removeMember(userId, clock.instant());
        migrations.flush();
        String username = people.byId(userId).map(PeopleDirectory.Person::username).orElse(userId.toString());
        audit.record(AuditEvent.success("MIGRATION_MEMBER_REMOVED", "migration", id.toString(),
                Map.of("member", username, "role", role.name()), null));
        return details(m, currentUser.require());
    }

    /** People who could be added as members: everyone enabled who is not a member yet. */
    @Transactional(readOnly = true)
    public List<PeopleDirectory.Person> candidates(UUID id) {
        var m = managed(id);
        var memberIds = new HashSet<UUID>();
        m.members().forEach(x -> memberIds.add(x.userId()));
        return people.enabled().stream().filter(p -> !memberIds.contains(p.id())).toList();
    }

    // ---- plan ---------------------------------------------------------------------------------------------------

    public PlanItemView addPlanItem(UUID id, int phase, String text) {
        var m = editable(id);
        if (phase < 1 || phase > 5) {
            throw new InvalidInputException("phase", "Pick a phase from 1 to 5.");
        }
        String clean = validText(text);
        int position = planItems.findByMigrationIdOrderByPhaseAscPositionAsc(m.id()).stream().mapToInt(PlanItem::position).max().orElse(0) + 1;
        var item = planItems.saveAndFlush(new PlanItem(m.id(), phase, position, clean, PlanItem.Kind.CUSTOM));
        audit.record(AuditEvent.success("PLAN_ITEM_ADDED", "migration", id.toString(), null, Map.of("phase", phase, "text", clean)));
        return view(item, ownerNames(List.of(item)));
    }

    public PlanItemView updatePlanItem(UUID id, UUID itemId, String text, @Nullable UUID owner, @Nullable LocalDate due) {
        var m = editable(id);
        var item = item(m, itemId);
        String clean = validText(text);
        if (owner != null && m.roleOf(owner).isEmpty()) {
            throw new InvalidInputException("owner", "The owner of an item must be a member of the migration.");
        }
        var before = describe(item);
        item.edit(clean, owner, due);
        planItems.flush();
        audit.record(AuditEvent.success("PLAN_ITEM_CHANGED", "migration", id.toString(), before, describe(item)));
        return view(item, ownerNames(List.of(item)));
    }

    public PlanItemView setPlanItemDone(UUID id, UUID itemId, boolean done) {
        var m = editable(id);
        var item = item(m, itemId);
        if (done == item.done()) {
            return view(item, ownerNames(List.of(item)));
        }
        if (done && item.kind() == PlanItem.Kind.CUTOVER) {
            var guard = cutoverGuard.getIfAvailable();
            var blocking = guard == null ? List.<String>of() : guard.blockingGates(m.id());
            if (!blocking.isEmpty()) {
                throw new RuleViolationException("Cutover needs all six security gates approved. Not approved yet: "
                        + String.join(", ", blocking) + ".");
            }
        }
        if (done) {
            item.complete(currentUser.require().userId(), clock.instant());
        } else {
            item.reopen();
        }
        planItems.flush();
        audit.record(AuditEvent.success(done ? "PLAN_ITEM_DONE" : "PLAN_ITEM_REOPENED", "migration", id.toString(), null,
                Map.of("item", item.text(), "phase", item.phase())));
        return view(item, ownerNames(List.of(item)));
    }

    public void removePlanItem(UUID id, UUID itemId) {
        var m = editable(id);
        var item = item(m, itemId);
        item.requireRemovable();
        planItems.delete(item);
        planItems.flush();
        audit.record(AuditEvent.success("PLAN_ITEM_REMOVED", "migration", id.toString(), describe(item), null));
    }

    /**
     * Brings the plan's suggestions in line with the current assessment: untouched suggestions are replaced, while done,
     * owned, dated, edited and custom items stay as they are. The cutover item is created once and kept.
     */
    private void refreshPlan(Migration m) {
        var inventory = m.inventory();
        var scored = scored(m);
        var existing = planItems.findByMigrationIdOrderByPhaseAscPositionAsc(m.id());
        var stale = existing.stream().filter(PlanItem::untouchedSuggestion).toList();
        planItems.deleteAll(stale);
        planItems.flush();
        var kept = existing.stream().filter(i -> !stale.contains(i)).toList();
        boolean hasCutover = kept.stream().anyMatch(i -> i.kind() == PlanItem.Kind.CUTOVER);
        int position = 0;
        for (var suggestion : PlanGenerator.generate(scored.source(), scored.destination(), inventory, scored.assessment())) {
            position += 10;
            boolean duplicate = kept.stream().anyMatch(i -> i.phase() == suggestion.phase() && i.text().equals(suggestion.text()));
            if (duplicate || (suggestion.cutover() && hasCutover)) {
                continue;
            }
            planItems.save(new PlanItem(m.id(), suggestion.phase(), position, suggestion.text(),
                    suggestion.cutover() ? PlanItem.Kind.CUTOVER : PlanItem.Kind.GENERATED));
        }
        planItems.flush();
    }

    // ---- rules --------------------------------------------------------------------------------------------------

    /** The migration if the caller is a member or an admin; "not found" otherwise, so a guessed id reveals nothing. */
    private Migration readable(UUID id) {
        var me = currentUser.require();
        var m = migrations.findById(id).orElseThrow(() -> new NotFoundException("No migration with this id."));
        if (!me.hasRole(PortalRole.ADMIN) && m.roleOf(me.userId()).isEmpty()) {
            throw new NotFoundException("No migration with this id.");
        }
        return m;
    }

    private Migration editable(UUID id) {
        var m = readable(id);
        if (!canEdit(m, currentUser.require())) {
            throw new AccessDeniedException("Only analysts who are owner or analyst of this migration, and admins, can change it.");
        }
        return m;
    }

    private Migration managed(UUID id) {
        var m = readable(id);
        if (!canManage(m, currentUser.require())) {
            throw new AccessDeniedException("Only the owner of this migration and admins manage its members.");
        }
        return m;
    }

    static boolean canEdit(Migration m, PortalPrincipal me) {
        return me.hasRole(PortalRole.ADMIN)
                || (me.hasRole(PortalRole.ANALYST) && m.roleOf(me.userId()).map(MemberRole::edits).orElse(false));
    }

    static boolean canManage(Migration m, PortalPrincipal me) {
        return me.hasRole(PortalRole.ADMIN) || m.ownerId().equals(me.userId());
    }

    private void validatePair(String source, String destination) {
        var choices = vendorChoices();
        if (!Side.IN_HOUSE.equals(source) && choices.stream().noneMatch(c -> c.slug().equals(source))) {
            throw new InvalidInputException("source", "Unknown source " + source + ": a vendor slug or in-house.");
        }
        var dest = choices.stream().filter(c -> c.slug().equals(destination)).findFirst()
                .orElseThrow(() -> new InvalidInputException("destination", "Unknown destination " + destination + "."));
        if (!dest.active()) {
            throw new InvalidInputException("destination", dest.name() + " is not sold to new customers: choose another destination.");
        }
        if (source.equals(destination)) {
            throw new InvalidInputException("destination", "The destination must differ from the source.");
        }
    }

    private static String validName(@Nullable String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("name", "Give the migration a name.");
        }
        if (clean.length() > MAX_NAME) {
            throw new InvalidInputException("name", "Keep the name under " + MAX_NAME + " characters.");
        }
        return clean;
    }

    private static String validText(@Nullable String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new InvalidInputException("text", "Describe the task.");
        }
        if (clean.length() > PlanItem.MAX_TEXT) {
            throw new InvalidInputException("text", "Keep it under " + PlanItem.MAX_TEXT + " characters.");
        }
        return clean;
    }

    private PlanItem item(Migration m, UUID itemId) {
        return planItems.findById(itemId).filter(i -> i.migrationId().equals(m.id()))
                .orElseThrow(() -> new NotFoundException("No such plan item in this migration."));
    }

    // ---- assembling views ---------------------------------------------------------------------------------------

    Side side(String slug, Inventory inventory) {
        return Side.IN_HOUSE.equals(slug) ? Side.inHouse(inventory.sourceHashScheme()) : Side.of(vendors.profile(slug));
    }

    /** The two sides of a migration, read once, and the assessment made from them. */
    private record Scored(Side source, Side destination, Assessment assessment) {
        String sourceName() {
            return source.inHouse() ? "In-house database" : source.name();
        }
    }

    private Scored scored(Migration m) {
        var inventory = m.inventory();
        var source = side(m.source(), inventory);
        var destination = side(m.destination(), inventory);
        return new Scored(source, destination, Scorer.score(source, destination, inventory));
    }

    private Assessment assess(Migration m) {
        return scored(m).assessment();
    }

    private MigrationViews.Summary summary(Migration m, PortalPrincipal me, Scored scored, List<PlanItem> plan) {
        String owner = people.byId(m.ownerId()).map(PeopleDirectory.Person::displayName).orElse("unknown");
        int done = (int) plan.stream().filter(PlanItem::done).count();
        var a = scored.assessment();
        return new MigrationViews.Summary(m.id(), m.name(), m.source(), scored.sourceName(), m.destination(), scored.destination().name(),
                owner, m.roleOf(me.userId()).orElse(null), a.difficulty().score(), a.strategy(), done, plan.size(), m.updatedAt());
    }

    /** The members with their names, the owner first. */
    private List<MigrationViews.Member> members(Migration m) {
        var byId = people.byIds(m.members().stream().map(Migration.Member::userId).toList());
        return m.members().stream()
                .map(x -> {
                    var p = byId.get(x.userId());
                    return new MigrationViews.Member(x.userId(), p == null ? "?" : p.username(), p == null ? "Unknown" : p.displayName(), x.role());
                })
                .sorted(java.util.Comparator.comparing((MigrationViews.Member x) -> x.role().ordinal()).thenComparing(MigrationViews.Member::displayName))
                .toList();
    }

    private Details details(Migration m, PortalPrincipal me) {
        var scored = scored(m);
        var plan = planItems.findByMigrationIdOrderByPhaseAscPositionAsc(m.id());
        var summary = summary(m, me, scored, plan);
        var members = members(m);
        var owners = ownerNames(plan);
        var phases = new ArrayList<MigrationViews.Phase>();
        for (int i = 1; i <= 5; i++) {
            int phase = i;
            phases.add(new MigrationViews.Phase(phase, PlanGenerator.PHASES.get(phase - 1),
                    plan.stream().filter(p -> p.phase() == phase).map(p -> view(p, owners)).toList()));
        }
        return new Details(summary, m.inventory(), members, scored.assessment(), phases, canEdit(m, me), canManage(m, me), m.version());
    }

    private Map<UUID, String> ownerNames(List<PlanItem> items) {
        var ids = items.stream().map(PlanItem::ownerId).filter(java.util.Objects::nonNull).map(java.util.Objects::requireNonNull).toList();
        var names = new LinkedHashMap<UUID, String>();
        people.byIds(ids).forEach((id, p) -> names.put(id, p.displayName()));
        return names;
    }

    private static PlanItemView view(PlanItem p, Map<UUID, String> owners) {
        return new PlanItemView(p.id(), p.phase(), p.text(), p.kind().name(), p.ownerId(), p.ownerId() == null ? null : owners.get(p.ownerId()),
                p.dueOn(), p.done(), p.doneAt(), p.version());
    }

    private static Map<String, @Nullable Object> describe(PlanItem p) {
        var map = new LinkedHashMap<String, @Nullable Object>();
        map.put("phase", p.phase());
        map.put("text", p.text());
        map.put("owner", p.ownerId() == null ? null : p.ownerId().toString());
        map.put("due", p.dueOn() == null ? null : p.dueOn().toString());
        map.put("done", p.done());
        return map;
    }
}
