package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A picture looked up while the gallery holds it and quarter crops of it lists those crops, named cropped ({@link StoredCrops}):
 * the other direction of a repost lookup, where someone posts the original of crops the community already has.
 */
class StoredCropGalleryTest {
    private static final int ORIGINALS = 6;
    /** Where each original's stored quarter crop keeps its top-left corner, as a share of the room left. */
    private static final double[][] PLACES = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {0.5, 0.5}, {0.2, 0.8}};

    /** pic0-5: coloured pictures; pic6-11: a quarter crop of each, at its own place. */
    private static BufferedImage picture(int i) {
        if (i < ORIGINALS) {
            return TestImages.resized(TestImages.picture(700 + i), 2);
        }
        double[] at = PLACES[i - ORIGINALS];
        return RepostGalleries.quarterCrop(picture(i - ORIGINALS), at[0], at[1]);
    }

    @Test
    void aPictureLookedUpListsItsStoredQuarterCropsNamedCropped(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, 2 * ORIGINALS, StoredCropGalleryTest::picture), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            List<String> found = new ArrayList<>(), expected = new ArrayList<>();
            for (int i = 0; i < ORIGINALS; i++) {
                List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(picture(i)), 8);
                found.add(RepostGalleries.describe(hits));
                expected.add("pic" + i + ".png true [], pic" + (i + ORIGINALS) + ".png true [CROPPED]");
            }
            assertEquals(String.join("\n", expected), String.join("\n", found));
        }
    }
}
