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
 * A gallery holding blank white pages, as openclipart does (failed renders): a copy that lost all its ink is no copy of
 * them. A greyscale copy of the Dutch flag trims its grey stripes as margins and keeps the white one, a flat white picture;
 * before {@link EmptyPages} the flat rule listed every blank page as the same picture (seven on a diagnosis sample,
 * docs/benchmarks.md round 9). A flat picture in a colour still finds its own.
 */
class EmptyPagesGalleryTest {
    private static final int PICTURES = 7;

    private static BufferedImage picture(int i) {
        return switch (i) {
            case 0 -> bands(new Color(174, 28, 40), Color.WHITE, new Color(33, 70, 139));
            case 1 -> flat(Color.WHITE, 300, 420);
            case 2 -> flat(new Color(252, 252, 251), 300, 420);
            case 3 -> flat(new Color(40, 60, 110), 320, 200);
            default -> TestImages.resized(TestImages.picture(900 + i), 2);
        };
    }

    private static BufferedImage bands(Color top, Color middle, Color bottom) {
        BufferedImage img = flat(middle, 300, 200);
        Graphics2D g = img.createGraphics();
        g.setColor(top);
        g.fillRect(0, 0, 300, 67);
        g.setColor(bottom);
        g.fillRect(0, 133, 300, 67);
        g.dispose();
        return img;
    }

    private static BufferedImage flat(Color c, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }


    @Test
    void aCopyThatLostAllItsInkListsNoBlankPage(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES, EmptyPagesGalleryTest::picture), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            // its own flag, found unmoved on its canvas since round 21 (UnmovedCopies.untouched), and no blank page
            assertEquals("pic0.png true [RECOLOURED]",
                    RepostGalleries.describe(g.findDuplicates(TestImages.decoded(TestImages.greyscale(picture(0))), 8)));
            assertEquals("pic3.png true []", RepostGalleries.describe(g.findDuplicates(
                    TestImages.decoded(TestImages.jpegRoundTrip(picture(3), 0.75f)), 8)), "a flat wallpaper in a colour");
        }
    }
}
