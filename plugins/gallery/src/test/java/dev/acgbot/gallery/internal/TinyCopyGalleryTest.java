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

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A quarter-size copy of a 60x60 icon, 15 pixels wide, in a gallery that also holds the icon's look-alike (the same
 * page with one line of text fewer) and unrelated icons (issue 12, tiny copies round 8). At that size the edge step
 * scores the source below its bar; compared at the copy's own pixels ({@link TinyCheck}) the source matches them and the
 * look-alike does not.
 */
class TinyCopyGalleryTest {
    private static final int PICTURES = 8;

    /** pic0 the page with four lines of text, pic1 its look-alike with three, then unrelated icons of random shapes. */
    private static BufferedImage picture(int i) {
        return switch (i) {
            case 0 -> page(4);
            case 1 -> page(3);
            default -> TestImages.resized(TestImages.picture(900 + i), 0.375);
        };
    }

    /** A flat-theme document icon: a white page with a dark outline, a blue title bar and {@code lines} lines of text. */
    static BufferedImage page(int lines) {
        BufferedImage img = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 60, 60);
        g.setColor(new Color(250, 250, 240));
        g.fillRoundRect(10, 5, 40, 50, 6, 6);
        g.setColor(new Color(40, 40, 40));
        g.setStroke(new BasicStroke(2));
        g.drawRoundRect(10, 5, 40, 50, 6, 6);
        g.setColor(new Color(60, 90, 200));
        g.fillRect(14, 10, 32, 8);
        g.setColor(new Color(90, 90, 90));
        g.setStroke(new BasicStroke(2.5f));
        for (int l = 0; l < lines; l++) {
            g.drawLine(16, 25 + 7 * l, l % 2 == 0 ? 44 : 36, 25 + 7 * l);
        }
        g.dispose();
        return img;
    }

    /** Resized as DuplicateEval's "resize 25%" (an area average), to 15x15. */
    static BufferedImage quarter(BufferedImage img) {
        return shrunk(img, 4);
    }

    /** {@code by} times smaller along each side, each pixel the mean of those it covers, as DuplicateEval's resizes make it. */
    static BufferedImage shrunk(BufferedImage img, int by) {
        int w = img.getWidth() / by, h = img.getHeight() / by;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return out;
    }

    @Test
    void aQuarterSizeCopyOfAnIconIsFoundAsItsSourceAndNotAsItsLookAlike(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES, TinyCopyGalleryTest::picture), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(quarter(picture(0))), 8);
            assertEquals("pic0.png true []", RepostGalleries.describe(hits));
        }
    }
}
