package io.ciamportal.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

    private final ManualClock clock = new ManualClock();
    private final SignInThrottle throttle = new SignInThrottle(clock,
            new SignInThrottle.Policy(3, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(8)));

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
    void successClearsAndKeysAreIndependent() {
        for (int i = 0; i < 4; i++) {
            throttle.failure("u:ada");
        }
        assertThat(throttle.blockedFor("u:bob")).isEmpty();
        throttle.success("u:ada");
        assertThat(throttle.blockedFor("u:ada")).isEmpty();
    }
}
