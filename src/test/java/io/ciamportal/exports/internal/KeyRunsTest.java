package io.ciamportal.exports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sorts under duplicate detection give the order of {@link Arrays#sort}, payloads staying with their values. */
class KeyRunsTest {

    @Test
    void bucketSortIsArraysSort() {
        var random = new SplittableRandom(7);
        for (int n : new int[] {0, 1, 5, 16_383, 16_384, 100_000, 300_001}) {
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
                // uniform values, some repeated, and the extremes
                a[i] = i % 7 == 0 && i > 0 ? a[i - 1] : i % 1000 == 3 ? Long.MIN_VALUE : i % 1000 == 4 ? Long.MAX_VALUE : random.nextLong();
            }
            long[] expected = a.clone();
            Arrays.sort(expected);
            KeyRuns.sort(a, n, new long[n]);
            assertThat(a).as("n = %d", n).isEqualTo(expected);
        }
        long[] same = new long[50_000];
        Arrays.fill(same, 42L);
        KeyRuns.sort(same, same.length, new long[same.length]);
        assertThat(same).containsOnly(42L);
    }

    @Test
    void pairSortKeepsPayloadsWithTheirValues() {
        var random = new SplittableRandom(11);
        int n = 200_000;
        long[] k = new long[n];
        byte[] v = new byte[n];
        for (int i = 0; i < n; i++) {
            k[i] = i % 5 == 0 ? random.nextLong(100) : random.nextLong();
            v[i] = (byte) (k[i] & 0x7f);
        }
        long[] expected = k.clone();
        Arrays.sort(expected);
        KeyRuns.sort(k, v, 0, n);
        assertThat(k).isEqualTo(expected);
        for (int i = 0; i < n; i++) {
            assertThat(v[i]).isEqualTo((byte) (k[i] & 0x7f));
        }
    }
}
