package io.ciamportal.exports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The 64-bit keyed values of one kind (source ids, emails, a join's keys), each optionally with a one-byte payload, as
 * a multiset counted exactly at the end: how often each value occurs, the largest payload and the union of the
 * payloads' bits. The values go into a buffer of at most {@link SpillFiles#keysInMemory()} entries; a full buffer is
 * sorted and written to a temporary file as a run ({@link SpillFiles}), and {@link #groups()} merges the runs and the
 * last buffer in key order, one group of equal values at a time. So the memory stays the same whatever the number of
 * users, and the answers are those of a table holding every value. Not thread-safe.
 */
final class KeyRuns {

    private static final int INITIAL = 256;

    private final SpillFiles spill;
    private final boolean payloads;
    private final int entryBytes;
    private long[] keys;
    private byte[] values;
    private int n;
    private long added;
    private boolean sorted;
    private final List<Path> runs = new ArrayList<>();

    KeyRuns(SpillFiles spill, boolean payloads) {
        this.spill = spill;
        this.payloads = payloads;
        this.entryBytes = payloads ? 9 : 8;
        int initial = Math.min(INITIAL, spill.keysInMemory());
        this.keys = new long[initial];
        this.values = payloads ? new byte[initial] : new byte[0];
    }

    void add(long key) {
        if (n == keys.length) {
            room();
        }
        keys[n++] = key;
        added++;
    }

    /** A value with a payload of 0 to 127. */
    void add(long key, int payload) {
        if (n == keys.length) {
            room();
        }
        values[n] = (byte) payload;
        keys[n++] = key;
        added++;
    }

    /** The values added, equal ones each time. */
    long added() {
        return added;
    }

    int runs() {
        return runs.size();
    }

    private void room() {
        if (sorted) {
            throw new IllegalStateException("read already");
        }
        int limit = spill.keysInMemory();
        if (keys.length < limit) {
            int size = (int) Math.min(limit, keys.length * 2L);
            keys = Arrays.copyOf(keys, size);
            if (payloads) {
                values = Arrays.copyOf(values, size);
            }
            return;
        }
        sort();
        Path run = spill.newRun();
        try (var out = FileChannel.open(run, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            var buffer = ByteBuffer.allocate(Math.min(1 << 20, n * entryBytes));
            for (int i = 0; i < n; i++) {
                if (buffer.remaining() < entryBytes) {
                    write(out, buffer);
                }
                buffer.putLong(keys[i]);
                if (payloads) {
                    buffer.put(values[i]);
                }
            }
            write(out, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the temporary files of duplicate detection: " + e.getMessage(), e);
        }
        runs.add(run);
        n = 0;
    }

    private static void write(FileChannel out, ByteBuffer buffer) throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }

    private void sort() {
        sort((long @Nullable []) null);
    }

    /** Sorts the buffer, through the given scratch buffer or the analysis's shared one. */
    private void sort(long @Nullable [] scratch) {
        if (payloads) {
            sort(keys, values, 0, n);
        } else if (scratch != null) {
            sort(keys, n, scratch);
        } else {
            spill.sort(keys, n);
        }
    }

    /** Bits of a radix sort's digit: a pass's counts (2048 of them) stay in the first-level cache. */
    private static final int DIGIT = 11;
    /** Passes of the radix sort: five of 11 bits and one of 9. */
    private static final int PASSES = (64 + DIGIT - 1) / DIGIT;

    /**
     * Sorts {@code a[0, n)} (signed order) through {@code scratch}, a least-significant-digit radix sort: one pass counts
     * the digits of every pass, then each pass places every value by its digit, from {@code a} to {@code scratch} and
     * back. A pass whose digit is the same for every value is left out. Six short loops, so the compiler is done with it
     * quickly, where {@link Arrays#sort} is compiled in several large pieces at the end of a run.
     */
    static void sort(long[] a, int n, long[] scratch) {
        if (n < 1 << 14) {
            Arrays.sort(a, 0, n);
            return;
        }
        final int radix = 1 << DIGIT;
        final int mask = radix - 1;
        int[] counts = new int[PASSES * radix];
        for (int i = 0; i < n; i++) {
            // the sign bit flipped: signed order is the unsigned order of that
            long u = a[i] ^ Long.MIN_VALUE;
            for (int p = 0; p < PASSES; p++) {
                counts[p * radix + (int) ((u >>> (p * DIGIT)) & mask)]++;
            }
        }
        long[] from = a;
        long[] to = scratch;
        for (int p = 0; p < PASSES; p++) {
            int base = p * radix;
            int shift = p * DIGIT;
            if (counts[base + (int) (((from[0] ^ Long.MIN_VALUE) >>> shift) & mask)] == n) {
                continue;
            }
            int sum = 0;
            for (int d = 0; d < radix; d++) {
                int c = counts[base + d];
                counts[base + d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long v = from[i];
                to[counts[base + (int) (((v ^ Long.MIN_VALUE) >>> shift) & mask)]++] = v;
            }
            long[] t = from;
            from = to;
            to = t;
        }
        if (from != a) {
            System.arraycopy(from, 0, a, 0, n);
        }
    }

    /** Below this many values in both buffers, {@link #sortTogether} leaves the sorting to {@link #groups()}. */
    private static final int TOGETHER_MIN = 1 << 16;

    /**
     * Sorts the buffers of two tables at the same time, the second on a thread of its own with a scratch buffer of its
     * own (the one of {@link SpillFiles} is shared): at the end of an analysis the source ids and the emails are sorted
     * while nothing else runs, and two cores halve that wait. With one core, small buffers or a table read already it
     * does nothing, and {@link #groups()} sorts each as before. Adding to either table afterwards is an error.
     */
    static void sortTogether(KeyRuns first, KeyRuns second) {
        if (first.sorted || second.sorted || first.n < TOGETHER_MIN || second.n < TOGETHER_MIN
                || Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        var failure = new java.util.concurrent.atomic.AtomicReference<@Nullable Throwable>();
        Thread other = Thread.ofPlatform().name("export-sort").start(() -> {
            try {
                second.sortOnce(new long[second.n]);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        try {
            first.sortOnce(null);
        } finally {
            boolean interrupted = false;
            while (true) {
                try {
                    other.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
    }

    private void sortOnce(long @Nullable [] scratch) {
        sort(scratch);
        sorted = true;
    }

    /** The distinct values in key order with their counts and payloads; adding after this is an error. */
    Groups groups() {
        if (!sorted) {
            sort();
            sorted = true;
        }
        var sources = new ArrayList<Source>(runs.size() + 1);
        int bufferBytes = Math.max(1 << 14, Math.min(1 << 20, (8 << 20) / Math.max(1, runs.size())));
        for (Path run : runs) {
            sources.add(new RunSource(run, payloads, bufferBytes));
        }
        sources.add(new MemorySource(keys, payloads ? values : null, n));
        return new Groups(sources);
    }

    /** Cursor over the groups of equal values, in key order. */
    static final class Groups implements AutoCloseable {

        private final Source[] heap;
        private int size;
        private long key;
        private long count;
        private int max;
        private int or;

        private Groups(List<Source> sources) {
            heap = new Source[sources.size()];
            for (Source s : sources) {
                if (s.advance()) {
                    heap[size++] = s;
                } else {
                    s.close();
                }
            }
            for (int i = size / 2 - 1; i >= 0; i--) {
                down(i);
            }
        }

        /** Moves to the next distinct value; false at the end. */
        boolean next() {
            if (size == 0) {
                return false;
            }
            key = heap[0].head;
            count = 0;
            max = 0;
            or = 0;
            while (size > 0 && heap[0].head == key) {
                Source s = heap[0];
                count++;
                max = Math.max(max, s.payload);
                or |= s.payload;
                if (s.advance()) {
                    down(0);
                } else {
                    s.close();
                    heap[0] = heap[--size];
                    heap[size] = null;
                    if (size > 0) {
                        down(0);
                    }
                }
            }
            return true;
        }

        long key() {
            return key;
        }

        /** How many times the value was added. */
        long count() {
            return count;
        }

        /** The largest payload added with the value. */
        int max() {
            return max;
        }

        /** The payloads' bits added with the value, together. */
        int or() {
            return or;
        }

        private void down(int i) {
            Source s = heap[i];
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && heap[child + 1].head < heap[child].head) {
                    child++;
                }
                if (heap[child].head >= s.head) {
                    break;
                }
                heap[i] = heap[child];
                i = child;
            }
            heap[i] = s;
        }

        @Override
        public void close() {
            for (int i = 0; i < size; i++) {
                heap[i].close();
            }
            size = 0;
        }
    }

    private abstract static class Source {
        long head;
        int payload;

        abstract boolean advance();

        void close() {}
    }

    private static final class MemorySource extends Source {
        private final long[] keys;
        private final byte @Nullable [] values;
        private final int n;
        private int i;

        MemorySource(long[] keys, byte @Nullable [] values, int n) {
            this.keys = keys;
            this.values = values;
            this.n = n;
        }

        @Override
        boolean advance() {
            if (i == n) {
                return false;
            }
            head = keys[i];
            payload = values == null ? 0 : values[i];
            i++;
            return true;
        }
    }

    private static final class RunSource extends Source {
        private final FileChannel in;
        private final ByteBuffer buffer;
        private final boolean payloads;
        private final int entryBytes;
        private boolean eof;

        RunSource(Path run, boolean payloads, int bufferBytes) {
            this.payloads = payloads;
            this.entryBytes = payloads ? 9 : 8;
            try {
                this.in = FileChannel.open(run, StandardOpenOption.READ);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the temporary files of duplicate detection: " + e.getMessage(), e);
            }
            this.buffer = ByteBuffer.allocate(bufferBytes);
            buffer.limit(0);
        }

        @Override
        boolean advance() {
            if (buffer.remaining() < entryBytes && !fill()) {
                return false;
            }
            head = buffer.getLong();
            payload = payloads ? buffer.get() : 0;
            return true;
        }

        private boolean fill() {
            if (eof) {
                return false;
            }
            buffer.compact();
            try {
                while (buffer.position() < entryBytes) {
                    if (in.read(buffer) < 0) {
                        eof = true;
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the temporary files of duplicate detection: " + e.getMessage(), e);
            }
            buffer.flip();
            if (buffer.remaining() > 0 && buffer.remaining() < entryBytes) {
                throw new IllegalStateException("a temporary run of duplicate detection is cut short");
            }
            return buffer.remaining() >= entryBytes;
        }

        @Override
        void close() {
            try {
                in.close();
            } catch (IOException e) {
                // read only
            }
        }
    }

    // ---- sorting values with their payloads: three-way quicksort (equal values, as duplicates are, cost nothing) -----

    static void sort(long[] k, byte[] v, int lo, int hi) {
        while (hi - lo > 24) {
            int mid = (lo + hi) >>> 1;
            long a = k[lo];
            long b = k[mid];
            long c = k[hi - 1];
            long p = a < b ? (b < c ? b : Math.max(a, c)) : (a < c ? a : Math.max(b, c));
            int lt = lo;
            int i = lo;
            int gt = hi - 1;
            while (i <= gt) {
                long x = k[i];
                if (x < p) {
                    swap(k, v, lt++, i++);
                } else if (x > p) {
                    swap(k, v, i, gt--);
                } else {
                    i++;
                }
            }
            // [lo, lt) below the pivot, [lt, gt] equal to it, (gt, hi) above: recurse into the smaller side
            if (lt - lo < hi - gt - 1) {
                sort(k, v, lo, lt);
                lo = gt + 1;
            } else {
                sort(k, v, gt + 1, hi);
                hi = lt;
            }
        }
        for (int i = lo + 1; i < hi; i++) {
            long x = k[i];
            byte y = v[i];
            int j = i - 1;
            while (j >= lo && k[j] > x) {
                k[j + 1] = k[j];
                v[j + 1] = v[j];
                j--;
            }
            k[j + 1] = x;
            v[j + 1] = y;
        }
    }

    private static void swap(long[] k, byte[] v, int i, int j) {
        long t = k[i];
        k[i] = k[j];
        k[j] = t;
        byte u = v[i];
        v[i] = v[j];
        v[j] = u;
    }
}
