package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.internal.HeapEstimate.Model;
import dev.acgbot.gallery.search.RowFormat;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapEstimateTest {
    private static final long MB = 1 << 20;
    private static final List<Model> INT8_512 = List.of(new Model(512, RowFormat.INT8));
    private static final List<Model> INT4_512 = List.of(new Model(512, RowFormat.INT4));

    /** The launcher's default budget gives a 640 MB heap: a 1M gallery is told, with the numbers and the fix. */
    @Test
    void warnsWhenTheRowsNeedMoreThanTheMaximumHeap() {
        Optional<String> warning = HeapEstimate.of(1_000_000, INT4_512, 640 * MB).warning(640 * MB);
        assertEquals(Optional.of("the gallery's 1,000,000 images (CLIP rows 512-d int4) need about 755 MB of heap, more"
                + " than the JVM's maximum of 640 MB: opening it, searching and reindexing are likely to run out of"
                + " memory. Give the bot ACGBOT_HEAP=1024m (or -Xmx1024m in ACGBOT_JAVA_OPTS), or a larger"
                + " models.memory_budget (the heap is a quarter of it)."), warning);
    }

    @Test
    void staysQuietWhenTheHeapIsLargeEnough() {
        assertEquals(Optional.empty(), HeapEstimate.of(1_000_000, INT4_512, 1_024 * MB).warning(1_024 * MB));
        // the smallest -Xmx that opened and searched this gallery in steps of 64 MB: 768m passed, 704m ran out
        assertEquals(Optional.empty(), HeapEstimate.of(1_000_000, INT4_512, 768 * MB).warning(768 * MB));
        assertTrue(HeapEstimate.of(1_000_000, INT4_512, 704 * MB).warning(704 * MB).isPresent());
        assertEquals(Optional.empty(), HeapEstimate.of(100_000, List.of(new Model(512, RowFormat.INT8),
                new Model(768, RowFormat.INT8)), 640 * MB).warning(640 * MB));
        assertEquals(Optional.empty(), HeapEstimate.of(0, List.of(), 256 * MB).warning(256 * MB));
    }

    /** Every model adds its rows; a gallery without CLIP models still holds its hash rows; 4-bit rows take half. */
    @Test
    void eachModelAddsItsRowsInItsFormat() {
        long hashesOnly = HeapEstimate.of(1_000_000, List.of(), 1_024 * MB).bytes();
        long one = HeapEstimate.of(1_000_000, INT8_512, 1_024 * MB).bytes();
        long two = HeapEstimate.of(1_000_000, List.of(INT8_512.get(0), INT8_512.get(0)), 1_024 * MB).bytes();
        long int4 = HeapEstimate.of(1_000_000, INT4_512, 1_024 * MB).bytes();
        assertEquals(one - hashesOnly, two - one, 1);
        assertTrue(hashesOnly > 400 * MB && hashesOnly < 500 * MB, "hash rows " + (hashesOnly / MB) + " MB");
        assertEquals((double) (int4 - hashesOnly) / (one - hashesOnly), 276.0 / 534, 0.01);
    }

    /**
     * A chunk of half a region or more takes whole regions: an int8 512-d chunk (4080 rows, just under 2 MiB) fits
     * two 1 MB regions with 16 B over; 768-d (2.99 MiB) takes three; a chunk under half a region takes only itself.
     */
    @Test
    void chargesTheWholeRegionsOfHumongousChunks() {
        long oneMb = HeapEstimate.g1Region(1_152 * MB);
        assertEquals(MB, oneMb);
        assertEquals(2 * MB, HeapEstimate.g1Region(6_144 * MB));
        assertEquals(32 * MB, HeapEstimate.g1Region(1L << 40));
        assertEquals(2.0 * MB / 4080, HeapEstimate.valueBytes(INT8_512.get(0), oneMb), 1e-9);
        assertEquals(3.0 * MB / 4080, HeapEstimate.valueBytes(new Model(768, RowFormat.INT8), oneMb), 1e-9);
        assertEquals(64.0, HeapEstimate.valueBytes(new Model(64, RowFormat.INT8), oneMb), 1e-9);
        // at 2 MB regions the 4-bit chunk (just under 1 MiB) is an ordinary object
        assertEquals(256.0, HeapEstimate.valueBytes(INT4_512.get(0), 2 * MB), 1e-9);
    }

    /** A graph adds its base level's 2M neighbours a node (ints), about 2 % more for the upper levels. */
    @Test
    void aGraphAddsItsNeighboursPerNode() {
        long exact = HeapEstimate.of(1_000_000, INT4_512, 1_024 * MB).bytes();
        long graph = HeapEstimate.of(1_000_000, List.of(new Model(512, RowFormat.INT4, 32)), 1_024 * MB).bytes();
        assertEquals(1_000_000 * 32 * 4 * 1.02 * HeapEstimate.MARGIN, graph - exact, 1_000);
    }

    /**
     * What the launcher gives a gallery from its files' headers alone: 1M images, one 512-d model, 4-bit rows
     * (auto at that size): exact 1024m (rows 726 MB + 256 MB for the rest of the bot, in steps of 128 MB), with
     * its graph 1152m; no files yet, nothing to say.
     */
    @Test
    void suggestsTheHeapFromTheFilesHeadersAlone(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        dev.acgbot.gallery.GalleryOptions.Builder options = dev.acgbot.gallery.GalleryOptions.builder().dataDir(dir);
        assertEquals(java.util.OptionalLong.empty(), DefaultGallery.suggestedHeap(options.build()));

        java.nio.file.Path vectors = java.nio.file.Files.createDirectories(dir.resolve("vectors"));
        try (var out = new java.io.DataOutputStream(java.nio.file.Files.newOutputStream(vectors.resolve("perceptual-hashes.phr")))) {
            out.writeInt(HashFiles.FORMAT);
            out.writeLong(7);
            out.writeInt(1_000_000); // the rows themselves are not read
        }
        try (var out = new java.io.DataOutputStream(java.nio.file.Files.newOutputStream(vectors.resolve("clip.i8v")))) {
            out.writeInt(VectorFiles.FORMAT);
            out.writeUTF("manifest-hash");
            out.writeInt(512);
        }
        assertEquals(java.util.OptionalLong.of(1_024 * MB),
                DefaultGallery.suggestedHeap(options.indexMode(dev.acgbot.gallery.IndexMode.EXACT).build()));
        assertEquals(java.util.OptionalLong.of(1_152 * MB),
                DefaultGallery.suggestedHeap(options.indexMode(dev.acgbot.gallery.IndexMode.AUTO).build()));
        assertEquals(java.util.OptionalLong.of(1_152 * MB), DefaultGallery.suggestedHeap(options
                .indexMode(dev.acgbot.gallery.IndexMode.AUTO).vectorPrecision(dev.acgbot.gallery.VectorPrecision.INT4).build()));
        assertEquals(java.util.OptionalLong.of(1_536 * MB), DefaultGallery.suggestedHeap(options
                .indexMode(dev.acgbot.gallery.IndexMode.AUTO).vectorPrecision(dev.acgbot.gallery.VectorPrecision.INT8).build()),
                "int8 rows forced: 514 B of values a row instead of 256 (and the colour grids' 27 B: 1408m before them)");
        // a hash file of the format before ("PHR3", the same header): the first start after an upgrade is sized too
        try (var out = new java.io.DataOutputStream(java.nio.file.Files.newOutputStream(vectors.resolve("perceptual-hashes.phr")))) {
            out.writeInt(0x50485233);
            out.writeLong(7);
            out.writeInt(1_000_000);
        }
        assertEquals(java.util.OptionalLong.of(1_536 * MB), DefaultGallery.suggestedHeap(options.build()));
    }
}
