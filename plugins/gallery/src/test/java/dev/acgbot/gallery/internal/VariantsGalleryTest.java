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

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A gallery that holds a drawing twice, as openclipart does: left-justified text lines and the same icon mirrored
 * (right-justified, its frame a little wider), a coloured trumpet-like drawing and its black-and-white version. A
 * brightened or contrasted copy of one verifies against the other too; before {@link Variants} the other was listed as
 * a second edited copy (MIRRORED; the black-and-white one with no edit at all), a false duplicate of the evaluation.
 */
class VariantsGalleryTest {
    private static final int PICTURES = 8;

    private static BufferedImage picture(int i) {
        return switch (i) {
            case 0 -> lines(false, 0);
            case 1 -> TestImages.mirrored(lines(true, 8));
            case 2 -> coloured(false);
            case 3 -> coloured(true);
            default -> TestImages.resized(TestImages.picture(900 + i), 2);
        };
    }

    /** A framed page of text lines of uneven length flush left; {@code wider} frames it {@code wider} pixels further right. */
    private static BufferedImage lines(boolean mirrorTwin, int wider) {
        BufferedImage img = canvas();
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(70, 90, 160));
        g.setStroke(new BasicStroke(6));
        g.drawRect(40, 30, 220 + wider, 180);
        int[] lengths = {180, 120, 160, 90, 170, 60};
        g.setColor(new Color(40, 40, 40));
        for (int k = 0; k < lengths.length; k++) {
            g.fillRect(60, 50 + 26 * k, lengths[k], 12);
        }
        g.dispose();
        return img;
    }

    /**
     * Saturated shapes with dark outlines; {@code grey}: the same drawing in black and white, with a shading of its own (a
     * lighter tone curve of the colours' luma: the evaluation's black-and-white trumpet is not the coloured one's luma).
     */
    private static BufferedImage coloured(boolean grey) {
        BufferedImage img = canvas();
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int[][] shapes = {{30, 60, 150, 70}, {170, 40, 110, 110}, {90, 140, 120, 70}, {20, 150, 60, 60}};
        Color[] colours = {new Color(230, 170, 30), new Color(200, 40, 40), new Color(40, 120, 200), new Color(60, 170, 70)};
        g.setStroke(new BasicStroke(4));
        for (int k = 0; k < shapes.length; k++) {
            int[] s = shapes[k];
            g.setColor(grey ? shade(colours[k]) : colours[k]);
            g.fillOval(s[0], s[1], s[2], s[3]);
            g.setColor(Color.DARK_GRAY);
            g.drawOval(s[0], s[1], s[2], s[3]);
        }
        g.dispose();
        return img;
    }

    private static Color shade(Color c) {
        double luma = (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
        int y = (int) Math.round(255 * Math.pow(luma, 0.6));
        return new Color(y, y, y);
    }

    private static BufferedImage canvas() {
        BufferedImage img = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        return img;
    }

    private static GalleryOptions options(Path tmp) {
        return RepostGalleries.options(tmp, PICTURES, VariantsGalleryTest::picture);
    }

    @Test
    void theGallerysOwnMirrorImageOfTheSourceIsNotListed(@TempDir Path tmp) {
        assertOnlyTheSource(tmp, 0);
    }

    @Test
    void theGallerysOwnBlackAndWhiteVersionOfTheSourceIsNotListed(@TempDir Path tmp) {
        assertOnlyTheSource(tmp, 2);
    }

    /** A +20 % brightness and a +30 % contrast copy of picture {@code i}, as DuplicateEval edits, each find it alone. */
    private static void assertOnlyTheSource(Path tmp, int i) {
        try (Gallery g = Gallery.open(options(tmp), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertOnly(i, g.findDuplicates(TestImages.decoded(BrightenedCopyGalleryTest.levels(picture(i), 1.0, 0.2)), 8), "brightness +20 %");
            assertOnly(i, g.findDuplicates(TestImages.decoded(BrightenedCopyGalleryTest.levels(picture(i), 1.3, 0.0)), 8), "contrast +30 %");
        }
    }

    /** The source alone, verified (the edits it is named with are not asserted: a lift can move the trim). */
    private static void assertOnly(int i, List<DuplicateHit> hits, String edit) {
        assertEquals(List.of("pic" + i + ".png true"), hits.stream().map(h -> h.entry().path().getFileName() + " " + h.confident()).toList(),
                edit + ": " + RepostGalleries.describe(hits));
    }
}
