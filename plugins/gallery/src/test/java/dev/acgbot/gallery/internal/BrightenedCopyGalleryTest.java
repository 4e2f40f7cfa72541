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

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Copies with their brightness lifted or their contrast raised, as reposts often are: every channel moved and clamped,
 * so light colours turn white and a saturated one keeps its full channel while the others rise. The verifier compares
 * the candidate at the copy's levels ({@link Levels}); at the stored levels the clamped areas lost their edges and the
 * mean hue moved, and the source itself was rejected.
 */
class BrightenedCopyGalleryTest {
    private static final int CLIP_ART = 8;
    private static final int PICTURES = 16;

    /**
     * Shapes on white, half of them pale (every channel 180-235, which a +20 % lift turns white or nearly),
     * half saturated (one channel full, the others low, which the lift moves towards white unevenly).
     */
    /** Clip art ({@link #clipArt}) first, then photo-like pictures of random shapes filling the canvas. */
    private static BufferedImage picture(int i) {
        return i < CLIP_ART ? clipArt(i) : TestImages.resized(TestImages.picture(500 + i - CLIP_ART), 2);
    }

    private static BufferedImage clipArt(int i) {
        Random r = new Random(500 + i);
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int s = 0; s < 10; s++) {
            int[] c = new int[3];
            if (s % 2 == 0) {
                for (int k = 0; k < 3; k++) {
                    c[k] = 180 + r.nextInt(56);
                }
            } else {
                int full = r.nextInt(3);
                for (int k = 0; k < 3; k++) {
                    c[k] = k == full ? 255 : r.nextInt(80);
                }
            }
            g.setColor(new Color(c[0], c[1], c[2]));
            int x = 20 + r.nextInt(220), y = 20 + r.nextInt(160), w = 20 + r.nextInt(80), h = 20 + r.nextInt(60);
            if (r.nextBoolean()) {
                g.fillRect(x, y, w, h);
            } else {
                g.fillOval(x, y, w, h);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawOval(x, y, w, h);
        }
        g.dispose();
        return img;
    }

    /** {@code out = (in - 128) * contrast + 128 + 255 * lift} per channel, clamped: what an editor's levels do. */
    static BufferedImage levels(BufferedImage img, double contrast, double lift) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y), v = 0;
                for (int shift = 16; shift >= 0; shift -= 8) {
                    double c = ((p >> shift & 0xFF) - 128) * contrast + 128 + 255 * lift;
                    v |= (int) Math.max(0, Math.min(255, Math.round(c))) << shift;
                }
                out.setRGB(x, y, v);
            }
        }
        return out;
    }

    private static GalleryOptions options(Path tmp) {
        return RepostGalleries.options(tmp, PICTURES, BrightenedCopyGalleryTest::picture);
    }

    @Test
    void brightenedAndContrastedCopiesAreFoundAsTheirSource(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(options(tmp), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            for (int i = 0; i < PICTURES; i++) {
                // +20 % brightness and +30 % contrast, as DuplicateEval edits
                assertFoundAsIs(i, g.findDuplicates(TestImages.decoded(levels(picture(i), 1.0, 0.2)), 8), "brightness +20 %");
                assertFoundAsIs(i, g.findDuplicates(TestImages.decoded(levels(picture(i), 1.3, 0.0)), 8), "contrast +30 %");
            }
        }
    }

    /**
     * The source first, verified. The edits named are not asserted: a lift can change what the trim takes for margin (a
     * light grey background within reach of white), and the copy is then named cropped and bordered (docs/benchmarks.md,
     * "Brightness and contrast, round 7", what is still missing).
     */
    private static void assertFoundAsIs(int i, List<DuplicateHit> hits, String edit) {
        String first = hits.isEmpty() ? "none" : hits.getFirst().entry().path().getFileName() + " " + hits.getFirst().confident();
        assertEquals("pic" + i + ".png true", first, edit + ": " + RepostGalleries.describe(hits));
    }
}
