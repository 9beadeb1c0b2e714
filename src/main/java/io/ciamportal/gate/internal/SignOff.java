package io.ciamportal.gate.internal;

import io.ciamportal.gate.Decision;
import io.ciamportal.gate.internal.Signer;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A recorded decision on a gate: who, their role at that moment, when, what it means, the decision, a comment, and
 * the hash of the state it was given on. Outdated or revoked sign-offs stay visible and stop counting.
 */
@Entity
@Table(name = "gate_sign_off")
public class SignOff {

    public static final String MEANING = "Security approval";

    @Id
    private UUID id;

    @Column(name = "signer_id", nullable = false)
    private UUID signerId;

    @Column(name = "signer_name", nullable = false, length = 200)
    private String signerName;

    @Column(name = "signer_role", nullable = false, length = 100)
    private String signerRole;

    @Column(nullable = false, length = 100)
    private String meaning;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Decision decision;

    @Column(length = 2000)
    private @Nullable String comment;

    @Column(name = "state_hash", nullable = false, length = 64)
    private String stateHash;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    @Column(nullable = false)
    private boolean outdated;

    @Column(nullable = false)
    private boolean revoked;

    /** Why the sign-off stopped counting (the pair changed, the reviewer left), shown next to it. */
    @Column(name = "outdated_reason", length = 300)
    private @Nullable String outdatedReason;

    /** The assessment it was given on: item verdicts and strategy, canonical JSON (null before this was recorded). */
    @Column(name = "assessment")
    private @Nullable String assessment;

    protected SignOff() {
        this.id = new UUID(0, 0);
        this.signerId = id;
        this.signerName = "";
        this.signerRole = "";
        this.meaning = MEANING;
        this.decision = Decision.APPROVE;
        this.stateHash = "";
        this.signedAt = Instant.EPOCH;
    }

    public SignOff(Signer signer, Decision decision, @Nullable String comment, String stateHash, @Nullable String assessment, Instant signedAt) {
        this(signer, decision, comment, stateHash, signedAt);
        this.assessment = assessment;
    }

    public SignOff(Signer signer, Decision decision, @Nullable String comment, String stateHash, Instant signedAt) {
        this.id = UUID.randomUUID();
        this.signerId = signer.id();
        this.signerName = signer.name();
        this.signerRole = signer.role();
        this.meaning = MEANING;
        this.decision = decision;
        this.comment = comment;
        this.stateHash = stateHash;
        this.signedAt = signedAt;
    }

    /** An approval that counts: not outdated, not revoked. */
    public boolean liveApproval() {
        return decision == Decision.APPROVE && !outdated && !revoked;
    }

    public boolean live() {
        return !outdated && !revoked && decision != Decision.REVOKE;
    }

    public void outdate(@Nullable String reason) {
        this.outdated = true;
        this.outdatedReason = reason;
    }

    public @Nullable String outdatedReason() {
        return outdatedReason;
    }

    public @Nullable String assessment() {
        return assessment;
    }

    public void revoke() {
        this.revoked = true;
    }

    public UUID id() {
        return id;
    }

    public UUID signerId() {
        return signerId;
    }

    public String signerName() {
        return signerName;
    }

    public String signerRole() {
        return signerRole;
    }

    public String meaning() {
        return meaning;
    }

    public Decision decision() {
        return decision;
    }

    public @Nullable String comment() {
        return comment;
    }

    public String stateHash() {
        return stateHash;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public boolean outdated() {
        return outdated;
    }

    public boolean revoked() {
        return revoked;
    }
}
