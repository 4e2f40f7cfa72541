package dev.acgbot.gallery.search;

import dev.acgbot.gallery.search.internal.Dot;

import java.util.Arrays;

/**
 * Append-only matrix of rows quantised to 4-bit signed values (-7..7) with one float scale per row
 * ({@code row ≈ scale * q}), two values per byte, chunked like {@link Int8Matrix}. A 512-dimension row takes
 * 260 bytes (256 + the scale) instead of 516 as int8 and 2048 as float32: 1M rows are 0.26 GB, which with the
 * graph's 130 B per node keeps vectors + graph at 1M under 0.6 GB (issue 15). Scores over it are coarse
 * (see {@link #quantise}), so every search re-ranks a candidate list at full precision.
 * One writer appends; readers use {@link #view() views}, which never see later rows.
 *
 * <p>Layout: byte {@code j} of a row holds value {@code j} in its low nibble and value {@code j + half} in its
 * high nibble ({@code half = ceil(dim / 2)}; the last high nibble of an odd dimension is 0). Splitting the row
 * in halves instead of packing neighbours keeps the kernels' loops straight: one byte load, two shifts, two
 * multiply-adds against the two halves of the query, no shuffles.
 */
public final class Int4Matrix extends ChunkedRows implements QuantisedMatrix {
    /** Rows per chunk: 4080 x 256 bytes, just under 1 MiB at 512 dimensions (see {@link Int8Matrix#CHUNK_ROWS}). */
    public static final int CHUNK_ROWS = Int8Matrix.CHUNK_ROWS;

    /** Largest value magnitude a row holds. */
    public static final int LEVELS = 7;

    /**
     * Values beyond {@code CLIP_RMS} times the row's root mean square are clipped: measured on the bench's
     * clustered 512-d vectors (100k rows, 1,000 image + 1,000 text queries, float re-rank, docs/benchmarks.md
     * "4-bit rows and re-rank"), clipping at 2.5 rms gave the smallest error (mean |v - q| 0.113 of a unit
     * vector, against 0.133 for a scale from max|v| and 0.117 for a per-row min..max offset over 0..15) and the
     * best text recall at re-rank depth 50 (1.0000 against 0.9988 / 0.9997). It also keeps a few large
     * dimensions (real CLIP embeddings have some) from spending every level on themselves.
     */
    public static final float CLIP_RMS = 2.5f;

    public Int4Matrix(int dimension) {
        super(dimension, rowBytes(dimension));
    }

    /** Bytes one row's values take: two per byte. */
    public static int rowBytes(int dimension) {
        return (dimension + 1) / 2;
    }

    /** Quantises every row of {@code rows}. */
    public static Int4Matrix of(VectorMatrix.View rows) {
        Int4Matrix m = new Int4Matrix(rows.dimension());
        m.appendAll(rows);
        return m;
    }

    @Override
    public RowFormat format() {
        return RowFormat.INT4;
    }

    @Override
    float quantiseRow(float[] src, int off, byte[] dst, int dstOff) {
        return quantise(src, off, dimension, dst, dstOff);
    }

    /** int8 values a 4-bit value maps to losslessly: {@code 18 v}, at most 126. */
    static final int INT8_STEP = 18;

    /** The nibble of each int8 value {@code 18 v} ({@code v} in -7..7), by the value's unsigned byte; -1 for others. */
    private static final byte[] NIBBLE_OF_INT8 = new byte[256];

    static {
        java.util.Arrays.fill(NIBBLE_OF_INT8, (byte) -1);
        for (int v = -LEVELS; v <= LEVELS; v++) {
            NIBBLE_OF_INT8[(v * INT8_STEP) & 0xFF] = (byte) (v & 0xF);
        }
    }

