package dev.acgbot.gallery;

import dev.acgbot.gallery.search.VectorIndexes;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gallery keeps int8 vectors in memory and re-ranks with the store's: what a user sees (order and scores)
 * is that of a float scan over the stored vectors, in exact and graph mode alike.
 */
class Int8GalleryTest {
    private static final String CLIP = FakeInference.CLIP;
    private static final int IMAGES = 16;

    private static float storedScore(int picture, float[] query) {
        float[] stored = EmbeddingEncoding.FP16.roundTrip(FakeInference.embedding(TestImages.decoded(TestImages.picture(picture))));
        double s = 0;
        for (int i = 0; i < query.length; i++) {
            s += (double) stored[i] * query[i];
        }
        return (float) s;
    }

    private static int pictureOf(SearchHit hit) {
        String name = hit.entry().paths().get(0).getFileName().toString();
        return Integer.parseInt(name.substring(3, name.length() - 4));
    }

    @Test
    void hitsCarryFullPrecisionScoresInFullPrecisionOrderInExactAndGraphMode(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("pics");
        GalleryTest.writePictures(folder, 0, IMAGES);
        for (IndexMode mode : List.of(IndexMode.EXACT, IndexMode.APPROXIMATE)) {
            GalleryOptions opts = GalleryTest.options(tmp.resolve("data-" + mode), folder).indexMode(mode).build();
            try (Gallery g = Gallery.open(opts, new FakeInference())) {
                g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
                for (int q : new int[]{0, 5, 11}) {
                    float[] query = FakeInference.embedding(TestImages.decoded(TestImages.picture(q)));
                    List<SearchHit> hits = g.searchByVector(CLIP, query, IMAGES, SearchFilter.none());
                    assertEquals(IMAGES, hits.size(), mode + " query " + q);
                    assertEquals(q, pictureOf(hits.get(0)), mode + ": the image itself comes first");
                    for (int i = 0; i < hits.size(); i++) {
                        SearchHit h = hits.get(i);
                        // int8 scores are off by about 1e-2 with 12 dimensions; the stored fp16 ones agree to 1e-6
                        assertEquals(storedScore(pictureOf(h), query), h.score(), 1e-5f, mode + " query " + q + " hit " + i);
                        assertTrue(i == 0 || hits.get(i - 1).score() >= h.score(), mode + ": best first");
                    }
                }
            }
        }
    }

    @Test
    void reRankDepthIsChosenByTheGalleryUnlessSet(@TempDir Path tmp) {
        GalleryOptions.Builder b = GalleryOptions.builder().dataDir(tmp).clipModels(List.of(CLIP));
        assertEquals(VectorIndexes.DEFAULT_RERANK_DEPTH, b.build().effectiveRerankDepth());
        assertEquals(300, b.rerankDepth(300).build().effectiveRerankDepth());
        assertThrows(IllegalArgumentException.class, () -> b.rerankDepth(-1).build());
    }
}
