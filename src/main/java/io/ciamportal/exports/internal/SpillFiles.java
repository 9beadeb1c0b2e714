package io.ciamportal.exports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The temporary files of one analysis's {@link KeyRuns}: sorted runs of keyed values (64-bit SipHash values under the
 * analysis's random key, and for joins a one-byte index into the analysis's own table of hash classes), never an
 * email, id or hash. They sit in one directory of their own, made on the first run (in {@code java.io.tmpdir}, owner
 * only: {@code rwx------}, files {@code rw-------}), and go at the end of the analysis, when it fails, or at the latest
 * when the analysis is collected or the JVM exits. Without the key, which is never written, a keyed value means
 * nothing.
 *
 * <p>Also says how many keyed values a {@link KeyRuns} keeps in memory before it writes a run: the memory of an
 * analysis does not grow with the number of users above that.
 */
public final class SpillFiles implements AutoCloseable {

    /**
     * Keyed values a table keeps in memory (8 bytes each, 9 with a payload) before it writes a sorted run: 2 Mi, 16 MB
     * for a table. A system property {@code portal.exports.keys-in-memory} sets another.
     */
    public static final int DEFAULT_KEYS_IN_MEMORY = Integer.getInteger("portal.exports.keys-in-memory", 1 << 21);

    private final int keysInMemory;
    private @Nullable Path dir;
    private final List<Path> files = new ArrayList<>();
    private boolean closed;
    private long @Nullable [] scratch;

    public SpillFiles(int keysInMemory) {
        if (keysInMemory < 1) {
            throw new IllegalArgumentException("keysInMemory");
        }
        this.keysInMemory = keysInMemory;
    }

    int keysInMemory() {
        return keysInMemory;
    }

    /** Sorts a table's buffer, with one scratch buffer for all the tables of the analysis (they sort one at a time). */
    void sort(long[] keys, int n) {
        long[] s = scratch;
        if (s == null || s.length < n) {
            s = scratch = new long[Math.max(n, Math.min(keysInMemory, 1 << 16))];
        }
        KeyRuns.sort(keys, n, s);
    }

    /** A new empty file for a run. */
    synchronized Path newRun() {
        if (closed) {
            throw new IllegalStateException("the analysis is over");
        }
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (dir == null) {
                dir = posix ? Files.createTempDirectory("ciam-export-keys-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                        : Files.createTempDirectory("ciam-export-keys-");
                dir.toFile().deleteOnExit();
            }
            Path file = posix ? Files.createTempFile(dir, "run-", ".keys", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, "run-", ".keys");
            file.toFile().deleteOnExit();
            files.add(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the temporary files of duplicate detection (java.io.tmpdir): " + e.getMessage(), e);
        }
    }

    /** The number of runs written so far. */
    synchronized int runs() {
        return files.size();
    }

    /** Deletes every run and the directory; the analysis cannot go on after it. Safe to call more than once. */
    @Override
    public synchronized void close() {
        closed = true;
        scratch = null;
        for (Path file : files) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // deleteOnExit is the backstop
            }
        }
        files.clear();
        if (dir != null) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // deleteOnExit is the backstop
            }
            dir = null;
        }
    }
}
