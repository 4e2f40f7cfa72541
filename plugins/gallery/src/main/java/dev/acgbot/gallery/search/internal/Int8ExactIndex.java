package dev.acgbot.gallery.search.internal;

import dev.acgbot.gallery.search.Int8Matrix;
import dev.acgbot.gallery.search.Rescorer;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.IntPredicate;

/**
 * Exact scan over int8 rows, then a re-rank at full precision ({@link RerankedScan}): query and rows quantised,
 * integer dot products, a quarter of the float matrix's memory traffic.
 */
public final class Int8ExactIndex extends RerankedScan<Int8ExactIndex.Query> {
    private final Int8Matrix.View matrix;

    public Int8ExactIndex(Int8Matrix.View matrix, Rescorer rescorer, int depth, ExecutorService pool, int threads) {
        this(matrix, 0, rescorer, depth, pool, threads);
    }

    /** Scans only rows {@code firstRow..}: the rows a graph over the first rows does not cover yet. */
    public Int8ExactIndex(Int8Matrix.View matrix, int firstRow, Rescorer rescorer, int depth, ExecutorService pool, int threads) {
        super(matrix, firstRow, rescorer, depth, pool, threads);
        this.matrix = matrix;
    }

    @Override
    public String kind() {
        return "exact-int8";
    }

    @Override
    Query prepare(float[] query) {
        int[] values = new int[query.length];
        float scale = Int8Matrix.quantise(query, values);
        return new Query(values, scale);
    }

    @Override
    TopK[] scan(List<Query> qs, int depth, IntPredicate accept, int from, int to) {
        TopK[] tops = new TopK[qs.size()];
        for (int q = 0; q < tops.length; q++) {
            tops[q] = new TopK(depth);
        }
        if (qs.size() == 1) {
            scanOne(qs.get(0), tops[0], accept, from, to);
            return tops;
        }
        for (int q = 0; q < qs.size(); q += 4) {
            scanFour(qs, q, tops, accept, from, to);
        }
        return tops;
    }

    private void scanOne(Query query, TopK top, IntPredicate accept, int from, int to) {
        int dim = matrix.dimension();
        int[] s = new int[4];
        for (int row = from; row < to; ) {
            byte[] chunk = matrix.chunkOf(row);
            int end = Math.min(to, (row / Int8Matrix.CHUNK_ROWS + 1) * Int8Matrix.CHUNK_ROWS);
            int off = matrix.offsetOf(row);
            for (; row + 3 < end; row += 4, off += 4 * dim) {
                Dot.dot4x1Int8(chunk, off, query.values, dim, s);
                for (int j = 0; j < 4; j++) {
                    offerScaled(top, accept, row + j, s[j] * query.scale);
                }
            }
            for (; row < end; row++, off += dim) {
                offerScaled(top, accept, row, Dot.dotInt8(chunk, off, query.values, dim) * query.scale);
            }
        }
    }

    /** Queries q..q+3 (missing ones repeat the last) in one pass, two rows at a time. */
    private void scanFour(List<Query> qs, int q, TopK[] tops, IntPredicate accept, int from, int to) {
        int dim = matrix.dimension();
        int last = qs.size() - 1;
        Query[] four = {qs.get(q), qs.get(Math.min(q + 1, last)), qs.get(Math.min(q + 2, last)), qs.get(Math.min(q + 3, last))};
        int live = Math.min(4, qs.size() - q);
        int[] s = new int[8];
        for (int row = from; row < to; ) {
            byte[] chunk = matrix.chunkOf(row);
            int end = Math.min(to, (row / Int8Matrix.CHUNK_ROWS + 1) * Int8Matrix.CHUNK_ROWS);
            int off = matrix.offsetOf(row);
            for (; row + 1 < end; row += 2, off += 2 * dim) {
                Dot.dot2x4Int8(chunk, off, four[0].values, four[1].values, four[2].values, four[3].values, dim, s);
                for (int j = 0; j < live; j++) {
                    offerScaled(tops[q + j], accept, row, s[2 * j] * four[j].scale);
                    offerScaled(tops[q + j], accept, row + 1, s[2 * j + 1] * four[j].scale);
                }
            }
            if (row < end) {
                for (int j = 0; j < live; j++) {
                    offerScaled(tops[q + j], accept, row, Dot.dotInt8(chunk, off, four[j].values, dim) * four[j].scale);
                }
                row++;
            }
        }
    }

    private void offerScaled(TopK top, IntPredicate accept, int row, float queryScaled) {
        offer(top, accept, row, queryScaled * matrix.scale(row));
    }

    /** A query quantised like the rows, widened to ints for the kernels. */
    record Query(int[] values, float scale) {
    }
}
