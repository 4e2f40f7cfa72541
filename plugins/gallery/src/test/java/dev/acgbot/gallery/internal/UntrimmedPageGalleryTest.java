package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.testing.FakeInference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Quarter crops of A4 pages whose small drawing covers under 4 % of the page are found first, named cropped (issue 12,
 * cropped pages round 12): a turtle, a hand and a taichi figure from openclipart (public domain;
 * src/test/resources/openclipart), beside pages and icons of other fixtures. The store keeps such a page whole (the trim
 * would keep too little of it), while the crop trims to the drawing, a few cells of the page's thumbnail: on the
 * evaluation's gallery the turtle's pose failed the colour rule and the others found no pose, and none of these copies
 * had a hit here before {@link UntrimmedPages}.
 */
class UntrimmedPageGalleryTest {
    private static final List<String> PICTURES = List.of("turtle", "hand", "taichi", "linux_powered", "warning", "milk_bw",
            "direction_suivre_3", "stopsign");

    @Test
    void quarterCropsOfPagesStoredWholeAreFoundFirstAsCropped(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES.size(), i -> RepostGalleries.openclipart(PICTURES.get(i))), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            double[][] crops = {{0, 0.2, 0.7}, {0, 0.9, 0.1}, {1, 0.5, 0.5}, {1, 0.1, 0.9}, {2, 0.8, 0.3}, {2, 0.3, 1.0}};
            assertEquals(RepostGalleries.sourcesFirstAsCropped(crops),
                    RepostGalleries.firstHitsOfQuarterCrops(g, crops, i -> RepostGalleries.openclipart(PICTURES.get(i))));
        }
    }
}
