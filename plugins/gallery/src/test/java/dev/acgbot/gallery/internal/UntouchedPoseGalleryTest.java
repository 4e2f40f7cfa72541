package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A copy the thumbnails pose off its source's place, whose edges agree only where it lies untouched: openclipart's rack
 * switch {@code switch_cisco_nicola_}, drawn 4.4 times as wide as high, halved (70x16 pixels once trimmed) posed 4 %
 * lower and 1.5 % taller than its source on the thumbnails, failed the edges there and listed nothing (seed 200 of the
 * evaluation). {@code RepostVerifier.untouchedEdges} compares it once more untouched.
 */
class UntouchedPoseGalleryTest {
    private static final int PICTURES = 6;

    /** Half the size, each pixel the mean of the four it covers, as the evaluation's resize 50 % makes it. */
    private static BufferedImage halved(BufferedImage img) {
        int w = img.getWidth() / 2, h = img.getHeight() / 2;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return out;
    }

    @Test
    void aHalvedThinStripIsItsSourceAsItIs(@TempDir Path tmp) {
        assertEquals("pic0.png true []", RepostGalleries.lookedUpAmong(tmp, PICTURES, List.of("switch_cisco_nicola_"), 760,
                halved(RepostGalleries.openclipart("switch_cisco_nicola_"))));
    }
}
