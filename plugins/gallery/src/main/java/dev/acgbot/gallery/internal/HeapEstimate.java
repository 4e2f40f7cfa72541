package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.search.Int8Matrix;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The heap a gallery's in-memory rows take, estimated from the image count and the CLIP models' dimensions before the
 * vectors are read, so that an operator hears of a heap too small at open, with the fix, instead of through an
 * {@code OutOfMemoryError} later. The per-row bytes are the class histogram of a 1M gallery with one 512-d model
 * (jcmd GC.class_histogram under {@code ./acgbot bench startup --heap-only --hold-s}, docs/benchmarks.md "Heap of a
 * 1M gallery"): 1,161 MB in use after its first answer, this estimate 1,148 MB.
 *
 * @param images     live images (hash rows)
 * @param dimensions the CLIP models' dimensions, one int8 row per image each
 * @param bytes      the estimated heap of the rows, with {@link #MARGIN}
 */
record HeapEstimate(int images, List<Integer> dimensions, long bytes) {
    /**
     * Per image, whatever the models: its sha (a 64-char String, 104 B, shared by the vector rows), the four
     * perceptual hashes with their Hamming chains (4 x 24 B), 25 crop-window hashes (200 B), a column slot and a
     * {@link RowIndex} slot (16 B).
     */
    static final int HASH_ROW_BYTES = 104 + 4 * 24 + 200 + 16;
    /** Per image and model beside the int8 values: the scale, the sha's column slot and a {@link RowIndex} slot. */
    static final int VECTOR_ROW_BYTES = 4 + 4 + 12;
    /** G1's region size for heaps under 2 GB, where a too-small heap is: int8 chunks occupy whole regions. */
    static final long REGION = 1 << 20;
    /**
     * Headroom over the rows in use: an open's and a search's transient arrays. At 1M the smallest passing -Xmx (in
     * steps of 64 MB) was 1,216 MB for 1,160 MB in use after the first answer: 1.05 (1,152 MB ran out).
     */
    static final double MARGIN = 1.05;
    /** What the rest of a bot (router, adapters, a reindex's decoded images) is suggested on top of the gallery. */
    static final long REST_OF_BOT = 256L << 20;

    static HeapEstimate of(int images, List<Integer> dimensions) {
        double perImage = HASH_ROW_BYTES;
        for (int dim : dimensions) {
            perImage += int8RowBytes(dim) + VECTOR_ROW_BYTES;
        }
        return new HeapEstimate(images, List.copyOf(dimensions), (long) (images * perImage * MARGIN));
    }

    /**
     * Heap per int8 row of {@code dim} values: a chunk of {@link Int8Matrix#CHUNK_ROWS} rows is one array, and an
     * array of half a region or more is a humongous object that takes whole regions: a 2 MB chunk (512-d) plus its
     * header takes three 1 MB regions. Measured at 1M: 223 MB of the 1,161 MB in use were those tails (the same open
     * with -XX:G1HeapRegionSize=8m: 938 MB).
     */
    static double int8RowBytes(int dim) {
        long chunk = (long) Int8Matrix.CHUNK_ROWS * dim;
        long occupied = chunk + 16 < REGION / 2 ? chunk : (chunk + 16 + REGION - 1) / REGION * REGION;
        return (double) occupied / Int8Matrix.CHUNK_ROWS;
    }

    /** The heap to suggest: the rows plus the rest of the bot, rounded up to 128 MB. */
    long suggestedHeap() {
        long step = 128L << 20;
        return (bytes + REST_OF_BOT + step - 1) / step * step;
    }

    /** One operator line when the rows alone need more than {@code maxHeap} (Runtime.maxMemory()); else none. */
    Optional<String> warning(long maxHeap) {
        if (bytes <= maxHeap) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the gallery's %,d images (CLIP rows of %s dimensions) need about"
                        + " %,d MB of heap, more than the JVM's maximum of %,d MB: opening it, searching and reindexing are likely to run out of"
                        + " memory. Give the bot ACGBOT_HEAP=%dm (or -Xmx%dm in ACGBOT_JAVA_OPTS), or a larger"
                        + " models.memory_budget (the heap is a quarter of it).",
                images, dimensions, bytes >> 20, maxHeap >> 20, suggestedHeap() >> 20, suggestedHeap() >> 20));
    }
}
