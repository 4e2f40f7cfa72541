package dev.acgbot.gallery.internal;

import java.util.Arrays;

/**
 * The {@link CropWindows crop windows}' pHashes of every row, {@value CropWindows#COUNT} longs a row packed in chunks, so
 * the duplicate search scans them sequentially (at 100k images 20 MB). Within a chunk the hashes lie window by window
 * (all rows' window 0, then all rows' window 1, ...): the scan compares one window of a block of rows in one flat loop,
 * which the JIT vectorises ({@link HammingScan}; row by row the test was 2-3 times slower). Append-only with one
 * writer, like {@link Column}: a {@link View} never sees later rows.
 */
final class WindowRows {
    /**
     * 2048 rows: a chunk of 400 KB. At 4096 (800 KB) every chunk was a humongous object for G1 at the 1 MB regions
     * of a heap under 2 GB, each with 224 KB of its region unusable: 57 MB of filler at 1M images (class histogram,
     * docs/benchmarks.md "Heap of a 1M gallery").
     */
    static final int CHUNK_ROWS = 2048;
    private static final int STRIDE = CropWindows.COUNT;
    private long[][] chunks = new long[0][];
    private int size;

    /**
     * Appends a row. {@code windows} empty (a signature without windows, or none yet): the whole picture's pHash stands
     * in for every window, so the row is found by its windows only where its whole pHash would find it anyway.
     */
    int append(long[] windows, long wholePHash) {
        int c = size / CHUNK_ROWS;
        if (c == chunks.length) {
            long[][] grown = Arrays.copyOf(chunks, c + 1);
            grown[c] = new long[CHUNK_ROWS * STRIDE];
            chunks = grown;
        }
        int at = size % CHUNK_ROWS;
        for (int w = 0; w < STRIDE; w++) {
            chunks[c][w * CHUNK_ROWS + at] = windows.length == STRIDE ? windows[w] : wholePHash;
        }
        return size++;
    }

    View view() {
        return new View(chunks, size);
    }

    record View(long[][] chunks, int size) {
        /** The row's windows as stored (a stand-in row repeats its whole pHash). */
        long[] windows(int row) {
            long[] c = chunks[row / CHUNK_ROWS], out = new long[STRIDE];
            for (int w = 0; w < STRIDE; w++) {
                out[w] = c[w * CHUNK_ROWS + row % CHUNK_ROWS];
            }
            return out;
        }

        /**
         * For rows {@code from .. from + n} (one chunk: {@code from} a multiple of {@value #CHUNK_ROWS}, {@code n} at most
         * that), the distance of each row's closest window to any of {@code queries} into {@code best[0..n)}: the scan's
         * test of a block, whose rows within the radius then get {@link #nearest}.
         */
        void closest(int from, int n, long[] queries, int[] best) {
            long[] c = chunk(from, n);
            HammingScan.reset(best, n);
            for (int w = 0; w < STRIDE; w++) {
                HammingScan.closer(c, w * CHUNK_ROWS, n, queries, best);
            }
        }

        /** As {@link #closest(int, int, long[], int[])}, for window {@code window} alone. */
        void closestAt(int from, int n, int window, long[] queries, int[] best) {
            HammingScan.reset(best, n);
            HammingScan.closer(chunk(from, n), window * CHUNK_ROWS, n, queries, best);
        }

        private long[] chunk(int from, int n) {
            if (from % CHUNK_ROWS != 0 || n > CHUNK_ROWS || from + n > size) {
                throw new IllegalArgumentException("rows " + from + " + " + n + " are not one chunk of " + size);
            }
            return chunks[from / CHUNK_ROWS];
        }

        /**
         * The closest window of {@code row} to any of {@code queries}, as {@code distance * 64 + window} (so the
         * smaller value is the closer window); {@code 64 * 64} with no queries.
         */
        int nearest(int row, long[] queries) {
            long[] c = chunks[row / CHUNK_ROWS];
            int at = row % CHUNK_ROWS;
            int best = 64 * 64;
            for (long q : queries) {
                for (int w = 0; w < STRIDE; w++) {
                    best = Math.min(best, Long.bitCount(c[w * CHUNK_ROWS + at] ^ q) * 64 + w);
                }
            }
            return best;
        }

        /**
         * The closest of {@code queries} to window {@code window} of {@code row}, as {@code distance * 64 + index} (the
         * index into {@code queries}); {@code 64 * 64} with no queries.
         */
        int nearestAt(int row, int window, long[] queries) {
            long stored = chunks[row / CHUNK_ROWS][window * CHUNK_ROWS + row % CHUNK_ROWS];
            int best = 64 * 64;
            for (int i = 0; i < queries.length; i++) {
                best = Math.min(best, Long.bitCount(stored ^ queries[i]) * 64 + i);
            }
            return best;
        }
    }
}
