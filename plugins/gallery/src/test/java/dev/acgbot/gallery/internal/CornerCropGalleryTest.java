package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Quarter crops of a drawing on a white page, cut so that the copy's top-left corner lies on the drawing, are found first
 * and named cropped (issue 12, crop round 10). The trim takes the margin colour from the top-left pixel, so such a copy
 * kept its white below the drawing while the stored page was trimmed to the drawing: the copy's trimmed picture was 1.6
 * times the source's trimmed height, beyond the pose search, and none of these 7 copies had a hit before {@link CornerTrim}.
 */
class CornerCropGalleryTest {
    private static final int PICTURES = 8;

    /** A 320x440 white page with a 280x210 picture of coloured shapes near its top. */
    private static BufferedImage page(int i) {
        BufferedImage page = new BufferedImage(320, 440, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.drawImage(TestImages.resized(TestImages.picture(700 + i), 1.75), 20, 60, null);
        g.dispose();
        return page;
    }

    @Test
    void quarterCropsWhoseCornerLiesOnTheDrawingAreFoundFirstAsCropped(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES, CornerCropGalleryTest::page), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            // source, where the crop's top-left corner lies in the room left (x, y): from 0.55 down it lies on the drawing
            double[][] crops = {{0, 0.6, 0.9}, {1, 0.9, 1.0}, {2, 0.3, 0.7}, {3, 1.0, 0.7}, {4, 0.4, 1.0}, {5, 0.7, 0.6}, {6, 0.5, 0.8}};
            assertEquals(RepostGalleries.sourcesFirstAsCropped(crops), RepostGalleries.firstHitsOfQuarterCrops(g, crops, CornerCropGalleryTest::page));
        }
    }
}
