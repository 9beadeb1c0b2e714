package io.ciamportal.exports.internal;

import java.security.SecureRandom;

/**
 * A keyed hash that turns an email or a source id into a 64-bit value that can be compared under one key and means
 * nothing without it. Two kinds:
 * <ul>
 * <li>{@link #Keyed(long, long)}, a key the caller keeps (a migration's id fingerprints, compared between exports):
 * SipHash-2-4 over the UTF-16 code units, four to a word. Values kept in the database depend on it, so it never
 * changes (KeyedTest pins it to a plain reference).</li>
 * <li>{@link #Keyed()}, a random key drawn per analysis and never written anywhere (duplicates, joins between files):
 * the values live only for the run, so it can be quicker. A text of Latin-1 characters (nearly every email and id)
 * is hashed eight characters to a word with SipHash-1-3, the variant with fewer rounds; any other text takes
 * SipHash-2-4 as above, under a key told apart from the first.</li>
 * </ul>
 */
public final class Keyed {

    private final long k0;
    private final long k1;
    /** a key for one run: the quicker hash where it applies */
    private final boolean forRun;

    /** A random key for one analysis. */
    public Keyed() {
        var random = new SecureRandom();
        this.k0 = random.nextLong();
        this.k1 = random.nextLong();
        this.forRun = true;
    }

    /** A key the caller keeps (a migration's fingerprint key). */
    public Keyed(long k0, long k1) {
        this.k0 = k0;
        this.k1 = k1;
        this.forRun = false;
    }

    /** The keyed value of an email, compared case-insensitively (lower-cased in the root locale, trimmed). */
    public long email(String email) {
        return hash(email.strip(), true);
    }

    public long id(String id) {
        return hash(id, false);
    }

    long hash(CharSequence s, boolean lowerCase) {
        // the characters in an array first: one bounds check per string instead of one per character (same values)
        int n = s.length();
        char[] c = new char[n];
        if (s instanceof String str) {
            str.getChars(0, n, c, 0);
        } else {
            for (int i = 0; i < n; i++) {
                c[i] = s.charAt(i);
            }
        }
        int all = 0;
        if (lowerCase) {
            for (int i = 0; i < n; i++) {
                char ch = c[i];
                ch = ch < 128 ? (ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch) : Character.toLowerCase(ch);
                c[i] = ch;
                all |= ch;
            }
        } else if (forRun) {
            for (int i = 0; i < n; i++) {
                all |= c[i];
            }
        }
        if (!forRun) {
            return sipHash(c, n, false, 2, 4, 0);
        }
        return all < 256 ? sipHash(c, n, true, 1, 3, RUN_TWEAK) : sipHash(c, n, false, 2, 4, RUN_TWEAK);
    }

    /** Told apart from a kept key's values, so the two kinds never meet under one key. */
    private static final long RUN_TWEAK = 0xee;

    /**
     * SipHash-c-d of the characters: as bytes, eight to a word ({@code bytes}, every character below 256), or as
     * UTF-16 code units, four to a word; the last word holds the rest and the length in bytes. The key's {@code k1}
     * half is xored with {@code tweak}.
     */
    private long sipHash(char[] c, int n, boolean bytes, int cRounds, int dRounds, long tweak) {
        int perWord = bytes ? 8 : 4;
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL ^ tweak;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;
        int full = n / perWord;
        // the full words, the last word, then the finalization
        for (int w = 0; w <= full + 1; w++) {
            long m;
            int rounds = cRounds;
            if (w < full) {
                m = bytes ? eight(c, w * 8) : four(c, w * 4);
            } else if (w == full) {
                int bits = bytes ? 8 : 16;
                m = ((long) n * (bits / 8) & 0xff) << 56;
                for (int i = full * perWord, shift = 0; i < n; i++, shift += bits) {
                    m |= (long) c[i] << shift;
                }
            } else {
                m = 0;
                v2 ^= 0xff;
                rounds = dRounds;
            }
            v3 ^= m;
            for (int r = 0; r < rounds; r++) {
                v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
                v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
                v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
                v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
            }
            v0 ^= m;
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    /** Eight characters below 256 from {@code c[i]} as the bytes of a word, the first lowest. */
    private static long eight(char[] c, int i) {
        return (long) c[i] | (long) c[i + 1] << 8 | (long) c[i + 2] << 16 | (long) c[i + 3] << 24 | (long) c[i + 4] << 32
                | (long) c[i + 5] << 40 | (long) c[i + 6] << 48 | (long) c[i + 7] << 56;
    }

    /** Four UTF-16 code units from {@code c[i]} as a word, the first lowest. */
    private static long four(char[] c, int i) {
        return (long) c[i] | (long) c[i + 1] << 16 | (long) c[i + 2] << 32 | (long) c[i + 3] << 48;
    }
}
