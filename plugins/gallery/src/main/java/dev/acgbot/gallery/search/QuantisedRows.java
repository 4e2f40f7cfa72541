package dev.acgbot.gallery.search;

import java.util.concurrent.ExecutorService;

/** An immutable view of a {@link QuantisedMatrix}'s rows at one moment. */
public sealed interface QuantisedRows extends VectorRows permits Int8Matrix.View, Int4Matrix.View {

    RowFormat format();

    /** The first {@code rows} rows only (a persisted graph covers a prefix of the rows). */
    QuantisedRows prefix(int rows);

    /** Bytes the rows and their scales occupy. */
    long bytes();

    /**
     * Row {@code row} as int8 values into {@code out} ({@code dimension} bytes); returns their scale. Lossless:
     * a 4-bit value {@code v} becomes {@code 18 v} with a scale 18 times smaller (7 x 18 = 126).
     */
    float int8Row(int row, byte[] out);

    /**
     * Exact scan of rows {@code firstRow..} whose best {@code depth} candidates are re-ranked by {@code rescorer}
     * ({@link VectorIndexes#exactInt8} or {@link VectorIndexes#exactInt4}).
     */
    VectorIndex exact(Rescorer rescorer, int firstRow, int depth, ExecutorService pool, int threads);
}
