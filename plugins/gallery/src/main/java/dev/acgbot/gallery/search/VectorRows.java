package dev.acgbot.gallery.search;

/**
 * Rows a graph can be built and searched over: float32 ({@link VectorMatrix.View}), int8
 * ({@link Int8Matrix.View}) or 4-bit ({@link Int4Matrix.View}). Scores over quantised rows are approximate;
 * callers re-rank at full precision.
 */
public sealed interface VectorRows permits VectorMatrix.View, QuantisedRows {

    int size();

    int dimension();

    /** A copy of one row as floats (dequantised for int8). */
    float[] row(int row);

    /**
     * Scores rows against one query. The query is prepared once here (quantised for int8 rows), so a search
     * creates one scorer and calls it per visited row.
     */
    RowScorer scorer(float[] query);

    /**
     * Scores rows against row {@code row} of this matrix. The graph builder asks for one per inserted node and
     * per candidate it prunes (tens per insertion), so this must not round-trip the row through floats: for
     * int8 rows that dequantise-and-requantise made builds 3.5x slower than float (issue 15, docs/benchmarks.md).
     */
    RowScorer scorerForRow(int row);

    /** Inner products of one query with rows. */
    @FunctionalInterface
    interface RowScorer {
        float score(int row);
    }
}
