package io.ciamportal.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ciamportal.gate.internal.Gate;
import io.ciamportal.gate.internal.GateCriterion;
import io.ciamportal.gate.internal.GateEvidence;
import io.ciamportal.gate.internal.SignOff;
import io.ciamportal.gate.internal.Signer;
import io.ciamportal.shared.InvalidInputException;
import io.ciamportal.shared.RuleViolationException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every transition of a gate, the four-eyes rule and outdating, on the aggregate alone. */
class GateTest {

    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final String STATE = "a".repeat(64);

    final UUID analyst = UUID.randomUUID();
    final Signer alice = new Signer(UUID.randomUUID(), "Alice", "Reviewer");
    final Signer bob = new Signer(UUID.randomUUID(), "Bob", "Reviewer");
    final Signer carol = new Signer(UUID.randomUUID(), "Carol", "Reviewer");
    Gate gate;

    @BeforeEach
    void newGate() {
        gate = new Gate(UUID.randomUUID(), GateKey.CREDENTIAL_TRANSIT);
    }

    GateEvidence text(String title) {
        return new GateEvidence(GateEvidence.Kind.TEXT, title, "body", null, null, null, null, null, analyst, NOW);
    }

    void submitted() {
        gate.addEvidence(text("PGP key ceremony"));
        gate.submit(analyst, STATE, NOW);
    }

    /**
     * Pinned: the state hash is what every sign-off rests on, so a change to its canonical form, to the default
     * criteria or to what it covers outdates every sign-off in every installation. Change this digest only on purpose.
     */
    @Test
    void theStateHashIsPinnedAndCoversThePairAndTheInventory() {
        var rollback = new Gate(UUID.fromString("00000000-0000-0000-0000-000000000001"), GateKey.ROLLBACK);
        var access = access("auth0", "keycloak", java.util.Map.of("totalUsers", 1000, "passwordShare", 0.8));

        assertThat(GateService.stateHash(rollback, access)).isEqualTo("b1b981e28e569531bfa861a698dc5a9c10abb582f405c5a9d584f1e9fc75a307");
        assertThat(GateService.stateHash(rollback, access("auth0", "clerk", access.inventory())))
                .as("another destination").isNotEqualTo(GateService.stateHash(rollback, access));
        assertThat(GateService.stateHash(rollback, access("cognito", "keycloak", access.inventory())))
                .as("another source").isNotEqualTo(GateService.stateHash(rollback, access));
        assertThat(GateService.stateHash(rollback, access("auth0", "keycloak", java.util.Map.of("totalUsers", 1001, "passwordShare", 0.8))))
                .as("another inventory").isNotEqualTo(GateService.stateHash(rollback, access));
    }

    private static io.ciamportal.migration.MigrationViews.Access access(String source, String destination,
            java.util.Map<String, ? extends @org.jspecify.annotations.Nullable Object> inventory) {
        return new io.ciamportal.migration.MigrationViews.Access(UUID.fromString("00000000-0000-0000-0000-0000000000aa"), "Pinned",
                source, destination, UUID.fromString("00000000-0000-0000-0000-0000000000bb"), null, false, false, false, false, 1,
                new java.util.LinkedHashMap<>(inventory), java.util.List.of());
    }

    @Test
    void aNewGateIsOpenWithTheProductsCriteria() {
        assertThat(gate.status()).isEqualTo(GateStatus.OPEN);
        assertThat(gate.criteria()).hasSize(GateKey.CREDENTIAL_TRANSIT.criteria().size()).noneMatch(GateCriterion::custom);
    }

    @Test
    void aGateWithoutEvidenceCannotBeSubmitted() {
        assertThatThrownBy(() -> gate.submit(analyst, STATE, NOW)).isInstanceOf(RuleViolationException.class).hasMessageContaining("evidence");
        assertThat(gate.status()).isEqualTo(GateStatus.OPEN);
    }

    @Test
    void openToSubmittedToApprovedWithTwoDistinctReviewers() {
        submitted();
        assertThat(gate.status()).isEqualTo(GateStatus.SUBMITTED);
        gate.signOff(alice, Decision.APPROVE, null, STATE, null, 2, NOW);
        assertThat(gate.status()).isEqualTo(GateStatus.SUBMITTED);
        assertThat(gate.liveApprovals()).isEqualTo(1);
        gate.signOff(bob, Decision.APPROVE, "Looks right", STATE, null, 2, NOW);
        assertThat(gate.status()).isEqualTo(GateStatus.APPROVED);
        assertThat(gate.liveApprovals()).isEqualTo(2);
    }

    @Test
    void oneApprovalIsEnoughWhenTheOwnerAsksForOne() {
        submitted();
        gate.signOff(alice, Decision.APPROVE, null, STATE, null, 1, NOW);
        assertThat(gate.status()).isEqualTo(GateStatus.APPROVED);
    }

    @Test
    void theSubmitterNeverSignsOff() {
        submitted();
        var submitter = new Signer(analyst, "Ann Analyst", "Analyst");
        assertThatThrownBy(() -> gate.signOff(submitter, Decision.APPROVE, null, STATE, null, 1, NOW)).isInstanceOf(FourEyesException.class);
        assertThatThrownBy(() -> gate.signOff(submitter, Decision.REJECT, "no", STATE, null, 1, NOW)).isInstanceOf(FourEyesException.class);
        assertThat(gate.signOffs()).isEmpty();
    }

