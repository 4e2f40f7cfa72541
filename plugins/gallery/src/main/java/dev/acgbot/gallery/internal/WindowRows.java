package dev.acgbot.gallery.internal;

import java.util.Arrays;

/**
 * The {@link CropWindows crop windows}' pHashes of every row, {@value CropWindows#COUNT} longs a row packed in chunks, so
 * the duplicate search scans them sequentially (at 100k images 20 MB; about 1.5 ms a scan for one query hash on this
 * machine). Append-only with one writer, like {@link Column}: a {@link View} never sees later rows.
 */
final class WindowRows {
    /**
     * 2048 rows: a chunk of 400 KB. At 4096 (800 KB) every chunk was a humongous object for G1 at the 1 MB regions
     * of a heap under 2 GB, each with 224 KB of its region unusable: 57 MB of filler at 1M images (class histogram,
     * docs/benchmarks.md "Heap of a 1M gallery").
     */
    private static final int CHUNK_ROWS = 2048;
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
        int at = size % CHUNK_ROWS * STRIDE;
        if (windows.length == STRIDE) {
            System.arraycopy(windows, 0, chunks[c], at, STRIDE);
        } else {
            Arrays.fill(chunks[c], at, at + STRIDE, wholePHash);
        }
        return size++;
    }

    View view() {
        return new View(chunks, size);
    }

    record View(long[][] chunks, int size) {
        /** The row's windows as stored (a stand-in row repeats its whole pHash). */
        long[] windows(int row) {
            int at = row % CHUNK_ROWS * STRIDE;
            return Arrays.copyOfRange(chunks[row / CHUNK_ROWS], at, at + STRIDE);
        }

        /**
         * The closest window of {@code row} to any of {@code queries}, as {@code distance * 64 + window} (so the
         * smaller value is the closer window); {@code 64 * 64} with no queries. The scan's test, on every row.
         */
        int nearest(int row, long[] queries) {
            long[] c = chunks[row / CHUNK_ROWS];
            int at = row % CHUNK_ROWS * STRIDE;
            int best = 64 * 64;
            for (long q : queries) {
                for (int w = 0; w < STRIDE; w++) {
                    best = Math.min(best, Long.bitCount(c[at + w] ^ q) * 64 + w);
                }
            }
            return best;
        }

        /**
         * The closest of {@code queries} to window {@code window} of {@code row}, as {@code distance * 64 + index} (the
         * index into {@code queries}); {@code 64 * 64} with no queries.
         */
        int nearestAt(int row, int window, long[] queries) {
            long stored = chunks[row / CHUNK_ROWS][row % CHUNK_ROWS * STRIDE + window];
            int best = 64 * 64;
            for (int i = 0; i < queries.length; i++) {
                best = Math.min(best, Long.bitCount(stored ^ queries[i]) * 64 + i);
            }
            return best;
        }
    }
}
