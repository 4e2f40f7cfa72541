package dev.acgbot.bench.gallery;

import dev.acgbot.models.image.DecodedImage;

/** Whether a source is a sketch / line art on white (reported apart: its hashes are the fragile ones) or not. */
enum SourceKind {
    COLOUR("colour"), SKETCH("sketch");

    static final String SKETCH_RULE = ">= 75 % of pixels near white (luma >= 235)";
    private static final double WHITE_SHARE = 0.75;
    private final String label;

    SourceKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** How far below white (in any channel) a pixel must lie to be drawn: the gallery's own tolerance for a blank page. */
    static final int BLANK_LEVELS = 12;

    /**
     * Whether a picture already composited on white has nothing drawn on it: every pixel within {@value #BLANK_LEVELS}
     * levels of white in every channel (openclipart holds failed renders, fully transparent pages). The gallery never
     * lists one blank page for another (every blank page hashes alike, so none says which it is), so such a source has
     * no answer to find: the evaluation leaves it out of its sample and names it.
     */
    static boolean blankPage(DecodedImage img) {
        for (int p : img.argb()) {
            if (Math.min(p >> 16 & 0xFF, Math.min(p >> 8 & 0xFF, p & 0xFF)) < 255 - BLANK_LEVELS) {
                return false;
            }
        }
        return true;
    }

    /** Classifies a picture already composited on white. */
    static SourceKind of(DecodedImage img) {
        int[] px = img.argb();
        int white = 0;
        for (int p : px) {
            int luma = (299 * (p >> 16 & 0xFF) + 587 * (p >> 8 & 0xFF) + 114 * (p & 0xFF)) / 1000;
            if (luma >= 235) {
                white++;
            }
        }
        return white >= WHITE_SHARE * px.length ? SKETCH : COLOUR;
    }
}
