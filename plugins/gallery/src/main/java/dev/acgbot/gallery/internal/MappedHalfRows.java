package dev.acgbot.gallery.internal;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The fp16 rows of a {@link HalfVectorFiles half-vector file}, memory-mapped read-only (page cache, not heap), for
 * re-ranking: 100 rows read here cost 0.063 ms against 7.9 ms from MapDB (docs/benchmarks.md, "Re-rank from a
 * memory-mapped fp16 file"). Rows that are past the file or were absent when it was written answer {@code null}, and
 * so does every row once this is closed: the caller then reads the store.
 *
 * <p>Closing stops the reads; the pages are unmapped when the buffers are collected. Java 21 has no public unmap, and
 * forcing one was tried: {@code sun.misc.Unsafe.invokeCleaner} works but prints a four-line removal warning on Java 25
 * (and a search still holding an older snapshot would crash the JVM reading an unmapped page unless every read counted
 * itself in and out). Replacing the file meanwhile is safe: it is renamed over, so the old mapping keeps the old inode,
 * whose disk space Linux frees at the unmap.
 */
final class MappedHalfRows implements AutoCloseable {
    /** Bytes per mapped segment, at most: a {@link MappedByteBuffer} holds under 2 GiB; rows never straddle two segments. */
    private static final long SEGMENT_BYTES = 1L << 30;

    private final MappedByteBuffer[] segments;
    private final long[] present;
    private final int rows;
    private final int dimension;
    private final int rowsPerSegment;
    private volatile boolean closed;
    private final ThreadLocal<float[]> scratch;

    private MappedHalfRows(MappedByteBuffer[] segments, long[] present, int rows, int dimension, int rowsPerSegment) {
        this.segments = segments;
        this.present = present;
        this.rows = rows;
        this.dimension = dimension;
        this.rowsPerSegment = rowsPerSegment;
        this.scratch = ThreadLocal.withInitial(() -> new float[dimension]);
    }

    /** Maps {@code rows} rows of {@code dimension} fp16 values starting at byte {@code dataOffset} of {@code file}. */
    static MappedHalfRows map(Path file, long dataOffset, int rows, int dimension, long[] present) throws IOException {
        int rowBytes = 2 * dimension;
        int perSegment = (int) Math.max(1, SEGMENT_BYTES / rowBytes);
        int count = rows == 0 ? 0 : (rows - 1) / perSegment + 1;
        MappedByteBuffer[] segments = new MappedByteBuffer[count];
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int s = 0; s < count; s++) {
                long first = (long) s * perSegment;
                long size = Math.min(perSegment, rows - first) * rowBytes;
                segments[s] = ch.map(FileChannel.MapMode.READ_ONLY, dataOffset + first * rowBytes, size);
                segments[s].order(ByteOrder.LITTLE_ENDIAN);
            }
        }
        return new MappedHalfRows(segments, present, rows, dimension, perSegment);
    }

    int rows() {
        return rows;
    }

    /**
     * Row {@code row} as floats, or null when this file cannot serve it (past its end, absent when written, closed).
     * The array is this thread's scratch: valid until its next call on the same thread.
     */
    float[] vector(int row) {
        if (closed || row < 0 || row >= rows || (present[row >>> 6] & (1L << row)) == 0) {
            return null;
        }
        MappedByteBuffer seg = segments[row / rowsPerSegment];
        int at = (row % rowsPerSegment) * 2 * dimension;
        float[] v = scratch.get();
        for (int i = 0; i < dimension; i++) {
            v[i] = Float.float16ToFloat(seg.getShort(at + 2 * i));
        }
        return v;
    }

    /** Readers from now on get null (and read the store); the mapping goes with this object's collection. */
    @Override
    public void close() {
        closed = true;
    }
}
