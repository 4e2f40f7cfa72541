package dev.acgbot.gallery.internal;

import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.function.IntPredicate;

/**
 * The {@value RepostSignature#GRID}x{@value RepostSignature#GRID} RGB grid of every row's trimmed picture
 * ({@link RepostSignature#colour()}), so the duplicate search can find a picture by its colour layout: a flag or a plain
 * icon turned a few degrees moves every hash it has (the stripes' pHash and dHash are noise), and keeps its colours where
 * they were. Each channel is kept to 4 bits (two to a byte, and each channel's sum: 27 bytes and a presence bit a row,
 * 27 MB at 1M images, where the whole grid would have added 49 MB to the 673 MB a 1M gallery had in use); at 16 levels
 * the sources of eight evaluation misses ranked as at 256 (first six times, second once), a pattern's 35th instead of
 * 28th (docs/benchmarks.md, "Colour layouts, round 25"). Append-only with one writer, like {@link WindowRows}: a
 * {@link View} never sees later rows.
 */
final class ColourRows {
    static final int CELLS = 3 * RepostSignature.GRID * RepostSignature.GRID;
    private static final int PACKED = CELLS / 2;
    /**
     * The bytes a row takes (its presence bit besides): the packed grid, then each channel's sum of levels (at most
     * 16 x 15 = 240), from which the scan bounds a row's distance before summing it.
     */
    static final int ROW_BYTES = PACKED + 3;
    /** A level of 4 bits stands for this many of 8 bits (15 x 17 = 255). */
    private static final int STEP = 17;
    /** 8192 rows: a chunk of 192 KB, under G1's humongous size at 1 MB regions, as {@link WindowRows#CHUNK_ROWS}. */
    static final int CHUNK_ROWS = 8192;
    private byte[][] chunks = new byte[0][];
    private long[][] present = new long[0][];
    private int size;

    /** Appends a row; {@code grid} empty for an image whose signature is not made yet (never found by its colours). */
    int append(byte[] grid) {
        int c = size / CHUNK_ROWS;
        if (c == chunks.length) {
            byte[][] grown = Arrays.copyOf(chunks, c + 1);
            grown[c] = new byte[CHUNK_ROWS * ROW_BYTES];
            long[][] bits = Arrays.copyOf(present, c + 1);
            bits[c] = new long[CHUNK_ROWS / 64];
            // the bits before the data: a view that sees the new chunk sees its bits
            present = bits;
            chunks = grown;
        }
        int at = size % CHUNK_ROWS;
        if (grid.length == CELLS) {
            int[] sums = new int[3];
            for (int i = 0; i < CELLS; i++) {
                sums[i % 3] += level(grid[i]);
            }
            for (int i = 0; i < PACKED; i++) {
                chunks[c][at * ROW_BYTES + i] = (byte) (level(grid[2 * i]) << 4 | level(grid[2 * i + 1]));
            }
            for (int k = 0; k < 3; k++) {
                chunks[c][at * ROW_BYTES + PACKED + k] = (byte) sums[k];
            }
            present[c][at / 64] |= 1L << at;
        }
        return size++;
    }

    private static int level(byte value) {
        return ((value & 0xFF) + STEP / 2) / STEP;
    }

    View view() {
        return new View(chunks, present, size);
    }

    record View(byte[][] chunks, long[][] present, int size) {
        /** The row's grid at the kept precision (each channel a multiple of 17), empty for a row without one. */
        byte[] grid(int row) {
            int c = row / CHUNK_ROWS, at = row % CHUNK_ROWS;
            if (!has(c, at)) {
                return new byte[0];
            }
            byte[] out = new byte[CELLS];
            for (int i = 0; i < PACKED; i++) {
                int b = chunks[c][at * ROW_BYTES + i] & 0xFF;
                out[2 * i] = (byte) ((b >> 4) * STEP);
                out[2 * i + 1] = (byte) ((b & 0xF) * STEP);
            }
            return out;
        }

        private boolean has(int chunk, int at) {
            return (present[chunk][at / 64] >>> at & 1) != 0;
        }

        /**
         * The {@code most} rows below {@code rows} that {@code live} lets through whose grid lies closest to {@code grid}
         * (sum of squared differences to the kept levels), as {@code distance << 32 | row}, closest first. A row is passed
         * over when its mean colour alone puts it beyond the farthest kept (16 cells whose channel differences sum to D lie
         * at least D² / 16 apart), and its sum stops once it passes that: at 100k synthetic pictures the scan without the
         * bound took 2.2 ms a lookup (DuplicateLookupScaleTest).
         */
        long[] closest(byte[] grid, int rows, int most, IntPredicate live) {
            if (most <= 0) {
                return new long[0];
            }
            // the query's distance to each of the 16 levels, per cell: the scan then only adds
            int[][] cost = new int[CELLS][16];
            for (int i = 0; i < CELLS; i++) {
                for (int l = 0; l < 16; l++) {
                    int d = (grid[i] & 0xFF) - l * STEP;
                    cost[i][l] = d * d;
                }
            }
            int[] total = new int[3];
            for (int i = 0; i < CELLS; i++) {
                total[i % 3] += grid[i] & 0xFF;
            }
            PriorityQueue<Long> kept = new PriorityQueue<>(java.util.Comparator.reverseOrder());
            long bound = Long.MAX_VALUE;
            for (int row = 0; row < Math.min(rows, size); row++) {
                int c = row / CHUNK_ROWS, at = row % CHUNK_ROWS;
                if (!has(c, at)) {
                    continue;
                }
                byte[] chunk = chunks[c];
                int from = at * ROW_BYTES;
                long spread = 0;
                for (int k = 0; k < 3; k++) {
                    long diff = total[k] - (long) STEP * (chunk[from + PACKED + k] & 0xFF);
                    spread += diff * diff;
                }
                if (bound != Long.MAX_VALUE && spread >= 16 * bound) {
                    continue;
                }
                long d = 0;
                for (int i = 0; i < PACKED && d < bound; i++) {
                    int b = chunk[from + i] & 0xFF;
                    d += cost[2 * i][b >> 4] + cost[2 * i + 1][b & 0xF];
                }
                // asked only of a row that would be kept: the test may cost more than the sum
                if (d < bound && live.test(row)) {
                    kept.add(d << 32 | row);
                    if (kept.size() > most) {
                        kept.poll();
                    }
                    if (kept.size() == most) {
                        bound = kept.peek() >>> 32;
                    }
                }
            }
            return kept.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }
}
