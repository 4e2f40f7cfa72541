package dev.acgbot.gallery.search;

/**
 * Rows held compressed in memory, int8 or 4-bit, whichever the gallery chose: one writer appends, searches read
 * {@link #view() views}. Scores over them are approximate; searches re-rank at full precision.
 */
public sealed interface QuantisedMatrix permits Int8Matrix, Int4Matrix {

    static QuantisedMatrix create(RowFormat format, int dimension) {
        return switch (format) {
            case INT8 -> new Int8Matrix(dimension);
            case INT4 -> new Int4Matrix(dimension);
        };
    }

    RowFormat format();

    int dimension();

    int size();

    /** Quantises and appends one row; returns its ordinal. */
    int append(float[] row);

    /**
     * Appends a row given as int8 values and their scale (the start-up vector file's layout): stored as it is in
     * an int8 matrix; in a 4-bit one exactly when it was written from 4-bit values (see {@link QuantisedRows#int8Row}),
     * otherwise quantised again from its values.
     */
    int appendInt8(byte[] values, int off, float scale);

    /** Appends row {@code row} of {@code from}: copied as it is when both hold the same format, quantised again otherwise. */
    int appendCopy(QuantisedRows from, int row);

    QuantisedRows view();
}
