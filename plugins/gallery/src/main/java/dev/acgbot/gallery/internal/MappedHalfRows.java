package dev.acgbot.gallery.internal;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fp16 rows of a {@link HalfVectorFiles half-vector file}, memory-mapped read-only (page cache, not heap), for
 * re-ranking: 100 rows read here cost 0.063 ms against 7.9 ms from MapDB (docs/benchmarks.md, "Re-rank from a
 * memory-mapped fp16 file"). Rows that are past the file or were absent when it was written answer {@code null}, and
 * so does every row once this is closed: the caller then reads the store.
 *
 * <p>Closing unmaps at once when no search is reading, otherwise when the last reader leaves: a search may still hold
 * a snapshot of the rows this belonged to, and reading an unmapped page would crash the JVM, so every read holds a
 * reference ({@link #users}). Java 21 has no public unmap; {@code sun.misc.Unsafe.invokeCleaner} (jdk.unsupported, as
 * MapDB uses it) does it, and without it the mapping goes with the buffers' collection.
 */
final class MappedHalfRows implements AutoCloseable {
    /** Rows per mapped segment: a {@link MappedByteBuffer} holds at most 2 GiB; rows never straddle two segments. */
    private static final long SEGMENT_BYTES = 1L << 30;

    private final MappedByteBuffer[] segments;
    private final long[] present;
    private final int rows;
    private final int dimension;
    private final int rowsPerSegment;
    /** 1 for the owner until {@link #close}, plus one per read in progress; at 0 the segments are unmapped. */
    private final AtomicInteger users = new AtomicInteger(1);
    private final AtomicInteger closed = new AtomicInteger();
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
        if (row < 0 || row >= rows || (present[row >>> 6] & (1L << row)) == 0 || !acquire()) {
            return null;
        }
        try {
            MappedByteBuffer seg = segments[row / rowsPerSegment];
            int at = (row % rowsPerSegment) * 2 * dimension;
            float[] v = scratch.get();
            for (int i = 0; i < dimension; i++) {
                v[i] = Float.float16ToFloat(seg.getShort(at + 2 * i));
            }
            return v;
        } finally {
            release();
        }
    }

    private boolean acquire() {
        for (int u = users.get(); u > 0; u = users.get()) {
            if (users.compareAndSet(u, u + 1)) {
                return true;
            }
        }
        return false;
    }

    private void release() {
        if (users.decrementAndGet() == 0) {
            Unmapper.unmap(segments);
        }
    }

    /** Readers from now on get null; the mapping goes when the last read in progress ends. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(0, 1)) {
            release();
        }
    }

    /** Unmaps through {@code sun.misc.Unsafe.invokeCleaner} where the runtime has it; otherwise the GC does. */
    private static final class Unmapper {
        private static final Object UNSAFE;
        private static final Method INVOKE_CLEANER;

        static {
            Object unsafe = null;
            Method clean = null;
            try {
                Class<?> c = Class.forName("sun.misc.Unsafe");
                Field f = c.getDeclaredField("theUnsafe");
                f.setAccessible(true);
                unsafe = f.get(null);
                clean = c.getMethod("invokeCleaner", java.nio.ByteBuffer.class);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // no jdk.unsupported: the buffers are unmapped when collected
            }
            UNSAFE = unsafe;
            INVOKE_CLEANER = clean;
        }

        static void unmap(MappedByteBuffer[] segments) {
            if (INVOKE_CLEANER == null) {
                return;
            }
            for (MappedByteBuffer s : segments) {
                try {
                    INVOKE_CLEANER.invoke(UNSAFE, s);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return; // left to the GC
                }
            }
        }
    }
}
