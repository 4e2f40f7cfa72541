package dev.acgbot.gallery.search.internal;

import dev.acgbot.gallery.search.Neighbor;
import dev.acgbot.gallery.search.VectorIndex;
import dev.acgbot.gallery.search.VectorMatrix;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;

/**
 * Brute-force top-k: every row is scored. Memory-bound, so the matrix is split into one contiguous row range
 * per thread; the calling thread scans the first range itself.
 */
public final class ExactVectorIndex implements VectorIndex {
    private final VectorMatrix.View matrix;
    private final int firstRow;
    private final ExecutorService pool;
    private final int threads;

    /**
     * @param pool    runs ranges 1..threads-1; shared by all indexes of a gallery
     * @param threads ranges per query, usually the number of cores
     */
    public ExactVectorIndex(VectorMatrix.View matrix, ExecutorService pool, int threads) {
        this(matrix, 0, pool, threads);
    }

    /** Scans only rows {@code firstRow..}: the rows a graph over the first rows does not cover yet. */
    public ExactVectorIndex(VectorMatrix.View matrix, int firstRow, ExecutorService pool, int threads) {
        this.matrix = matrix;
        this.firstRow = Math.min(firstRow, matrix.size());
        this.pool = pool;
        this.threads = Math.max(1, threads);
    }

    public VectorMatrix.View matrix() {
        return matrix;
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
        return "exact";
    }

    @Override
    public List<Neighbor> search(float[] query, int k, IntPredicate accept) {
        checkQuery(query);
        return searchBatch(new float[][]{query}, k, accept).get(0);
    }

    @Override
    public List<List<Neighbor>> searchBatch(float[][] queries, int k, IntPredicate accept) {
        for (float[] q : queries) {
            checkQuery(q);
        }
        int n = matrix.size() - firstRow;
        int parts = n < 8192 ? 1 : threads;
        List<Future<TopK[]>> futures = new ArrayList<>();
        for (int p = 1; p < parts; p++) {
            int from = firstRow + (int) ((long) n * p / parts);
            int to = firstRow + (int) ((long) n * (p + 1) / parts);
            futures.add(pool.submit(() -> scan(queries, k, accept, from, to)));
        }
        TopK[] merged = scan(queries, k, accept, firstRow, firstRow + (int) ((long) n / parts));
        for (Future<TopK[]> f : futures) {
            TopK[] part = Searches.join(f);
            for (int q = 0; q < queries.length; q++) {
                merged[q].addAll(part[q]);
            }
        }
        List<List<Neighbor>> out = new ArrayList<>(queries.length);
        for (TopK t : merged) {
            out.add(t.toList());
        }
        return out;
    }

    private TopK[] scan(float[][] queries, int k, IntPredicate accept, int from, int to) {
        TopK[] tops = new TopK[queries.length];
        for (int q = 0; q < tops.length; q++) {
            tops[q] = new TopK(k);
        }
        if (queries.length == 1) {
            scanOne(queries[0], tops[0], accept, from, to);
            return tops;
        }
        for (int q = 0; q < queries.length; q += 4) {
            scanFour(queries, q, tops, accept, from, to);
        }
        return tops;
    }

    private void scanOne(float[] query, TopK top, IntPredicate accept, int from, int to) {
        int dim = matrix.dimension();
        for (int row = from; row < to; ) {
            float[] chunk = matrix.chunkOf(row);
            int end = Math.min(to, (row / VectorMatrix.CHUNK_ROWS + 1) * VectorMatrix.CHUNK_ROWS);
            int off = matrix.offsetOf(row);
            float[] s = new float[4];
            for (; row + 3 < end; row += 4, off += 4 * dim) {
                Dot.dot4x1(chunk, off, query, dim, s);
                for (int j = 0; j < 4; j++) {
                    offer(top, accept, row + j, s[j]);
                }
            }
            for (; row < end; row++, off += dim) {
                offer(top, accept, row, Dot.dot(chunk, off, query, 0, dim));
            }
        }
    }

    /** Queries q..q+3 (missing ones repeat the last) in one pass, two rows at a time. */
    private void scanFour(float[][] queries, int q, TopK[] tops, IntPredicate accept, int from, int to) {
        int dim = matrix.dimension();
        int last = queries.length - 1;
        float[] q0 = queries[q], q1 = queries[Math.min(q + 1, last)], q2 = queries[Math.min(q + 2, last)], q3 = queries[Math.min(q + 3, last)];
        int live = Math.min(4, queries.length - q);
        float[] s = new float[8];
        for (int row = from; row < to; ) {
            float[] chunk = matrix.chunkOf(row);
            int end = Math.min(to, (row / VectorMatrix.CHUNK_ROWS + 1) * VectorMatrix.CHUNK_ROWS);
            int off = matrix.offsetOf(row);
            for (; row + 1 < end; row += 2, off += 2 * dim) {
                Dot.dot2x4(chunk, off, q0, q1, q2, q3, dim, s);
                for (int j = 0; j < live; j++) {
                    offer(tops[q + j], accept, row, s[2 * j]);
                    offer(tops[q + j], accept, row + 1, s[2 * j + 1]);
                }
            }
            if (row < end) {
                for (int j = 0; j < live; j++) {
                    offer(tops[q + j], accept, row, Dot.dot(chunk, off, queries[q + j], 0, dim));
                }
                row++;
            }
        }
    }

    private static void offer(TopK top, IntPredicate accept, int row, float score) {
        if (score > top.threshold() && accept.test(row)) {
            top.offer(row, score);
        }
    }

    private void checkQuery(float[] q) {
        if (q.length != matrix.dimension()) {
            throw new IllegalArgumentException("query has " + q.length + " values, index has " + matrix.dimension());
        }
    }
}
