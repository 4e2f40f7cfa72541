package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarginsTest {

    /** A transparent 40x30 picture (transparent black, as decoders give it) with an opaque red square at 10-19, 10-19. */
    private static DecodedImage transparentWithRedSquare() {
        int[] px = new int[40 * 30];
        for (int y = 10; y < 20; y++) {
            Arrays.fill(px, y * 40 + 10, y * 40 + 20, 0xFFFF0000);
        }
        return new DecodedImage(40, 30, px, true);
    }

    @Test
    void aCutOfATransparentPictureStaysTransparentSoItLiesOnWhiteNotOnBlack() {
        DecodedImage cut = Margins.crop(transparentWithRedSquare(), new Margins.Box(5, 5, 25, 25));
        DecodedImage flat = PerceptualHash.onWhite(cut);
        assertEquals(List.of(20, 20, true, 0xFFFFFF, 0xFF0000), List.of(cut.width(), cut.height(), cut.hasAlpha(),
                flat.argb()[0] & 0xFFFFFF, flat.argb()[10 * 20 + 10] & 0xFFFFFF));
    }

    @Test
    void aCutOfAPictureOnWhiteIsTheSamePixels() {
        DecodedImage flat = PerceptualHash.onWhite(transparentWithRedSquare());
        DecodedImage cut = Margins.crop(flat, new Margins.Box(8, 9, 22, 21));
        int[] expected = new int[14 * 12];
        for (int y = 0; y < 12; y++) {
            System.arraycopy(flat.argb(), (9 + y) * 40 + 8, expected, y * 14, 14);
        }
        assertEquals(List.of(false, Arrays.toString(expected)), List.of(cut.hasAlpha(), Arrays.toString(cut.argb())));
    }
}
