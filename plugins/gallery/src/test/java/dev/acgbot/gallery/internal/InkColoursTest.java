package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ink's colour on a colour grid whatever share of it the ink covers: one cell of a dark teal blob faded into white, as
 * a small symbol's grid reads, is coloured ink, and one of a black blob so faded is grey.
 */
class InkColoursTest {
    private static final int[] WHITE = {255, 255, 255};

    @Test
    void aFadedTealCellIsColouredInkOverAFadedBlackOne() {
        assertTrue(InkColours.colouredOverGrey(grid(new int[]{226, 234, 233}), grid(new int[]{230, 230, 230})));
    }

    @Test
    void greyInkOverGreyInkIsNoColouring() {
        assertFalse(InkColours.colouredOverGrey(grid(new int[]{226, 226, 228}), grid(new int[]{230, 230, 230})));
    }

    @Test
    void colouredInkOverColouredInkIsNoColouring() {
        assertFalse(InkColours.colouredOverGrey(grid(new int[]{226, 234, 233}), grid(new int[]{200, 150, 150})));
    }

    @Test
    void aGridWithoutInkTellsNothing() {
        assertFalse(InkColours.colouredOverGrey(grid(new int[]{226, 234, 233}), grid(new int[]{250, 252, 251})));
        assertFalse(InkColours.colouredOverGrey(grid(new int[]{252, 255, 250}), grid(new int[]{230, 230, 230})));
    }

    /** A 4x4 grid, white but for its second cell. */
    private static byte[] grid(int[] cell) {
        byte[] out = new byte[3 * RepostSignature.GRID * RepostSignature.GRID];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (i / 3 == 1 ? cell[i % 3] : WHITE[i % 3]);
        }
        return out;
    }
}
