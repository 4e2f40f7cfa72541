package dev.acgbot.gallery.search;

import dev.acgbot.gallery.search.internal.ExactVectorIndex;
import dev.acgbot.gallery.search.internal.GraphVectorIndex;
import dev.acgbot.gallery.search.internal.Int4ExactIndex;
import dev.acgbot.gallery.search.internal.Int8ExactIndex;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

/** Builds the two kinds of {@link VectorIndex}. */
public final class VectorIndexes {
    private VectorIndexes() {
    }

    /** Exact scan with {@code threads} row ranges per query; {@code pool} runs all but the caller's range. */
    public static VectorIndex exact(VectorMatrix.View matrix, ExecutorService pool, int threads) {
        return new ExactVectorIndex(matrix, pool, threads);
    }

    /** Exact scan of rows {@code firstRow..} only: the rows a graph over the first rows does not cover yet. */
    public static VectorIndex exactFrom(VectorMatrix.View matrix, int firstRow, ExecutorService pool, int threads) {
        return new ExactVectorIndex(matrix, firstRow, pool, threads);
    }

    /**
     * Candidates an int8 scan rescores at full precision when no setting says otherwise. 100 held recall@10
     * against the float32 scan at 1.000 for image and text queries at 100k x 512 (IndexBench, docs/benchmarks.md)
     * while rescoring costs 100 fp16 row reads, a few microseconds next to the scan.
     */
    public static final int DEFAULT_RERANK_DEPTH = 100;

    /**
     * Exact scan over int8 rows that rescores the best {@code depth} candidates with {@code rescorer} (full
     * precision): a quarter of the float matrix's memory, the same top-k as the float scan when the true
     * neighbours rank within {@code depth}.
     */
    public static VectorIndex exactInt8(Int8Matrix.View matrix, Rescorer rescorer, int depth, ExecutorService pool, int threads) {
        return new Int8ExactIndex(matrix, rescorer, depth, pool, threads);
    }

    /** {@link #exactInt8} over rows {@code firstRow..} only: the rows a graph does not cover yet. */
    public static VectorIndex exactInt8From(Int8Matrix.View matrix, int firstRow, Rescorer rescorer, int depth,
                                            ExecutorService pool, int threads) {
        return new Int8ExactIndex(matrix, firstRow, rescorer, depth, pool, threads);
    }

    /**
     * Candidates a 4-bit scan rescores at full precision when no setting says otherwise. Measured recall@10
     * against the float32 scan at 100k x 512 (IndexBench, docs/benchmarks.md "4-bit rows and re-rank"): image
     * queries 1.000 from depth 10, text queries 0.96 at 20, 0.99 at 30, 1.000 at 50 and 100; 100 keeps a
     * margin for data less even than the simulation at a cost of 100 row reads.
     */
    public static final int DEFAULT_INT4_RERANK_DEPTH = 100;

    /**
     * Exact scan over 4-bit rows that rescores the best {@code depth} candidates with {@code rescorer}: an
     * eighth of the float matrix's memory, the same top-k as the float scan when the true neighbours rank
     * within {@code depth}.
     */
    public static VectorIndex exactInt4(Int4Matrix.View matrix, Rescorer rescorer, int depth, ExecutorService pool, int threads) {
        return new Int4ExactIndex(matrix, 0, rescorer, depth, pool, threads);
    }

    /** {@link #exactInt4} over rows {@code firstRow..} only: the rows a graph does not cover yet. */
    public static VectorIndex exactInt4From(Int4Matrix.View matrix, int firstRow, Rescorer rescorer, int depth,
                                            ExecutorService pool, int threads) {
        return new Int4ExactIndex(matrix, firstRow, rescorer, depth, pool, threads);
    }

    /** Builds a graph over every row of {@code matrix} on {@code threads} threads. */
    public static GraphIndex buildGraph(VectorRows matrix, GraphParams params, int threads) {
        return GraphVectorIndex.build(matrix, params, threads);
    }

    /** Reads a graph written by {@link GraphIndex#save} for the same rows. */
    public static GraphIndex loadGraph(VectorRows matrix, GraphParams params, Path file) throws IOException {
        return GraphVectorIndex.load(matrix, params, file);
    }
}
