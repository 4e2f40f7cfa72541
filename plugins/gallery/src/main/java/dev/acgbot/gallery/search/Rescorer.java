package dev.acgbot.gallery.search;

/**
 * Full-precision scores for the few candidates an {@link Int8Matrix} scan keeps: backed by the float vectors
 * wherever they live (the gallery store's fp16 rows, a float matrix in tests and benches).
 */
@FunctionalInterface
public interface Rescorer {

    /** The inner product of {@code query} with row {@code row} at full precision. */
    float score(float[] query, int row);

    /** Rescores from float rows held in memory. */
    static Rescorer of(VectorMatrix.View rows) {
        return (query, row) -> dev.acgbot.gallery.search.internal.Dot.dot(rows.chunkOf(row), rows.offsetOf(row), query, 0, rows.dimension());
    }
}
