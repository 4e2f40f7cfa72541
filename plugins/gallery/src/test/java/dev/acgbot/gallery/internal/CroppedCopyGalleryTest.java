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
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Copies that kept 90 % or 75 % of a gallery picture, cut at places between the stored crop windows, are found first
 * and named cropped (issue 12, crops round 7). The gallery: four 320x240 pictures of shapes, four drawings on a white
 * page, four 64x48 icons.
 */
class CroppedCopyGalleryTest {
    private static final int PICTURES = 12;

    private static BufferedImage picture(int i) {
        if (i < 4) {
            return TestImages.resized(TestImages.picture(700 + i), 2);
        }
        if (i < 8) {
            BufferedImage page = new BufferedImage(220, 180, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = page.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.drawImage(TestImages.picture(700 + i), 20 + 10 * (i - 4), 15, null);
            g.dispose();
            return page;
        }
        return TestImages.resized(TestImages.picture(700 + i), 0.4);
    }

    /** Keeps {@code keep} of the width and height, its top-left corner at {@code fx, fy} of the room left. */
    private static BufferedImage crop(BufferedImage img, double keep, double fx, double fy) {
        int w = (int) Math.round(img.getWidth() * keep), h = (int) Math.round(img.getHeight() * keep);
        int x = (int) Math.round((img.getWidth() - w) * fx), y = (int) Math.round((img.getHeight() - h) * fy);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(img.getSubimage(x, y, w, h), 0, 0, null);
        return out;
    }

    /**
     * Crops the round-6 lookup missed (no hit at all): 90 % and 75 % of a 320x240 picture, and 90 % of a 64x48 icon,
     * cut between the stored windows' places; each is its source's first hit, named cropped.
     */
    @Test
    void cropsCutBetweenTheStoredWindowsAreFoundFirstAsCropped(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES, CroppedCopyGalleryTest::picture), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            // source, share kept, where the crop's top-left corner lies in the room left (x, y)
            double[][] crops = {{0, 0.9, 0, 0}, {0, 0.75, 0.3, 0.7}, {0, 0.75, 0.6, 0.1}, {1, 0.75, 0.9, 0.4}, {2, 0.9, 0.9, 0.4},
                    {10, 0.9, 1, 1}, {10, 0.9, 0.3, 0.7}};
            List<String> expected = new ArrayList<>(), found = new ArrayList<>();
            for (double[] c : crops) {
                int source = (int) c[0];
                List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(crop(picture(source), c[1], c[2], c[3])), 8);
                String label = String.format(Locale.ROOT, "pic%d kept %.2f at %.1f,%.1f: ", source, c[1], c[2], c[3]);
                expected.add(label + "pic" + source + ".png true [CROPPED]");
                found.add(label + (hits.isEmpty() ? "none" : RepostGalleries.describe(hits.subList(0, 1))));
            }
            assertEquals(String.join("\n", expected), String.join("\n", found));
        }
    }
}
