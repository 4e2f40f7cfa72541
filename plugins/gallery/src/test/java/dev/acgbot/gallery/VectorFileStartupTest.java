package dev.acgbot.gallery;

import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.LogLines;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Start-up reads the int8 rows from {@code vectors/<model>.i8v} when it matches the store, and the store when it
 * does not: either way a reopened gallery answers as before.
 */
class VectorFileStartupTest {
    private static final String CLIP = FakeInference.CLIP;

    private static List<String> answer(Gallery g, int picture) {
        float[] q = FakeInference.embedding(TestImages.decoded(TestImages.picture(picture)));
        return g.searchByVector(CLIP, q, 50, SearchFilter.none()).stream()
                .map(h -> h.entry().sha256() + " " + h.score()).toList();
    }

    private static void reindex(Gallery g) {
        g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
    }

    @Test
    void aReopenedGalleryAnswersFromItsVectorFileAsItDidBeforeClosing(@TempDir Path tmp) {
        Path folder = tmp.resolve("pics");
        GalleryTest.writePictures(folder, 0, 20);
        for (IndexMode mode : List.of(IndexMode.EXACT, IndexMode.APPROXIMATE)) {
            // a data directory per mode, so each mode's own files are read back (the graph build a mode change
            // starts at open is theReindexRightAfterAModeChangeWaitsForTheStartUpGraphBuild's subject)
            Path data = tmp.resolve("data-" + mode);
            GalleryOptions opts = GalleryTest.options(data, folder).indexMode(mode).build();
            List<String> before;
            try (Gallery g = Gallery.open(opts, new FakeInference())) {
                reindex(g);
                before = answer(g, 7);
            }
            Path file = data.resolve("vectors").resolve(CLIP + ".i8v");
            assertTrue(Files.isRegularFile(file), "a reindex writes the vector file");
            assertTrue(Files.isRegularFile(data.resolve("vectors").resolve(CLIP + ".f16v")), "and the fp16 file the re-rank reads");
            try (LogLines log = LogLines.of("dev.acgbot.gallery.internal.HalfVectorFiles");
                 Gallery g = Gallery.open(opts, new FakeInference())) {
                assertEquals(List.of("re-ranking " + CLIP + " from " + CLIP + ".f16v: 20 rows mapped"), log.lines(),
                        mode + ": the reopened gallery maps its fp16 file");
                assertEquals(20, g.stats().embeddings().get(CLIP));
                assertEquals(mode == IndexMode.EXACT ? "exact" : "graph", g.stats().indexKinds().get(CLIP));
                assertEquals(before, answer(g, 7), mode + ": same hits, same scores");
            }
            try (Gallery g = Gallery.open(GalleryTest.options(data, folder).indexMode(mode).rerankFromFile(false).build(), new FakeInference())) {
                assertEquals(before, answer(g, 7), mode + ": the same from the store");
            }
        }
    }

    @Test
    void aReindexRightAfterAModeChangeWaitsForTheStartUpGraphBuild(@TempDir Path tmp) {
        Path folder = tmp.resolve("pics");
        GalleryTest.writePictures(folder, 0, 200);
        Path data = tmp.resolve("data");
        try (Gallery g = Gallery.open(GalleryTest.options(data, folder).indexMode(IndexMode.EXACT).build(), new FakeInference())) {
            reindex(g);
        }
        // reopened in graph mode, the gallery builds its graph at open and holds the write lock meanwhile; an admin's
        // /reindex at that moment was refused as "a reindex is already running"
        for (int attempt = 0; attempt < 3; attempt++) {
            IndexMode mode = attempt % 2 == 0 ? IndexMode.APPROXIMATE : IndexMode.EXACT;
            try (Gallery g = Gallery.open(GalleryTest.options(data, folder).indexMode(mode).build(), new FakeInference())) {
                awaitStartUpGraphBuild();
                ReindexSummary summary = g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
                assertEquals(0, summary.added(), summary.toString());
                assertEquals(200, g.stats().embeddings().get(CLIP));
            }
        }
    }

