package io.ciamportal.instances;

import static io.ciamportal.testsupport.ApiClient.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.ciamportal.security.internal.UserAccountRepository;
import io.ciamportal.testsupport.PortalInstance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances started at the same moment on an empty database: the first accounts are made once. While another
 * holder has the first-accounts lock, neither instance gets past creating them; once it is released, both start, and
 * there is one initial admin, whose password works on both.
 */
@Tag("integration")
class FirstStartIntegrationTest {

    static final String PASSWORD = "First-Start-Password-2026";

    @Test
    void twoInstancesStartingTogetherOnAnEmptyDatabaseMakeTheFirstAccountsOnce() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "test-data", "first-start-" + UUID.randomUUID()));
        try (var postgres = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
                var holder = postgres.getPostgresDatabase().getConnection()) {
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
            holder.setAutoCommit(false);
            try (var statement = holder.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + UserAccountRepository.FIRST_ACCOUNTS_LOCK + ")");
            }
            var settings = Map.of("portal.demo", "false", "portal.admin-password", PASSWORD);
            // a thread each (the common pool may have one thread on a small machine, which would start them in turn)
            Executor ownThread = runnable -> Thread.ofPlatform().start(runnable);
            var a = CompletableFuture.supplyAsync(() -> PortalInstance.start("first-a", url, settings), ownThread);
            var b = CompletableFuture.supplyAsync(() -> PortalInstance.start("first-b", url, settings), ownThread);
            try {
                var db = JdbcClient.create(postgres.getPostgresDatabase());
                // both get as far as the lock (the schema and the dataset are there) and wait at it
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
                while (waiting(db) < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                assertThat(waiting(db)).as("instances waiting for the first-accounts lock").isEqualTo(2);
                assertThat(a).isNotDone();
                assertThat(b).isNotDone();
                assertThat(db.sql("SELECT count(*) FROM portal_user").query(Long.class).single()).isZero();

                holder.commit(); // releases the lock
                var instances = List.of(a.get(3, TimeUnit.MINUTES), b.get(3, TimeUnit.MINUTES));
                assertThat(db.sql("SELECT count(*) FROM portal_user WHERE auth_source = 'LOCAL'").query(Long.class).single())
                        .as("one initial admin").isEqualTo(1);
                for (var instance : instances) {
                    var answer = instance.api().get("/api/v1/migrations", basic("admin", PASSWORD));
                    assertThat(answer.status()).as(instance.name() + ": " + answer.body()).isEqualTo(200);
                }
            } finally {
                holder.rollback(); // releases the lock if a check above failed first
                for (var start : List.of(a, b)) {
                    try {
                        start.get(3, TimeUnit.MINUTES).close();
                    } catch (Exception e) {
                        // it did not start: the assertions above say why
                    }
                }
            }
        }
    }

    /** Sessions waiting for the first-accounts lock (ours holds it and does not wait). */
    private static long waiting(JdbcClient db) {
        long key = UserAccountRepository.FIRST_ACCOUNTS_LOCK;
        return db.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                        + " AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1")
                .params(key >>> 32, key & 0xffffffffL).query(Long.class).single();
    }
}
