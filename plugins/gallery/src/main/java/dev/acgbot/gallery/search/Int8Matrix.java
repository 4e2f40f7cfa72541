package dev.acgbot.gallery.search;

import java.util.Arrays;

/**
 * Append-only matrix of rows quantised to signed bytes with one float scale per row ({@code row ≈ scale * q},
 * {@code q} in -127..127), chunked like {@link VectorMatrix}. A 512-dimension row takes 516 bytes instead of
 * 2048: 1M rows are 0.49 GiB instead of 1.95 GiB. Scores over it are approximate (about 1 % of a unit
 * vector's norm, see {@link #quantise}), so searches re-rank a short candidate list at full precision.
 * One writer appends; readers use {@link #view() views}, which never see later rows.
 */
public final class Int8Matrix extends ChunkedRows implements QuantisedMatrix {
    /**
     * Rows per chunk: 4080 x 512 bytes = 1.99 MiB, just under a power of two. G1 puts an array of half a region or
     * more in whole regions of its own, so a chunk of exactly 2 MiB (plus the array header) took 4 MiB of heap:
     * 25 such arrays grew the heap by 100.3 MB for 50.0 MB of data under -Xmx6g (4 MiB regions), 25 of 4064 x 512
     * bytes by 50.1 MB (ad-hoc harness, round 5). Just under a power of two fits 1, 2 and 4 MiB regions alike.
     */
    public static final int CHUNK_ROWS = 4080;

    /** Integer dot products of two rows stay below 2^31 up to this dimension (MAX_DIMENSION * 127 * 127). */
    public static final int MAX_DIMENSION = 100_000;

    public Int8Matrix(int dimension) {
        super(dimension, dimension);
    }

    /** Quantises every row of {@code rows}. */
    public static Int8Matrix of(VectorMatrix.View rows) {
        Int8Matrix m = new Int8Matrix(rows.dimension());
        m.appendAll(rows);
        return m;
    }

    @Override
    public RowFormat format() {
        return RowFormat.INT8;
    }

    @Override
    float quantiseRow(float[] src, int off, byte[] dst, int dstOff) {
        return quantise(src, off, dimension, dst, dstOff);
    }

    /**
     * Symmetric per-vector quantisation: {@code q[i] = round(v[i] / s)} with {@code s = max|v| / 127}. The
     * rounding error is at most {@code s / 2} a value; for a 512-dimension unit vector (max|v| around 0.2)
     * that is under 1e-3 a value and about 0.01 on a dot product, which is why results are re-ranked.
     *
     * @return the scale {@code s} (0 for an all-zero row)
     */
    public static float quantise(float[] src, int off, int dim, byte[] dst, int dstOff) {
        float max = 0f;
        for (int i = 0; i < dim; i++) {
            max = Math.max(max, Math.abs(src[off + i]));
        }
        if (max == 0f) {
            Arrays.fill(dst, dstOff, dstOff + dim, (byte) 0);
            return 0f;
        }
        float inv = 127f / max;
        for (int i = 0; i < dim; i++) {
            dst[dstOff + i] = (byte) Math.round(src[off + i] * inv);
        }
        return max / 127f;
    }

