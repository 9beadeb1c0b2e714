package io.ciamportal.migration;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.migration.MigrationViews.Details;
import io.ciamportal.migration.MigrationViews.NewMigration;
import io.ciamportal.migration.internal.Migration;
import io.ciamportal.migration.internal.MigrationRepository;
import io.ciamportal.security.PeopleDirectory;
import io.ciamportal.security.PortalRole;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.StaleVersionException;
import io.ciamportal.vendor.VendorEnums.LifecycleStatus;
import io.ciamportal.vendor.VendorService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Migrations: create, read, rename and change the pair, the inventory and the approvals a gate needs. Every method
 * checks the caller itself ({@link MigrationLoader}, {@link MigrationAccessPolicy}): only members and admins see a
 * migration (anyone else gets "not found", never the data). Every edit names the version it was based on; a stale one
 * is refused with who changed it and when. Members are in {@link MigrationMembersService}, the plan in
 * {@link MigrationPlanService}, reports and the audit trail in {@link MigrationRecordsService}.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional
public class MigrationService {

    static final int MAX_NAME = 120;
    static final int MAX_WHAT_IF = 5;

    private final MigrationRepository migrations;
    private final MigrationLoader loader;
    private final MigrationSides sides;
    private final MigrationAssembler assembler;
    private final MigrationPlanService plan;
    private final VendorService vendors;
    private final PeopleDirectory people;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MigrationService(MigrationRepository migrations, MigrationLoader loader, MigrationSides sides, MigrationAssembler assembler,
            MigrationPlanService plan, VendorService vendors, PeopleDirectory people, AuditLog audit, Clock clock,
            ApplicationEventPublisher events) {
        this.migrations = migrations;
        this.loader = loader;
        this.sides = sides;
        this.assembler = assembler;
        this.plan = plan;
        this.vendors = vendors;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    // ---- scoring without storing --------------------------------------------------------------------------------

    /** Scores a pair for any signed-in user; nothing is stored. */
    @Transactional(readOnly = true)
    public Assessment score(String source, String destination, Inventory inventory) {
        var clean = inventory.validated();
        validatePair(source, destination);
        var memo = sides.memo();
        return Scorer.score(memo.side(source, clean), memo.side(destination, clean), clean);
    }

    /** The same source and inventory against several destinations (what-if), in the order given. */
    @Transactional(readOnly = true)
    public List<Assessment> whatIf(UUID id, List<String> destinations) {
        var m = loader.readable(id);
        if (destinations.isEmpty() || destinations.size() > MAX_WHAT_IF) {
            throw new InvalidInputException("destinations", "Compare 1 to " + MAX_WHAT_IF + " destinations.");
        }
        var inventory = m.inventory();
        var memo = sides.memo();
        var source = memo.side(m.source(), inventory);
        var result = new ArrayList<Assessment>();
        for (String destination : destinations.stream().distinct().toList()) {
            if (!destination.equals(m.destination())) {
                validatePair(m.source(), destination);
            }
            result.add(Scorer.score(source, memo.side(destination, inventory), inventory));
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
        var me = loader.me();
        var all = me.hasRole(PortalRole.ADMIN) ? migrations.findAllRecentFirst() : migrations.findForMember(me.userId());
        return assembler.summaries(all, me);
    }

    @Transactional(readOnly = true)
    public Details get(UUID id) {
        return assembler.details(loader.readable(id), loader.me());
    }

    /** The assessment of a stored migration, for members and admins. */
    @Transactional(readOnly = true)
    public Assessment assessment(UUID id) {
        return sides.memo().scored(loader.readable(id)).assessment();
    }

    /** The migration as another feature needs it, after the same membership check as {@link #get}. */
    @Transactional(readOnly = true)
    public MigrationViews.Access access(UUID id) {
        return assembler.access(loader.readable(id), loader.me());
    }

    /** The migrations in which the caller is a reviewer, for their sign-off inbox. */
    @Transactional(readOnly = true)
    public List<MigrationViews.Reviewed> reviewing() {
        var me = loader.me();
        return migrations.findForMember(me.userId()).stream()
                .filter(m -> m.roleOf(me.userId()).orElse(null) == MemberRole.REVIEWER)
                .map(m -> new MigrationViews.Reviewed(m.id(), m.name())).toList();
    }

    // ---- creating and editing -----------------------------------------------------------------------------------

    @PreAuthorize("hasAnyRole('ANALYST', 'ADMIN')")
    public Details create(NewMigration request) {
        var me = loader.me();
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
            migration.putMember(person.id(), member.role(), me.userId(), now);
            added.add(person.username() + ":" + member.role());
        }
        migrations.saveAndFlush(migration);
        var memo = sides.memo();
        var scored = memo.scored(migration);
        plan.refresh(migration, scored);
        events.publishEvent(new MigrationEvents.Created(migration.id()));
        var after = new LinkedHashMap<String, Object>();
        after.put("name", name);
        after.put("source", source);
        after.put("destination", destination);
        after.put("members", added);
        after.put("inventory", inventory.asMap());
        audit.record(AuditEvent.success(AuditAction.MIGRATION_CREATED, AuditTarget.MIGRATION, migration.id().toString(), null, after));
        return assembler.details(migration, me, scored, memo);
    }

    /**
     * Renames the migration and/or changes its source or destination, based on {@code expectedVersion}. A new pair
     * outdates every sign-off (the gates hear of it in this transaction) and brings the plan's untouched suggestions
     * in line. Audited, one entry per kind of change.
     */
    public Details update(UUID id, long expectedVersion, MigrationViews.Patch patch) {
        var m = loader.editable(id);
        var me = loader.me();
        checkVersion(m, expectedVersion);
        String name = patch.name() == null ? m.name() : validName(patch.name());
        String source = patch.source() == null ? m.source() : patch.source().strip();
        String destination = patch.destination() == null ? m.destination() : patch.destination().strip();
        boolean renamed = !name.equals(m.name());
        boolean newPair = !source.equals(m.source()) || !destination.equals(m.destination());
        if (!renamed && !newPair) {
            return assembler.details(m, me);
        }
        if (newPair) {
            validatePair(source, destination, m.source(), m.destination());
        }
        var now = clock.instant();
        String oldName = m.name();
        String oldSource = m.source();
        String oldDestination = m.destination();
        if (renamed) {
            m.rename(name, me.userId(), now);
        }
        if (newPair) {
            m.changePair(source, destination, me.userId(), now);
        }
        migrations.flush();
        if (renamed) {
            audit.record(AuditEvent.success(AuditAction.MIGRATION_RENAMED, AuditTarget.MIGRATION, id.toString(), Map.of("name", oldName), Map.of("name", name)));
        }
        var memo = sides.memo();
        var scored = memo.scored(m);
        if (newPair) {
            plan.refresh(m, scored);
            audit.record(AuditEvent.success(AuditAction.MIGRATION_PAIR_CHANGED, AuditTarget.MIGRATION, id.toString(),
                    Map.of("source", oldSource, "destination", oldDestination), Map.of("source", source, "destination", destination)));
            events.publishEvent(new MigrationEvents.PairChanged(id, oldSource, oldDestination, source, destination,
                    pairName(memo, oldSource, oldDestination), pairName(memo, source, destination)));
        }
        return assembler.details(m, me, scored, memo);
    }

    /** "Auth0 → Keycloak", by the names people know the vendors by. */
    private static String pairName(MigrationSides.Memo memo, String source, String destination) {
        return memo.side(source, Inventory.empty()).name() + " → " + memo.side(destination, Inventory.empty()).name();
    }

    public Details updateInventory(UUID id, long expectedVersion, Inventory inventory) {
        var m = loader.editable(id);
        var me = loader.me();
        checkVersion(m, expectedVersion);
        var clean = inventory.validated();
        var before = m.inventory();
        if (before.equals(clean)) {
            return assembler.details(m, me);
        }
        m.updateInventory(clean, me.userId(), clock.instant());
        var sources = m.inventorySources();
        var beforeMap = before.asMap();
        var afterMap = clean.asMap();
        if (sources.keySet().removeIf(field -> !same(beforeMap.get(mapKey(field)), afterMap.get(mapKey(field))))) {
            m.setInventorySources(sources);
        }
        migrations.flush();
        var memo = sides.memo();
        var scored = memo.scored(m);
        plan.refresh(m, scored);
        events.publishEvent(new MigrationEvents.InventoryChanged(id));
        var changed = ChangedFields.between(before.asMap(), clean.asMap());
        audit.record(AuditEvent.success(AuditAction.MIGRATION_INVENTORY_CHANGED, AuditTarget.MIGRATION, id.toString(), changed.before(), changed.after()));
        return assembler.details(m, me, scored, memo);
    }

    /** How many distinct reviewers must approve each gate (owner and admins; 1 to 5). */
    public Details setRequiredApprovals(UUID id, int count) {
        var m = loader.managed(id);
        var me = loader.me();
        int before = m.requiredApprovals();
        m.requireApprovals(count, me.userId(), clock.instant());
        migrations.flush();
        audit.record(AuditEvent.success(AuditAction.MIGRATION_APPROVALS_REQUIRED_CHANGED, AuditTarget.MIGRATION, id.toString(),
                Map.of("requiredApprovals", before), Map.of("requiredApprovals", count)));
        events.publishEvent(new MigrationEvents.RequiredApprovalsChanged(id, count));
        return assembler.details(m, me);
    }

    // ---- rules --------------------------------------------------------------------------------------------------

    /** Equal, or the same share after the form's rounding to a tenth of a percent. */
    private static boolean same(@Nullable Object a, @Nullable Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return Math.abs(x - y) < 0.0005;
        }
        return Objects.equals(a, b);
    }

