package dev.acgbot.gallery.search;

import dev.acgbot.gallery.search.internal.ExactVectorIndex;
import dev.acgbot.gallery.search.internal.GraphVectorIndex;

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

    /** Builds a graph over every row of {@code matrix} on {@code threads} threads. */
    public static GraphIndex buildGraph(VectorMatrix.View matrix, GraphParams params, int threads) {
        return GraphVectorIndex.build(matrix, params, threads);
    }

    /** Reads a graph written by {@link GraphIndex#save} for the same rows. */
    public static GraphIndex loadGraph(VectorMatrix.View matrix, GraphParams params, Path file) throws IOException {
        return GraphVectorIndex.load(matrix, params, file);
    }
}
