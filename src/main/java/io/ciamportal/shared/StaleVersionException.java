package io.ciamportal.shared;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * An edit based on a version that is no longer current: someone saved in between. Nothing was changed. The message
 * says who changed it and when; {@code current} is the state as it is now, for the API's 412 answer.
 */
public class StaleVersionException extends RuntimeException {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final long currentVersion;
    private final @Nullable String changedBy;
    private final @Nullable Instant changedAt;
    private final transient @Nullable Object current;

    public StaleVersionException(String what, long currentVersion, @Nullable String changedBy, @Nullable Instant changedAt,
            @Nullable Object current) {
        super(message(what, changedBy, changedAt));
        this.currentVersion = currentVersion;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.current = current;
    }

    private static String message(String what, @Nullable String by, @Nullable Instant at) {
        String who = by == null ? "someone else" : by;
        String when = at == null ? "" : " at " + WHEN.format(at);
        return what + " was changed by " + who + when + " — reload to see it. Nothing was saved.";
    }

    /** Throws when {@code expected} is not {@code actual}. */
    public static void check(long expected, long actual, String what, @Nullable String changedBy, @Nullable Instant changedAt,
            java.util.function.Supplier<@Nullable Object> current) {
        if (expected != actual) {
            throw new StaleVersionException(what, actual, changedBy, changedAt, current.get());
        }
    }

    /** The same refusal with the current state in another shape (the API's JSON, say). */
    public StaleVersionException withCurrent(@Nullable Object shape) {
        var copy = new StaleVersionException(currentVersion, changedBy, changedAt, shape, getMessage());
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    private StaleVersionException(long currentVersion, @Nullable String changedBy, @Nullable Instant changedAt, @Nullable Object current,
            String message) {
        super(message);
        this.currentVersion = currentVersion;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.current = current;
    }

    public long currentVersion() {
        return currentVersion;
    }

    public @Nullable String changedBy() {
        return changedBy;
    }

    public @Nullable Instant changedAt() {
        return changedAt;
    }

    public @Nullable Object current() {
        return current;
    }
}