    /** The inventory field's key in {@link Inventory#asMap()}. */
    private static String mapKey(String field) {
        return field.equals("sourceHashScheme") ? "sourceScheme" : field;
    }

    private void checkVersion(Migration m, long expectedVersion) {
        var me = loader.me();
        StaleVersionException.check(expectedVersion, m.version(), "This migration",
                m.updatedBy() == null ? null : assembler.names(List.of(m.updatedBy())).get(m.updatedBy()), m.updatedAt(),
                () -> assembler.details(m, me));
    }

    private void validatePair(String source, String destination) {
        validatePair(source, destination, null, null);
    }

    /**
     * A source (vendor or in-house) and an active destination that differs from it. A slug the migration already has
     * stays allowed even when it left the index or is no longer sold, so a migration can change one side only.
     */
    private void validatePair(String source, String destination, @Nullable String currentSource, @Nullable String currentDestination) {
        var choices = vendorChoices();
        if (!Side.IN_HOUSE.equals(source) && !source.equals(currentSource) && choices.stream().noneMatch(c -> c.slug().equals(source))) {
            throw new InvalidInputException("source", "Unknown source " + source + ": a vendor slug or in-house.");
        }
        if (!destination.equals(currentDestination)) {
            var dest = choices.stream().filter(c -> c.slug().equals(destination)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("destination", "Unknown destination " + destination + "."));
            if (!dest.active()) {
                throw new InvalidInputException("destination", dest.name() + " is not sold to new customers: choose another destination.");
            }
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
}
