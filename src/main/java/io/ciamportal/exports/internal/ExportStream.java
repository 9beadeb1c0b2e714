package io.ciamportal.exports.internal;

import io.ciamportal.exports.ExportFormatException;
import io.ciamportal.exports.ExportLimits;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One file on its way into a reader: counts and hashes the bytes as they arrive (SHA-256 of the file as given),
 * unpacks gzip when the content starts with its magic number (never by file name), drops a UTF-8 byte-order mark,
 * and enforces the limits: total size, expansion ratio, and bytes per record (the reader marks where each record
 * starts). Keeps the first bytes for sniffing. Nothing is written anywhere.
 */
public final class ExportStream implements AutoCloseable {

    public static final int PREFIX_BYTES = 64 * 1024;

    private final String name;
    private final ExportLimits limits;
    private final Raw raw;
    private final boolean gzip;
    private final Guard guard;
    private final byte[] prefix;

    public ExportStream(String name, InputStream source, ExportLimits limits) {
        this.name = name;
        this.limits = limits;
        this.raw = new Raw(source);
        try {
            var buffered = new BufferedInputStream(raw, 1 << 16);
            buffered.mark(4);
            int b1 = buffered.read();
            int b2 = buffered.read();
            buffered.reset();
            this.gzip = b1 == 0x1f && b2 == 0x8b;
            InputStream content = gzip ? new BufferedInputStream(new GZIPInputStream(buffered, 1 << 16), 1 << 16) : buffered;
            this.guard = new Guard(content);
            guard.mark(PREFIX_BYTES + 3);
            byte[] head = guard.readNBytes(PREFIX_BYTES + 3);
            guard.reset();
            int skip = head.length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF ? 3 : 0;
            if (skip > 0) {
                guard.skipNBytes(3);
            }
            guard.consumed = 0;
            int length = Math.min(head.length - skip, PREFIX_BYTES);
            this.prefix = java.util.Arrays.copyOfRange(head, skip, skip + length);
        } catch (IOException e) {
            throw translate(e);
        }
    }

    public String name() {
        return name;
    }

    public boolean gzip() {
        return gzip;
    }

    /** The first bytes of the content (after gzip and any byte-order mark), for sniffing. */
    public byte[] prefix() {
        return prefix;
    }

    public String prefixText() {
        return new String(prefix, StandardCharsets.UTF_8);
    }

    /** The content, for the reader: decompressed, without a byte-order mark, with the record limit enforced. */
    public InputStream content() {
        return guard;
    }

    /** Tells the stream that a new record starts at the content's current position. */
    public void recordStarts(long contentOffset) {
        guard.recordStart = contentOffset;
    }

    /** Bytes of the content read so far (decompressed). */
    public long contentBytes() {
        return guard.consumed;
    }

    /** Reads what is left, so the hash and the size cover the whole file even when the reader stopped early. */
    public void drain() {
        try {
            raw.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw translate(e);
        }
    }

    public long fileBytes() {
        return raw.count;
    }

    public String sha256() {
        return HexFormat.of().formatHex(raw.digest.digest());
    }

    /** An I/O failure as a message about the file: where it broke, never what it held. */
    public ExportFormatException translate(IOException e) {
        if (e instanceof LimitException limit) {
            return new ExportFormatException(name + ": " + limit.getMessage());
        }
        if (gzip && (e instanceof EOFException || e instanceof ZipException)) {
            // the constructor is still running (the guard unset) when the gzip header itself is broken
            @SuppressWarnings("ConstantValue")
            long unpacked = guard == null ? 0 : guard.consumed;
            return new ExportFormatException(name + ": the gzip data " + (e instanceof EOFException ? "ends early" : "is corrupt")
                    + " after " + raw.count + " compressed bytes (" + unpacked + " bytes unpacked): the file is truncated or damaged.");
        }
        if (e instanceof ZipException) {
            return new ExportFormatException(name + ": the gzip data is corrupt.");
        }
        return new ExportFormatException(name + ": the file could not be read after " + raw.count + " bytes (" + e.getClass().getSimpleName() + ").");
    }

    public ExportLimits limits() {
        return limits;
    }

    @Override
    public void close() {
        try {
            raw.close();
        } catch (IOException ignored) {
            // the source is closed by its owner too; nothing was written
        }
    }

    /** A limit broke: the message says which and where. */
    public static final class LimitException extends IOException {
        private final boolean record;

        LimitException(String message, boolean record) {
            super(message);
            this.record = record;
        }

        /** The record limit (a reader that knows where the record starts can say it better), not the file's size. */
        public boolean record() {
            return record;
        }
    }

    /** The file's own bytes: counted and hashed. */
    private final class Raw extends FilterInputStream {
        final MessageDigest digest;
        long count;

        Raw(InputStream in) {
            super(in);
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                digest.update((byte) b);
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                count += n;
            }
            return n;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /** The content after unpacking: size, expansion and record limits. */
    private final class Guard extends FilterInputStream {
        long consumed;
        long recordStart;
        private long markedAt;

        Guard(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                advance(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                advance(n);
            }
            return n;
        }

        @Override
        public synchronized void mark(int readlimit) {
            in.mark(readlimit);
            markedAt = consumed;
        }

        @Override
        public synchronized void reset() throws IOException {
            in.reset();
            consumed = markedAt;
        }

        private void advance(int n) throws IOException {
            consumed += n;
            if (consumed > limits.maxBytes()) {
                throw new LimitException("the content is larger than the limit of " + limits.maxBytes()
                        + " bytes (portal.exports.max-bytes).", false);
            }
            if (gzip && consumed > (64L << 20) && consumed > (long) limits.maxExpansionRatio() * Math.max(1, raw.count)) {
                throw new LimitException("the gzip data unpacks to more than " + limits.maxExpansionRatio() + " times its size ("
                        + consumed + " bytes from " + raw.count + "): refused as a likely gzip bomb (portal.exports.max-expansion-ratio).",
                        false);
            }
            // readers buffer ahead (up to 64 KiB), so the record limit is checked with that margin
            if (consumed - recordStart > limits.maxRecordBytes() + (128L << 10)) {
                throw new LimitException("one record is longer than " + limits.maxRecordBytes() + " bytes, starting near byte offset "
                        + recordStart + " (portal.exports.max-record-bytes): is this a user export?", true);
            }
        }
    }
}
