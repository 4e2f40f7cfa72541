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
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A quarter-size copy of a 60x60 icon whose mirror image the gallery holds too (issue 12, tiny and turned copies round
 * 10): openclipart's flat theme has "line begins with a circle" and "line ends with a circle". At 15 pixels the mirror
 * image, posed mirrored, matches the copy's pixels exactly as well as the source does, so neither was singled out and
 * nothing was listed; as posted (not mirrored) only the source matches.
 */
class TinyMirrorPairGalleryTest {
    private static final int PICTURES = 8;

    /** pic0 a line with a disc at its left end, pic1 its mirror image, then unrelated icons of random shapes. */
    private static BufferedImage picture(int i) {
        return switch (i) {
            case 0 -> line();
            case 1 -> TestImages.mirrored(line());
            default -> TestImages.resized(TestImages.picture(930 + i), 0.375);
        };
    }

    private static BufferedImage line() {
        BufferedImage img = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 60, 60);
        g.setColor(new Color(30, 30, 30));
        g.setStroke(new BasicStroke(4));
        g.drawLine(20, 30, 54, 30);
        g.fillOval(4, 20, 20, 20);
        g.dispose();
        return img;
    }

    @Test
    void aQuarterSizeCopyIsFoundAsItsSourceAndNotMissedForItsMirrorImage(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES, TinyMirrorPairGalleryTest::picture), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(TinyCopyGalleryTest.quarter(picture(0))), 8);
            assertEquals("pic0.png true []", RepostGalleries.describe(hits));
        }
    }
}
