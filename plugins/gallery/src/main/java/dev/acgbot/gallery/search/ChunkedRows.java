package dev.acgbot.gallery.search;

import java.util.Arrays;

/**
 * What the two quantised matrices store alike: rows of {@code rowBytes} bytes in chunks of
 * {@link Int8Matrix#CHUNK_ROWS} (sized for G1's regions, see there) with one float scale per row, grown by
 * copying only the chunk tables, so a view taken earlier never sees later rows. One writer appends.
 */
abstract sealed class ChunkedRows permits Int8Matrix, Int4Matrix {
    final int dimension;
    final int rowBytes;
    byte[][] chunks = new byte[0][];
    float[][] scales = new float[0][];
    int size;

    ChunkedRows(int dimension, int rowBytes) {
        if (dimension < 1 || dimension > Int8Matrix.MAX_DIMENSION) {
            throw new IllegalArgumentException("dimension must be 1.." + Int8Matrix.MAX_DIMENSION);
        }
        this.dimension = dimension;
        this.rowBytes = rowBytes;
    }

    /** Quantises {@code dimension} values from {@code src[off]} into {@code dst[dstOff]}; returns the row's scale. */
    abstract float quantiseRow(float[] src, int off, byte[] dst, int dstOff);

    public int dimension() {
        return dimension;
    }

    public int size() {
        return size;
    }

    /** Quantises and appends one row; returns its ordinal. Not thread-safe: one writer only. */
    public int append(float[] row) {
        if (row.length != dimension) {
            throw new IllegalArgumentException("row has " + row.length + " values, matrix has " + dimension);
        }
        return append(row, 0);
    }

    final int append(float[] src, int off) {
        int chunk = growTo(size);
        int at = size % Int8Matrix.CHUNK_ROWS;
        scales[chunk][at] = quantiseRow(src, off, chunks[chunk], at * rowBytes);
        return size++;
    }

    /** Appends every row of {@code rows}, quantised. */
    final void appendAll(VectorMatrix.View rows) {
        for (int r = 0; r < rows.size(); r++) {
            append(rows.chunkOf(r), rows.offsetOf(r));
        }
    }

    /** Makes room for row {@code row}; returns its chunk. */
    final int growTo(int row) {
        int chunk = row / Int8Matrix.CHUNK_ROWS;
        if (chunk == chunks.length) {
            // copy-on-write of the chunk tables only: old views keep their own
            byte[][] grown = Arrays.copyOf(chunks, chunk + 1);
            grown[chunk] = new byte[Int8Matrix.CHUNK_ROWS * rowBytes];
            float[][] grownScales = Arrays.copyOf(scales, chunk + 1);
            grownScales[chunk] = new float[Int8Matrix.CHUNK_ROWS];
            chunks = grown;
            scales = grownScales;
        }
        return chunk;
    }
}
