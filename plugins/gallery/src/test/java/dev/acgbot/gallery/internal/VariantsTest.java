package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link Variants#paperWhitened}: a hit's paper counts as whitened by the copy's levels only where it is pale and tinted,
 * as a cream card's is. The colour grids are openclipart's, as {@link RepostSignature} stores them (a row of each: the
 * ornamental two of hearts' cream paper, the white two of hearts, the flag of Guinea in its four stripes).
 */
class VariantsTest {
    private static final byte[] CREAM_CARD = grid(243, 176, 154, 244, 227, 202, 247, 238, 214, 244, 239, 217);
    private static final byte[] WHITE_CARD = grid(255, 171, 171, 255, 241, 241, 255, 249, 249, 255, 255, 255);
    private static final byte[] GUINEA = grid(255, 4, 0, 255, 166, 0, 166, 220, 0, 4, 155, 0);
    /** The levels the brightened copies of the ornamental nine of diamonds and two of hearts fitted. */
    private static final Levels NINE = new Levels(1.05, 14.375, 13.0), TWO = new Levels(0.9375, 25.625, 13.0);
    /** Levels a letterboxed Irish flag fitted against Guinea's, or could: the largest gain, a strong lift. */
    private static final Levels STEEP = new Levels(2.0, 30, 10);

    @Test
    void paperCountsAsWhitenedOnlyWhereItIsPaleTintedAndTakenToWhite() {
        assertEquals(List.of(true, true, false, false, false, false), List.of(
                Variants.paperWhitened(CREAM_CARD, NINE), Variants.paperWhitened(CREAM_CARD, TWO),
                Variants.paperWhitened(CREAM_CARD, Levels.NONE), Variants.paperWhitened(CREAM_CARD, new Levels(1.0, 8, 9.0)),
                Variants.paperWhitened(WHITE_CARD, TWO), Variants.paperWhitened(GUINEA, STEEP)));
    }

    /** A 4x4 colour grid whose rows are all {@code row} (four cells, RGB). */
    private static byte[] grid(int... row) {
        byte[] g = new byte[4 * row.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = (byte) row[i % row.length];
        }
        return g;
    }
}
