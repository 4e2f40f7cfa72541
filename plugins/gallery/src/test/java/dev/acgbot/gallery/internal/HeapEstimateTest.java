package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapEstimateTest {
    private static final long MB = 1 << 20;

    /** The figure the estimate was fitted to: 1M images, one 512-d model, 1,161 MB in use after the first answer. */
    @Test
    void aMillionImagesWithOne512dModelNeedTheMeasuredHeapPlusItsMargin() {
        HeapEstimate e = HeapEstimate.of(1_000_000, List.of(512));
        double rows = e.bytes() / HeapEstimate.MARGIN / MB;
        assertTrue(rows > 1_161 * 0.95 && rows < 1_161 * 1.05, "rows " + rows + " MB");
        assertEquals(1_536 * MB, e.suggestedHeap());
    }

    /** The launcher's default budget gives a 640 MB heap: a 1M gallery is told, with the numbers and the fix. */
    @Test
    void warnsWhenTheRowsNeedMoreThanTheMaximumHeap() {
        Optional<String> warning = HeapEstimate.of(1_000_000, List.of(512)).warning(640 * MB);
        assertEquals(Optional.of("the gallery's 1,000,000 images (CLIP rows of [512] dimensions) need about 1,205 MB"
                + " of heap, more than the JVM's maximum of 640 MB: opening it, searching and reindexing are likely to"
                + " run out of memory. Give the bot ACGBOT_HEAP=1536m (or -Xmx1536m in ACGBOT_JAVA_OPTS), or a larger"
                + " models.memory_budget (the heap is a quarter of it)."), warning);
    }

    @Test
    void staysQuietWhenTheHeapIsLargeEnough() {
        assertEquals(Optional.empty(), HeapEstimate.of(1_000_000, List.of(512)).warning(1_536 * MB));
        // the smallest -Xmx that opened and searched 1M in steps of 64 MB: 1216m passed, 1152m ran out
        assertEquals(Optional.empty(), HeapEstimate.of(1_000_000, List.of(512)).warning(1_216 * MB));
        assertTrue(HeapEstimate.of(1_000_000, List.of(512)).warning(1_152 * MB).isPresent());
        assertEquals(Optional.empty(), HeapEstimate.of(100_000, List.of(512, 768)).warning(640 * MB));
        assertEquals(Optional.empty(), HeapEstimate.of(0, List.of()).warning(256 * MB));
    }

    /** Every model adds its rows; a gallery without CLIP models still holds its hash rows. */
    @Test
    void eachModelAddsItsInt8RowsWithTheirHumongousRegionTails() {
        long hashesOnly = HeapEstimate.of(1_000_000, List.of()).bytes();
        long one = HeapEstimate.of(1_000_000, List.of(512)).bytes();
        long two = HeapEstimate.of(1_000_000, List.of(512, 512)).bytes();
        assertEquals(one - hashesOnly, two - one, 1);
        assertTrue(hashesOnly > 400 * MB && hashesOnly < 500 * MB, "hash rows " + (hashesOnly / MB) + " MB");
        // a 2 MB chunk of 512-d rows takes three 1 MB regions: 768 B a row, not 512
        assertEquals(768.0, HeapEstimate.int8RowBytes(512), 1e-9);
        // 3 MB (768-d) takes four regions; a chunk under half a region takes only itself
        assertEquals(1024.0, HeapEstimate.int8RowBytes(768), 1e-9);
        assertEquals(64.0, HeapEstimate.int8RowBytes(64), 1e-9);
    }
}
