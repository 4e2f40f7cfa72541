package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.RepostEdit;
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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quarter crops that keep a small part of a tall page, a picture near its foot without the rule along its top, are found
 * first and named cropped (issue 12, crop round 10 second wave). The copy's trimmed picture is about a third of the
 * page's trimmed height, below the pose search's sizes: the crop seeds place it there, and the descent snapped every
 * move of that size to the range's floor, so no pose reached these two copies ({@link RepostVerifier.Pose#withPart}).
 */
class PartCropGalleryTest {
    private static final int PICTURES = 8;

    /** A 320x440 white page with a dark rule along its top and a 200x150 picture of coloured shapes near its foot. */
    private static BufferedImage page(int i) {
        BufferedImage page = new BufferedImage(320, 440, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.setColor(Color.DARK_GRAY);
        g.fillRect(30, 8, 260, 6);
        g.drawImage(TestImages.resized(TestImages.picture(900 + i), 1.25), 60, 270, null);
        g.dispose();
        return page;
    }

    @Test
    void quarterCropsOfTheFootOfATallPageAreFoundFirstAsCropped(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES, PartCropGalleryTest::page), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            // source, where the crop's top-left corner lies in the room left (x, y): the bottom rows, the rule cut away
            double[][] crops = {{0, 0.0, 1.0}, {2, 0.6, 1.0}};
            for (double[] c : crops) {
                BufferedImage copy = RepostGalleries.quarterCrop(page((int) c[0]), c[1], c[2]);
                List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(copy), 8);
                assertFalse(hits.isEmpty(), "no hit for pic" + (int) c[0]);
                assertEquals("pic" + (int) c[0] + ".png", hits.getFirst().entry().path().getFileName().toString());
                assertTrue(hits.getFirst().edits().contains(RepostEdit.CROPPED), RepostGalleries.describe(hits));
            }
        }
    }
}
