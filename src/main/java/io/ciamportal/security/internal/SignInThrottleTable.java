package io.ciamportal.security.internal;

import io.ciamportal.security.SignInThrottle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sign-in throttle's states in the {@code sign_in_throttle} table, so every portal instance on the database counts
 * the same failures. An update locks the key's row ({@code INSERT … ON CONFLICT DO NOTHING}, then
 * {@code SELECT … FOR UPDATE}) in a transaction of its own, so two instances counting a failure at once both count.
 * Rows past their expiry are deleted every few minutes by whichever instance writes next.
 */
@Component
public class SignInThrottleTable implements SignInThrottle.Store {

    static final Duration CLEAN_UP_EVERY = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final AtomicReference<Instant> lastCleanUp = new AtomicReference<>(Instant.EPOCH);

    SignInThrottleTable(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public Optional<SignInThrottle.State> find(String keyHash) {
        return jdbc.sql("SELECT failures, first_failure, blocked_until, expires_at FROM sign_in_throttle WHERE key_hash = ?")
                .param(keyHash)
                .query((rs, n) -> new SignInThrottle.State(rs.getInt(1), instant(rs.getObject(2, OffsetDateTime.class)),
                        instant(rs.getObject(3, OffsetDateTime.class)), instant(rs.getObject(4, OffsetDateTime.class))))
                .optional();
    }

    @Override
    public void update(String keyHash, UnaryOperator<SignInThrottle.@Nullable State> change) {
        ownTransaction.executeWithoutResult(status -> {
            var epoch = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
            // a placeholder row (no failures) to lock when the key is new; it never outlives this transaction unchanged
            jdbc.sql("""
                    INSERT INTO sign_in_throttle (key_hash, failures, first_failure, blocked_until, expires_at)
                    VALUES (?, 0, ?, ?, ?) ON CONFLICT (key_hash) DO NOTHING""")
                    .params(keyHash, epoch, epoch, epoch).update();
            var current = jdbc.sql("SELECT failures, first_failure, blocked_until, expires_at FROM sign_in_throttle WHERE key_hash = ? FOR UPDATE")
                    .param(keyHash)
                    .query((rs, n) -> rs.getInt(1) == 0 ? null : new SignInThrottle.State(rs.getInt(1), instant(rs.getObject(2, OffsetDateTime.class)),
                            instant(rs.getObject(3, OffsetDateTime.class)), instant(rs.getObject(4, OffsetDateTime.class))))
                    .optional().orElse(null);
            var next = change.apply(current);
            jdbc.sql("UPDATE sign_in_throttle SET failures = ?, first_failure = ?, blocked_until = ?, expires_at = ? WHERE key_hash = ?")
                    .params(next.failures(), offset(next.firstFailure()), offset(next.blockedUntil()), offset(next.expiresAt()), keyHash)
                    .update();
        });
        cleanUpNowAndThen();
    }

    @Override
    public void delete(String keyHash) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE key_hash = ?").param(keyHash).update();
    }

    /** Deletes the rows that expired; returns how many. */
    public int deleteExpired() {
        return jdbc.sql("DELETE FROM sign_in_throttle WHERE expires_at < ?").param(offset(clock.instant())).update();
    }

    private void cleanUpNowAndThen() {
        var now = clock.instant();
        var last = lastCleanUp.get();
        if (now.isAfter(last.plus(CLEAN_UP_EVERY)) && lastCleanUp.compareAndSet(last, now)) {
            deleteExpired();
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time.toInstant();
    }

    private static OffsetDateTime offset(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
