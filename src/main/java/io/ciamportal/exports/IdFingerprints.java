package io.ciamportal.exports;

import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The 32-bit keyed fingerprints of an export's source ids, sorted, packed for storage (deltas as varints, deflated:
 * about 2 bytes a user) and compared: how many ids are new in a later export and how many are gone. A fingerprint
 * says nothing without the migration's key and collides by design (about one in four billion), so the counts are
 * exact in practice and no id can be listed.
 */
public final class IdFingerprints {

    private IdFingerprints() {}

    /** Users added and removed between two exports, counted by source id. */
    public record Diff(long added, long removed, long kept) {}

    public static byte[] pack(int[] sorted) {
        var out = new ByteArrayOutputStream(sorted.length * 2 + 16);
        long previous = 0;
        writeVarint(out, sorted.length);
        for (int f : sorted) {
            long value = Integer.toUnsignedLong(f);
            writeVarint(out, value - previous);
            previous = value;
        }
        var deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(out.toByteArray());
        deflater.finish();
        var packed = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            packed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return packed.toByteArray();
    }

    public static int[] unpack(byte[] packed) {
        var inflater = new Inflater();
        inflater.setInput(packed);
        var raw = new ByteArrayOutputStream(packed.length * 2);
        byte[] buffer = new byte[1 << 16];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                raw.write(buffer, 0, n);
            }
        } catch (DataFormatException e) {
            throw new IllegalStateException("stored fingerprints are damaged", e);
        } finally {
            inflater.end();
        }
        byte[] bytes = raw.toByteArray();
        int[] at = {0};
        int count = (int) readVarint(bytes, at);
        int[] out = new int[count];
        long value = 0;
        for (int i = 0; i < count; i++) {
            value += readVarint(bytes, at);
            out[i] = (int) value;
        }
        return out;
    }

    /** Compares two sorted fingerprint lists as multisets. */
    public static Diff diff(int[] before, int[] after) {
        int i = 0;
        int j = 0;
        long kept = 0;
        while (i < before.length && j < after.length) {
            int c = Integer.compareUnsigned(before[i], after[j]);
            if (c == 0) {
                kept++;
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return new Diff(after.length - kept, before.length - kept, kept);
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long readVarint(byte[] bytes, int[] at) {
        long value = 0;
        int shift = 0;
        while (true) {
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
        }
    }
}
