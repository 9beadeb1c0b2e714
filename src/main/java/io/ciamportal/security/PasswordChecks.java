package io.ciamportal.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A bulkhead around password hashing: at most {@code permits} bcrypt computations run at once (half the cores by
 * default), the others wait their turn, fairly. A burst of sign-ins (the start of a working day, or somebody trying
 * passwords) then takes the cores it is given and no more, so the open sessions' requests keep a core of their own.
 * A check that waited longer than {@code maxWait} fails with {@link SignInBusyException} (not counted as a wrong
 * password); hashing a new password waits as long as it takes.
 */
final class PasswordChecks implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore permits;
    private final Duration maxWait;

    PasswordChecks(PasswordEncoder delegate, int permits, Duration maxWait) {
        if (permits < 1) {
            throw new IllegalArgumentException("at least one password check must be able to run");
        }
        this.delegate = delegate;
        this.permits = new Semaphore(permits, true);
        this.maxWait = maxWait;
    }

    /** Half the cores, at least one. */
    static int defaultPermits() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        permits.acquireUninterruptibly();
        try {
            return delegate.encode(rawPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInBusyException();
        }
        if (!acquired) {
            throw new SignInBusyException();
        }
        try {
            return delegate.matches(rawPassword, encodedPassword);
        } finally {
            permits.release();
        }
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }
}
