package io.ciamportal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00.123456Z");

    @Test
    void anEmptyLogIsIntactWithTheGenesisHead() {
        var result = new ChainVerifier().result();
        assertThat(result.intact()).isTrue();
        assertThat(result.entries()).isZero();
        assertThat(result.headHash()).isEqualTo(AuditHashing.GENESIS_HASH);
    }

    @Test
    void anUntouchedChainIsIntact() {
        var chain = chain(5);
        var result = verify(chain);
        assertThat(result.intact()).isTrue();
        assertThat(result.entries()).isEqualTo(5);
        assertThat(result.headHash()).isEqualTo(chain.getLast().hash());
        assertThat(result.firstBrokenId()).isNull();
    }

    @Test
    void anEditedEntryIsNamed() {
        var chain = chain(5);
        chain.set(2, edit(chain.get(2), e -> new AuditEntry(e.id(), e.occurredAt(), e.actorId(), "Mallory", e.actorRoles(),
                e.action(), e.targetType(), e.targetId(), e.before(), e.after(), e.outcome(), e.prevHash(), e.hash())));
        var result = verify(chain);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenId()).isEqualTo(3L);
        assertThat(result.problem()).contains("changed");
    }

    @Test
    void anEntryEditedAndRehashedBreaksTheNextLink() {
        var chain = chain(5);
        var forged = new AuditEntry(3, T0, "u", "Mallory", "", "X", "t", null, null, null, AuditOutcome.SUCCESS,
                chain.get(1).hash(), "");
        chain.set(2, edit(forged, e -> withHash(e, e.computeHash())));
        var result = verify(chain);
        assertThat(result.firstBrokenId()).isEqualTo(4L);
        assertThat(result.problem()).contains("previous-hash");
    }

    @Test
    void aRemovedEntryIsNoticed() {
        var chain = chain(5);
        chain.remove(1);
        var result = verify(chain);
        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenId()).isEqualTo(3L);
        assertThat(result.problem()).contains("missing");
    }

    @Test
    void theHashDependsOnEveryField() {
        var base = chain(1).getFirst();
        List<UnaryOperator<AuditEntry>> changes = List.of(
                e -> new AuditEntry(e.id() + 1, e.occurredAt(), e.actorId(), e.actorName(), e.actorRoles(), e.action(), e.targetType(), e.targetId(), e.before(), e.after(), e.outcome(), e.prevHash(), ""),
                e -> new AuditEntry(e.id(), e.occurredAt().plusNanos(1000), e.actorId(), e.actorName(), e.actorRoles(), e.action(), e.targetType(), e.targetId(), e.before(), e.after(), e.outcome(), e.prevHash(), ""),
                e -> new AuditEntry(e.id(), e.occurredAt(), "other", e.actorName(), e.actorRoles(), e.action(), e.targetType(), e.targetId(), e.before(), e.after(), e.outcome(), e.prevHash(), ""),
                e -> new AuditEntry(e.id(), e.occurredAt(), e.actorId(), e.actorName(), "ADMIN", e.action(), e.targetType(), e.targetId(), e.before(), e.after(), e.outcome(), e.prevHash(), ""),
                e -> new AuditEntry(e.id(), e.occurredAt(), e.actorId(), e.actorName(), e.actorRoles(), "OTHER", e.targetType(), e.targetId(), e.before(), e.after(), e.outcome(), e.prevHash(), ""),
                e -> new AuditEntry(e.id(), e.occurredAt(), e.actorId(), e.actorName(), e.actorRoles(), e.action(), e.targetType(), "2", e.before(), e.after(), e.outcome(), e.prevHash(), ""),
                e -> new AuditEntry(e.id(), e.occurredAt(), e.actorId(), e.actorName(), e.actorRoles(), e.action(), e.targetType(), e.targetId(), "{}", e.after(), e.outcome(), e.prevHash(), ""),
                e -> new AuditEntry(e.id(), e.occurredAt(), e.actorId(), e.actorName(), e.actorRoles(), e.action(), e.targetType(), e.targetId(), e.before(), "{\"n\":2}", e.outcome(), e.prevHash(), ""),
                e -> new AuditEntry(e.id(), e.occurredAt(), e.actorId(), e.actorName(), e.actorRoles(), e.action(), e.targetType(), e.targetId(), e.before(), e.after(), AuditOutcome.DENIED, e.prevHash(), ""),
                e -> new AuditEntry(e.id(), e.occurredAt(), e.actorId(), e.actorName(), e.actorRoles(), e.action(), e.targetType(), e.targetId(), e.before(), e.after(), e.outcome(), "1".repeat(64), ""));
        for (var change : changes) {
            assertThat(change.apply(base).computeHash()).isNotEqualTo(base.hash());
        }
    }

    @Test
    void theCanonicalFormIsStable() {
        var entry = new AuditEntry(7, T0, "u-1", "Ada \"Admin\"", "ADMIN,VIEWER", "USER_ROLES_CHANGED", "user", "u-2",
                "{\"roles\":[\"VIEWER\"]}", "{\"roles\":[\"ANALYST\",\"VIEWER\"]}", AuditOutcome.SUCCESS, AuditHashing.GENESIS_HASH, "");
        assertThat(AuditHashing.canonicalForm(entry)).isEqualTo("[\"ciam-portal-audit/v1\",7,\"2026-11-22T10:00:00.123456Z\","
                + "\"u-1\",\"Ada \\\"Admin\\\"\",\"ADMIN,VIEWER\",\"USER_ROLES_CHANGED\",\"user\",\"u-2\","
                + "{\"roles\":[\"VIEWER\"]},{\"roles\":[\"ANALYST\",\"VIEWER\"]},\"SUCCESS\",\"" + "0".repeat(64) + "\"]");
        // pinned: any change to the canonical form or the digest breaks every exported chain
        assertThat(entry.computeHash()).isEqualTo("73e1d52c022da02be02268b91d7fff9a43533814e33f45501c6e70c36f229b9b");
    }

    private static ChainVerification verify(List<AuditEntry> chain) {
        var verifier = new ChainVerifier();
        chain.forEach(verifier::accept);
        return verifier.result();
    }

    private static List<AuditEntry> chain(int n) {
        var entries = new ArrayList<AuditEntry>();
        String prev = AuditHashing.GENESIS_HASH;
        for (int i = 1; i <= n; i++) {
            var e = new AuditEntry(i, T0.plusSeconds(i), "u-" + i, "User " + i, "VIEWER", "TEST", "t", String.valueOf(i),
                    null, "{\"n\":" + i + "}", AuditOutcome.SUCCESS, prev, "");
            e = withHash(e, e.computeHash());
            entries.add(e);
            prev = e.hash();
        }
        return entries;
    }

    private static AuditEntry edit(AuditEntry e, UnaryOperator<AuditEntry> change) {
        return change.apply(e);
    }

    private static AuditEntry withHash(AuditEntry e, String hash) {
        return new AuditEntry(e.id(), e.occurredAt(), e.actorId(), e.actorName(), e.actorRoles(), e.action(), e.targetType(),
                e.targetId(), e.before(), e.after(), e.outcome(), e.prevHash(), hash);
    }
}