    @Test
    void anApprovalCountsOncePerPerson() {
        submitted();
        gate.signOff(alice, Decision.APPROVE, null, STATE, null, 2, NOW);
        assertThatThrownBy(() -> gate.signOff(alice, Decision.APPROVE, null, STATE, null, 2, NOW)).isInstanceOf(RuleViolationException.class);
        assertThat(gate.liveApprovals()).isEqualTo(1);
        assertThat(gate.status()).isEqualTo(GateStatus.SUBMITTED);
    }

    @Test
    void requestChangesAndRejectNeedACommentAndMoveTheGate() {
        submitted();
        assertThatThrownBy(() -> gate.signOff(alice, Decision.REQUEST_CHANGES, " ", STATE, null, 2, NOW)).isInstanceOf(InvalidInputException.class);
        gate.signOff(alice, Decision.REQUEST_CHANGES, "Name the key holders", STATE, null, 2, NOW);
        assertThat(gate.status()).isEqualTo(GateStatus.CHANGES_REQUESTED);
        assertThatThrownBy(() -> gate.signOff(bob, Decision.APPROVE, null, STATE, null, 2, NOW))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("Only a submitted gate");
        gate.submit(analyst, STATE, NOW);
        gate.signOff(bob, Decision.REJECT, "Export is not encrypted", STATE, null, 2, NOW);
        assertThat(gate.status()).isEqualTo(GateStatus.REJECTED);
    }

    @Test
    void aSignOffOnAStateOtherThanTheSubmittedOneIsRefused() {
        submitted();
        assertThatThrownBy(() -> gate.signOff(alice, Decision.APPROVE, null, "b".repeat(64), null, 2, NOW))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("changed since");
    }

    @Test
    void newEvidenceOutdatesEverySignOffAndReopensTheGate() {
        submitted();
        gate.signOff(alice, Decision.APPROVE, null, STATE, null, 2, NOW);
        gate.signOff(bob, Decision.APPROVE, null, STATE, null, 2, NOW);
        assertThat(gate.status()).isEqualTo(GateStatus.APPROVED);
        int outdated = gate.addEvidence(text("Key rotation record"));
        assertThat(outdated).isEqualTo(2);
        assertThat(gate.status()).isEqualTo(GateStatus.OPEN);
        assertThat(gate.liveApprovals()).isZero();
        assertThat(gate.signOffs()).hasSize(2).allMatch(SignOff::outdated);
        assertThat(gate.submittedBy()).isNull();
    }

    @Test
    void removingEvidenceOrChangingCriteriaOutdatesToo() {
        submitted();
        gate.signOff(alice, Decision.APPROVE, null, STATE, null, 2, NOW);
        gate.addCriterion("The PGP key fingerprint is read aloud on a call");
        assertThat(gate.status()).isEqualTo(GateStatus.OPEN);
        assertThat(gate.signOffs()).allMatch(SignOff::outdated);

        gate.submit(analyst, STATE, NOW);
        gate.signOff(bob, Decision.APPROVE, null, STATE, null, 2, NOW);
        var evidence = gate.evidence().getFirst();
        gate.removeEvidence(evidence.id());
        assertThat(gate.status()).isEqualTo(GateStatus.OPEN);
        assertThat(gate.liveApprovals()).isZero();
    }

    @Test
    void theProductsCriteriaStayOnlyCustomOnesCanBeRemoved() {
        var seeded = gate.criteria().getFirst();
        assertThatThrownBy(() -> gate.removeCriterion(seeded.id())).isInstanceOf(RuleViolationException.class);
        gate.addCriterion("Custom");
        var custom = gate.criteria().getLast();
        gate.removeCriterion(custom.id());
        assertThat(gate.criteria()).noneMatch(GateCriterion::custom);
    }

    @Test
    void aReviewerRevokesTheirApprovalAndTheGateDropsBack() {
        submitted();
        gate.signOff(alice, Decision.APPROVE, null, STATE, null, 2, NOW);
        gate.signOff(bob, Decision.APPROVE, null, STATE, null, 2, NOW);
        gate.revoke(alice, "Found a gap", 2, NOW);
        assertThat(gate.status()).isEqualTo(GateStatus.SUBMITTED);
        assertThat(gate.liveApprovals()).isEqualTo(1);
        assertThat(gate.signOffs()).anyMatch(s -> s.decision() == Decision.REVOKE && s.signerId().equals(alice.id()));
        assertThatThrownBy(() -> gate.revoke(carol, null, 2, NOW)).isInstanceOf(RuleViolationException.class);
        gate.signOff(carol, Decision.APPROVE, null, STATE, null, 2, NOW);
        assertThat(gate.status()).isEqualTo(GateStatus.APPROVED);
    }

    @Test
    void changingTheRequiredNumberRecountsTheApprovals() {
        submitted();
        gate.signOff(alice, Decision.APPROVE, null, STATE, null, 2, NOW);
        gate.requireApprovals(1);
        assertThat(gate.status()).isEqualTo(GateStatus.APPROVED);
        gate.requireApprovals(3);
        assertThat(gate.status()).isEqualTo(GateStatus.SUBMITTED);
    }

    @Test
    void aSubmittedOrApprovedGateIsNotSubmittedAgain() {
        submitted();
        assertThatThrownBy(() -> gate.submit(analyst, STATE, NOW)).isInstanceOf(RuleViolationException.class);
    }
}
