package io.ciamportal.exports.internal;

import java.security.SecureRandom;

/**
 * SipHash-2-4 with a random key drawn per analysis and never written anywhere: turns an email or a source id into a
 * 64-bit value that can be compared within one run (duplicates, joins between files) and means nothing after it.
 * The input is hashed as its UTF-16 code units, four to a word.
 */
public final class Keyed {

    private final long k0;
    private final long k1;

    public Keyed() {
        var random = new SecureRandom();
        this.k0 = random.nextLong();
        this.k1 = random.nextLong();
    }

    /** A key the caller keeps (a migration's fingerprint key). */
    public Keyed(long k0, long k1) {
        this.k0 = k0;
        this.k1 = k1;
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
        if (lowerCase) {
            for (int i = 0; i < n; i++) {
                char ch = c[i];
                c[i] = ch < 128 ? (ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch) : Character.toLowerCase(ch);
            }
        }
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            long m = (long) c[i] | (long) c[i + 1] << 16 | (long) c[i + 2] << 32 | (long) c[i + 3] << 48;
            v3 ^= m;
            for (int r = 0; r < 2; r++) {
                v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
                v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
                v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
                v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
            }
            v0 ^= m;
        }
        long last = ((long) (n * 2) & 0xff) << 56;
        for (int shift = 0; i < n; i++, shift += 16) {
            last |= (long) c[i] << shift;
        }
        v3 ^= last;
        for (int r = 0; r < 2; r++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        v0 ^= last;
        v2 ^= 0xff;
        for (int r = 0; r < 4; r++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }
}
