package dev.acgbot.gallery.internal;

/**
 * How coloured a picture's ink is, whatever share of the picture it covers: on a colour grid ({@link RepostSignature#colour})
 * the colourfulness (|R - G| + |B - G|) of the cells with ink, over how much darker than white they are. The grid's mean
 * colourfulness ({@link RepostVerifier#chroma}) is diluted by the white around a small drawing that the trim leaves
 * (a picture keeping under 4 % of its area is left whole, {@link Margins}): a quarter crop of a dark teal map symbol
 * (`hosta_0_symbol_1m_bwh`, 14x12 pixels of 96x96) had a mean of 1.0, under every colour rule, and matched the black map of
 * Tasmania on a page cropped (seed 4). Its ink measured so is 0.12; the black map's 0.
 */
final class InkColours {
    /** Levels (R + G + B) below white from which a cell holds ink, not a re-encode's noise on white. */
    static final int INK = 24;
    /** Colourfulness over darkness from which ink is coloured: a dark teal's (4, 65, 62) is 0.10, a navy's 0.20. */
    static final double COLOURED = 0.06;
    /** ... and up to which it is grey: a dark grey tinted by 10 levels (60, 60, 70) is 0.017. */
    static final double GREY = 0.02;

    private InkColours() {
    }

    /**
     * Whether the copy's ink is coloured and all of the candidate's grey ({@code copy} and {@code candidate} colour grids,
     * each with ink): no levels edit, re-encode or neutral mark adds colour, so such a copy was coloured in.
     */
    static boolean colouredOverGrey(byte[] copy, byte[] candidate) {
        Ink c = Ink.of(copy), s = Ink.of(candidate);
        return c.darkness() >= INK && s.darkness() >= INK && c.colourfulness() >= COLOURED && s.colourfulness() <= GREY;
    }

    /** The ink of a grid: its cells' summed darkness, and their summed colourfulness over it. */
    record Ink(double darkness, double colourfulness) {
        static Ink of(byte[] rgb) {
            double colour = 0, dark = 0;
            for (int i = 0; i + 2 < rgb.length; i += 3) {
                int r = rgb[i] & 0xFF, g = rgb[i + 1] & 0xFF, b = rgb[i + 2] & 0xFF;
                int d = 3 * 255 - r - g - b;
                if (d >= INK) {
                    colour += Math.abs(r - g) + Math.abs(b - g);
                    dark += d;
                }
            }
            return new Ink(dark, dark == 0 ? 0 : colour / dark);
        }
    }
}
