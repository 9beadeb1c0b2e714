package io.ciamportal.bench;

import io.ciamportal.Application;
import io.ciamportal.audit.AuditEntry;
import io.ciamportal.audit.AuditOutcome;
import io.ciamportal.audit.ChainVerifier;
import io.ciamportal.gate.Decision;
import io.ciamportal.gate.GateService;
import io.ciamportal.gate.GateStatus;
import io.ciamportal.migration.Inventory;
import io.ciamportal.migration.MemberRole;
import io.ciamportal.migration.MigrationService;
import io.ciamportal.migration.MigrationViews;
import io.ciamportal.security.PortalRole;
import io.ciamportal.security.UserAdminService;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import org.springframework.boot.SpringApplication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Sign-off latency with 20 reviewers approving one gate at the same moment (in process, through the services and a
 * real embedded PostgreSQL), and the time to verify an audit chain of 100,000 entries (pure).
 *
 * <p>Run: {@code ./mvnw -q -DskipTests package exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.ciamportal.bench.GateBenchmark}. It prints numbers; it asserts nothing.
 */
public final class GateBenchmark {

    static final int REVIEWERS = 20;
    static final int ROUNDS = 20;

    public static void main(String[] args) throws Exception {
        chain();
        signOffs();
        System.exit(0);
    }

    private static void chain() {
        int n = 100_000;
        var entries = new ArrayList<AuditEntry>(n);
        String prev = io.ciamportal.audit.AuditHashing.GENESIS_HASH;
        Instant t = Instant.parse("2026-11-22T10:00:00Z");
        for (int i = 1; i <= n; i++) {
            var draft = new AuditEntry(i, t.plusMillis(i), "u-" + (i % 50), "User " + (i % 50), "REVIEWER", "GATE_SIGNED_OFF", "migration",
                    "m-" + (i % 7), "{\"status\":\"SUBMITTED\"}", "{\"decision\":\"APPROVE\",\"gate\":\"rollback\",\"state\":\"" + "a".repeat(64) + "\"}",
                    AuditOutcome.SUCCESS, prev, "");
            var entry = new AuditEntry(i, draft.occurredAt(), draft.actorId(), draft.actorName(), draft.actorRoles(), draft.action(),
                    draft.targetType(), draft.targetId(), draft.before(), draft.after(), draft.outcome(), prev, draft.computeHash());
            entries.add(entry);
            prev = entry.hash();
        }
        for (int warm = 0; warm < 3; warm++) {
            verify(entries);
        }
        var times = new ArrayList<Double>();
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            var result = verify(entries);
            times.add((System.nanoTime() - t0) / 1e6);
            if (!result) {
                throw new IllegalStateException("chain broken");
            }
        }
        Collections.sort(times);
        System.out.printf("Audit chain verification, 100,000 entries in memory (canonical form + SHA-256 each): median %.0f ms, best %.0f ms%n",
                times.get(2), times.get(0));
    }

    private static boolean verify(List<AuditEntry> entries) {
        var verifier = new ChainVerifier();
        entries.forEach(verifier::accept);
        return verifier.result().intact();
    }

    private static void signOffs() throws Exception {
        var dataDir = Files.createTempDirectory("portal-bench-gates");
        var context = SpringApplication.run(Application.class, "--server.port=0", "--portal.demo=true",
                "--portal.demo-password=Bench-Password-2026", "--portal.data-dir=" + dataDir, "--spring.datasource.url=",
                "--portal.oidc.issuer-uri=", "--logging.level.root=WARN");
        try {
            var users = context.getBean(UserAdminService.class);
            var migrations = context.getBean(MigrationService.class);
            var gates = context.getBean(GateService.class);
            var accounts = context.getBean(UserDetailsService.class);
            var contexts = context.getBean(SecurityContextHolderStrategy.class);
            Runnable admin = () -> {
                var c = contexts.createEmptyContext();
                c.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("bench", null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
                contexts.setContext(c);
            };
            java.util.function.Consumer<String> as = name -> {
                var p = accounts.loadUserByUsername(name);
                var c = contexts.createEmptyContext();
                c.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities()));
                contexts.setContext(c);
            };
            admin.run();
            var reviewers = new ArrayList<String>();
            for (int i = 1; i <= REVIEWERS; i++) {
                users.createLocalUser("bench-r" + i, "Bench reviewer " + i, null, "Bench-Password-2026", EnumSet.of(PortalRole.REVIEWER));
                reviewers.add("bench-r" + i);
            }
            as.accept("analyst");
            var migration = migrations.create(new MigrationViews.NewMigration("Bench: Auth0 to Keycloak", "auth0", "keycloak",
                    Inventory.empty(), reviewers.stream().map(r -> new MigrationViews.MemberRequest(r, MemberRole.REVIEWER)).toList()));
            UUID id = migration.summary().id();
            migrations.setRequiredApprovals(id, 5);
            contexts.clearContext();

            var pool = Executors.newFixedThreadPool(REVIEWERS);
            var all = Collections.synchronizedList(new ArrayList<Double>());
            var won = Collections.synchronizedList(new ArrayList<Double>());
            for (int round = 0; round < ROUNDS; round++) {
                as.accept("analyst");
                if (gates.gate(id, "rollback").status() != GateStatus.SUBMITTED) {
                    gates.addText(id, "rollback", "Round " + round, "Evidence " + round);
                    gates.submit(id, "rollback");
                }
                contexts.clearContext();
                var barrier = new CyclicBarrier(REVIEWERS);
                var futures = new ArrayList<java.util.concurrent.Future<?>>();
                for (String reviewer : reviewers) {
                    futures.add(pool.submit(() -> {
                        as.accept(reviewer);
                        barrier.await();
                        long t0 = System.nanoTime();
                        boolean ok = false;
                        try {
                            gates.signOff(id, "rollback", Decision.APPROVE, null);
                            ok = true;
                        } catch (RuntimeException e) {
                            // lost the race or refused (already approved, gate no longer submitted): still a measured call
                        } finally {
                            double ms = (System.nanoTime() - t0) / 1e6;
                            all.add(ms);
                            if (ok) {
                                won.add(ms);
                            }
                            contexts.clearContext();
                        }
                        return null;
                    }));
                }
                for (var f : futures) {
                    f.get();
                }
                if (round % 4 == 3) {
                    // reopen so the next rounds race on a fresh submission
                    as.accept("analyst");
                    gates.addText(id, "rollback", "Reset " + round, "New evidence");
                    contexts.clearContext();
                }
            }
            pool.shutdown();
            System.out.printf("Sign-off with %d reviewers on one gate at the same moment, %d rounds: every call median %.1f ms, p95 %.1f ms;"
                    + " %d stored approvals, median %.1f ms, p95 %.1f ms%n", REVIEWERS, ROUNDS, BenchSupport.percentile(all, 50), BenchSupport.percentile(all, 95),
                    won.size(), BenchSupport.percentile(won, 50), BenchSupport.percentile(won, 95));
        } finally {
            context.close();
        }
    }

}
