package io.ciamportal.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The keyed values do not change with the implementation: id fingerprints are kept between exports under one key,
 * so a value computed today must equal the one computed before. The reference is SipHash-2-4 over UTF-16 code units
 * written out plainly, as the first version had it.
 */
class KeyedTest {

    @Test
    void keyedValuesAreTheReferenceSipHashOfTheCodeUnits() {
        var random = new SplittableRandom(11);
        for (int round = 0; round < 2_000; round++) {
            long k0 = random.nextLong();
            long k1 = random.nextLong();
            var keyed = new Keyed(k0, k1);
            var sb = new StringBuilder();
            int n = random.nextInt(0, 70);
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(4);
                sb.append(kind == 0 ? (char) random.nextInt('A', 'Z' + 1) : kind == 1 ? (char) random.nextInt(32, 127)
                        : kind == 2 ? (char) random.nextInt(0xC0, 0x250) : (char) random.nextInt(0x370, 0xFFFF));
            }
            String s = sb.toString();
            assertThat(keyed.id(s)).as(s).isEqualTo(reference(k0, k1, s, false));
            assertThat(keyed.email(s)).as(s).isEqualTo(reference(k0, k1, s.strip(), true));
        }
        // a value pinned once: the same key and input give this forever
        assertThat(new Keyed(1, 2).email("Ana.Silva@Example.test")).isEqualTo(reference(1, 2, "Ana.Silva@Example.test", true));
        assertThat(new Keyed(1, 2).email("ana.silva@example.test")).isEqualTo(new Keyed(1, 2).email(" ANA.SILVA@EXAMPLE.TEST "));
    }

    @Test
    void aRunKeyTellsTextsApartAndEmailsWithoutCase() {
        var run = new Keyed();
        var random = new SplittableRandom(17);
        var seen = new java.util.HashMap<Long, String>();
        for (int round = 0; round < 200_000; round++) {
            var sb = new StringBuilder();
            int n = random.nextInt(0, 40);
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(10);
                // mostly ASCII and Latin-1 (one word of eight), sometimes wider (four to a word)
                sb.append(kind < 7 ? (char) random.nextInt(32, 127) : kind < 9 ? (char) random.nextInt(0xA0, 0x100) : (char) random.nextInt(0x100, 0xD7FF));
            }
            String s = sb.toString();
            long value = run.id(s);
            assertThat(run.id(new String(s.toCharArray()))).isEqualTo(value);
            String before = seen.putIfAbsent(value, s);
            assertThat(before == null || before.equals(s)).as("%s and %s", before, s).isTrue();
        }
        assertThat(run.email(" Ana.Silva@Example.TEST")).isEqualTo(run.email("ana.silva@example.test"));
        assertThat(run.email("JOSÉ@example.test")).isEqualTo(run.email("josé@example.test"));
        assertThat(run.email("ΣΟΦΙΑ@example.test")).isEqualTo(run.email("σοφια@example.test"));
        assertThat(run.email("ana@example.test")).isNotEqualTo(run.email("ana@example.tes"));
        // a text of eight characters and the same padded: the length is in the last word
        assertThat(run.id("abcdefgh")).isNotEqualTo(run.id("abcdefgh\u0000"));
        // another run, another key
        assertThat(new Keyed().id("auth0|abc")).isNotEqualTo(run.id("auth0|abc"));
    }

    private static long reference(long k0, long k1, String s, boolean lowerCase) {
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;
        int n = s.length();
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            long m = ch(s, i, lowerCase) | ch(s, i + 1, lowerCase) << 16 | ch(s, i + 2, lowerCase) << 32 | ch(s, i + 3, lowerCase) << 48;
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
            last |= ch(s, i, lowerCase) << shift;
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

    private static long ch(String s, int i, boolean lowerCase) {
        char c = s.charAt(i);
        if (lowerCase) {
            c = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
        }
        return c;
    }
}