    @Override
    public int appendInt8(byte[] values, int off, float scale) {
        int chunk = growTo(size);
        int at = size % CHUNK_ROWS;
        byte[] dst = chunks[chunk];
        int dstOff = at * rowBytes;
        // written from 4-bit values (int8Row): the same nibbles and scale come back, so a save and a load of the
        // start-up vector file never round the rows a second time (one table look-up a value, no float copy)
        boolean nibbles = true;
        for (int j = 0; j < rowBytes && nibbles; j++) {
            int lo = NIBBLE_OF_INT8[values[off + j] & 0xFF];
            int hi = j + rowBytes < dimension ? NIBBLE_OF_INT8[values[off + j + rowBytes] & 0xFF] : 0;
            nibbles = (lo | hi) >= 0;
            dst[dstOff + j] = (byte) (lo | (hi << 4));
        }
        if (!nibbles) {
            // int8 rows from elsewhere: quantised again from their values (an error of at most half an int8 step on top)
            float[] row = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                row[d] = values[off + d] * scale;
            }
            scales[chunk][at] = quantise(row, 0, dimension, dst, dstOff);
            return size++;
        }
        scales[chunk][at] = scale * INT8_STEP;
        return size++;
    }

    @Override
    public int appendCopy(QuantisedRows from, int row) {
        return switch (from) {
            case View same -> appendQuantised(same.chunkOf(row), same.offsetOf(row), same.scale(row));
            // int8 rows that came from 4-bit ones (the start-up vector file) become the same nibbles again
            case Int8Matrix.View int8 -> appendInt8(int8.chunkOf(row), int8.offsetOf(row), int8.scale(row));
        };
    }

    /** Appends an already packed row: {@link #rowBytes} bytes from {@code packed[off]} and its scale. */
    public int appendQuantised(byte[] packed, int off, float scale) {
        int chunk = growTo(size);
        int at = size % CHUNK_ROWS;
        System.arraycopy(packed, off, chunks[chunk], at * rowBytes, rowBytes);
        scales[chunk][at] = scale;
        return size++;
    }

    /**
     * Symmetric per-row quantisation with clipping: {@code q[i] = clamp(round(v[i] / s), -7, 7)} with
     * {@code s = min(max|v|, 2.5 rms(v)) / 7}. The rounding error is at most {@code s / 2} a value (clipped
     * values lose more); for a 512-dimension unit vector ({@code rms = 0.044}) that is up to 0.008 a value,
     * and measured 0.113 on the whole vector (L2, mean over 100k bench rows) — a dot product off by a few
     * hundredths, which is why every search over these rows re-ranks (recall@10 1.000 for image and text
     * queries at depth 100 against the float32 scan, docs/benchmarks.md).
     *
     * @return the scale {@code s} (0 for an all-zero row)
     */
    public static float quantise(float[] src, int off, int dim, byte[] dst, int dstOff) {
        float max = 0f;
        double squares = 0;
        for (int i = 0; i < dim; i++) {
            float v = src[off + i];
            max = Math.max(max, Math.abs(v));
            squares += (double) v * v;
        }
        float limit = Math.min(max, CLIP_RMS * (float) Math.sqrt(squares / dim));
        int half = rowBytes(dim);
        if (limit == 0f) {
            Arrays.fill(dst, dstOff, dstOff + half, (byte) 0);
            return 0f;
        }
        float inv = LEVELS / limit;
        for (int j = 0; j < half; j++) {
            int lo = level(src[off + j] * inv);
            int hi = j + half < dim ? level(src[off + j + half] * inv) : 0;
            dst[dstOff + j] = (byte) ((lo & 0xF) | (hi << 4));
        }
        return limit / LEVELS;
    }

    private static int level(float x) {
        return Math.max(-LEVELS, Math.min(LEVELS, Math.round(x)));
    }

    /** The signed value in the low nibble of {@code b}. */
    public static int low(byte b) {
        return (b << 28) >> 28;
    }

    /** The signed value in the high nibble of {@code b}. */
    public static int high(byte b) {
        return b >> 4;
    }

    /** An immutable view of the rows appended so far. */
    @Override
    public View view() {
        return new View(chunks, scales, size, dimension);
    }

    /**
     * A query prepared for 4-bit rows: quantised to int8 like {@link Int8Matrix#quantise} (its error is a
     * sixteenth of the rows'), split into the halves the rows' low and high nibbles pair with.
     */
    public record Query(int[] low, int[] high, float scale) {
        public static Query of(float[] query) {
            int dim = query.length;
            int half = rowBytes(dim);
            int[] q = new int[dim];
            float scale = Int8Matrix.quantise(query, q);
            int[] low = Arrays.copyOf(q, half);
            int[] high = new int[half];
            System.arraycopy(q, half, high, 0, dim - half);
            return new Query(low, high, scale);
        }
    }

    /** Rows {@code 0..size-1} at one moment. */
    public record View(byte[][] chunks, float[][] scales, int size, int dimension) implements QuantisedRows {

        @Override
        public RowFormat format() {
            return RowFormat.INT4;
        }

        @Override
        public float int8Row(int row, byte[] out) {
            byte[] c = chunkOf(row);
            int off = offsetOf(row);
            int half = rowBytes();
            for (int j = 0; j < half; j++) {
                out[j] = (byte) (low(c[off + j]) * INT8_STEP);
                if (j + half < dimension) {
                    out[j + half] = (byte) (high(c[off + j]) * INT8_STEP);
                }
            }
            return scale(row) / INT8_STEP;
        }

        @Override
        public VectorIndex exact(Rescorer rescorer, int firstRow, int depth, java.util.concurrent.ExecutorService pool, int threads) {
            return VectorIndexes.exactInt4From(this, firstRow, rescorer, depth, pool, threads);
        }

        /** Approximate scores: the query quantised to int8, integer dot products with the 4-bit rows. */
        @Override
        public RowScorer scorer(float[] query) {
            if (query.length != dimension) {
                throw new IllegalArgumentException("query has " + query.length + " values, matrix has " + dimension);
            }
            Query q = Query.of(query);
            int half = rowBytes();
            return row -> Dot.dotInt4(chunkOf(row), offsetOf(row), q.low(), q.high(), half) * q.scale() * scale(row);
        }

        /**
         * Scores against row {@code row} read in place (both sides 4-bit): no copy per call, the graph builder
         * asks for one per inserted node and per candidate it prunes.
         */
        @Override
        public RowScorer scorerForRow(int row) {
            if (row < 0 || row >= size) {
                throw new IndexOutOfBoundsException(row);
            }
            byte[] c = chunkOf(row);
            int off = offsetOf(row);
            float s = scale(row);
            int half = rowBytes();
            return r -> Dot.dotInt4Rows(c, off, chunkOf(r), offsetOf(r), half) * s * scale(r);
        }

        public int rowBytes() {
            return Int4Matrix.rowBytes(dimension);
        }

        public byte[] chunkOf(int row) {
            return chunks[row / CHUNK_ROWS];
        }

        public int offsetOf(int row) {
            return (row % CHUNK_ROWS) * rowBytes();
        }

        public float scale(int row) {
            return scales[row / CHUNK_ROWS][row % CHUNK_ROWS];
        }

        /** The first {@code rows} rows only (a persisted graph covers a prefix of the rows). */
        @Override
        public View prefix(int rows) {
            if (rows < 0 || rows > size) {
                throw new IndexOutOfBoundsException(rows);
            }
            return new View(chunks, scales, rows, dimension);
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
            int half = rowBytes();
            float[] out = new float[dimension];
            for (int j = 0; j < half; j++) {
                out[j] = low(c[off + j]) * s;
                if (j + half < dimension) {
                    out[j + half] = high(c[off + j]) * s;
                }
            }
            return out;
        }

        /** Bytes the rows and their scales occupy. */
        @Override
        public long bytes() {
            return (long) size * (rowBytes() + Float.BYTES);
        }
    }
}