    /** Quantises {@code query} into {@code out} widened to ints, as the int8 kernels take it; returns the scale. */
    public static float quantise(float[] query, int[] out) {
        byte[] b = new byte[query.length];
        float scale = quantise(query, 0, query.length, b, 0);
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i];
        }
        return scale;
    }

    /** Appends row {@code row} of {@code from} as it is quantised there (no second rounding). */
    public int appendQuantised(View from, int row) {
        if (from.dimension() != dimension) {
            throw new IllegalArgumentException("row has " + from.dimension() + " values, matrix has " + dimension);
        }
        return appendQuantised(from.chunkOf(row), from.offsetOf(row), from.scale(row));
    }

    @Override
    public int appendInt8(byte[] values, int off, float scale) {
        return appendQuantised(values, off, scale);
    }

    @Override
    public int appendCopy(QuantisedRows from, int row) {
        if (from instanceof View same) {
            return appendQuantised(same, row);
        }
        // 4-bit rows map to int8 values losslessly
        byte[] values = new byte[dimension];
        float scale = from.int8Row(row, values);
        return appendQuantised(values, 0, scale);
    }

    /** Appends an already quantised row: {@code dimension} values from {@code values[off]} and its scale. */
    public int appendQuantised(byte[] values, int off, float scale) {
        // straight copy: start-up appends every row of a vector file through here
        int chunk = growTo(size);
        int at = size % CHUNK_ROWS;
        System.arraycopy(values, off, chunks[chunk], at * dimension, dimension);
        scales[chunk][at] = scale;
        return size++;
    }

    /** An immutable view of the rows appended so far. */
    @Override
    public View view() {
        return new View(chunks, scales, size, dimension);
    }

    /** Rows {@code 0..size-1} at one moment. */
    public record View(byte[][] chunks, float[][] scales, int size, int dimension) implements QuantisedRows {

        @Override
        public RowFormat format() {
            return RowFormat.INT8;
        }

        @Override
        public float int8Row(int row, byte[] out) {
            System.arraycopy(chunkOf(row), offsetOf(row), out, 0, dimension);
            return scale(row);
        }

        @Override
        public VectorIndex exact(Rescorer rescorer, int firstRow, int depth, java.util.concurrent.ExecutorService pool, int threads) {
            return VectorIndexes.exactInt8From(this, firstRow, rescorer, depth, pool, threads);
        }

        /** Approximate scores: the query is quantised like the rows and the dot product taken on integers. */
        @Override
        public RowScorer scorer(float[] query) {
            if (query.length != dimension) {
                throw new IllegalArgumentException("query has " + query.length + " values, matrix has " + dimension);
            }
            int[] q = new int[dimension];
            float qScale = quantise(query, q);
            return row -> dev.acgbot.gallery.search.internal.Dot.dotInt8(chunkOf(row), offsetOf(row), q, dimension) * qScale * scale(row);
        }

        /**
         * The row's own quantised values, read in place, with its scale: the same scores as {@link #scorer} of the
         * row. Widening the row into a fresh int[dim] per call was 69 % of a graph build's allocation (JFR, issue 15).
         */
        @Override
        public RowScorer scorerForRow(int row) {
            if (row < 0 || row >= size) {
                throw new IndexOutOfBoundsException(row);
            }
            byte[] c = chunkOf(row);
            int off = offsetOf(row);
            float qScale = scale(row);
            return r -> dev.acgbot.gallery.search.internal.Dot.dotInt8Rows(c, off, chunkOf(r), offsetOf(r), dimension) * qScale * scale(r);
        }

        public byte[] chunkOf(int row) {
            return chunks[row / CHUNK_ROWS];
        }

        public int offsetOf(int row) {
            return (row % CHUNK_ROWS) * dimension;
        }

        /** The first {@code rows} rows only (a persisted graph covers a prefix of the rows). */
        @Override
        public View prefix(int rows) {
            if (rows < 0 || rows > size) {
                throw new IndexOutOfBoundsException(rows);
            }
            return new View(chunks, scales, rows, dimension);
        }

        public float scale(int row) {
            return scales[row / CHUNK_ROWS][row % CHUNK_ROWS];
        }

        /** The row as the matrix holds it, scaled back to floats. */
        @Override
        public float[] row(int row) {
            if (row < 0 || row >= size) {
                throw new IndexOutOfBoundsException(row);
            }
            byte[] c = chunkOf(row);
            int off = offsetOf(row);
            float s = scale(row);
            float[] out = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                out[i] = c[off + i] * s;
            }
            return out;
        }

        /** Bytes the rows and their scales occupy. */
        @Override
        public long bytes() {
            return (long) size * (dimension + Float.BYTES);
        }
    }
}
