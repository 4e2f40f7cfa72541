package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A copy turned by 10° on its own canvas (white corners, as most editors fill) moves every whole-picture hash and every
 * crop window beyond the candidate radius; the copy turned back by the angles the lookup tries finds its source, and
 * the verifier starts its pose search at that angle.
 */
class RotatedCopyGalleryTest {
    private static final int PICTURES = 8;

    private static BufferedImage picture(int i) {
        return TestImages.resized(TestImages.picture(700 + i), 2);
    }


    private static GalleryOptions options(Path tmp) {
        return RepostGalleries.options(tmp, PICTURES, RotatedCopyGalleryTest::picture);
    }


    @Test
    void copiesTurnedByTenDegreesEitherWayAreFoundAsRotated(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(options(tmp), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            for (int i : new int[]{1, 4, 6}) {
                for (double degrees : new double[]{10, -10}) {
                    List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(TestImages.rotated(picture(i), degrees)), 8);
                    assertEquals("pic" + i + ".png true [ROTATED]", RepostGalleries.describe(hits), "turned by " + degrees + "°");
                }
            }
        }
    }
}
