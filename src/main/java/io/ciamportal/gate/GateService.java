package io.ciamportal.gate;

import io.ciamportal.audit.AuditAction;
import io.ciamportal.audit.AuditEvent;
import io.ciamportal.audit.AuditLog;
import io.ciamportal.audit.AuditOutcome;
import io.ciamportal.audit.AuditTarget;
import io.ciamportal.audit.CanonicalJson;
import io.ciamportal.gate.internal.EvidenceFileStore;
import io.ciamportal.gate.internal.Gate;
import io.ciamportal.gate.internal.GateCriterion;
import io.ciamportal.gate.internal.GateEvidence;
import io.ciamportal.gate.internal.GateRepository;
import io.ciamportal.gate.internal.SignOff;
import io.ciamportal.gate.internal.Signer;
import io.ciamportal.migration.CutoverGuard;
import io.ciamportal.migration.MemberRole;
import io.ciamportal.migration.MigrationService;
import io.ciamportal.migration.MigrationViews;
import io.ciamportal.security.CurrentUser;
import io.ciamportal.security.PeopleDirectory;
import io.ciamportal.security.Person;
import io.ciamportal.security.PortalPrincipal;
import io.ciamportal.security.PortalRole;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The six security gates of a migration. Every method first passes the migration's membership check (a non-member
 * gets "not found"); editing evidence and criteria and submitting need an analyst member (or an admin); signing needs
 * a member with the reviewer role who holds the reviewer portal role and did not submit the gate.
 */
@Service
@PreAuthorize("isAuthenticated()")
@Transactional
public class GateService implements CutoverGuard, io.ciamportal.migration.GateSummaries {

    static final int MAX_TEXT = 10_000;
    static final int MAX_COMMENT = 2000;

    private final GateRepository gates;
    private final MigrationService migrations;
    private final PeopleDirectory people;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final EvidenceFileStore files;
    private final Clock clock;
    private final long maxFileBytes;

    GateService(GateRepository gates, MigrationService migrations, PeopleDirectory people, CurrentUser currentUser, AuditLog audit,
            EvidenceFileStore files, Clock clock, @Value("${portal.evidence.max-bytes:5242880}") long maxFileBytes) {
        this.gates = gates;
        this.migrations = migrations;
        this.people = people;
        this.currentUser = currentUser;
        this.audit = audit;
        this.files = files;
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
    }

