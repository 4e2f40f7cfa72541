package dev.acgbot.gallery;

import dev.acgbot.gallery.search.RowFormat;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A gallery holding 4-bit vectors answers as the int8 one does (full-precision order and scores, thanks to the
 * re-rank), before and after a restart that reads its vector file back, and picks 4-bit by itself only where
 * int8 rows and graph would pass the memory budget.
 */
class Int4GalleryTest {
    private static final String CLIP = FakeInference.CLIP;
    private static final int IMAGES = 16;

    /** File names of the hits of three queries, in order, and their scores. */
    private record Answers(List<String> names, List<Float> scores) {
        static Answers of(Gallery g) {
            List<String> names = new ArrayList<>();
            List<Float> scores = new ArrayList<>();
            for (int q : new int[]{0, 5, 11}) {
                float[] query = FakeInference.embedding(TestImages.decoded(TestImages.picture(q)));
                for (SearchHit h : g.searchByVector(CLIP, query, IMAGES, SearchFilter.none())) {
                    names.add(h.entry().paths().get(0).getFileName().toString());
                    scores.add(h.score());
                }
            }
            return new Answers(names, scores);
        }

        /** Same hits in the same order; scores equal but for the last bit (JIT and interpreter sum floats in other orders). */
        void assertSameAs(Answers other, String what) {
            assertEquals(names, other.names, what);
            for (int i = 0; i < scores.size(); i++) {
                assertEquals(scores.get(i), other.scores.get(i), 1e-6f, what + " hit " + i);
            }
        }
    }

    @Test
    void fourBitRowsGiveTheInt8GallerysHitsAndScoresInBothModesAndAfterARestart(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("pics");
        GalleryTest.writePictures(folder, 0, IMAGES);
        for (IndexMode mode : List.of(IndexMode.EXACT, IndexMode.APPROXIMATE)) {
            List<Answers> byPrecision = new ArrayList<>();
            for (VectorPrecision p : List.of(VectorPrecision.INT8, VectorPrecision.INT4)) {
                GalleryOptions opts = GalleryTest.options(tmp.resolve("data-" + mode + "-" + p), folder)
                        .indexMode(mode).vectorPrecision(p).build();
                Answers first;
                try (Gallery g = Gallery.open(opts, new FakeInference())) {
                    g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
                    first = Answers.of(g);
                }
                // the restart reads the vector file (written as int8 values) back into 4-bit rows
                try (Gallery g = Gallery.open(opts, new FakeInference())) {
                    first.assertSameAs(Answers.of(g), mode + " " + p + " after a restart");
                }
                assertEquals(3 * IMAGES, first.names().size());
                byPrecision.add(first);
            }
            byPrecision.get(0).assertSameAs(byPrecision.get(1), mode + ": int8 and 4-bit galleries answer alike");
        }
    }

    @Test
    void autoHoldsInt8UntilInt8RowsAndGraphWouldPassTheBudget() {
        // 512-d: 516 B a row + 130 B a node = 646 B; 0.6 GB / 646 B = 928,792.6
        assertEquals(RowFormat.INT8, VectorPrecision.AUTO.format(928_792, 512));
        assertEquals(RowFormat.INT4, VectorPrecision.AUTO.format(928_793, 512));
        assertEquals(RowFormat.INT8, VectorPrecision.AUTO.format(0, 512));
        assertEquals(RowFormat.INT4, VectorPrecision.INT4.format(1, 512));
        assertEquals(RowFormat.INT8, VectorPrecision.INT8.format(5_000_000, 512));
        assertTrue(928_793L * (516 + 130) > VectorPrecision.MEMORY_BUDGET_BYTES);
        assertEquals(VectorPrecision.AUTO, GalleryOptions.builder().dataDir(Path.of("x")).build().vectorPrecision());
        assertEquals(dev.acgbot.gallery.search.VectorIndexes.DEFAULT_INT4_RERANK_DEPTH,
                GalleryOptions.builder().dataDir(Path.of("x")).build().effectiveRerankDepth(RowFormat.INT4));
        assertEquals(40, GalleryOptions.builder().dataDir(Path.of("x")).rerankDepth(40).build().effectiveRerankDepth(RowFormat.INT4));
    }
}
