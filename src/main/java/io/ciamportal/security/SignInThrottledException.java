package io.ciamportal.security;

import java.time.Duration;
import org.springframework.security.authentication.LockedException;

/** Too many failed sign-ins for this username or address; try again after the wait. */
class SignInThrottledException extends LockedException {

    private final Duration wait;

    SignInThrottledException(Duration wait) {
        super("Too many failed sign-ins; try again in " + Math.max(1, (wait.toSeconds() + 59) / 60) + " minute(s)");
        this.wait = wait;
    }

    Duration waitTime() {
        return wait;
    }
}
