package io.ciamportal.exports.internal;

import java.util.HashMap;
import java.util.Map;

/** The state of one analysis across its files: the tally, and what kinds remember between files. */
public final class Session {

    private final Tally tally;
    private final Map<String, Object> state = new HashMap<>();
    private final Map<String, String> mapping;
    private final @org.jspecify.annotations.Nullable String schemeHint;

    public Session(Tally tally, Map<String, String> mapping, @org.jspecify.annotations.Nullable String schemeHint) {
        this.tally = tally;
        this.mapping = mapping;
        this.schemeHint = schemeHint;
    }

    /** Field name to column (or JSON key) for a generic export; empty for a platform's own format. */
    public Map<String, String> mapping() {
        return mapping;
    }

    /** The scheme of raw digests when the team knows it (a generic export's {@code --scheme}), or null. */
    public @org.jspecify.annotations.Nullable String schemeHint() {
        return schemeHint;
    }

    public Tally tally() {
        return tally;
    }

    public void warn(String code, String message) {
        tally.warn(code, message);
    }

    /** Something a kind remembers between files, created on first use. */
    @SuppressWarnings("unchecked")
    public <T> T state(String key, java.util.function.Supplier<T> create) {
        return (T) state.computeIfAbsent(key, k -> create.get());
    }
}