    /** Waits (up to 2 s) until the start-up graph build runs, when one was started: it takes the lock first thing. */
    private static void awaitStartUpGraphBuild() {
        long until = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < until && Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("gallery-graph-build") && t.getState() != Thread.State.NEW)) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aVectorFileOlderThanTheStoreIsIgnored(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("pics");
        GalleryTest.writePictures(folder, 0, 8);
        Path data = tmp.resolve("data");
        GalleryOptions opts = GalleryTest.options(data, folder).build();
        Path file = data.resolve("vectors").resolve(CLIP + ".i8v");
        Path old = tmp.resolve("old.i8v");
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            reindex(g);
        }
        Files.copy(file, old);
        GalleryTest.writePictures(folder, 8, 4);
        List<String> after;
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            reindex(g);
            after = answer(g, 9);
        }
        // as if the last write of the file had been lost in a crash: it describes 8 images, the store has 12
        Files.copy(old, file, StandardCopyOption.REPLACE_EXISTING);
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            assertEquals(12, g.stats().embeddings().get(CLIP));
            assertEquals(after, answer(g, 9));
        }
    }

    @Test
    void aReindexInARunningGalleryRewritesTheFp16FileWithItsNewImages(@TempDir Path tmp) {
        Path folder = tmp.resolve("pics");
        GalleryTest.writePictures(folder, 0, 8);
        Path data = tmp.resolve("data");
        GalleryOptions opts = GalleryTest.options(data, folder).build();
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            reindex(g);
        }
        GalleryTest.writePictures(folder, 8, 4);
        List<String> running;
        try (LogLines log = LogLines.of("dev.acgbot.gallery.internal.HalfVectorFiles");
             Gallery g = Gallery.open(opts, new FakeInference())) {
            reindex(g);
            // mapped at open (8 rows), then the file rewritten from those 8 and the store's 4 new ones, and mapped again
            assertEquals(List.of("re-ranking " + CLIP + " from " + CLIP + ".f16v: 8 rows mapped",
                    "re-ranking " + CLIP + " from " + CLIP + ".f16v: 12 rows mapped"), log.lines());
            running = answer(g, 9);
        }
        try (Gallery g = Gallery.open(GalleryTest.options(data, folder).rerankFromFile(false).build(), new FakeInference())) {
            assertEquals(running, answer(g, 9), "the store's answer: same hits, same scores");
        }
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            assertEquals(running, answer(g, 9), "and the rewritten file's after a restart");
        }
    }

    @Test
    void withoutItsVectorFileAGraphGalleryReadsTheStoreInTheGraphsOrderAndKeepsItsGraph(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("pics");
        GalleryTest.writePictures(folder, 0, 30);
        Path data = tmp.resolve("data");
        GalleryOptions opts = GalleryTest.options(data, folder).indexMode(IndexMode.APPROXIMATE).build();
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            reindex(g);
        }
        GalleryTest.writePictures(folder, 30, 2); // two rows past the graph (too few to rebuild it)
        List<String> before;
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            reindex(g);
            before = answer(g, 31);
        }
        Path graph = data.resolve("graphs").resolve(CLIP + ".graph");
        var built = Files.getLastModifiedTime(graph);
        Files.delete(data.resolve("vectors").resolve(CLIP + ".i8v"));
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            assertEquals("graph", g.stats().indexKinds().get(CLIP), "the persisted graph fits the rows read from the store");
            assertEquals(32, g.stats().embeddings().get(CLIP));
            assertEquals(before, answer(g, 31));
        }
        assertEquals(built, Files.getLastModifiedTime(graph), "not rebuilt");
    }

    @Test
    void aDamagedVectorFileFallsBackToTheStore(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("pics");
        GalleryTest.writePictures(folder, 0, 8);
        Path data = tmp.resolve("data");
        GalleryOptions opts = GalleryTest.options(data, folder).build();
        List<String> before;
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            reindex(g);
            before = answer(g, 3);
        }
        Path file = data.resolve("vectors").resolve(CLIP + ".i8v");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        try (Gallery g = Gallery.open(opts, new FakeInference())) {
            assertEquals(8, g.stats().embeddings().get(CLIP));
            assertEquals(before, answer(g, 3));
        }
    }
}
