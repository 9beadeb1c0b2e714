package io.ciamportal.exports.internal;

import io.ciamportal.exports.Platform;
import java.util.Map;

/**
 * One kind of file one platform produces (Auth0's export-job NDJSON, its password-hash NDJSON, a Keycloak realm
 * file, ...): how to recognise it from its first bytes and how to read its users. Implementations are stateless;
 * per-analysis state lives in the {@link Session}.
 */
public abstract class FileKind {

    public abstract Platform platform();

    /** A stable id for the analysis document, e.g. {@code auth0-export-ndjson}. */
    public abstract String id();

    public abstract String label();

    /**
     * How sure this kind is that the file is one of its own, from the first bytes: 0 for "not mine", 10 for a weak
     * hint, 50 and more for a signature nobody else writes.
     */
    public abstract int sniff(Sniff sniff);

    /** Reads every user of the file into the session's tally; returns the records read. */
    public abstract long read(ExportStream stream, Session session);

    /** What this kind's files cannot show, by metric name (passwords, mfa, lastSignIn, ...), said to the reader. */
    public Map<String, String> notes() {
        return Map.of();
    }

    /** Called once at the end for every kind that read a file: cross-file checks, warnings. */
    public void finish(Session session) {}
}
