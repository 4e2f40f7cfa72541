package dev.acgbot.gallery.internal;

import java.util.Arrays;

/**
 * The duplicate search's inner loop over one block of a hash column: each row's smallest distance to any of a few query
 * hashes. Written as flat loops over an array slice so the JIT vectorises them: a column scan of 25 crop windows with 3
 * query hashes at 100k rows took 1.4-1.8 ms where the same test row by row (distance * 64 + window) took 3.2-5.3 ms
 * (a throwaway micro-benchmark on this machine, JDK 25, AVX-512; docs/benchmarks.md, "Lookup at 100k, round 13").
 */
final class HammingScan {
    private HammingScan() {
    }

    /** Sets {@code best[0..n)} to 64: farther than any distance, before the first {@link #closer}. */
    static void reset(int[] best, int n) {
        Arrays.fill(best, 0, n, 64);
    }

    /** {@code best[i] = min(best[i], |column[offset + i] ^ query|)} for each of {@code queries}, {@code i < n}. */
    static void closer(long[] column, int offset, int n, long[] queries, int[] best) {
        for (long q : queries) {
            for (int i = 0; i < n; i++) {
                best[i] = Math.min(best[i], Long.bitCount(column[offset + i] ^ q));
            }
        }
    }
}
