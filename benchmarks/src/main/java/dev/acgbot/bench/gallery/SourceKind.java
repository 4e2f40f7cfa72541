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
