package dev.acgbot.gallery.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Multi-index hashing over 64-bit hashes: four tables keyed by one 16-bit quarter each. If two hashes differ
 * in at most r bits, some quarter differs in at most r/4 bits (pigeonhole), so probing every quarter value
 * within r/4 of the query's finds every candidate, which is then checked on all 64 bits.
 * <p>Append-only with one writer; a search passes the row count of its snapshot and ignores newer rows.
 * Chain heads are volatile so a reader that sees a new head also sees its {@code next} link.
 */
final class HammingIndex {
    private static final int CHUNK = 4096;
    private final AtomicIntegerArray[] heads = new AtomicIntegerArray[4];
    private int[][] next = new int[0][];
    private long[][] hashes = new long[0][];
    private int size;

    HammingIndex() {
        for (int q = 0; q < 4; q++) {
            heads[q] = new AtomicIntegerArray(1 << 16);
            for (int v = 0; v < 1 << 16; v++) {
                heads[q].set(v, -1);
            }
        }
    }

    /** Adds a hash and returns its row. Writer only. */
    int add(long hash) {
        int row = size;
        int c = row / CHUNK;
        if (c == hashes.length) {
            hashes = Arrays.copyOf(hashes, c + 1);
            hashes[c] = new long[CHUNK];
            next = Arrays.copyOf(next, c + 1);
            next[c] = new int[4 * CHUNK];
        }
        hashes[c][row % CHUNK] = hash;
        for (int q = 0; q < 4; q++) {
            int v = quarter(hash, q);
            next[c][4 * (row % CHUNK) + q] = heads[q].get(v);
            heads[q].set(v, row);
        }
        size = row + 1;
        return row;
    }

    int size() {
        return size;
    }

    /** A reader's bound: rows below it are complete. */
    Reader reader() {
        return new Reader(hashes, next, size);
    }

    final class Reader {
        private final long[][] hashChunks;
        private final int[][] nextChunks;
        private final int limit;

        private Reader(long[][] hashChunks, int[][] nextChunks, int limit) {
            this.hashChunks = hashChunks;
            this.nextChunks = nextChunks;
            this.limit = limit;
        }

        /** Rows this reader covers. */
        int size() {
            return limit;
        }

        long hash(int row) {
            return hashChunks[row / CHUNK][row % CHUNK];
        }

        /**
         * For rows {@code from .. from + n} (within one chunk of {@value #CHUNK} rows), each row's distance to the closest
         * of {@code queries} into {@code best[0..n)}: the duplicate search's scan, a block at a time ({@link HammingScan}).
         */
        void closest(int from, int n, long[] queries, int[] best) {
            if (from % CHUNK + n > CHUNK || from + n > limit) {
                throw new IllegalArgumentException("rows " + from + " + " + n + " are not within one chunk of " + limit);
            }
            HammingScan.reset(best, n);
            HammingScan.closer(hashChunks[from / CHUNK], from % CHUNK, n, queries, best);
        }

        /** Rows below this are in this reader. */
        int limit() {
            return limit;
        }

        /** Rows newer than this reader live in chunks it may not hold; the writer's table has them (its
         *  update precedes the volatile head write this reader saw). */
        private int link(int row, int q) {
            int[][] table = row < limit ? nextChunks : next;
            return table[row / CHUNK][4 * (row % CHUNK) + q];
        }

        /** Rows within {@code maxDistance} bits of {@code query}, in no particular order. */
        List<Integer> within(long query, int maxDistance) {
            int radius = Math.max(0, maxDistance) / 4;
            BitSet seen = new BitSet();
            List<Integer> out = new ArrayList<>();
            for (int q = 0; q < 4; q++) {
                int base = quarter(query, q);
                int qq = q;
                forEachWithin(base, radius, 0, 0, v -> {
                    for (int row = heads[qq].get(v); row >= 0; row = link(row, qq)) {
                        if (row < limit && !seen.get(row)) {
                            seen.set(row);
                            if (Long.bitCount(hash(row) ^ query) <= maxDistance) {
                                out.add(row);
                            }
                        }
                    }
                });
            }
            return out;
        }
    }

    /** Calls {@code action} for every 16-bit value within {@code radius} flips of {@code value}. */
    private static void forEachWithin(int value, int radius, int fromBit, int depth, java.util.function.IntConsumer action) {
        action.accept(value);
        if (depth == radius) {
            return;
        }
        for (int b = fromBit; b < 16; b++) {
            forEachWithin(value ^ (1 << b), radius, b + 1, depth + 1, action);
        }
    }

    private static int quarter(long hash, int q) {
        return (int) (hash >>> (16 * q)) & 0xFFFF;
    }
}
