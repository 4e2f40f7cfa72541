package dev.acgbot.gallery.search;

/** How a {@link QuantisedMatrix} holds each value in memory. */
public enum RowFormat {
    /** {@link Int8Matrix}: a signed byte a value, 516 B per 512-d row. */
    INT8,
    /** {@link Int4Matrix}: 4 bits a value, 260 B per 512-d row. */
    INT4;

    /** Bytes one row of {@code dimension} values takes, its scale included. */
    public int rowBytes(int dimension) {
        return (this == INT8 ? dimension : Int4Matrix.rowBytes(dimension)) + Float.BYTES;
    }
}