    public long maxFileBytes() {
        return maxFileBytes;
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    /** The six gates at a glance, in the product's order. */
    @Transactional(readOnly = true)
    public List<GateViews.GateView> board(UUID migrationId) {
        var access = migrations.access(migrationId);
        var now = migrations.assessment(migrationId);
        return inProductOrder(migrationId).stream().map(gate -> view(gate, access, now)).toList();
    }

    /** The migration's gates in the product's order (the order of {@link GateKey}). */
    private List<Gate> inProductOrder(UUID migrationId) {
        return gates.findByMigrationId(migrationId).stream()
                .sorted(java.util.Comparator.comparing(Gate::key))
                .toList();
    }

    @Transactional(readOnly = true)
    public GateViews.GateView gate(UUID migrationId, String key) {
        var access = migrations.access(migrationId);
        return view(load(migrationId, key), access, migrations.assessment(migrationId));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, List<String>> assessmentChanges(UUID migrationId, io.ciamportal.migration.Assessment now) {
        migrations.access(migrationId);
        var changes = new LinkedHashMap<String, List<String>>();
        for (var gate : inProductOrder(migrationId)) {
            var changed = assessmentChanges(gate, now);
            if (!changed.isEmpty()) {
                changes.put(gate.key().title(), changed);
            }
        }
        return changes;
    }

    /** What changed in the assessment since the newest approval that still counts was given. */
    private static List<String> assessmentChanges(Gate gate, io.ciamportal.migration.Assessment now) {
        return gate.signOffs().stream().filter(SignOff::liveApproval).reduce((a, b) -> b)
                .map(s -> io.ciamportal.migration.AssessmentSnapshot.changes(s.assessment(), now)).orElse(List.of());
    }

    /** Submitted gates across the caller's migrations that wait for their sign-off. */
    @Transactional(readOnly = true)
    public List<GateViews.InboxItem> inbox() {
        var me = currentUser.require();
        if (!me.hasRole(PortalRole.REVIEWER)) {
            return List.of();
        }
        var reviewing = migrations.reviewing();
        if (reviewing.isEmpty()) {
            return List.of();
        }
        var names = new LinkedHashMap<UUID, String>();
        reviewing.forEach(r -> names.put(r.migrationId(), r.name()));
        var result = new ArrayList<GateViews.InboxItem>();
        for (var gate : gates.findByMigrationIdInAndStatus(new ArrayList<>(names.keySet()), GateStatus.SUBMITTED)) {
            if (me.userId().equals(gate.submittedBy()) || gate.hasLiveApprovalBy(me.userId())) {
                continue;
            }
            var access = migrations.access(gate.migrationId());
            result.add(new GateViews.InboxItem(gate.migrationId(), names.get(gate.migrationId()), gate.key(), name(gate.submittedBy()),
                    gate.submittedAt(), gate.liveApprovals(), access.requiredApprovals()));
        }
        result.sort(Comparator.comparing((GateViews.InboxItem i) -> i.submittedAt() == null ? java.time.Instant.EPOCH : i.submittedAt()));
        return result;
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> blockingGates(UUID migrationId) {
        migrations.access(migrationId);
        var approved = gates.findByMigrationId(migrationId).stream().filter(g -> g.status() == GateStatus.APPROVED).map(Gate::key).toList();
        return Arrays.stream(GateKey.values()).filter(k -> !approved.contains(k)).map(GateKey::title).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<io.ciamportal.migration.GateSummaries.GateSummary> forReport(UUID migrationId) {
        var when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);
        return board(migrationId).stream().map(g -> new io.ciamportal.migration.GateSummaries.GateSummary(g.key().title(), g.status().label(),
                g.approvals(), g.requiredApprovals(), g.signOffs().stream().map(s -> s.decision().label() + " by " + s.signer() + " ("
                        + s.role() + "), " + when.format(s.signedAt()) + (s.outdated() ? ", outdated" : s.revoked() ? ", revoked" : "")
                        + (s.comment() == null || s.comment().isBlank() ? "" : ": " + s.comment())).toList())).toList();
    }

    @Transactional(readOnly = true)
    public GateViews.FileDownload download(UUID migrationId, UUID evidenceId) {
        migrations.access(migrationId);
        var evidence = gates.findByMigrationId(migrationId).stream().flatMap(g -> g.evidence().stream())
                .filter(e -> e.id().equals(evidenceId) && e.kind() == GateEvidence.Kind.FILE).findFirst()
                .orElseThrow(() -> new NotFoundException("No such file."));
        byte[] content = files.content(evidenceId);
        return new GateViews.FileDownload(evidence.fileName() == null ? "evidence" : evidence.fileName(), content);
    }

    // ---- workflow -----------------------------------------------------------------------------------------------

    public GateViews.GateView submit(UUID migrationId, String key) {
        var access = editor(migrationId);
        var gate = load(migrationId, key);
        var me = currentUser.require();
        gate.submit(me.userId(), stateHash(gate, access), clock.instant());
        gates.flush();
        record(AuditAction.GATE_SUBMITTED, gate, Map.of("status", gate.status().name(), "state", java.util.Objects.requireNonNull(gate.stateHash())));
        return view(gate, access);
    }

    public GateViews.GateView signOff(UUID migrationId, String key, Decision decision, @Nullable String comment) {
        var access = migrations.access(migrationId);
        var me = currentUser.require();
        requireReviewer(access, me);
        var gate = load(migrationId, key);
        String clean = comment == null ? null : comment.strip();
        if (clean != null && clean.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "Keep the comment under " + MAX_COMMENT + " characters.");
        }
        String before = gate.status().name();
        try {
            String assessment = io.ciamportal.migration.AssessmentSnapshot.of(migrations.assessment(migrationId));
            var signOff = gate.signOff(signer(me, access), decision, clean, stateHash(gate, access), assessment, access.requiredApprovals(),
                    clock.instant());
            gates.flush();
            var after = new LinkedHashMap<String, @Nullable Object>();
            after.put("decision", decision.name());
            after.put("meaning", signOff.meaning());
            after.put("signerRole", signOff.signerRole());
            after.put("comment", clean);
            after.put("state", signOff.stateHash());
            after.put("status", gate.status().name());
            audit.record(AuditEvent.success(AuditAction.GATE_SIGNED_OFF, AuditTarget.MIGRATION, migrationId.toString(),
                    Map.of("gate", gate.key().key(), "status", before), withGate(gate, after)));
        } catch (FourEyesException e) {
            audit.recordIndependently(AuditEvent.of(AuditAction.GATE_SIGN_OFF_REFUSED, AuditTarget.MIGRATION, migrationId.toString(),
                    Map.of("gate", gate.key().key(), "reason", "four eyes: the submitter cannot sign"), AuditOutcome.DENIED));
            throw e;
        }
        return view(gate, access);
    }

    public GateViews.GateView revoke(UUID migrationId, String key, @Nullable String comment) {
        var access = migrations.access(migrationId);
        var me = currentUser.require();
        requireReviewer(access, me);
        var gate = load(migrationId, key);
        gate.revoke(signer(me, access), comment == null ? null : comment.strip(), access.requiredApprovals(), clock.instant());
        gates.flush();
        record(AuditAction.GATE_APPROVAL_REVOKED, gate, Map.of("status", gate.status().name()));
        return view(gate, access);
    }

    public GateViews.GateView assignOwner(UUID migrationId, String key, @Nullable String username) {
        var access = migrations.access(migrationId);
        if (!access.canManage()) {
            throw new AccessDeniedException("Only the migration's owner and admins assign gate owners.");
        }
        var gate = load(migrationId, key);
        UUID owner = null;
        if (username != null && !username.isBlank()) {
            var person = people.byUsername(username).orElseThrow(() -> new InvalidInputException("owner", "No user " + username + "."));
            if (access.members().stream().noneMatch(m -> m.userId().equals(person.id()))) {
                throw new InvalidInputException("owner", "The gate owner must be a member of the migration.");
            }
            owner = person.id();
        }
        gate.assignOwner(owner);
        gates.flush();
        record(AuditAction.GATE_OWNER_ASSIGNED, gate, Map.of("owner", username == null ? "" : username));
        return view(gate, access);
    }

    // ---- evidence and criteria ----------------------------------------------------------------------------------

    public GateViews.GateView addText(UUID migrationId, String key, String title, String text) {
        var access = editor(migrationId);
        var gate = load(migrationId, key);
        String body = requireText("text", text, MAX_TEXT);
        var item = new GateEvidence(GateEvidence.Kind.TEXT, requireText("title", title, 200), body, null, null, null, null, null,
                currentUser.require().userId(), clock.instant());
        return addEvidence(access, gate, item, null);
    }

    public GateViews.GateView addLink(UUID migrationId, String key, String title, String url) {
        var access = editor(migrationId);
        var gate = load(migrationId, key);
        String clean = requireText("url", url, 1000);
        try {
            var uri = java.net.URI.create(clean);
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("url", "Give an http(s) link.");
        }
        var item = new GateEvidence(GateEvidence.Kind.LINK, requireText("title", title, 200), null, clean, null, null, null, null,
                currentUser.require().userId(), clock.instant());
        return addEvidence(access, gate, item, null);
    }

    public GateViews.GateView addFile(UUID migrationId, String key, String title, String fileName, byte[] content) {
        var access = editor(migrationId);
        var gate = load(migrationId, key);
        var checked = EvidenceFiles.check(fileName, content, maxFileBytes);
        String cleanTitle = title == null || title.isBlank() ? checked.fileName() : requireText("title", title, 200);
        var item = new GateEvidence(GateEvidence.Kind.FILE, cleanTitle, null, null, checked.fileName(), checked.contentType(),
                (long) content.length, checked.sha256(), currentUser.require().userId(), clock.instant());
        return addEvidence(access, gate, item, content);
    }

    private GateViews.GateView addEvidence(MigrationViews.Access access, Gate gate, GateEvidence item, byte @Nullable [] content) {
        int outdated = gate.addEvidence(item);
        gates.flush();
        if (content != null) {
            files.save(item.id(), content);
        }
        var after = new LinkedHashMap<String, @Nullable Object>(item.describe());
        after.put("outdatedSignOffs", outdated);
        record(AuditAction.GATE_EVIDENCE_ADDED, gate, after);
        return view(gate, access);
    }

    public GateViews.GateView removeEvidence(UUID migrationId, String key, UUID evidenceId) {
        var access = editor(migrationId);
        var gate = load(migrationId, key);
        var removed = gate.removeEvidence(evidenceId);
        gates.flush();
        audit.record(AuditEvent.success(AuditAction.GATE_EVIDENCE_REMOVED, AuditTarget.MIGRATION, migrationId.toString(),
                withGate(gate, new LinkedHashMap<>(removed.describe())), Map.of("gate", gate.key().key(), "status", gate.status().name())));
        return view(gate, access);
    }

    public GateViews.GateView addCriterion(UUID migrationId, String key, String text) {
        var access = editor(migrationId);
        var gate = load(migrationId, key);
        String clean = requireText("criterion", text, 500);
        int outdated = gate.addCriterion(clean);
        gates.flush();
        record(AuditAction.GATE_CRITERION_ADDED, gate, Map.of("criterion", clean, "outdatedSignOffs", outdated));
        return view(gate, access);
    }

    public GateViews.GateView removeCriterion(UUID migrationId, String key, UUID criterionId) {
        var access = editor(migrationId);
        var gate = load(migrationId, key);
        var removed = gate.removeCriterion(criterionId);
        gates.flush();
        audit.record(AuditEvent.success(AuditAction.GATE_CRITERION_REMOVED, AuditTarget.MIGRATION, migrationId.toString(),
                Map.of("gate", gate.key().key(), "criterion", removed.text()), Map.of("gate", gate.key().key(), "status", gate.status().name())));
        return view(gate, access);
    }

    // ---- rules and helpers --------------------------------------------------------------------------------------

    private MigrationViews.Access editor(UUID migrationId) {
        var access = migrations.access(migrationId);
        if (!access.canEdit()) {
            throw new AccessDeniedException("Only analysts who are owner or analyst of this migration, and admins, change its gates.");
        }
        return access;
    }

    private static void requireReviewer(MigrationViews.Access access, PortalPrincipal me) {
        if (!access.canSign()) {
            throw new AccessDeniedException("Only members with the reviewer role sign off gates.");
        }
    }

    private Gate load(UUID migrationId, String key) {
        var gateKey = GateKey.fromKey(key);
        return gates.findByMigrationIdAndGateKey(migrationId, gateKey.key())
                .orElseThrow(() -> new NotFoundException("No gate " + key + " in this migration."));
    }

    private static Signer signer(PortalPrincipal me, MigrationViews.Access access) {
        var portalRoles = me.roles().stream().map(PortalRole::name).sorted().toList();
        String role = (access.myRole() == null ? "Admin" : access.myRole().label()) + " (portal: " + String.join(", ", portalRoles) + ")";
        return new Signer(me.userId(), me.displayName(), role);
    }

    /**
     * The SHA-256 of what a sign-off rests on: the gate's criteria and evidence (files by their SHA-256), the
     * migration's pair (source and destination) and its inventory (the application side included), in canonical JSON;
     * the cutover schedule only for the rollback gate.
     */
    static String stateHash(Gate gate, MigrationViews.Access access) {
        var state = new LinkedHashMap<String, Object>();
        state.put("gate", gate.key().key());
        state.put("criteria", gate.criteria().stream().map(GateCriterion::text).toList());
        state.put("evidence", gate.evidence().stream().map(GateEvidence::describe).toList());
        state.put("source", access.source());
        state.put("destination", access.destination());
        var inventory = new LinkedHashMap<String, @Nullable Object>(access.inventory());
        if (gate.key() != GateKey.ROLLBACK) {
            // the dates are what the rollback gate signs off (the window, the standby); the other gates do not rest on them
            inventory.remove("cutoverSchedule");
        }
        state.put("inventory", inventory);
        return EvidenceFiles.sha256(java.util.Objects.requireNonNull(CanonicalJson.of(state)).getBytes(StandardCharsets.UTF_8));
    }

    private void record(AuditAction action, Gate gate, Map<String, ? extends @Nullable Object> after) {
        audit.record(AuditEvent.success(action, AuditTarget.MIGRATION, gate.migrationId().toString(), null, withGate(gate, new LinkedHashMap<>(after))));
    }

    private static Map<String, @Nullable Object> withGate(Gate gate, Map<String, @Nullable Object> values) {
        var map = new LinkedHashMap<String, @Nullable Object>();
        map.put("gate", gate.key().key());
        map.putAll(values);
        return map;
    }

    private static String requireText(String field, @Nullable String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(field, "Required.");
        }
        if (text.length() > max) {
            throw new InvalidInputException(field, "At most " + max + " characters.");
        }
        return text;
    }

    private @Nullable String name(@Nullable UUID user) {
        return user == null ? null : people.byId(user).map(Person::displayName).orElse("unknown");
    }

    private GateViews.GateView view(Gate gate, MigrationViews.Access access) {
        return view(gate, access, null);
    }

    private GateViews.GateView view(Gate gate, MigrationViews.Access access, io.ciamportal.migration.@Nullable Assessment now) {
        var me = currentUser.require();
        var memberNames = new LinkedHashMap<UUID, String>();
        access.members().forEach(m -> memberNames.put(m.userId(), m.displayName()));
        var evidence = gate.evidence().stream().map(e -> new GateViews.Evidence(e.id(), e.kind().name(), e.title(), e.body(), e.url(),
                e.fileName(), e.contentType(), e.sizeBytes(), e.sha256(), memberNames.getOrDefault(e.addedBy(), name(e.addedBy())), e.addedAt())).toList();
        var signOffs = gate.signOffs().stream().map(s -> new GateViews.SignOffView(s.id(), s.signerId(), s.signerName(), s.signerRole(),
                s.meaning(), s.decision(), s.comment(), s.stateHash(), s.signedAt(), s.outdated(), s.revoked(), s.outdatedReason())).toList();
        boolean reviewer = access.canSign();
        boolean open = gate.status() == GateStatus.OPEN || gate.status() == GateStatus.CHANGES_REQUESTED || gate.status() == GateStatus.REJECTED;
        boolean signable = gate.status() == GateStatus.SUBMITTED || gate.status() == GateStatus.APPROVED;
        return new GateViews.GateView(gate.migrationId(), gate.key(), gate.status(),
                gate.ownerId() == null ? null : memberNames.getOrDefault(gate.ownerId(), name(gate.ownerId())), gate.ownerId(),
                name(gate.submittedBy()), gate.submittedAt(), gate.liveApprovals(), access.requiredApprovals(),
                gate.criteria().stream().map(c -> new GateViews.Criterion(c.id(), c.text(), c.custom())).toList(), evidence, signOffs,
                stateHash(gate, access), access.canEdit(), access.canEdit() && open && !gate.evidence().isEmpty(),
                reviewer && signable && !me.userId().equals(gate.submittedBy()) && !gate.hasLiveApprovalBy(me.userId()),
                reviewer && gate.hasLiveApprovalBy(me.userId()), access.canManage(), gate.reopenedReason(), gate.reopenedAt(),
                now == null ? List.of() : assessmentChanges(gate, now));
    }
}
