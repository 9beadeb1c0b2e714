package io.ciamportal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Counts failed sign-ins per key (a username, an address) and blocks a key for a while once it has failed too often:
 * after {@code freeFailures} failures within {@code window}, each further failure blocks the key for
 * {@code firstBlock}, doubling up to {@code maxBlock}. A success clears the key.
 *
 * <p>The policy is pure; the counts live in a {@link Store} — in the portal the database, so every instance on it
 * counts the same failures. The store sees only the SHA-256 of the scope and the key, never a username or an address.
 */
public final class SignInThrottle {

    record Policy(int freeFailures, Duration window, Duration firstBlock, Duration maxBlock) {}

    /**
     * A key's failures since {@code firstFailure}, blocked until {@code blockedUntil} ({@link Instant#EPOCH}: never);
     * after {@code expiresAt} the state says nothing any more and may be deleted.
     */
    public record State(int failures, Instant firstFailure, Instant blockedUntil, Instant expiresAt) {}

    /** Where the states live. {@link #update} must be atomic per key across every caller, threads and instances alike. */
    public interface Store {

        Optional<State> find(String keyHash);

        /** Replaces the key's state (absent: {@code null}) with {@code change} of it, atomically. */
        void update(String keyHash, UnaryOperator<@Nullable State> change);

        void delete(String keyHash);
    }

    private final Clock clock;
    private final Policy policy;
    private final String scope;
    private final Store store;

    SignInThrottle(Clock clock, Policy policy, String scope, Store store) {
        this.clock = clock;
        this.policy = policy;
        this.scope = scope;
        this.store = store;
    }

    /** How much longer the key is blocked, if it is. */
    Optional<Duration> blockedFor(String key) {
        var now = clock.instant();
        return store.find(hash(key)).filter(state -> now.isBefore(state.blockedUntil()))
                .map(state -> Duration.between(now, state.blockedUntil()));
    }

    void failure(String key) {
        var now = clock.instant();
        store.update(hash(key), state -> next(policy, state, now));
    }

    void success(String key) {
        store.delete(hash(key));
    }

    /** The state after one more failure at {@code now}. */
    static State next(Policy policy, @Nullable State state, Instant now) {
        if (state == null || now.isAfter(state.firstFailure().plus(policy.window())) && !now.isBefore(state.blockedUntil())) {
            state = new State(0, now, Instant.EPOCH, now);
        }
        int failures = state.failures() + 1;
        var blockedUntil = state.blockedUntil();
        if (failures > policy.freeFailures()) {
            int extra = Math.min(failures - policy.freeFailures() - 1, 20);
            var block = policy.firstBlock().multipliedBy(1L << extra);
            if (block.compareTo(policy.maxBlock()) > 0) {
                block = policy.maxBlock();
            }
            blockedUntil = now.plus(block);
        }
        var windowEnd = state.firstFailure().plus(policy.window());
        var expiresAt = blockedUntil.isAfter(windowEnd) ? blockedUntil : windowEnd;
        return new State(failures, state.firstFailure(), blockedUntil, expiresAt);
    }

    /** The key as the store keeps it: hex SHA-256 of scope and key. */
    String hash(String key) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest((scope + "\u0000" + key).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
