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

    @Test
    void tablesSortedTogetherGiveTheGroupsOfTablesSortedAlone() {
        // one table all in memory, one with runs written to files, each with repeated values
        try (var spill = new SpillFiles(150_000)) {
            var random = new SplittableRandom(13);
            var ids = new KeyRuns(spill, false);
            var emails = new KeyRuns(spill, false);
            var idsAlone = new KeyRuns(spill, false);
            var emailsAlone = new KeyRuns(spill, false);
            for (int i = 0; i < 120_000; i++) {
                long id = i % 9 == 0 ? random.nextLong(500) : random.nextLong();
                ids.add(id);
                idsAlone.add(id);
            }
            for (int i = 0; i < 400_000; i++) {
                long email = i % 4 == 0 ? random.nextLong(2_000) : random.nextLong();
                emails.add(email);
                emailsAlone.add(email);
            }
            assertThat(emails.runs()).isPositive();
            KeyRuns.sortTogether(ids, emails);
            assertThat(groups(ids)).isEqualTo(groups(idsAlone));
            assertThat(groups(emails)).isEqualTo(groups(emailsAlone));
            // read twice, as the joins after the duplicates do
            assertThat(groups(ids)).isEqualTo(groups(idsAlone));
        }
    }

    /** Each distinct value and its count, in the cursor's order. */
    private static java.util.List<String> groups(KeyRuns table) {
        var out = new java.util.ArrayList<String>();
        try (var g = table.groups()) {
            while (g.next()) {
                out.add(g.key() + "x" + g.count());
            }
        }
        return out;
    }
}
