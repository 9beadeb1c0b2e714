package io.ciamportal.migration.internal;

import io.ciamportal.migration.Inventory;
import io.ciamportal.migration.MemberRole;
import io.ciamportal.shared.RuleViolationException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A planned move from a source to a destination. Changes only through the methods below; who may call them is the
 * service's rule, what keeps the migration consistent (an owner is always a member, the source is not the destination)
 * is this class's.
 */
@Entity
@Table(name = "migration")
public class Migration {

    @Embeddable
    public static class Member {
        @Column(name = "user_id", nullable = false)
        private UUID userId;

        @Enumerated(EnumType.STRING)
        @Column(nullable = false, length = 20)
        private MemberRole role;

        protected Member() {
            this.userId = new UUID(0, 0);
            this.role = MemberRole.VIEWER;
        }

        Member(UUID userId, MemberRole role) {
            this.userId = userId;
            this.role = role;
        }

        public UUID userId() {
            return userId;
        }

        public MemberRole role() {
            return role;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Member m && m.userId.equals(userId);
        }

        @Override
        public int hashCode() {
            return userId.hashCode();
        }
    }

    @Id
    private UUID id;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(nullable = false, length = 60)
    private String source;

    @Column(nullable = false, length = 60)
    private String destination;

    @Column(name = "owner_id", nullable = false)
    private UUID ownerId;

    @Column(name = "total_users")
    private @Nullable Long totalUsers;
    @Column(name = "monthly_active_users")
    private @Nullable Long monthlyActiveUsers;
    @Column(name = "password_share")
    private @Nullable Double passwordShare;
    @Column(name = "totp_share")
    private @Nullable Double totpShare;
    @Column(name = "otp_share")
    private @Nullable Double otpShare;
    @Column(name = "passkey_share")
    private @Nullable Double passkeyShare;
    @Column(name = "inactive_share")
    private @Nullable Double inactiveShare;
    @Column(name = "social_connections")
    private @Nullable Integer socialConnections;
    @Column(name = "enterprise_connections")
    private @Nullable Integer enterpriseConnections;
    @Column(name = "custom_logic_units")
    private @Nullable Integer customLogicUnits;
    @Column(name = "tenants")
    private @Nullable Integer tenants;
    @Column(name = "consent_records")
    private @Nullable Boolean consentRecords;
    @Column(name = "audit_retention_days")
    private @Nullable Integer auditRetentionDays;
    @Column(name = "residency_region", length = 10)
    private @Nullable String residencyRegion;
    @Enumerated(EnumType.STRING)
    @Column(name = "downtime_tolerance", length = 10)
    private Inventory.@Nullable DowntimeTolerance downtimeTolerance;
    @Column(name = "source_hash_scheme", length = 30)
    private @Nullable String sourceHashScheme;

    /** Inventory field -> id of the export that set it (JSON); a field typed later leaves the map. */
    @Column(name = "inventory_sources", nullable = false, columnDefinition = "jsonb")
    @org.hibernate.annotations.ColumnTransformer(write = "?::jsonb")
    private String inventorySources = "{}";

    /** What the latest export showed about hashes and TOTP secrets (JSON), or null. */
    @Column(name = "export_evidence", columnDefinition = "jsonb")
    @org.hibernate.annotations.ColumnTransformer(write = "?::jsonb")
    private @Nullable String exportEvidence;

    /** The application-side inventory (JSON of {@link io.ciamportal.migration.ApplicationInventory}), or null when empty. */
    @Column(name = "applications", columnDefinition = "jsonb")
    @org.hibernate.annotations.ColumnTransformer(write = "?::jsonb")
    private @Nullable String applications;

    @Column(name = "required_approvals", nullable = false)
    private short requiredApprovals = 2;

