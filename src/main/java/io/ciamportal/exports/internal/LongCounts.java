package io.ciamportal.exports.internal;

/**
 * An open-addressing map from 64-bit keyed values to small counts (saturating at 127), or to a small payload: the
 * only per-user state the analyser keeps, about 9 bytes a slot. Key 0 is remapped so it can mark empty slots.
 */
public final class LongCounts {

    private long[] keys = new long[1 << 12];
    private byte[] values = new byte[1 << 12];
    private int size;

    /** Adds one to the key's count and returns the count before (0 when the key is new). */
    public int increment(long key) {
        int slot = slot(key);
        if (keys[slot] == 0) {
            insert(slot, key, (byte) 1);
            return 0;
        }
        int before = values[slot];
        if (before < Byte.MAX_VALUE) {
            values[slot] = (byte) (before + 1);
        }
        return before;
    }

    /** Sets the key's payload (1 to 127), keeping the larger of the old and the new. */
    public void putMax(long key, int value) {
        int slot = slot(key);
        if (keys[slot] == 0) {
            insert(slot, key, (byte) value);
        } else if (values[slot] < value) {
            values[slot] = (byte) value;
        }
    }

    /** The key's count or payload, 0 when absent. */
    public int get(long key) {
        int slot = slot(key);
        return keys[slot] == 0 ? 0 : values[slot];
    }

    public int size() {
        return size;
    }

    /** Calls the visitor with each key and its count or payload. */
    public void forEach(Visitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                visitor.visit(keys[i], values[i]);
            }
        }
    }

    /** A key and its payload. */
    @FunctionalInterface
    public interface Visitor {
        void visit(long key, int value);
    }

    private void insert(int slot, long key, byte value) {
        keys[slot] = fix(key);
        values[slot] = value;
        if (++size * 4 > keys.length * 3) {
            grow();
        }
    }

    private int slot(long key) {
        long k = fix(key);
        int mask = keys.length - 1;
        int slot = (int) (k ^ (k >>> 32)) & mask;
        while (keys[slot] != 0 && keys[slot] != k) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long fix(long key) {
        return key == 0 ? 0x9E3779B97F4A7C15L : key;
    }

    private void grow() {
        long[] oldKeys = keys;
        byte[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new byte[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
