package dev.acgbot.gallery.search.internal;

import dev.acgbot.gallery.search.Int4Matrix;
import dev.acgbot.gallery.search.Rescorer;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.IntPredicate;

/**
 * Exact scan over 4-bit rows, then a re-rank at full precision ({@link RerankedScan}), as {@link Int8ExactIndex}
 * does over int8 rows: query quantised to int8, rows 4-bit, integer dot products, half the int8 matrix's memory
 * traffic.
 */
public final class Int4ExactIndex extends RerankedScan<Int4Matrix.Query> {
    private final Int4Matrix.View matrix;

    /** Scans only rows {@code firstRow..}: the rows a graph over the first rows does not cover yet. */
    public Int4ExactIndex(Int4Matrix.View matrix, int firstRow, Rescorer rescorer, int depth, ExecutorService pool, int threads) {
        super(matrix, firstRow, rescorer, depth, pool, threads);
        this.matrix = matrix;
    }

    @Override
    public String kind() {
        return "exact-int4";
    }

    @Override
    Int4Matrix.Query prepare(float[] query) {
        return Int4Matrix.Query.of(query);
    }

    /**
     * Rows a batch's queries scan together: 256 KB of 4-bit rows at 512 dimensions, well inside a core's L2 (1 MB here),
     * so only the first query of a batch reads a block from memory.
     */
    static final int BLOCK_BYTES = 256 << 10;

    // a batch scans one block of rows for every query before the next block: at 1M a thread's range (130 MB) does not
    // stay in cache from one query to the next, and scanning the whole range per query streamed it again for each
    // (batch-16 per query 14.1 ms against 14.5 for a single query, round 6); blocked, one thread over 1M rows: 31.5 ->
    // 19.3 ms per query of a batch of 16 (docs/benchmarks.md, "Batches over 4-bit rows", round 7)
    @Override
    TopK[] scan(List<Int4Matrix.Query> qs, int depth, IntPredicate accept, int from, int to) {
        TopK[] tops = new TopK[qs.size()];
        for (int q = 0; q < qs.size(); q++) {
            tops[q] = new TopK(depth);
        }
        int block = Math.max(4, BLOCK_BYTES / matrix.rowBytes() & ~3);
        for (int start = from; start < to; start += block) {
            int end = Math.min(to, start + block);
            for (int q = 0; q < qs.size(); q++) {
                scanOne(qs.get(q), tops[q], accept, start, end);
            }
        }
        return tops;
    }

    private void scanOne(Int4Matrix.Query query, TopK top, IntPredicate accept, int from, int to) {
        int half = matrix.rowBytes();
        int[] s = new int[4];
        for (int row = from; row < to; ) {
            byte[] chunk = matrix.chunkOf(row);
            float[] scales = matrix.scales()[row / Int4Matrix.CHUNK_ROWS];
            int end = Math.min(to, (row / Int4Matrix.CHUNK_ROWS + 1) * Int4Matrix.CHUNK_ROWS);
            int off = matrix.offsetOf(row);
            for (; row + 3 < end; row += 4, off += 4 * half) {
                Dot.dot4x1Int4(chunk, off, query.low(), query.high(), half, s);
                int at = row % Int4Matrix.CHUNK_ROWS;
                for (int j = 0; j < 4; j++) {
                    offer(top, accept, row + j, s[j] * query.scale() * scales[at + j]);
                }
            }
            for (; row < end; row++, off += half) {
                offer(top, accept, row, Dot.dotInt4(chunk, off, query.low(), query.high(), half) * query.scale()
                        * scales[row % Int4Matrix.CHUNK_ROWS]);
            }
        }
    }
}
