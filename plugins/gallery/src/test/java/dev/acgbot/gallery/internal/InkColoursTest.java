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
    private static final int[] FADED_TEAL = {226, 234, 233};
    private static final int[] FADED_BLACK = {230, 230, 230};
    private static final int[] FADED_BLUISH_GREY = {226, 226, 228};
    private static final int[] PINK = {200, 150, 150};
    private static final int[] ALMOST_WHITE = {250, 252, 251};

    @Test
    void aFadedTealCellIsColouredInkOverAFadedBlackOne() {
        assertTrue(colouredOverGrey(FADED_TEAL, FADED_BLACK));
    }

    /** Grey ink over grey, coloured ink over coloured, and a grid without ink on either side. */
    @Test
    void noOtherPairIsAColouring() {
        assertFalse(colouredOverGrey(FADED_BLUISH_GREY, FADED_BLACK));
        assertFalse(colouredOverGrey(FADED_TEAL, PINK));
        assertFalse(colouredOverGrey(FADED_TEAL, ALMOST_WHITE));
        assertFalse(colouredOverGrey(ALMOST_WHITE, FADED_BLACK));
    }

    /** {@link InkColours#colouredOverGrey} on two grids, white but for their second cell. */
    private static boolean colouredOverGrey(int[] copyCell, int[] candidateCell) {
        return InkColours.colouredOverGrey(grid(copyCell), grid(candidateCell));
    }

    private static byte[] grid(int[] cell) {
        byte[] out = new byte[3 * RepostSignature.GRID * RepostSignature.GRID];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (i / 3 == 1 ? cell[i % 3] : WHITE[i % 3]);
        }
        return out;
    }
}
