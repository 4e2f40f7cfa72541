package dev.acgbot.gallery.search.internal;

import dev.acgbot.gallery.search.Int8Matrix;
import dev.acgbot.gallery.search.Neighbor;
import dev.acgbot.gallery.search.Rescorer;
import dev.acgbot.gallery.search.VectorIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;

/**
 * Exact scan over int8 rows, then a re-rank at full precision: every row is scored approximately (query and
 * rows quantised, integer dot products: a quarter of the float matrix's memory traffic), the best
 * {@code depth} candidates are rescored by the {@link Rescorer} and the best {@code k} of those returned.
 * The answer equals the float scan's whenever the true top-k all rank within the first {@code depth}
 * approximate scores; IndexBench measures how often that holds.
 */
public final class Int8ExactIndex implements VectorIndex {
    private final Int8Matrix.View matrix;
    private final int firstRow;
    private final Rescorer rescorer;
    private final int depth;
    private final ExecutorService pool;
    private final int threads;

    /**
     * @param depth   candidates rescored at full precision per query (at least k is used)
     * @param pool    runs ranges 1..threads-1
     * @param threads ranges per query, usually the number of cores
     */
    public Int8ExactIndex(Int8Matrix.View matrix, Rescorer rescorer, int depth, ExecutorService pool, int threads) {
        this(matrix, 0, rescorer, depth, pool, threads);
    }

    /** Scans only rows {@code firstRow..}: the rows a graph over the first rows does not cover yet. */
    public Int8ExactIndex(Int8Matrix.View matrix, int firstRow, Rescorer rescorer, int depth, ExecutorService pool, int threads) {
        this.matrix = matrix;
        this.firstRow = Math.min(Math.max(0, firstRow), matrix.size());
        this.rescorer = rescorer;
        this.depth = Math.max(1, depth);
        this.pool = pool;
        this.threads = Math.max(1, threads);
    }

    @Override
    public int dimension() {
        return matrix.dimension();
    }

    @Override
    public int size() {
        return matrix.size();
    }

    @Override
    public String kind() {
        return "exact-int8";
    }

    public int depth() {
        return depth;
    }

    @Override
    public List<Neighbor> search(float[] query, int k, IntPredicate accept) {
        return searchBatch(new float[][]{query}, k, accept).get(0);
    }

    @Override
    public List<List<Neighbor>> searchBatch(float[][] queries, int k, IntPredicate accept) {
        Query[] qs = new Query[queries.length];
        for (int i = 0; i < queries.length; i++) {
            qs[i] = Query.of(queries[i], matrix.dimension());
        }
        TopK[] candidates = approximate(qs, Math.max(k, depth), accept);
        List<List<Neighbor>> out = new ArrayList<>(queries.length);
        for (int q = 0; q < queries.length; q++) {
            out.add(rerank(queries[q], candidates[q], k));
        }
        return out;
    }

    private List<Neighbor> rerank(float[] query, TopK candidates, int k) {
        TopK best = new TopK(k);
        for (Neighbor c : candidates.toList()) {
            best.offer(c.ordinal(), rescorer.score(query, c.ordinal()));
        }
        return best.toList();
    }

    /** The best {@code depth} rows per query by quantised score, one row range per thread. */
    private TopK[] approximate(Query[] qs, int depth, IntPredicate accept) {
        int n = matrix.size() - firstRow;
        int parts = n < 8192 ? 1 : threads;
        List<Future<TopK[]>> futures = new ArrayList<>();
        for (int p = 1; p < parts; p++) {
            int from = firstRow + (int) ((long) n * p / parts);
            int to = firstRow + (int) ((long) n * (p + 1) / parts);
            futures.add(pool.submit(() -> scan(qs, depth, accept, from, to)));
        }
        TopK[] merged = scan(qs, depth, accept, firstRow, firstRow + (int) ((long) n / parts));
        for (Future<TopK[]> f : futures) {
            TopK[] part = Searches.join(f);
            for (int q = 0; q < qs.length; q++) {
                merged[q].addAll(part[q]);
            }
        }
        return merged;
    }

    private TopK[] scan(Query[] qs, int depth, IntPredicate accept, int from, int to) {
        TopK[] tops = new TopK[qs.length];
        for (int q = 0; q < tops.length; q++) {
            tops[q] = new TopK(depth);
        }
        if (qs.length == 1) {
            scanOne(qs[0], tops[0], accept, from, to);
            return tops;
        }
        for (int q = 0; q < qs.length; q += 4) {
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
                    offer(top, accept, row + j, s[j] * query.scale);
                }
            }
            for (; row < end; row++, off += dim) {
                offer(top, accept, row, Dot.dotInt8(chunk, off, query.values, dim) * query.scale);
            }
        }
    }

    /** Queries q..q+3 (missing ones repeat the last) in one pass, two rows at a time. */
    private void scanFour(Query[] qs, int q, TopK[] tops, IntPredicate accept, int from, int to) {
        int dim = matrix.dimension();
        int last = qs.length - 1;
        Query[] four = {qs[q], qs[Math.min(q + 1, last)], qs[Math.min(q + 2, last)], qs[Math.min(q + 3, last)]};
        int live = Math.min(4, qs.length - q);
        int[] s = new int[8];
        for (int row = from; row < to; ) {
            byte[] chunk = matrix.chunkOf(row);
            int end = Math.min(to, (row / Int8Matrix.CHUNK_ROWS + 1) * Int8Matrix.CHUNK_ROWS);
            int off = matrix.offsetOf(row);
            for (; row + 1 < end; row += 2, off += 2 * dim) {
                Dot.dot2x4Int8(chunk, off, four[0].values, four[1].values, four[2].values, four[3].values, dim, s);
                for (int j = 0; j < live; j++) {
                    offer(tops[q + j], accept, row, s[2 * j] * four[j].scale);
                    offer(tops[q + j], accept, row + 1, s[2 * j + 1] * four[j].scale);
                }
            }
            if (row < end) {
                for (int j = 0; j < live; j++) {
                    offer(tops[q + j], accept, row, Dot.dotInt8(chunk, off, four[j].values, dim) * four[j].scale);
                }
                row++;
            }
        }
    }

    private void offer(TopK top, IntPredicate accept, int row, float queryScaled) {
        float score = queryScaled * matrix.scale(row);
        if (score > top.threshold() && accept.test(row)) {
            top.offer(row, score);
        }
    }

    /** A query quantised like the rows, widened to ints for the kernels. */
    private record Query(int[] values, float scale) {
        static Query of(float[] query, int dim) {
            if (query.length != dim) {
                throw new IllegalArgumentException("query has " + query.length + " values, index has " + dim);
            }
            int[] values = new int[dim];
            float scale = Int8Matrix.quantise(query, values);
            return new Query(values, scale);
        }
    }
}
