package io.ciamportal.exports.internal;

/**
 * An open-addressing map from 64-bit keyed values to small counts (saturating at 127), or to a small payload: the
 * only per-user state the analyser keeps, about 9 bytes a slot. Key 0 is remapped so it can mark empty slots.
 *
 * <p>The table is split into 64 shards by the key's top bits, each growing on its own: growing doubles one shard
 * at a time, so memory climbs in steps of 1/64 of the table instead of briefly holding the old and the new whole
 * table (at ten million users that transient was 216 MB on top of the 302 MB the two tables of ids and emails
 * need). Keyed values are uniform, so the shards fill evenly.
 */
public final class LongCounts {

    private static final int SHARD_BITS = 6;
    private static final int SHARDS = 1 << SHARD_BITS;
    private static final int INITIAL = 1 << 6;

    private final long[][] keys = new long[SHARDS][];
    private final byte[][] values = new byte[SHARDS][];
    private final int[] sizes = new int[SHARDS];
    private int size;

    /** Adds one to the key's count and returns the count before (0 when the key is new). */
    public int increment(long key) {
        long k = fix(key);
        int shard = shard(k);
        long[] ks = table(shard);
        int slot = slot(ks, k);
        if (ks[slot] == 0) {
            insert(shard, slot, k, (byte) 1);
            return 0;
        }
        byte[] vs = values[shard];
        int before = vs[slot];
        if (before < Byte.MAX_VALUE) {
            vs[slot] = (byte) (before + 1);
        }
        return before;
    }

    /** Sets the key's payload (1 to 127), keeping the larger of the old and the new. */
    public void putMax(long key, int value) {
        long k = fix(key);
        int shard = shard(k);
        long[] ks = table(shard);
        int slot = slot(ks, k);
        if (ks[slot] == 0) {
            insert(shard, slot, k, (byte) value);
        } else if (values[shard][slot] < value) {
            values[shard][slot] = (byte) value;
        }
    }

    /** The key's count or payload, 0 when absent. */
    public int get(long key) {
        long k = fix(key);
        int shard = shard(k);
        long[] ks = keys[shard];
        if (ks == null) {
            return 0;
        }
        int slot = slot(ks, k);
        return ks[slot] == 0 ? 0 : values[shard][slot];
    }

    public int size() {
        return size;
    }

    /** Calls the visitor with each key and its count or payload. */
    public void forEach(Visitor visitor) {
        for (int s = 0; s < SHARDS; s++) {
            long[] ks = keys[s];
            if (ks == null) {
                continue;
            }
            byte[] vs = values[s];
            for (int i = 0; i < ks.length; i++) {
                if (ks[i] != 0) {
                    visitor.visit(ks[i], vs[i]);
                }
            }
        }
    }

    /** A key and its payload. */
    @FunctionalInterface
    public interface Visitor {
        void visit(long key, int value);
    }

    private long[] table(int shard) {
        long[] ks = keys[shard];
        if (ks == null) {
            ks = keys[shard] = new long[INITIAL];
            values[shard] = new byte[INITIAL];
        }
        return ks;
    }

    private void insert(int shard, int slot, long k, byte value) {
        keys[shard][slot] = k;
        values[shard][slot] = value;
        size++;
        if (++sizes[shard] * 4 > keys[shard].length * 3) {
            grow(shard);
        }
    }

    private static int shard(long k) {
        return (int) (k >>> (64 - SHARD_BITS));
    }

    private static int slot(long[] ks, long k) {
        int mask = ks.length - 1;
        int slot = (int) (k ^ (k >>> 32)) & mask;
        while (ks[slot] != 0 && ks[slot] != k) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long fix(long key) {
        return key == 0 ? 0x9E3779B97F4A7C15L : key;
    }

    private void grow(int shard) {
        long[] oldKeys = keys[shard];
        byte[] oldValues = values[shard];
        long[] ks = new long[oldKeys.length * 2];
        byte[] vs = new byte[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(ks, oldKeys[i]);
                ks[slot] = oldKeys[i];
                vs[slot] = oldValues[i];
            }
        }
        keys[shard] = ks;
        values[shard] = vs;
    }
}
