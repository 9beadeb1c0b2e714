package io.ciamportal.gate.internal;

import io.ciamportal.gate.Decision;
import io.ciamportal.gate.FourEyesException;
import io.ciamportal.gate.GateKey;
import io.ciamportal.gate.GateService;
import io.ciamportal.gate.GateStatus;
import io.ciamportal.gate.internal.Signer;
import io.ciamportal.shared.RuleViolationException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One security gate of a migration. Its status changes only through the guarded methods below: submit, sign off,
 * revoke, and the changes that outdate sign-offs (evidence, criteria, the migration's inventory). Every change bumps
 * {@code changes}, so two transactions that touch the same gate at once collide on the optimistic lock and only one
 * wins. Who may call which method is {@link GateService}'s rule; what keeps the gate consistent is this class's.
 */
@Entity
@Table(name = "gate")
public class Gate {

    @Id
    private UUID id;

    @Column(name = "migration_id", nullable = false)
    private UUID migrationId;

    @Column(name = "gate_key", nullable = false, length = 40)
    private String gateKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private GateStatus status;

    @Column(name = "owner_id")
    private @Nullable UUID ownerId;

    @Column(name = "submitted_by")
    private @Nullable UUID submittedBy;

    @Column(name = "submitted_at")
    private @Nullable Instant submittedAt;

    @Column(name = "state_hash", length = 64)
    private @Nullable String stateHash;

    @Column(nullable = false)
    private long changes;

    /** How many approvals this gate needs; the migration's number, kept in step by {@code GateLifecycle}. */
    @Column(name = "required_approvals", nullable = false)
    private short requiredApprovals = 2;

    /** Why the gate went back to open, when that is something its reviewers should see (null otherwise). */
    @Column(name = "reopened_reason", length = 500)
    private @Nullable String reopenedReason;

    @Column(name = "reopened_at")
    private @Nullable Instant reopenedAt;

    @Version
    private long version;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @JoinColumn(name = "gate_id", nullable = false)
    @OrderBy("position")
    private List<GateCriterion> criteria = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "gate_id", nullable = false)
    @OrderBy("addedAt")
    private List<GateEvidence> evidence = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "gate_id", nullable = false)
    @OrderBy("signedAt")
    private List<SignOff> signOffs = new ArrayList<>();

    protected Gate() {
        this.id = new UUID(0, 0);
        this.migrationId = id;
        this.gateKey = "";
        this.status = GateStatus.OPEN;
    }

    public Gate(UUID migrationId, GateKey key) {
        this(migrationId, key, 2);
    }

    public Gate(UUID migrationId, GateKey key, int requiredApprovals) {
        this.requiredApprovals = (short) requiredApprovals;
        this.id = UUID.randomUUID();
        this.migrationId = migrationId;
        this.gateKey = key.key();
        this.status = GateStatus.OPEN;
        int position = 0;
        for (String text : key.criteria()) {
            criteria.add(new GateCriterion(position++, text, false));
        }
    }

    // ---- the workflow -------------------------------------------------------------------------------------------

    /** An analyst member hands the gate to the reviewers, with the state they are to judge. */
    public void submit(UUID by, String currentStateHash, Instant now) {
        if (status == GateStatus.SUBMITTED || status == GateStatus.APPROVED) {
            throw new RuleViolationException("This gate is " + status.label().toLowerCase(java.util.Locale.ROOT) + " already.");
        }
        if (evidence.isEmpty()) {
            throw new RuleViolationException("Add evidence before you submit: reviewers judge the gate on it.");
        }
        status = GateStatus.SUBMITTED;
        submittedBy = by;
        submittedAt = now;
        stateHash = currentStateHash;
        reopenedReason = null;
        reopenedAt = null;
        changes++;
    }

    /**
     * Records a reviewer's decision on the submitted state. Four eyes: the submitter never signs. The state must be the
     * one submitted, and one person's approval counts once.
     */
    public SignOff signOff(Signer signer, Decision decision, @Nullable String comment, String currentStateHash, @Nullable String assessment,
            int requiredApprovals, Instant now) {
        if (decision == Decision.REVOKE) {
            throw new IllegalArgumentException("Use revoke()");
        }
        if (status != GateStatus.SUBMITTED && status != GateStatus.APPROVED) {
            throw new RuleViolationException("Only a submitted gate can be signed off; this one is "
                    + status.label().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        if (signer.id().equals(submittedBy)) {
            throw new FourEyesException("You submitted this gate, so you cannot sign it off: a second person must (four eyes).");
        }
        if (!currentStateHash.equals(stateHash)) {
            throw new RuleViolationException("The evidence or inventory changed since this gate was submitted; reload and review again.");
        }
        if (decision != Decision.APPROVE && (comment == null || comment.isBlank())) {
            throw new io.ciamportal.shared.InvalidInputException("comment", "Say what needs to change: a comment is required.");
        }
        if (decision == Decision.APPROVE && signOffs.stream().anyMatch(s -> s.liveApproval() && s.signerId().equals(signer.id()))) {
            throw new RuleViolationException("You have approved this gate already; your approval counts once.");
        }
        this.requiredApprovals = (short) requiredApprovals;
        var signOff = new SignOff(signer, decision, comment, currentStateHash, assessment, now);
        signOffs.add(signOff);
        status = switch (decision) {
            case APPROVE -> liveApprovals() >= requiredApprovals ? GateStatus.APPROVED : GateStatus.SUBMITTED;
            case REQUEST_CHANGES -> GateStatus.CHANGES_REQUESTED;
            case REJECT -> GateStatus.REJECTED;
            case REVOKE -> status;
        };
        changes++;
        return signOff;
    }

    /** A reviewer withdraws their own live approval; the gate drops back to submitted if too few remain. */
    public SignOff revoke(Signer signer, @Nullable String comment, int requiredApprovals, Instant now) {
        var approval = signOffs.stream().filter(s -> s.liveApproval() && s.signerId().equals(signer.id())).findFirst()
                .orElseThrow(() -> new RuleViolationException("You have no approval on this gate to revoke."));
        this.requiredApprovals = (short) requiredApprovals;
        approval.revoke();
        var record = new SignOff(signer, Decision.REVOKE, comment, approval.stateHash(), now);
        signOffs.add(record);
        if (status == GateStatus.APPROVED && liveApprovals() < requiredApprovals) {
            status = GateStatus.SUBMITTED;
        }
        changes++;
        return record;
    }

    /** The number of approvals required changed: an approved gate may drop back, a submitted one may pass. */
    public void requireApprovals(int requiredApprovals) {
        this.requiredApprovals = (short) requiredApprovals;
        if (status == GateStatus.APPROVED && liveApprovals() < requiredApprovals) {
            status = GateStatus.SUBMITTED;
            changes++;
        } else if (status == GateStatus.SUBMITTED && liveApprovals() >= requiredApprovals) {
            status = GateStatus.APPROVED;
            changes++;
        }
    }

    /**
     * What the sign-offs rest on changed: every live sign-off becomes outdated (it stays visible, it stops counting)
     * and the gate returns to open. Returns how many sign-offs were outdated.
     */
    public int outdate() {
        return outdate(null, null);
    }

    /**
     * As {@link #outdate()}, with a reason the gate shows until it is submitted again (a changed pair, say) and that
     * each outdated sign-off keeps.
     */
    public int outdate(@Nullable String reason, @Nullable Instant now) {
        int count = 0;
        for (var s : signOffs) {
            if (s.live()) {
                s.outdate(reason);
                count++;
            }
        }
        status = GateStatus.OPEN;
        submittedBy = null;
        submittedAt = null;
        stateHash = null;
        if (reason != null) {
            reopenedReason = reason;
            reopenedAt = now;
        }
        changes++;
        return count;
    }

    /**
     * This person's approvals stop counting (they are no longer a reviewer of the migration): each is outdated with the
     * reason, and an approved gate with too few approvals left drops back to submitted. Returns how many stopped.
     */
    public int discountApprovalsOf(UUID user, String reason) {
        int count = 0;
        for (var s : signOffs) {
            if (s.liveApproval() && s.signerId().equals(user)) {
                s.outdate(reason);
                count++;
            }
        }
        if (count > 0) {
            if (status == GateStatus.APPROVED && liveApprovals() < requiredApprovals) {
                status = GateStatus.SUBMITTED;
            }
            changes++;
        }
        return count;
    }

    // ---- evidence and criteria (each change outdates) -----------------------------------------------------------

    public int addEvidence(GateEvidence item) {
        evidence.add(item);
        return outdate();
    }

    public GateEvidence removeEvidence(UUID evidenceId) {
        var item = evidence.stream().filter(e -> e.id().equals(evidenceId)).findFirst()
                .orElseThrow(() -> new io.ciamportal.shared.NotFoundException("No such evidence on this gate."));
        evidence.remove(item);
        outdate();
        return item;
    }

    public int addCriterion(String text) {
        int position = criteria.stream().mapToInt(GateCriterion::position).max().orElse(-1) + 1;
        criteria.add(new GateCriterion(position, text, true));
        return outdate();
    }

    public GateCriterion removeCriterion(UUID criterionId) {
        var item = criteria.stream().filter(c -> c.id().equals(criterionId)).findFirst()
                .orElseThrow(() -> new io.ciamportal.shared.NotFoundException("No such criterion on this gate."));
        if (!item.custom()) {
            throw new RuleViolationException("The product's own criteria stay; add a custom one to refine them.");
        }
        criteria.remove(item);
        outdate();
        return item;
    }

    public void assignOwner(@Nullable UUID owner) {
        this.ownerId = owner;
        changes++;
    }

    // ---- reading ------------------------------------------------------------------------------------------------

    public int requiredApprovals() {
        return requiredApprovals;
    }

    public long liveApprovals() {
        return signOffs.stream().filter(SignOff::liveApproval).map(SignOff::signerId).distinct().count();
    }

    public boolean hasLiveApprovalBy(UUID user) {
        return signOffs.stream().anyMatch(s -> s.liveApproval() && s.signerId().equals(user));
    }

    public UUID id() {
        return id;
    }

    public UUID migrationId() {
        return migrationId;
    }

    public GateKey key() {
        return GateKey.fromKey(gateKey);
    }

    public GateStatus status() {
        return status;
    }

    public @Nullable UUID ownerId() {
        return ownerId;
    }

    public @Nullable UUID submittedBy() {
        return submittedBy;
    }

    public @Nullable Instant submittedAt() {
        return submittedAt;
    }

    public @Nullable String stateHash() {
        return stateHash;
    }

    public @Nullable String reopenedReason() {
        return reopenedReason;
    }

    public @Nullable Instant reopenedAt() {
        return reopenedAt;
    }

    public List<GateCriterion> criteria() {
        return List.copyOf(criteria);
    }

    public List<GateEvidence> evidence() {
        return List.copyOf(evidence);
    }

    public List<SignOff> signOffs() {
        return List.copyOf(signOffs);
    }

    public long version() {
        return version;
    }
}