    // the cutover calendar (all null: no date set); cutoverRevision counts the schedule's changes
    @Column(name = "cutover_date")
    private java.time.@Nullable LocalDate cutoverDate;
    @Column(name = "rollback_days")
    private @Nullable Short rollbackDays;
    @Column(name = "decommission_date")
    private java.time.@Nullable LocalDate decommissionDate;
    @Column(name = "cutover_revision", nullable = false)
    private int cutoverRevision;
    @Column(name = "cutover_set_at")
    private @Nullable Instant cutoverSetAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "migration_member", joinColumns = @JoinColumn(name = "migration_id"))
    private Set<Member> members = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Who made the last change (null on migrations from before this was recorded). */
    @Column(name = "updated_by")
    private @Nullable UUID updatedBy;

    @Version
    private long version;

    protected Migration() {
        this.id = new UUID(0, 0);
        this.name = "";
        this.source = "";
        this.destination = "";
        this.ownerId = id;
        this.createdAt = Instant.EPOCH;
        this.updatedAt = Instant.EPOCH;
    }

    public Migration(String name, String source, String destination, UUID ownerId, Inventory inventory, Instant now) {
        requireDifferent(source, destination);
        this.id = UUID.randomUUID();
        this.name = name;
        this.source = source;
        this.destination = destination;
        this.ownerId = ownerId;
        this.createdAt = now;
        this.updatedAt = now;
        this.updatedBy = ownerId;
        this.members.add(new Member(ownerId, MemberRole.OWNER));
        apply(inventory);
    }

    private static void requireDifferent(String source, String destination) {
        if (source.equals(destination)) {
            throw new io.ciamportal.shared.InvalidInputException("destination", "The destination must differ from the source.");
        }
    }

    private void touch(UUID by, Instant now) {
        this.updatedAt = now;
        this.updatedBy = by;
    }

    public void rename(String newName, UUID by, Instant now) {
        this.name = newName;
        touch(by, now);
    }

    public void changePair(String newSource, String newDestination, UUID by, Instant now) {
        requireDifferent(newSource, newDestination);
        this.source = newSource;
        this.destination = newDestination;
        touch(by, now);
    }

    public void updateInventory(Inventory inventory, UUID by, Instant now) {
        apply(inventory);
        touch(by, now);
    }

    /** Adds a member or changes their role; the owner stays the owner. */
    public void putMember(UUID userId, MemberRole role, UUID by, Instant now) {
        if (role == MemberRole.OWNER && !userId.equals(ownerId)) {
            throw new RuleViolationException("A migration has one owner; give this person another role.");
        }
        if (userId.equals(ownerId) && role != MemberRole.OWNER) {
            throw new RuleViolationException("The owner keeps the owner role.");
        }
        members.remove(new Member(userId, role));
        members.add(new Member(userId, role));
        touch(by, now);
    }

    public void removeMember(UUID userId, UUID by, Instant now) {
        if (userId.equals(ownerId)) {
            throw new RuleViolationException("The owner cannot be removed from the migration.");
        }
        if (!members.remove(new Member(userId, MemberRole.VIEWER))) {
            throw new io.ciamportal.shared.NotFoundException("This person is not a member.");
        }
        touch(by, now);
    }

    public void requireApprovals(int count, UUID by, Instant now) {
        if (count < 1 || count > 5) {
            throw new io.ciamportal.shared.InvalidInputException("requiredApprovals", "Between 1 and 5 reviewers must approve each gate.");
        }
        this.requiredApprovals = (short) count;
        touch(by, now);
    }

    public int requiredApprovals() {
        return requiredApprovals;
    }

    /** Sets the cutover dates (validated by {@link io.ciamportal.migration.CutoverSchedule}); the iCalendar SEQUENCE goes up. */
    public void scheduleCutover(io.ciamportal.migration.CutoverSchedule schedule, UUID by, Instant now) {
        this.cutoverDate = schedule.cutover();
        this.rollbackDays = (short) schedule.rollbackDays();
        this.decommissionDate = schedule.decommission();
        this.cutoverRevision++;
        this.cutoverSetAt = now;
        touch(by, now);
    }

    public java.util.Optional<io.ciamportal.migration.CutoverSchedule> cutoverSchedule() {
        return cutoverDate == null || rollbackDays == null ? java.util.Optional.empty()
                : java.util.Optional.of(new io.ciamportal.migration.CutoverSchedule(cutoverDate, rollbackDays, decommissionDate));
    }

    public int cutoverRevision() {
        return cutoverRevision;
    }

    public @Nullable Instant cutoverSetAt() {
        return cutoverSetAt;
    }

    public Optional<MemberRole> roleOf(UUID userId) {
        return members.stream().filter(m -> m.userId().equals(userId)).map(Member::role).findFirst();
    }

    private void apply(Inventory i) {
        totalUsers = i.totalUsers();
        monthlyActiveUsers = i.monthlyActiveUsers();
        passwordShare = i.passwordShare();
        totpShare = i.totpShare();
        otpShare = i.otpShare();
        passkeyShare = i.passkeyShare();
        inactiveShare = i.inactiveShare();
        socialConnections = i.socialConnections();
        enterpriseConnections = i.enterpriseConnections();
        customLogicUnits = i.customLogicUnits();
        tenants = i.tenants();
        consentRecords = i.consentRecords();
        auditRetentionDays = i.auditRetentionDays();
        residencyRegion = i.residencyRegion();
        downtimeTolerance = i.downtimeTolerance();
        sourceHashScheme = i.sourceHashScheme();
    }

    public Inventory inventory() {
        return new Inventory(totalUsers, monthlyActiveUsers, passwordShare, totpShare, otpShare, passkeyShare, inactiveShare,
                socialConnections, enterpriseConnections, customLogicUnits, tenants, consentRecords, auditRetentionDays,
                residencyRegion, downtimeTolerance, sourceHashScheme);
    }

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    /** Which inventory fields came from which export (field -> export id). */
    public java.util.Map<String, String> inventorySources() {
        var node = JSON.readTree(inventorySources);
        var map = new java.util.LinkedHashMap<String, String>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        return map;
    }

    public void setInventorySources(java.util.Map<String, String> sources) {
        this.inventorySources = JSON.writeValueAsString(new java.util.TreeMap<>(sources));
    }

    /** The application-side inventory; empty when none was given. */
    public io.ciamportal.migration.ApplicationInventory applications() {
        return applications == null ? io.ciamportal.migration.ApplicationInventory.empty()
                : JSON.readValue(applications, io.ciamportal.migration.ApplicationInventory.class);
    }

    /** Replaces the application-side inventory (already validated by the caller); an empty one is stored as null. */
    public void updateApplications(io.ciamportal.migration.ApplicationInventory inventory, UUID by, Instant now) {
        this.applications = inventory.isEmpty() ? null : JSON.writeValueAsString(inventory);
        touch(by, now);
    }

    public @Nullable String exportEvidence() {
        return exportEvidence;
    }

    public void setExportEvidence(@Nullable String evidenceJson) {
        this.exportEvidence = evidenceJson;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String source() {
        return source;
    }

    public String destination() {
        return destination;
    }

    public UUID ownerId() {
        return ownerId;
    }

    public Set<Member> members() {
        return Set.copyOf(members);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public @Nullable UUID updatedBy() {
        return updatedBy;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Migration m && Objects.equals(m.id, id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
