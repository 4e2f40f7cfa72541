package dev.acgbot.gallery.search.internal;

/** One implementation of the inner-product kernels; {@link Dot} picks one when it is first used. */
interface DotKernel {

    /** {@code a[aOff..aOff+dim) . b[bOff..bOff+dim)}. */
    float dot(float[] a, int aOff, float[] b, int bOff, int dim);

    /**
     * Scores four consecutive rows starting at {@code r0} against one query.
     *
     * @param out 4 results, one per row
     */
    void dot4x1(float[] m, int r0, float[] q, int dim, float[] out);

    /**
     * Scores two consecutive rows starting at {@code r0} against four queries.
     *
     * @param out 8 results: out[q * 2 + r]
     */
    void dot2x4(float[] m, int r0, float[] q0, float[] q1, float[] q2, float[] q3, int dim, float[] out);

    /**
     * {@code m[off..off+dim) . q[0..dim)} over quantised values ({@code m} signed bytes, {@code q} a quantised
     * query widened to ints). Integer sums: every kernel returns exactly the same value.
     */
    int dotInt8(byte[] m, int off, int[] q, int dim);

    /** {@link #dot4x1} over quantised rows: four consecutive rows from {@code r0} against one query. */
    void dot4x1Int8(byte[] m, int r0, int[] q, int dim, int[] out);

    /** {@link #dot2x4} over quantised rows: out[q * 2 + r]. */
    void dot2x4Int8(byte[] m, int r0, int[] q0, int[] q1, int[] q2, int[] q3, int dim, int[] out);

    /**
     * {@code a[aOff..aOff+dim) . b[bOff..bOff+dim)} over two int8 rows read in place (the graph builder scores
     * rows against rows; copying one into ints per call was 69 % of the build's allocation, issue 15).
     */
    int dotInt8Rows(byte[] a, int aOff, byte[] b, int bOff, int dim);

    /**
     * One 4-bit row ({@code half} packed bytes at {@code off}, see {@code Int4Matrix}) against a query quantised
     * to ints and split in halves: {@code qLow} pairs with the low nibbles, {@code qHigh} with the high ones.
     * Integer sums: every kernel returns exactly the same value.
     */
    int dotInt4(byte[] m, int off, int[] qLow, int[] qHigh, int half);

    /** {@link #dotInt4} for four consecutive rows from {@code r0} ({@code half} bytes apart): out[r]. */
    void dot4x1Int4(byte[] m, int r0, int[] qLow, int[] qHigh, int half, int[] out);

    /** Two 4-bit rows read in place against each other. */
    int dotInt4Rows(byte[] a, int aOff, byte[] b, int bOff, int half);

    /** For the one log line that says which kernels run. */
    String description();
}
