package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BrightenedPagesTest {
    private static final int WHITE = 0xFFFFFFFF;

    @Test
    void aLightPagesInkIsDarkenedSoItsDarkestIsBlackAndWhiteStaysWhite() {
        // a 40x40 white page with a 4x4 drawing: 8 pixels of 111 grey (a black ink lifted by 51 is darker, 0.5 % of the
        // page here, past the darkest thousandth), 8 of 183
        DecodedImage page = page(40, 4, 0xFF6F6F6F, 0xFFB7B7B7);
        DecodedImage darkened = BrightenedPages.darkened(page).orElseThrow();
        // gain 255 / (255 - 111): 111 -> 0, 183 -> 255 - 72 * 1.77 = 127.5, rounded 128, white unchanged
        assertArrayEquals(page(40, 4, 0xFF000000, 0xFF808080).argb(), darkened.argb());
    }

    @Test
    void aPageWhoseInkIsDarkAlreadyIsNotDarkened() {
        assertEquals(Optional.empty(), BrightenedPages.darkened(page(40, 4, 0xFF272727, 0xFFB7B7B7)));
        assertEquals(Optional.empty(), BrightenedPages.darkened(page(40, 0, 0, 0)), "a blank page has no ink to darken");
    }

    @Test
    void onlyACopyTrimmedToASmallDrawingIsLookedAtUntrimmedAndDarkened() {
        DecodedImage small = page(100, 4, 0xFF6F6F6F, 0xFFB7B7B7);
        RepostVerifier.Query trimmed = new RepostVerifier.Query(small);
        assertTrue(SmallDrawings.drawingOnly(trimmed.signature), "the drawing is 0.16 % of the page");
        RepostVerifier.Query untrimmed = BrightenedPages.query(small, trimmed).orElseThrow();
        assertEquals(new Margins.Box(0, 0, 100, 100), untrimmed.trim);
        assertEquals(1f, untrimmed.signature.keptArea());

        DecodedImage large = page(100, 40, 0xFF6F6F6F, 0xFFB7B7B7);
        assertEquals(Optional.empty(), BrightenedPages.query(large, new RepostVerifier.Query(large)), "a drawing on 16 % of it");
    }

    /** A white {@code side} x {@code side} page, a {@code drawing}-wide square at its centre, its top half {@code top}, the rest {@code bottom}. */
    private static DecodedImage page(int side, int drawing, int top, int bottom) {
        int[] px = new int[side * side];
        Arrays.fill(px, WHITE);
        int from = (side - drawing) / 2;
        for (int y = from; y < from + drawing; y++) {
            for (int x = from; x < from + drawing; x++) {
                px[y * side + x] = y < from + drawing / 2 ? top : bottom;
            }
        }
        return new DecodedImage(side, side, px, false);
    }
}
