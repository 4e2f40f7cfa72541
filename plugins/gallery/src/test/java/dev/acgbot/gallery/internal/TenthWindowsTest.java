package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The posted picture's tenth windows: where they lie, and that a tenth crop taken there hashes as its window. */
class TenthWindowsTest {
    @Test
    void theWindowsKeepEightNinthsAtThreePlacesEachWay() {
        double n = 8 / 9.0;
        assertArrayEquals(new double[]{0, 0, n, n}, TenthWindows.box(0), 1e-9);
        assertArrayEquals(new double[]{1 / 18.0, 0, 1 / 18.0 + n, n}, TenthWindows.box(1), 1e-9);
        assertArrayEquals(new double[]{1 / 9.0, 1 / 9.0, 1, 1}, TenthWindows.box(8), 1e-9);
    }

    /**
     * Each window's pHash, taken from one 36x36 grey copy, against the pHash of the picture cut there (as the gallery
     * hashes a stored crop): 0-2 bits apart on these pictures, where the candidate radius is 14.
     */
    @Test
    void aPictureCutAtAWindowHashesWithinAFewBitsOfIt() {
        List<Integer> distances = new ArrayList<>();
        for (int seed = 0; seed < 6; seed++) {
            BufferedImage picture = TestImages.resized(TestImages.picture(800 + seed), 2);
            long[] windows = TenthWindows.pHashes(TestImages.decoded(picture));
            for (int i = 0; i < TenthWindows.COUNT; i++) {
                double[] b = TenthWindows.box(i);
                int x0 = (int) Math.round(b[0] * picture.getWidth()), y0 = (int) Math.round(b[1] * picture.getHeight());
                int x1 = (int) Math.round(b[2] * picture.getWidth()), y1 = (int) Math.round(b[3] * picture.getHeight());
                DecodedImage cut = TestImages.decoded(picture.getSubimage(x0, y0, x1 - x0, y1 - y0));
                distances.add(Long.bitCount(PerceptualHash.pHash(cut) ^ windows[i]));
            }
        }
        assertEquals(List.of(), distances.stream().filter(d -> d > 4).toList());
    }
}
