package dev.acgbot.gallery.search;

import java.util.Arrays;

/**
 * Append-only float32 row matrix stored in fixed-size contiguous chunks (so it can grow past one Java array
 * and be appended to without copying). One writer appends; readers work on {@link #view() views}, which
 * never see rows appended after they were taken: this is what lets searches continue on an old snapshot
 * while a reindex appends.
 */
public final class VectorMatrix {
    /** Rows per chunk: 4096 x 512 floats = 8 MiB, large enough that per-chunk overhead vanishes. */
    public static final int CHUNK_ROWS = 4096;

    private final int dimension;
    private float[][] chunks = new float[0][];
    private int size;

    public VectorMatrix(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive");
        }
        this.dimension = dimension;
    }

    public int dimension() {
        return dimension;
    }

    public int size() {
        return size;
    }

    /** Appends one row and returns its ordinal. Not thread-safe: one writer only. */
    public int append(float[] row) {
        if (row.length != dimension) {
            throw new IllegalArgumentException("row has " + row.length + " values, matrix has " + dimension);
        }
        int chunk = size / CHUNK_ROWS;
        if (chunk == chunks.length) {
            // copy-on-write of the chunk table only: old views keep their own table
            float[][] grown = Arrays.copyOf(chunks, chunk + 1);
            grown[chunk] = new float[CHUNK_ROWS * dimension];
            chunks = grown;
        }
        System.arraycopy(row, 0, chunks[chunk], (size % CHUNK_ROWS) * dimension, dimension);
        return size++;
    }

    /** An immutable view of the rows appended so far. */
    public View view() {
        return new View(chunks, size, dimension);
    }

    /** Rows {@code 0..size-1} of a matrix at one moment. */
    public record View(float[][] chunks, int size, int dimension) implements VectorRows {

        @Override
        public RowScorer scorer(float[] query) {
            return row -> dev.acgbot.gallery.search.internal.Dot.dot(chunkOf(row), offsetOf(row), query, 0, dimension);
        }

        /** Reads the row in place: no copy. */
        @Override
        public RowScorer scorerForRow(int row) {
            if (row < 0 || row >= size) {
                throw new IndexOutOfBoundsException(row);
            }
            float[] q = chunkOf(row);
            int qOff = offsetOf(row);
            return r -> dev.acgbot.gallery.search.internal.Dot.dot(chunkOf(r), offsetOf(r), q, qOff, dimension);
        }

        public int chunkCount() {
            return (size + CHUNK_ROWS - 1) / CHUNK_ROWS;
        }

        /** Rows used in chunk {@code c}. */
        public int rowsInChunk(int c) {
            return Math.min(CHUNK_ROWS, size - c * CHUNK_ROWS);
        }

        public float[] chunkOf(int row) {
            return chunks[row / CHUNK_ROWS];
        }

        public int offsetOf(int row) {
            return (row % CHUNK_ROWS) * dimension;
        }

        @Override
        public float[] row(int row) {
            if (row < 0 || row >= size) {
                throw new IndexOutOfBoundsException(row);
            }
            return Arrays.copyOfRange(chunkOf(row), offsetOf(row), offsetOf(row) + dimension);
        }

        /** Bytes the rows occupy. */
        public long bytes() {
            return (long) size * dimension * Float.BYTES;
        }
    }
}
