package dev.acgbot.models.preprocess;

import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.preprocess.PreprocessSpec.Interpolation;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class ImageOpsReduceTest {

    @Test
    void reducedSizeKeepsTheAspectBringsTheShorterSideToTheTargetAndNeverEnlarges() {
        assertArrayEquals(new int[]{448, 448}, ImageOps.reducedSize(6000, 6000, 448));
        assertArrayEquals(new int[]{597, 448}, ImageOps.reducedSize(4000, 3000, 448));
        assertArrayEquals(new int[]{448, 597}, ImageOps.reducedSize(3000, 4000, 448));
        assertArrayEquals(new int[]{300, 200}, ImageOps.reducedSize(300, 200, 448), "small images stay as they are");
        assertArrayEquals(new int[]{1792, 90}, ImageOps.reducedSize(20000, 1000, 448), "strips: longer side at most 4x");
    }

    @Test
    void reducingEqualsPilResizeToTheReducedSizeAndLeavesTheSourceAsItWas() {
        for (boolean alpha : new boolean[]{false, true}) {
            DecodedImage img = random(900, 700, alpha, 7);
            DecodedImage expected = ImageOps.resize(img, 576, 448, Interpolation.LANCZOS);
            DecodedImage copy = ImageOps.reduce(img, 448);
            assertEquals(java.util.List.of(576, 448, alpha), java.util.List.of(copy.width(), copy.height(), copy.hasAlpha()));
            assertArrayEquals(expected.argb(), copy.argb());
            assertArrayEquals(random(900, 700, alpha, 7).argb(), img.argb(), "the source is not premultiplied in place");
        }
        DecodedImage small = random(100, 80, true, 1);
        assertSame(small, ImageOps.reduce(small, 448));
    }

    @Test
    void bandsOfRowsStackedAreTheReductionPixelForPixel() {
        for (boolean alpha : new boolean[]{false, true}) {
            DecodedImage img = random(900, 700, alpha, 11);
            DecodedImage whole = ImageOps.reduce(img, 448);
            int[] stacked = new int[whole.argb().length];
            int[][] bands = {{0, 1}, {1, 223}, {224, 200}, {424, 24}};
            for (int[] band : bands) {
                DecodedImage rows = ImageOps.reducedRows(img, 448, band[0], band[1]);
                assertEquals(java.util.List.of(576, band[1], alpha), java.util.List.of(rows.width(), rows.height(), rows.hasAlpha()));
                System.arraycopy(rows.argb(), 0, stacked, band[0] * 576, rows.argb().length);
            }
            assertArrayEquals(whole.argb(), stacked);
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ImageOps.reducedRows(random(900, 700, false, 1), 448, 440, 9));
    }

    private static DecodedImage random(int w, int h, boolean alpha, long seed) {
        Random r = new Random(seed);
        int[] px = new int[w * h];
        for (int i = 0; i < px.length; i++) {
            px[i] = r.nextInt() | (alpha ? 0 : 0xFF000000);
        }
        return new DecodedImage(w, h, px, alpha);
    }
}
