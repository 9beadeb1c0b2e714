package io.ciamportal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.ciamportal.testsupport.PortalTestBase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.transaction.support.TransactionTemplate;

/** The audit chain against a real PostgreSQL: linking, concurrency across pools, append-only, tamper detection. */
@Tag("integration")
class AuditChainIntegrationTest extends PortalTestBase {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditQueryService query;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    /** The application's own holder: another test context in this JVM may have replaced the static one. */
    @Autowired
    SecurityContextHolderStrategy contexts;

    @Test
    void eachAppendLinksToThePreviousEntry() {
        var first = audit.record(AuditActor.SYSTEM, AuditEvent.success(AuditAction.VENDOR_VALUE_CHANGED, AuditTarget.VENDOR, "a", null, Map.of("n", 1)));
        var second = audit.record(AuditActor.SYSTEM, AuditEvent.success(AuditAction.VENDOR_VALUE_CHANGED, AuditTarget.VENDOR, "b", Map.of("n", 1), Map.of("n", 2)));

        assertThat(second.id()).isEqualTo(first.id() + 1);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isEqualTo(second.computeHash()).hasSize(64);
        asAdmin(() -> assertThat(query.verify().intact()).isTrue());
    }

    @Test
    void secretsNeverReachTheLog() {
        var entry = audit.record(AuditActor.SYSTEM, AuditEvent.success(AuditAction.VENDOR_VALUE_CHANGED, AuditTarget.VENDOR, "s", null,
                Map.of("password", "hunter2-secret", "nested", Map.of("clientSecret", "abc123"), "name", "visible"))
                .sensitive("password", "clientSecret"));

        String stored = jdbc.queryForObject("SELECT after_state FROM audit_entry WHERE id = ?", String.class, entry.id());
        assertThat(stored).doesNotContain("hunter2").doesNotContain("abc123").contains("visible").contains("[redacted]");
    }

    @Test
    void twentyConcurrentWritersOnTwoPoolsLeaveOneLinearChain() throws Exception {
        String url = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getURL());
        try (var poolA = pool(url, "audit-a"); var poolB = pool(url, "audit-b")) {
            var writers = List.of(writer(poolA), writer(poolB));
            long before = count();
            int threads = 20;
            int perThread = 5;
            var start = new CountDownLatch(1);
            var executor = Executors.newFixedThreadPool(threads);
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                var writer = writers.get(t % 2);
                int thread = t;
                futures.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        writer.append("thread-" + thread + "-" + i);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            executor.shutdown();

            assertThat(count()).isEqualTo(before + threads * perThread);
            var ids = jdbc.queryForList("SELECT id FROM audit_entry ORDER BY id", Long.class);
            for (int i = 0; i < ids.size(); i++) {
                assertThat(ids.get(i)).as("ids have no gaps").isEqualTo(i + 1L);
            }
            assertThat(jdbc.queryForObject("SELECT count(DISTINCT prev_hash) = count(*) FROM audit_entry", Boolean.class))
                    .as("no two entries extend the same predecessor (no fork)").isTrue();
            asAdmin(() -> assertThat(query.verify().intact()).isTrue());
        }
    }

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncate() {
        var entry = audit.record(AuditActor.SYSTEM, AuditEvent.success(AuditAction.VENDOR_VALUE_CHANGED, AuditTarget.VENDOR, "x", null, null));

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_entry SET actor_name = 'Mallory' WHERE id = ?", entry.id()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_entry WHERE id = ?", entry.id()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_entry"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("SELECT actor_name FROM audit_entry WHERE id = ?", String.class, entry.id()))
                .isEqualTo("Portal");
    }

    @Test
    void anInsertThatDoesNotExtendTheHeadIsRefused() {
        long head = jdbc.queryForObject("SELECT max(id) FROM audit_entry", Long.class);
        assertThatThrownBy(() -> jdbc.update("""
                INSERT INTO audit_entry (id, occurred_at, actor_id, actor_name, actor_roles, action, target_type, outcome, prev_hash, hash)
                VALUES (?, now(), 'x', 'x', '', 'FORGED', 'test', 'SUCCESS', ?, ?)""", head + 1, "0".repeat(64), "f".repeat(64)))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("does not link");
    }

    @Test
    void theVerifierNamesTheEntryThatWasAlteredBehindItsBack() {
        var victim = audit.record(AuditActor.SYSTEM, AuditEvent.success(AuditAction.VENDOR_VALUE_CHANGED, AuditTarget.VENDOR, "t", null, Map.of("amount", 10)));
        audit.record(AuditActor.SYSTEM, AuditEvent.success(AuditAction.VENDOR_VALUE_CHANGED, AuditTarget.VENDOR, "after", null, null));
        try {
            // The database owner can switch the guard off; the chain still tells.
            ownerUpdate("UPDATE audit_entry SET after_state = '{\"amount\":1000}' WHERE id = " + victim.id());
            asAdmin(() -> {
                var result = query.verify();
                assertThat(result.intact()).isFalse();
                assertThat(result.firstBrokenId()).isEqualTo(victim.id());
                assertThat(result.problem()).contains("Entry " + victim.id());
            });
        } finally {
            ownerUpdate("UPDATE audit_entry SET after_state = '{\"amount\":10}' WHERE id = " + victim.id());
        }
        asAdmin(() -> assertThat(query.verify().intact()).isTrue());
    }

    private void ownerUpdate(String sql) {
        jdbc.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_update_delete");
        try {
            jdbc.execute(sql);
        } finally {
            jdbc.execute("ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_update_delete");
        }
    }

    private long count() {
        return jdbc.queryForObject("SELECT count(*) FROM audit_entry", Long.class);
    }

    private static HikariDataSource pool(String url, String name) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    /** A second "portal instance": its own pool, its own AuditLog, its own transactions. */
    private record Writer(AuditLog log, TransactionTemplate tx) {
        void append(String target) {
            tx.executeWithoutResult(status -> log.record(AuditActor.SYSTEM, AuditEvent.success(AuditAction.VENDOR_VALUE_CHANGED, AuditTarget.VENDOR, target, null, null)));
        }
    }

    private Writer writer(DataSource pool) {
        var log = new AuditLog(new io.ciamportal.audit.internal.AuditEntries(JdbcClient.create(pool), pool), clock, () -> AuditActor.SYSTEM);
        return new Writer(log, new TransactionTemplate(new DataSourceTransactionManager(pool)));
    }

    private void asAdmin(Runnable action) {
        var context = contexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("test-admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        contexts.setContext(context);
        try {
            action.run();
        } finally {
            contexts.clearContext();
        }
    }
}
