package io.ciamportal.exports.internal;

import io.ciamportal.exports.ExportFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;

/**
 * One JSON value after another (NDJSON, Auth0's export job) read on three threads instead of one, for large files:
 * a reader thread takes the bytes from the {@link ExportStream} (gzip, SHA-256 and limits stay there) and cuts them
 * into batches of whole top-level values with a small scanner (braces and strings, nothing else), worker threads
 * parse each batch into user trees, and the caller's thread takes the batches back in file order and counts them
 * exactly as the one-thread walk does. A kind that declares its {@code user} method thread-safe
 * ({@link JsonKind#threadSafe()}) also has its records filled on the workers (with the keyed values worked out
 * there when there is more than one worker); a kind with a byte reader ({@link JsonKind#bytes}) has them filled
 * straight from the batch's bytes, and only a batch that reader leaves gets the parser. Otherwise the kind runs on the
 * caller's thread too. The tally always does, so it needs no locking. At most a
 * few batches are in flight (about a megabyte), whatever the file size. Errors name the same line, column and byte
 * offset as the one-thread walk, and stop the other threads.
 */
final class JsonLines {

    /** Bytes per batch: large enough to make handing over cheap, small enough to keep memory flat. */
    static final int BATCH = 1 << 18;
    /** A batch buffer: a batch and the start of the value it cuts. */
    private static final int BUFFER = BATCH + (1 << 16);
    private static final int IN_FLIGHT = 4;
    /**
     * Bytes per read from the stream: under the read-ahead its record guard allows (128 KiB), so the guard never trips
     * first, and above the size of the stream's buffers (64 KiB and a few bytes), so a read goes straight into the batch
     * instead of through them.
     */
    private static final int READ = 96 << 10;
    /** The most bytes of an open value read again when the next buffer goes back to lines (see {@link Scanner}). */
    private static final int RESCAN = 64 << 10;
    /** Off only in tests that compare this path with the one-thread walk. */
    static volatile boolean enabled = true;
    /** Files read this way so far (tests check that a large file is). */
    static final java.util.concurrent.atomic.AtomicLong FILES = new java.util.concurrent.atomic.AtomicLong();
    /**
     * Whether a kind's byte reader ({@link JsonKind#bytes}) fills the records where it can; off in tests that compare
     * it with the parser, and with {@code -Dportal.exports.json-bytes=false} (to compare the two on a large file).
     */
    static volatile boolean bytes = !"false".equalsIgnoreCase(System.getProperty("portal.exports.json-bytes"));
    /** Values filled by a byte reader so far, and values of its batches left to the parser (tests). */
    static final java.util.concurrent.atomic.AtomicLong BYTES_FILLED = new java.util.concurrent.atomic.AtomicLong();
    static final java.util.concurrent.atomic.AtomicLong BYTES_GIVEN_UP = new java.util.concurrent.atomic.AtomicLong();
    /** Batches whose last end, found in lines, was not one when read in full (invalid JSON; tests). */
    static final java.util.concurrent.atomic.AtomicLong FALSE_ENDS = new java.util.concurrent.atomic.AtomicLong();

    /** Where a value starts in the content, worked out only when a message needs it. */
    interface Where {
        @Nullable TokenStreamLocation get();
    }

    /** What the caller's thread does with each value, in file order. */
    interface Consumer {
        /** A top-level object, built as the one-thread walk builds it. */
        void user(JsonNode user, int properties, Where where);

        /** Any other top-level value (an array, a scalar): a parser of it alone, on its first token, and where it starts. */
        void other(JsonParser parser, JsonToken token, long line, long column, long offset);

        /** A top-level object already filled into a record on a worker (see {@link JsonWalker.Preparer}). */
        void prepared(UserRecord record, boolean add, boolean empty);
    }

    /** Where a batch starts in the content, for error positions. */
    private record Origin(long line, long column, long offset) {}

