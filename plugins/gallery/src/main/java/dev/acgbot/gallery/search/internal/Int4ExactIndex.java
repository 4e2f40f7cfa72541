package dev.acgbot.gallery.search.internal;

import dev.acgbot.gallery.search.Int4Matrix;
import dev.acgbot.gallery.search.Neighbor;
import dev.acgbot.gallery.search.Rescorer;
import dev.acgbot.gallery.search.VectorIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;

/**
 * Exact scan over 4-bit rows, then a re-rank at full precision, as {@link Int8ExactIndex} does over int8 rows:
 * every row is scored approximately (query quantised to int8, rows 4-bit, integer dot products: half the int8
 * matrix's memory traffic), the best {@code depth} candidates are rescored by the {@link Rescorer} and the best
 * {@code k} of those returned. The answer equals the float scan's whenever the true top-k all rank within the
 * first {@code depth} approximate scores; IndexBench measures how often that holds per depth.
 */
public final class Int4ExactIndex implements VectorIndex {
    private final Int4Matrix.View matrix;
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
    public Int4ExactIndex(Int4Matrix.View matrix, int firstRow, Rescorer rescorer, int depth, ExecutorService pool, int threads) {
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
        return "exact-int4";
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
        Int4Matrix.Query[] qs = new Int4Matrix.Query[queries.length];
        for (int i = 0; i < queries.length; i++) {
            if (queries[i].length != matrix.dimension()) {
                throw new IllegalArgumentException("query has " + queries[i].length + " values, index has " + matrix.dimension());
            }
            qs[i] = Int4Matrix.Query.of(queries[i]);
        }
        TopK[] candidates = approximate(qs, Math.max(k, depth), accept);
        List<List<Neighbor>> out = new ArrayList<>(queries.length);
        for (int q = 0; q < queries.length; q++) {
            TopK best = new TopK(k);
            for (Neighbor c : candidates[q].toList()) {
                best.offer(c.ordinal(), rescorer.score(queries[q], c.ordinal()));
            }
            out.add(best.toList());
        }
        return out;
    }

    /** The best {@code depth} rows per query by quantised score, one row range per thread. */
    private TopK[] approximate(Int4Matrix.Query[] qs, int depth, IntPredicate accept) {
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

    // a batch scans its range once per query: at 260 B a row the range of one thread (13 MB at 100k) is read
    // from cache for the second query on, and the kernel, not memory, bounds it
    private TopK[] scan(Int4Matrix.Query[] qs, int depth, IntPredicate accept, int from, int to) {
        TopK[] tops = new TopK[qs.length];
        for (int q = 0; q < qs.length; q++) {
            tops[q] = new TopK(depth);
            scanOne(qs[q], tops[q], accept, from, to);
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

    private static void offer(TopK top, IntPredicate accept, int row, float score) {
        if (score > top.threshold() && accept.test(row)) {
            top.offer(row, score);
        }
    }
}
