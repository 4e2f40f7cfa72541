package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.search.Int8Matrix;
import dev.acgbot.gallery.search.RowFormat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The heap a gallery's in-memory rows take, estimated from the image count and the CLIP models' row formats before
 * the vectors are read, so that an operator hears of a heap too small at open, with the fix, instead of through an
 * {@code OutOfMemoryError} later. The per-row bytes are the class histogram of a 1M gallery (jcmd GC.class_histogram
 * under {@code ./acgbot bench startup --heap-only --hold-s}, docs/benchmarks.md "Heap of a 1M gallery").
 *
 * @param images  live images (hash rows)
 * @param models  each CLIP model's rows: one row per image each
 * @param region  the G1 region size the estimate assumes (from the maximum heap, as G1 picks it)
 * @param bytes   the estimated heap of the rows, with {@link #MARGIN}
 */
record HeapEstimate(int images, List<Model> models, long region, long bytes) {
    /**
     * One model's rows: its dimension, the format the gallery holds them in at this size, and the base-level degree
     * of its graph (2M neighbours a node; 0 when the gallery searches it exactly).
     */
    record Model(int dimension, RowFormat format, int graphDegree) {
        Model(int dimension, RowFormat format) {
            this(dimension, format, 0);
        }

        @Override
        public String toString() {
            return dimension + "-d " + format.name().toLowerCase(Locale.ROOT) + (graphDegree > 0 ? " + graph" : "");
        }
    }

    /**
     * Per image, whatever the models: its sha (a 64-char String, 104 B, shared by the vector rows), the four
     * perceptual hashes with their Hamming chains (4 x 24 B), 25 crop-window hashes (200 B), the colour grid
     * ({@link ColourRows}, 27 B), a column slot and a {@link RowIndex} slot (16 B).
     */
    static final int HASH_ROW_BYTES = 104 + 4 * 24 + 200 + ColourRows.ROW_BYTES + 16;
    /** Per image and model beside the values: the scale, the sha's column slot and a {@link RowIndex} slot. */
    static final int VECTOR_ROW_BYTES = 4 + 4 + 12;
    /**
     * Headroom over the rows: an open's and a search's transient arrays. At 1M (512-d, 4-bit) the heap in use after
     * the first answer was 673 MB (this estimate without margin: 660 MB); -Xmx768m passed and 704m ran out, so the
     * warning must come at 704m: 1.10 puts it at 726 MB.
     */
    static final double MARGIN = 1.10;
    /** What the rest of a bot (router, adapters, a reindex's decoded images) is suggested on top of the gallery. */
    static final long REST_OF_BOT = 256L << 20;

    /**
     * A graph node in the heap: its base-level neighbours as ints, the upper levels about 2 % on top (12.4 MB at
     * 100k and 130 MB at 1M for M=16, docs/benchmarks.md).
     */
    static final double GRAPH_NODE_OVERHEAD = 1.02;

    static HeapEstimate of(int images, List<Model> models, long maxHeap) {
        long region = g1Region(maxHeap);
        double perImage = HASH_ROW_BYTES;
        for (Model m : models) {
            perImage += valueBytes(m, region) + VECTOR_ROW_BYTES + m.graphDegree() * Integer.BYTES * GRAPH_NODE_OVERHEAD;
        }
        return new HeapEstimate(images, List.copyOf(models), region, (long) (images * perImage * MARGIN));
    }

    /** G1's region size for a maximum heap: the largest power of two up to a 2048th of it, within 1..32 MB. */
    static long g1Region(long maxHeap) {
        long target = Math.max(1L << 20, Math.min(32L << 20, maxHeap / 2048));
        return Long.highestOneBit(target);
    }

    /**
     * Heap per row for its values: a chunk of {@link Int8Matrix#CHUNK_ROWS} rows is one array, and an array of half a
     * region or more is a humongous object that takes whole regions. Chunks of exactly 2 MB took three 1 MB regions:
     * 223 MB of a 1M gallery's 1,161 MB in use (the same open with -XX:G1HeapRegionSize=8m: 938 MB); they are now
     * sized just under a power of two, which this also covers.
     */
    static double valueBytes(Model m, long region) {
        long chunk = (long) Int8Matrix.CHUNK_ROWS * (m.format().rowBytes(m.dimension()) - Float.BYTES);
        long occupied = chunk + 16 < region / 2 ? chunk : (chunk + 16 + region - 1) / region * region;
        return (double) occupied / Int8Matrix.CHUNK_ROWS;
    }

    /**
     * The heap to suggest for a gallery of {@code images} with {@code models}: {@link #suggestedHeap()} at the G1
     * region size of that heap itself (the region decides what a chunk occupies).
     */
    static long suggestedHeap(int images, List<Model> models) {
        long heap = of(images, models, REST_OF_BOT * 2).suggestedHeap();
        return of(images, models, heap).suggestedHeap();
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
        String rows = models.isEmpty() ? "no CLIP rows"
                : "CLIP rows " + models.stream().map(Model::toString).collect(Collectors.joining(", "));
        return Optional.of(String.format(Locale.ROOT, "the gallery's %,d images (%s) need about %,d MB of heap, more"
                        + " than the JVM's maximum of %,d MB: opening it, searching and reindexing are likely to run out"
                        + " of memory. Give the bot ACGBOT_HEAP=%dm (or -Xmx%dm in ACGBOT_JAVA_OPTS), or a larger"
                        + " models.memory_budget (the heap is a quarter of it).",
                images, rows, bytes >> 20, maxHeap >> 20, suggestedHeap() >> 20, suggestedHeap() >> 20));
    }
}