    /** A batch of whole values: bytes {@code [0, end)} of {@code bytes}; {@code result} is filled by a worker. */
    private static final class Batch {
        final byte[] bytes;
        final int end;
        final int values;
        final Origin origin;
        final CompletableFuture<Parsed> result = new CompletableFuture<>();
        final @Nullable RuntimeException failure;

        Batch(byte[] bytes, int end, int values, Origin origin, @Nullable RuntimeException failure) {
            this.bytes = bytes;
            this.end = end;
            this.values = values;
            this.origin = origin;
            this.failure = failure;
        }
    }

    private static final byte OTHER = 0;
    private static final byte TREE = 1;
    private static final byte FILLED = 2;
    private static final byte KEPT_OUT = 3;
    private static final byte EMPTY = 4;

    /**
     * A parsed batch, value by value: a tree, a record the worker filled, or another value to walk here (with its
     * position in the batch).
     */
    private record Parsed(byte[] status, JsonNode[] trees, int[] properties, UserRecord[] records, int[] otherStart, int[] otherEnd,
            long[] otherLine, long[] otherColumn) {}

    private static final Batch END = new Batch(new byte[0], 0, 0, new Origin(1, 1, 0), null);
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);

    private final ExportStream stream;
    private final JsonFactory factory;
    private final @Nullable Set<String> fields;
    private final JsonWalker walker;
    private final JsonWalker.@Nullable Preparer preparer;
    /** records handed back by the caller's thread once counted, for the workers to fill again */
    private final java.util.concurrent.ConcurrentLinkedQueue<UserRecord[]> spare = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** batch buffers counted and given back by the caller's thread, for the reader thread to fill again */
    private final java.util.concurrent.ConcurrentLinkedQueue<byte[]> buffers = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final BlockingQueue<Batch> toParse = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final BlockingQueue<Batch> inOrder = new ArrayBlockingQueue<>(IN_FLIGHT);
    private volatile boolean stopped;
    /**
     * Whether the workers work out the keyed values too: with one worker (two cores) it is the busiest thread, and the
     * caller's thread, which counts, has time for them.
     */
    private boolean keyOnWorkers;

    JsonLines(ExportStream stream, JsonFactory factory, @Nullable Set<String> fields, JsonWalker walker,
            JsonWalker.@Nullable Preparer preparer) {
        this.stream = stream;
        this.factory = factory;
        this.fields = fields;
        this.walker = walker;
        this.preparer = preparer;
    }

    /**
     * Whether a file is read this way: its users are top-level values ({@code ""}), it starts with an object, it is
     * larger than the sniffing prefix (small files are quicker on one thread) and there is more than one core.
     */
    static boolean applies(ExportStream stream, Set<String> userPaths) {
        if (!enabled || !userPaths.contains("") || Runtime.getRuntime().availableProcessors() < 2) {
            return false;
        }
        byte[] prefix = stream.prefix();
        if (prefix.length < ExportStream.PREFIX_BYTES) {
            return false;
        }
        for (byte b : prefix) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b == '{';
            }
        }
        return false;
    }

    /** Reads every value, handing each to the consumer on this thread, in file order. */
    void run(Consumer consumer) {
        FILES.incrementAndGet();
        int workers = Integer.getInteger("portal.exports.parsers", Math.max(1, Math.min(3, Runtime.getRuntime().availableProcessors() - 1)));
        keyOnWorkers = workers > 1;
        var threads = new ArrayList<Thread>();
        threads.add(Thread.ofPlatform().daemon().name("export-reader").start(this::read));
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofPlatform().daemon().name("export-parser-" + i).start(this::parse));
        }
        try {
            while (true) {
                Batch batch = take(inOrder);
                if (batch == END) {
                    return;
                }
                if (batch.failure != null) {
                    throw batch.failure;
                }
                Parsed parsed = result(batch);
                int other = 0;
                for (int i = 0; i < batch.values; i++) {
                    int index = i;
                    switch (parsed.status()[i]) {
                        case TREE -> consumer.user(parsed.trees()[i], parsed.properties()[i], () -> locate(batch, index));
                        case FILLED -> consumer.prepared(parsed.records()[i], true, false);
                        case KEPT_OUT -> consumer.prepared(parsed.records()[i], false, false);
                        case EMPTY -> consumer.prepared(parsed.records()[i], false, true);
                        default -> other(consumer, batch, parsed, other++);
                    }
                }
                if (parsed.records().length > 0) {
                    spare.offer(parsed.records());
                }
                // counted: nothing refers to its bytes any more (a record's texts are copies)
                if (batch.bytes.length == BUFFER) {
                    buffers.offer(batch.bytes);
                }
            }
        } finally {
            stopped = true;
            threads.forEach(Thread::interrupt);
            for (Thread t : threads) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** A value that is not an object, walked as the one-thread walk would (it may hold users: an array of them). */
    private void other(Consumer consumer, Batch batch, Parsed parsed, int k) {
        int from = parsed.otherStart()[k];
        byte[] bytes = java.util.Arrays.copyOfRange(batch.bytes, from, parsed.otherEnd()[k]);
        long line = batch.origin.line() + parsed.otherLine()[k] - 1;
        long column = parsed.otherLine()[k] == 1 ? batch.origin.column() + parsed.otherColumn()[k] - 1 : parsed.otherColumn()[k];
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), bytes)) {
            JsonToken token = parser.nextToken();
            if (token != null) {
                consumer.other(parser, token, line, column, batch.origin.offset() + from);
            }
        } catch (JacksonException e) {
            throw walker.failure(e, line, column, batch.origin.offset() + from);
        }
    }

    /** Where the batch's value {@code index} starts in the content (read again: only a message needs it). */
    private @Nullable TokenStreamLocation locate(Batch batch, int index) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), batch.bytes, 0, batch.end)) {
            for (int i = 0; i < index; i++) {
                parser.nextToken();
                parser.skipChildren();
            }
            parser.nextToken();
            return JsonWalker.shifted(parser.currentTokenLocation(), batch.origin.line(), batch.origin.column(), batch.origin.offset());
        } catch (JacksonException e) {
            return null;
        }
    }

    private Parsed result(Batch batch) {
        try {
            return batch.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportFormatException(stream.name() + ": the analysis was interrupted.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    // ---- the reader thread ----------------------------------------------------------------------------------------

    /**
     * Where the scanner is: inside a value or between values, how deep, inside a string or not. It reads a buffer in
     * one of two modes.
     * <ul>
     * <li><b>Lines</b> (what an NDJSON export needs): only line feeds are looked for, eight bytes at a time. A line that
     * ends with {@code '}'}, followed by white space and a {@code '{'}, ends a value. In valid JSON nothing else can hold
     * that sequence: a string cannot hold a line feed, and inside an object or an array a {@code '}'} is followed by a
     * comma or a closing brace. Anything else (a line ending otherwise, a value that is not an object, a value too
     * long, the end of the file) sends the buffer back to the start, to be read again in full.</li>
     * <li><b>Structure</b>: braces, brackets and strings are followed; a string is skipped to its next quote or
     * backslash in a tight loop.</li>
     * </ul>
     * In invalid JSON a line may pass for the end of a value where it is not. The parser still meets the error exactly
     * where the one-thread walk does, since it reads the batch's bytes in one go, from a true start, to its end; only
     * the last end in a batch must be a true one, and {@link #lastHolds} checks it in full before the batch is cut.
     * Lines are counted for error positions; columns are worked out from where the line started.
     */
    static final class Scanner {
        /** the longest a value may be (the stream's record limit, with its margin) */
        final long maxValue;
        /** where a value longer than that started (content offset, line and line start), or -1 */
        long tooLongAt = -1;
        long tooLongLine;
        long tooLongLineStart;
        long offset;
        int valueStart = -1;
        int depth;
        boolean inString;
        boolean escape;
        boolean bare;
        int lastEnd;
        int values;
        long line = 1;
        long lineStart;
        long valueLine = 1;
        long valueLineStart;
        /** whether this buffer is read in lines (see above) */
        boolean lines;
        /** in lines: where the value on this line ends, once the next value's start shows it did; -1 before that */
        int pending = -1;
        /** in lines: where the last value ended started */
        int lastStart;
        /** in lines: the line and line start at the buffer's start, where a full reading starts again */
        private long startLine = 1;
        private long startLineStart;

        Scanner(long maxValue) {
            this.maxValue = maxValue;
        }

        /** Starts a buffer in lines, between values, at {@code line} (which started at content offset {@code lineStart}). */
        void restart(long line, long lineStart) {
            startLine = line;
            startLineStart = lineStart;
            lines = true;
            reset();
        }

        private void reset() {
            line = startLine;
            lineStart = startLineStart;
            valueStart = -1;
            pending = -1;
            depth = 0;
            inString = false;
            escape = false;
            bare = false;
            lastEnd = 0;
            values = 0;
        }

        /** Reads {@code buf[0, to)} again in full, from the buffer's start. */
        void rescan(byte[] buf, int to, long offset) {
            reset();
            lines = false;
            scan(buf, 0, to, offset);
        }

        /** Whether the last value ended in lines, {@code buf[lastStart, lastEnd)}, is one whole value when read in full. */
        boolean lastHolds(byte[] buf) {
            var check = new Scanner(Long.MAX_VALUE);
            check.scan(buf, lastStart, lastEnd, 0);
            return check.values == 1 && check.lastEnd == lastEnd && check.valueStart < 0;
        }

        /** Scans {@code buf[from, to)}; {@code offset} is the content offset of {@code buf[0]}. */
        void scan(byte[] buf, int from, int to, long offset) {
            this.offset = offset;
            int i = from;
            while (i < to) {
                if (lines) {
                    i = lines(buf, i, to, offset);
                    if (i < 0) {
                        // not one object a line: the whole buffer again, in full
                        reset();
                        lines = false;
                        i = 0;
                    }
                } else if (valueStart < 0) {
                    i = between(buf, i, to, offset);
                } else if (inString) {
                    i = string(buf, i, to, offset);
                } else if (bare) {
                    i = bare(buf, i, to);
                } else {
                    i = structure(buf, i, to, offset);
                }
            }
        }

        /** Lines from {@code buf[i]}: where it stopped, or -1 when the buffer must be read in full. */
        private int lines(byte[] buf, int i, int to, long offset) {
            while (i < to) {
                if (pending >= 0 || valueStart < 0) {
                    // white space after a line that ended with '}' (or at the buffer's start), up to the next value
                    byte c = buf[i];
                    if (c == '\n') {
                        line++;
                        lineStart = offset + i + 1;
                    } else if (c != ' ' && c != '\t' && c != '\r') {
                        if (c != '{' || pending - valueStart > maxValue) {
                            return -1;
                        }
                        if (pending >= 0) {
                            lastStart = valueStart;
                            end(pending);
                            pending = -1;
                        }
                        valueStart = i;
                        valueLine = line;
                        valueLineStart = lineStart;
                    }
                    i++;
                    continue;
                }
                int n = newline(buf, i, to);
                if (n >= to) {
                    return to;
                }
                line++;
                lineStart = offset + n + 1;
                int e = n - 1;
                while (e > valueStart && (buf[e] == '\r' || buf[e] == ' ' || buf[e] == '\t')) {
                    e--;
                }
                if (e <= valueStart || buf[e] != '}') {
                    return -1;
                }
                pending = e + 1;
                i = n + 1;
            }
            return i;
        }

        /** The index of the next line feed from {@code buf[i]}, eight bytes at a time, or {@code to}. */
        private static int newline(byte[] buf, int i, int to) {
            while (i + 8 <= to) {
                long w = (long) LONGS.get(buf, i) ^ 0x0A0A0A0A0A0A0A0AL;
                long found = (w - 0x0101010101010101L) & ~w & 0x8080808080808080L;
                if (found != 0) {
                    return i + (Long.numberOfTrailingZeros(found) >>> 3);
                }
                i += 8;
            }
            while (i < to && buf[i] != '\n') {
                i++;
            }
            return i;
        }

        private int between(byte[] buf, int i, int to, long offset) {
            for (; i < to; i++) {
                byte c = buf[i];
                if (c == '\n') {
                    line++;
                    lineStart = offset + i + 1;
                } else if (c != ' ' && c != '\t' && c != '\r') {
                    valueStart = i;
                    valueLine = line;
                    valueLineStart = lineStart;
                    depth = 0;
                    if (c == '{' || c == '[') {
                        depth = 1;
                    } else if (c == '"') {
                        inString = true;
                    } else {
                        bare = true;
                    }
                    return i + 1;
                }
            }
            return i;
        }

        private int string(byte[] buf, int i, int to, long offset) {
            if (escape) {
                escape = false;
                return i + 1;
            }
            for (; i < to; i++) {
                i = plain(buf, i, to);
                if (i >= to) {
                    return i;
                }
                byte c = buf[i];
                if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        end(i + 1);
                    }
                    return i + 1;
                }
                if (c == '\\') {
                    escape = true;
                    return i + 1;
                }
                if (c == '\n') {
                    line++;
                    lineStart = offset + i + 1;
                }
            }
            return i;
        }

        /**
         * The rest of a string inside a value from {@code buf[i]}: where it ends (after its closing quote), or -1 when
         * the buffer ends first ({@link #escape} set when it ends right after a backslash). Line feeds are counted.
         */
        private int inside(byte[] buf, int i, int to, long offset) {
            while (true) {
                i = plain(buf, i, to);
                if (i >= to) {
                    return -1;
                }
                byte c = buf[i];
                if (c == '"') {
                    return i + 1;
                }
                if (c == '\\') {
                    if (i + 1 >= to) {
                        escape = true;
                        return -1;
                    }
                    i += 2;
                    continue;
                }
                if (c == '\n') {
                    line++;
                    lineStart = offset + i + 1;
                }
                i++;
            }
        }

        /**
         * Skips the bytes of a string from {@code buf[i]} eight at a time, up to the eight-byte word that holds the next
         * quote, backslash or line feed: the index of that byte, or of the last few bytes before {@code to} (looked at
         * one by one by the caller).
         */
        private static int plain(byte[] buf, int i, int to) {
            while (i + 8 <= to) {
                long stop = stop((long) LONGS.get(buf, i));
                if (stop != 0) {
                    return i + (Long.numberOfTrailingZeros(stop) >>> 3);
                }
                i += 8;
            }
            return i;
        }

        /**
         * The quotes, backslashes and line feeds among the eight bytes of {@code w} (little-endian), as their high bits:
         * the lowest is exact (a borrow may mark a later byte too), and only the lowest is used.
         */
        private static long stop(long w) {
            long quote = w ^ 0x2222222222222222L;
            long backslash = w ^ 0x5C5C5C5C5C5C5C5CL;
            long newline = w ^ 0x0A0A0A0A0A0A0A0AL;
            return ((quote - 0x0101010101010101L) & ~quote | (backslash - 0x0101010101010101L) & ~backslash
                    | (newline - 0x0101010101010101L) & ~newline) & 0x8080808080808080L;
        }

        private int bare(byte[] buf, int i, int to) {
            for (; i < to; i++) {
                byte c = buf[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '{' || c == '[' || c == '"') {
                    // the bare token ended before this byte, which is looked at again between values
                    bare = false;
                    end(i);
                    return i;
                }
            }
            return i;
        }

        private int structure(byte[] buf, int i, int to, long offset) {
            for (; i < to; i++) {
                byte c = buf[i];
                if (c == '"') {
                    // the string is passed here (most bytes are in strings); only one the buffer cuts goes back to scan
                    int after = inside(buf, i + 1, to, offset);
                    if (after < 0) {
                        inString = true;
                        return to;
                    }
                    i = after - 1;
                    continue;
                }
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    if (--depth == 0) {
                        end(i + 1);
                        return i + 1;
                    }
                } else if (c == '\n') {
                    line++;
                    lineStart = offset + i + 1;
                }
            }
            return i;
        }

        private void end(int at) {
            if (at - valueStart > maxValue && tooLongAt < 0) {
                tooLongAt = offset + valueStart;
                tooLongLine = valueLine;
                tooLongLineStart = valueLineStart;
            }
            lastEnd = at;
            values++;
            valueStart = -1;
        }
    }

    /** Cuts the content into batches of whole values, with a {@link Scanner}. */
    private void read() {
        InputStream in = stream.content();
        int maxRecord = stream.limits().maxRecordBytes();
        byte[] buf = buffer();
        int filled = 0;
        long offset = 0;
        var at = new Scanner(maxRecord);
        at.restart(1, 0);
        var origin = new Origin(1, 1, 0);
        try {
            while (!stopped) {
                // the record limit is checked here, per value: the stream sees a record start at each read, and no read
                // is longer than the margin it allows a record
                stream.recordStarts(stream.contentBytes());
                int n = in.read(buf, filled, Math.min(buf.length - filled, READ));
                if (n < 0) {
                    if (at.lines) {
                        // the last value has no next one to show where it ends
                        at.rescan(buf, filled, offset);
                    }
                    if (at.bare) {
                        at.bare = false;
                        at.end(filled);
                    }
                    if (at.valueStart >= 0) {
                        // the parser says what is wrong, and where, as the one-thread walk does: an error before the end
                        // (a stray brace the scanner took for an open value), or the end itself; this only if it says nothing
                        hand(new Batch(buf, filled, at.values + 1, origin, null));
                        throw new ExportFormatException(stream.name() + ": the JSON ends in the middle of a value (is the file truncated?)"
                                + JsonWalker.where(at.line, offset + filled - at.lineStart + 1, offset + filled) + ".");
                    }
                    if (at.values > 0) {
                        hand(new Batch(buf, at.lastEnd, at.values, origin, null));
                    }
                    break;
                }
                at.scan(buf, filled, filled + n, offset);
                filled += n;
                if (at.lines && at.valueStart >= 0 && filled - at.valueStart > at.maxValue) {
                    // whether it is one value, and where it starts, is for the full reading to say
                    at.rescan(buf, filled, offset);
                }
                if (at.tooLongAt < 0 && at.valueStart >= 0 && filled - at.valueStart > at.maxValue) {
                    at.tooLongAt = offset + at.valueStart;
                    at.tooLongLine = at.valueLine;
                    at.tooLongLineStart = at.valueLineStart;
                }
                if (at.tooLongAt >= 0) {
                    throw new ExportFormatException(stream.name() + ": the user record" + JsonWalker.where(at.tooLongLine,
                            at.tooLongAt - at.tooLongLineStart + 1, at.tooLongAt) + " is longer than " + maxRecord
                            + " bytes (portal.exports.max-record-bytes): is this a user export?");
                }
                if (filled < BATCH && filled < buf.length) {
                    continue;
                }
                if (at.lines && at.values > 0 && !at.lastHolds(buf)) {
                    FALSE_ENDS.incrementAndGet();
                    at.rescan(buf, filled, offset);
                }
                // hand over the whole values; the value still open moves to the start of the next buffer
                int keepFrom = at.valueStart >= 0 ? at.valueStart : filled;
                byte[] next = 2 * (filled - keepFrom) <= BUFFER ? buffer() : new byte[2 * (filled - keepFrom)];
                System.arraycopy(buf, keepFrom, next, 0, filled - keepFrom);
                if (at.values > 0) {
                    hand(new Batch(buf, at.lastEnd, at.values, origin, null));
                }
                origin = at.valueStart >= 0 ? new Origin(at.valueLine, offset + keepFrom - at.valueLineStart + 1, offset + keepFrom)
                        : new Origin(at.line, offset + keepFrom - at.lineStart + 1, offset + keepFrom);
                long startLineStart = at.valueStart >= 0 ? at.valueLineStart : at.lineStart;
                offset += keepFrom;
                filled -= keepFrom;
                buf = next;
                if (at.lines || filled <= RESCAN) {
                    // the next buffer in lines, from the value it starts with (read again, in lines)
                    at.restart(origin.line(), startLineStart);
                    at.scan(buf, 0, filled, offset);
                } else {
                    // a long value still open: on in full, where the scanner is
                    if (at.valueStart >= 0) {
                        at.valueStart = 0;
                    }
                    at.lastEnd = 0;
                    at.values = 0;
                }
            }
            put(inOrder, END);
        } catch (IOException e) {
            fail(stream.translate(e), origin);
        } catch (RuntimeException e) {
            fail(e, origin);
        } catch (InterruptedException e) {
            // stopped by the caller
        }
    }

    /** A batch buffer the caller's thread has given back, or a new one (so a large file allocates a few, not one a batch). */
    private byte[] buffer() {
        byte[] b = buffers.poll();
        return b != null ? b : new byte[BUFFER];
    }

    private void hand(Batch batch) throws InterruptedException {
        put(inOrder, batch);
        put(toParse, batch);
    }

    private void fail(RuntimeException e, Origin origin) {
        if (stopped) {
            return;
        }
        try {
            put(inOrder, new Batch(new byte[0], 0, 0, origin, e));
        } catch (InterruptedException stop) {
            // stopped by the caller
        }
    }

    // ---- the worker threads ---------------------------------------------------------------------------------------

    private void parse() {
        JsonBytes.Reader reader = preparer == null || !bytes ? null : preparer.bytes(stream.limits().maxNestingDepth());
        try {
            while (!stopped) {
                Batch batch = toParse.take();
                try {
                    Parsed parsed = null;
                    if (reader != null) {
                        UserRecord[] records = records(batch.values);
                        parsed = fromBytes(batch, reader, records);
                        if (parsed == null) {
                            for (int i = 0; i < batch.values; i++) {
                                records[i].reset();
                            }
                            spare.offer(records);
                        }
                    }
                    batch.result.complete(parsed != null ? parsed : parse(batch));
                } catch (RuntimeException e) {
                    batch.result.completeExceptionally(e);
                }
            }
        } catch (InterruptedException e) {
            // stopped by the caller
        }
    }

    private Parsed parse(Batch batch) {
        var status = new byte[batch.values];
        var trees = new JsonNode[preparer == null ? batch.values : 0];
        var properties = new int[batch.values];
        UserRecord[] records = preparer == null ? new UserRecord[0] : records(batch.values);
        List<long[]> others = new ArrayList<>(0);
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), batch.bytes, 0, batch.end)) {
            for (int i = 0; i < batch.values; i++) {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.START_OBJECT) {
                    int[] count = {0};
                    JsonNode tree = walker.object(parser, fields, count, false, false);
                    properties[i] = count[0];
                    if (preparer == null) {
                        trees[i] = tree;
                        status[i] = TREE;
                    } else if (count[0] == 0) {
                        status[i] = EMPTY;
                    } else if (fill(batch, i, tree, records[i])) {
                        status[i] = FILLED;
                    } else {
                        records[i].reset();
                        status[i] = KEPT_OUT;
                    }
                } else if (token != null) {
                    TokenStreamLocation at = parser.currentTokenLocation();
                    long start = at.getByteOffset();
                    parser.skipChildren();
                    long end = parser.currentLocation().getByteOffset();
                    others.add(new long[] {start, end, at.getLineNr(), at.getColumnNr()});
                }
            }
        } catch (JacksonException e) {
            throw walker.failure(e, batch.origin.line(), batch.origin.column(), batch.origin.offset());
        }
        int n = others.size();
        int[] os = new int[n];
        int[] oe = new int[n];
        long[] ol = new long[n];
        long[] oc = new long[n];
        for (int k = 0; k < n; k++) {
            long[] o = others.get(k);
            os[k] = (int) o[0];
            oe[k] = (int) Math.min(batch.end, o[1]);
            ol[k] = o[2];
            oc[k] = o[3];
        }
        return new Parsed(status, trees, properties, records, os, oe, ol, oc);
    }

    /**
     * The batch's values filled straight from their bytes by the kind's reader, or null when one of them is not for
     * it (invalid JSON, a value that is not an object, a shape it leaves to the parser): then the parser reads the
     * whole batch, and says what is wrong where. An object the reader leaves to the tree is read through the tree here.
     */
    private @Nullable Parsed fromBytes(Batch batch, JsonBytes.Reader reader, UserRecord[] records) {
        byte[] b = batch.bytes;
        int end = batch.end;
        var status = new byte[batch.values];
        var properties = new int[batch.values];
        int p = 0;
        for (int i = 0; i < batch.values; i++) {
            int at = JsonBytes.ws(b, p, end);
            // values one after another need white space between them here (the parser would read "}{" too; no export writes it)
            if (at >= end || b[at] != '{' || (i > 0 && at == p)) {
                BYTES_GIVEN_UP.addAndGet(batch.values);
                return null;
            }
            switch (reader.read(b, at, end, records[i])) {
                case JsonBytes.Reader.FILLED -> {
                    status[i] = FILLED;
                    if (keyOnWorkers) {
                        preparer.key(records[i]);
                    }
                }
                case JsonBytes.Reader.EMPTY -> status[i] = EMPTY;
                case JsonBytes.Reader.TREE -> {
                    byte s = tree(batch, i, at, reader.end, records[i]);
                    if (s == OTHER) {
                        BYTES_GIVEN_UP.addAndGet(batch.values);
                        return null;
                    }
                    status[i] = s;
                }
                default -> {
                    BYTES_GIVEN_UP.addAndGet(batch.values);
                    return null;
                }
            }
            properties[i] = reader.properties;
            p = reader.end;
        }
        if (JsonBytes.ws(b, p, end) != end) {
            BYTES_GIVEN_UP.addAndGet(batch.values);
            return null;
        }
        BYTES_FILLED.addAndGet(batch.values);
        return new Parsed(status, new JsonNode[0], properties, records, new int[0], new int[0], new long[0], new long[0]);
    }

    /** One object of the batch, {@code bytes[from, to)}, read through the tree: its status, or OTHER when the parser refuses it. */
    private byte tree(Batch batch, int index, int from, int to, UserRecord record) {
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), batch.bytes, from, to - from)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return OTHER;
            }
            int[] count = {0};
            JsonNode tree = walker.object(parser, fields, count, false, false);
            if (parser.nextToken() != null) {
                return OTHER;
            }
            if (count[0] == 0) {
                return EMPTY;
            }
            if (fill(batch, index, tree, record)) {
                return FILLED;
            }
            record.reset();
            return KEPT_OUT;
        } catch (JacksonException e) {
            return OTHER;
        }
    }

    private boolean fill(Batch batch, int index, JsonNode tree, UserRecord record) {
        try {
            return preparer.fill(tree, record, keyOnWorkers);
        } catch (tools.jackson.databind.exc.JsonNodeException e) {
            throw walker.unexpectedType(locate(batch, index));
        }
    }

    /** Reset records for a batch: one the caller's thread has counted, or new ones. */
    private UserRecord[] records(int n) {
        UserRecord[] records = spare.poll();
        if (records == null || records.length < n) {
            records = new UserRecord[Math.max(n, 64)];
        }
        for (int i = 0; i < n; i++) {
            if (records[i] == null) {
                records[i] = new UserRecord();
            }
        }
        return records;
    }

    private static Batch take(BlockingQueue<Batch> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportFormatException("The analysis was interrupted.");
        }
    }

    private void put(BlockingQueue<Batch> queue, Batch batch) throws InterruptedException {
        while (!stopped) {
            if (queue.offer(batch, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                return;
            }
        }
        throw new InterruptedException();
    }
}
