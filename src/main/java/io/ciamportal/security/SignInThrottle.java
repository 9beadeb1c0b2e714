package io.ciamportal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed sign-ins per key (a username, an address) and blocks a key for a while once it has failed too often:
 * after {@code freeFailures} failures within {@code window}, each further failure blocks the key for
 * {@code firstBlock}, doubling up to {@code maxBlock}. A success clears the key. Pure and thread-safe; the map is
 * bounded so a flood of random usernames cannot fill the heap.
 */
final class SignInThrottle {

    record Policy(int freeFailures, Duration window, Duration firstBlock, Duration maxBlock) {}

    private record State(int failures, Instant firstFailure, Instant blockedUntil) {}

    private static final int MAX_KEYS = 10_000;

    private final Clock clock;
    private final Policy policy;
    private final Map<String, State> states = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
            return size() > MAX_KEYS;
        }
    };

    SignInThrottle(Clock clock, Policy policy) {
        this.clock = clock;
        this.policy = policy;
    }

    /** How much longer the key is blocked, if it is. */
    synchronized Optional<Duration> blockedFor(String key) {
        var state = states.get(key);
        if (state == null) {
            return Optional.empty();
        }
        var now = clock.instant();
        return now.isBefore(state.blockedUntil()) ? Optional.of(Duration.between(now, state.blockedUntil())) : Optional.empty();
    }

    synchronized void failure(String key) {
        var now = clock.instant();
        var state = states.get(key);
        if (state == null || now.isAfter(state.firstFailure().plus(policy.window())) && !now.isBefore(state.blockedUntil())) {
            state = new State(0, now, Instant.MIN);
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
        states.put(key, new State(failures, state.firstFailure(), blockedUntil));
    }

    synchronized void success(String key) {
        states.remove(key);
    }
}
