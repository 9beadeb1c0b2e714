package io.ciamportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-11-22T09:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The store as a map; the portal's is the sign_in_throttle table (SignInThrottleTable). */
    static final class MapStore implements SignInThrottle.Store {
        final Map<String, SignInThrottle.State> states = new HashMap<>();

        @Override
        public synchronized Optional<SignInThrottle.State> find(String keyHash) {
            return Optional.ofNullable(states.get(keyHash));
        }

        @Override
        public synchronized void update(String keyHash, UnaryOperator<SignInThrottle.@Nullable State> change) {
            states.put(keyHash, change.apply(states.get(keyHash)));
        }

        @Override
        public synchronized void delete(String keyHash) {
            states.remove(keyHash);
        }
    }

    private final ManualClock clock = new ManualClock();
    private final MapStore store = new MapStore();
    private final SignInThrottle.Policy policy = new SignInThrottle.Policy(3, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(8));
    private final SignInThrottle throttle = new SignInThrottle(clock, policy, "username", store);

    @Test
    void freeFailuresDoNotBlock() {
        for (int i = 0; i < 3; i++) {
            throttle.failure("u:ada");
        }
        assertThat(throttle.blockedFor("u:ada")).isEmpty();
    }

    @Test
    void theNextFailureBlocksAndTheBlockDoublesUpToTheCap() {
        for (int i = 0; i < 4; i++) {
            throttle.failure("u:ada");
        }
        assertThat(throttle.blockedFor("u:ada")).contains(Duration.ofMinutes(1));
        throttle.failure("u:ada");
        assertThat(throttle.blockedFor("u:ada")).contains(Duration.ofMinutes(2));
        for (int i = 0; i < 10; i++) {
            throttle.failure("u:ada");
        }
        assertThat(throttle.blockedFor("u:ada")).contains(Duration.ofMinutes(8));
    }

    @Test
    void theBlockEndsWhenItsTimeIsUp() {
        for (int i = 0; i < 4; i++) {
            throttle.failure("u:ada");
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.blockedFor("u:ada")).isEmpty();
    }

    @Test
    void failuresOutsideTheWindowStartAfresh() {
        for (int i = 0; i < 3; i++) {
            throttle.failure("u:ada");
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.failure("u:ada");
        assertThat(throttle.blockedFor("u:ada")).isEmpty();
    }

    @Test
    void theStoreSeesOnlyHashesAndScopesKeepKeysApart() {
        var byAddress = new SignInThrottle(clock, policy, "address", store);
        for (int i = 0; i < 4; i++) {
            throttle.failure("ada");
        }
        assertThat(store.states.keySet()).singleElement().satisfies(key -> assertThat(key).matches("[0-9a-f]{64}").doesNotContain("ada"));
        assertThat(byAddress.blockedFor("ada")).as("the same text in another scope is another key").isEmpty();
        assertThat(throttle.hash("ada")).isNotEqualTo(byAddress.hash("ada")).isEqualTo(throttle.hash("ada"));
    }

    @Test
    void aStateExpiresWhenItsWindowAndItsBlockAreOver() {
        var first = SignInThrottle.next(policy, null, clock.instant());
        assertThat(first.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        var state = first;
        for (int i = 0; i < 14; i++) {
            clock.advance(Duration.ofMinutes(1));
            state = SignInThrottle.next(policy, state, clock.instant());
        }
        // blocked for the cap of 8 minutes from the 15th failure, which is after the window's end
        assertThat(state.blockedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(8)));
        assertThat(state.expiresAt()).isEqualTo(state.blockedUntil());
    }

    @Test
    void successClearsAndKeysAreIndependent() {
        for (int i = 0; i < 4; i++) {
            throttle.failure("u:ada");
        }
        assertThat(throttle.blockedFor("u:bob")).isEmpty();
        throttle.success("u:ada");
        assertThat(throttle.blockedFor("u:ada")).isEmpty();
    }
}
