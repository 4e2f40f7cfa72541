package dev.acgbot.gallery.search.internal;

import dev.acgbot.gallery.search.Neighbor;
import dev.acgbot.gallery.search.Rescorer;
import dev.acgbot.gallery.search.VectorIndex;
import dev.acgbot.gallery.search.VectorRows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;

/**
 * Exact scan over quantised rows, then a re-rank at full precision: every row is scored approximately by the
 * subclass's kernel, the best {@code depth} candidates are rescored by the {@link Rescorer} and the best
 * {@code k} of those returned. The answer equals the float scan's whenever the true top-k all rank within the
 * first {@code depth} approximate scores; IndexBench measures how often that holds per row format and depth.
 * This class holds what the int8 and 4-bit scans share (row ranges per thread, merging, the re-rank); each
 * subclass holds only its query form and kernel.
 *
 * @param <Q> the query as the subclass's kernel reads it (quantised once per search)
 */
abstract sealed class RerankedScan<Q> implements VectorIndex permits Int8ExactIndex, Int4ExactIndex {
    private final VectorRows rows;
    private final int firstRow;
    private final Rescorer rescorer;
    private final int depth;
    private final ExecutorService pool;
    private final int threads;

    /**
     * @param rows     the matrix the subclass scans
     * @param firstRow the first row scanned: a graph over the rows before it covers them
     * @param depth    candidates rescored at full precision per query (at least k is used)
     * @param pool     runs ranges 1..threads-1
     * @param threads  ranges per query, usually the number of cores
     */
    RerankedScan(VectorRows rows, int firstRow, Rescorer rescorer, int depth, ExecutorService pool, int threads) {
        this.rows = rows;
        this.firstRow = Math.min(Math.max(0, firstRow), rows.size());
        this.rescorer = rescorer;
        this.depth = Math.max(1, depth);
        this.pool = pool;
        this.threads = Math.max(1, threads);
    }

    /** The query in the form {@link #scan} reads; {@code query} has {@link #dimension()} values. */
    abstract Q prepare(float[] query);

    /** The best {@code depth} rows of {@code from..to-1} per query by approximate score, accepted rows only. */
    abstract TopK[] scan(List<Q> queries, int depth, IntPredicate accept, int from, int to);

    @Override
    public final int dimension() {
        return rows.dimension();
    }

    @Override
    public final int size() {
        return rows.size();
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
        List<Q> qs = new ArrayList<>(queries.length);
        for (float[] query : queries) {
            if (query.length != dimension()) {
                throw new IllegalArgumentException("query has " + query.length + " values, index has " + dimension());
            }
            qs.add(prepare(query));
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
    private TopK[] approximate(List<Q> qs, int depth, IntPredicate accept) {
        int n = size() - firstRow;
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
            for (int q = 0; q < qs.size(); q++) {
                merged[q].addAll(part[q]);
            }
        }
        return merged;
    }

    static void offer(TopK top, IntPredicate accept, int row, float score) {
        if (score > top.threshold() && accept.test(row)) {
            top.offer(row, score);
        }
    }
}
