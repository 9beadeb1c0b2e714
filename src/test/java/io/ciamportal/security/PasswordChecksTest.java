package io.ciamportal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordChecksTest {

    /** A stand-in for bcrypt that takes a while and counts how many run at once. */
    static final class SlowEncoder implements PasswordEncoder {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final long millis;

        SlowEncoder(long millis) {
            this.millis = millis;
        }

        private void work() {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public String encode(@Nullable CharSequence raw) {
            work();
            return "{plain}" + raw;
        }

        @Override
        public boolean matches(@Nullable CharSequence raw, @Nullable String encoded) {
            work();
            return encoded != null && encoded.equals("{plain}" + raw);
        }
    }

    @Test
    void noMoreChecksRunAtOnceThanThePermits() throws Exception {
        var slow = new SlowEncoder(40);
        var checks = new PasswordChecks(slow, 2, Duration.ofSeconds(30));
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(12)) {
            var answers = new ArrayList<Future<Boolean>>();
            for (int i = 0; i < 12; i++) {
                boolean right = i % 3 != 0;
                answers.add(pool.submit(() -> {
                    start.await();
                    return checks.matches("secret", right ? "{plain}secret" : "{plain}other");
                }));
            }
            start.countDown();
            int accepted = 0;
            for (var answer : answers) {
                accepted += answer.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(8);
        }
        assertThat(slow.most.get()).isEqualTo(2);
    }

    @Test
    void aCheckThatWaitsTooLongIsRefusedAsBusyAndLeavesThePermitsWhole() throws Exception {
        var slow = new SlowEncoder(600);
        var checks = new PasswordChecks(slow, 1, Duration.ofMillis(100));
        try (var pool = Executors.newSingleThreadExecutor()) {
            var first = pool.submit(() -> checks.matches("a", "{plain}a"));
            while (slow.running.get() == 0) {
                Thread.onSpinWait();
            }
            assertThatThrownBy(() -> checks.matches("b", "{plain}b")).isInstanceOf(SignInBusyException.class)
                    .hasMessageContaining("try again");
            assertThat(first.get()).isTrue();
        }
        // the refused check took no permit with it: the next one runs
        assertThat(checks.matches("c", "{plain}c")).isTrue();
        assertThat(checks.encode("d")).isEqualTo("{plain}d");
    }

    @Test
    void thereIsAlwaysAtLeastOnePermit() {
        assertThat(PasswordChecks.defaultPermits()).isPositive();
        assertThatThrownBy(() -> new PasswordChecks(new SlowEncoder(0), 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
