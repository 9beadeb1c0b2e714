package io.ciamportal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.audit.AuditQueryService;
import io.ciamportal.migration.Inventory;
import io.ciamportal.migration.MemberRole;
import io.ciamportal.migration.MigrationService;
import io.ciamportal.migration.MigrationViews;
import io.ciamportal.security.PortalRole;
import io.ciamportal.security.UserAdminService;
import io.ciamportal.shared.RuleViolationException;
import io.ciamportal.testsupport.PortalTestBase;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * 20 threads, 50 rounds: 19 reviewers approve one gate while an analyst edits its evidence at the same moment. Every
 * approval that succeeded is stored exactly once, nobody counts twice, no live approval rests on outdated evidence, and
 * the audit chain stays intact.
 */
@Tag("integration")
class GateConcurrencyIntegrationTest extends PortalTestBase {

    static final int THREADS = 20;
    static final int ROUNDS = 50;
    static final String GATE = "rollback";

    @Autowired
    UserAdminService users;
    @Autowired
    MigrationService migrations;

    @Autowired
    io.ciamportal.migration.MigrationRecordsService records;
    @Autowired
    GateService gates;
    @Autowired
    AuditQueryService audit;
    @Autowired
    UserDetailsService accounts;
    @Autowired
    SecurityContextHolderStrategy contexts;
    @Autowired
    JdbcClient jdbc;

    private ExecutorService pool;

    @AfterEach
    void stop() {
        if (pool != null) {
            pool.shutdownNow();
        }
        contexts.clearContext();
    }

    void as(String username) {
        var principal = accounts.loadUserByUsername(username);
        var context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        contexts.setContext(context);
    }

    void asAdmin() {
        var context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("test-admin", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        contexts.setContext(context);
    }

    @Test
    void concurrentSignOffsAndEvidenceEditsNeverCountTwiceNorApproveOutdatedEvidence() throws Exception {
        String prefix = "conc-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        asAdmin();
        var reviewers = new ArrayList<String>();
        for (int i = 1; i < THREADS; i++) {
            String name = prefix + i;
            users.createLocalUser(name, "Reviewer " + i, null, "Concurrency-Password-2026", EnumSet.of(PortalRole.REVIEWER));
            reviewers.add(name);
        }
        as("analyst");
        var members = reviewers.stream().map(r -> new MigrationViews.MemberRequest(r, MemberRole.REVIEWER)).toList();
        var migration = migrations.create(new MigrationViews.NewMigration("Concurrency: Cognito to Clerk", "cognito", "clerk",
                new Inventory(5000L, 2000L, 1.0, null, null, null, null, null, null, null, null, null, null, null, null, null), members));
        UUID id = migration.summary().id();
        migrations.setRequiredApprovals(id, 5);
        contexts.clearContext();

        pool = Executors.newFixedThreadPool(THREADS);
        var approvals = new AtomicInteger();
        var evidenceEdits = new AtomicInteger();
        var lostRaces = new AtomicInteger();
        var refused = new AtomicInteger();
        var concurrentEdits = new AtomicInteger();
        for (int round = 0; round < ROUNDS; round++) {
            as("analyst");
            var current = gates.gate(id, GATE);
            if (current.status() != GateStatus.SUBMITTED) {
                gates.addText(id, GATE, "Round " + round, "Prepared evidence for round " + round);
                evidenceEdits.incrementAndGet();
                gates.submit(id, GATE);
            }
            contexts.clearContext();
            var barrier = new CyclicBarrier(THREADS);
            var futures = new ArrayList<Future<?>>();
            int r = round;
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    try {
                        if (thread == THREADS - 1) {
                            as("analyst");
                            barrier.await();
                            gates.addText(id, GATE, "Edit " + r, "Changed evidence during review, round " + r);
                            evidenceEdits.incrementAndGet();
                            concurrentEdits.incrementAndGet();
                        } else {
                            as(reviewers.get(thread));
                            barrier.await();
                            gates.signOff(id, GATE, Decision.APPROVE, null);
                            approvals.incrementAndGet();
                        }
                    } catch (OptimisticLockingFailureException | DataIntegrityViolationException e) {
                        lostRaces.incrementAndGet();
                    } catch (RuleViolationException e) {
                        refused.incrementAndGet();
                    } finally {
                        contexts.clearContext();
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
        }

        // exact counts: every success is one row, every row one success
        long approveRows = jdbc.sql("""
                SELECT count(*) FROM gate_sign_off s JOIN gate g ON g.id = s.gate_id
                WHERE g.migration_id = ? AND g.gate_key = ? AND s.decision = 'APPROVE'""").params(id, GATE).query(Long.class).single();
        assertThat(approveRows).isEqualTo(approvals.get());
        long evidenceRows = jdbc.sql("SELECT count(*) FROM gate_evidence e JOIN gate g ON g.id = e.gate_id WHERE g.migration_id = ? AND g.gate_key = ?")
                .params(id, GATE).query(Long.class).single();
        assertThat(evidenceRows).isEqualTo(evidenceEdits.get());
        // every attempt ended exactly one way: stored, lost the race (optimistic lock or unique index), or refused by a rule
        assertThat(approvals.get() + concurrentEdits.get() + lostRaces.get() + refused.get()).isEqualTo(ROUNDS * THREADS);
        assertThat(approvals.get()).as("some approvals won").isPositive();
        assertThat(lostRaces.get() + refused.get()).as("some lost the race").isPositive();

        // nobody counts twice, and no live approval rests on a state other than the gate's current submission
        long doubled = jdbc.sql("""
                SELECT count(*) FROM (SELECT s.signer_id FROM gate_sign_off s JOIN gate g ON g.id = s.gate_id
                WHERE g.migration_id = ? AND s.decision = 'APPROVE' AND NOT s.outdated AND NOT s.revoked GROUP BY s.gate_id, s.signer_id
                HAVING count(*) > 1) d""").params(id).query(Long.class).single();
        assertThat(doubled).isZero();
        as("analyst");
        var gate = gates.gate(id, GATE);
        var live = gate.signOffs().stream().filter(GateViews.SignOffView::counts).toList();
        if (gate.status() == GateStatus.OPEN) {
            assertThat(live).isEmpty();
        } else {
            assertThat(live).allSatisfy(s -> assertThat(s.stateHash()).isEqualTo(gate.currentStateHash()));
            assertThat(gate.status() == GateStatus.APPROVED).isEqualTo(live.size() >= 5);
        }
        contexts.clearContext();

        // the audit log recorded exactly the successes, and its chain is intact
        as("admin");
        var trail = records.auditTrail(id);
        assertThat(trail.stream().filter(e -> e.action().equals("GATE_SIGNED_OFF")).count()).isEqualTo(approvals.get());
        assertThat(trail.stream().filter(e -> e.action().equals("GATE_EVIDENCE_ADDED")).count()).isEqualTo(evidenceEdits.get());
        var chain = audit.verify();
        assertThat(chain.intact()).as(chain.problem()).isTrue();
        System.out.printf("Concurrency: %d approvals stored, %d evidence edits, %d lost the race, %d refused by a rule%n",
                approvals.get(), evidenceEdits.get(), lostRaces.get(), refused.get());
    }
}
