package dev.acgbot.gallery.search;

import dev.acgbot.gallery.search.internal.Dot;

import java.util.function.IntFunction;

/**
 * Full-precision scores for the few candidates an {@link Int8Matrix} search keeps: backed by the float vectors
 * wherever they live (the gallery store's fp16 rows, a float matrix in tests and benches).
 */
@FunctionalInterface
public interface Rescorer {

    /** The inner product of {@code query} with row {@code row} at full precision. */
    float score(float[] query, int row);

    /** Rescores from float rows held in memory. */
    static Rescorer of(VectorMatrix.View rows) {
        return (query, row) -> Dot.dot(rows.chunkOf(row), rows.offsetOf(row), query, 0, rows.dimension());
    }

    /**
     * Rescores from {@code fullRow} (a store read); where it has no vector for a row (removed since the
     * snapshot was taken) the approximate score of {@code fallback} stands.
     */
    static Rescorer of(IntFunction<float[]> fullRow, VectorRows fallback) {
        return (query, row) -> {
            float[] v = fullRow.apply(row);
            return v != null && v.length == query.length ? Dot.dot(v, 0, query, 0, query.length) : fallback.scorer(query).score(row);
        };
    }
}
