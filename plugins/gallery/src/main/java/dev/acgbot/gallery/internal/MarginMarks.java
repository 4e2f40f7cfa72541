package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.Optional;

/**
 * A mark added in the margin of a picture on a plain surround: a site's text watermark or a signature under clip art on
 * white. The copy's trim then keeps the mark and the empty strip between it and the drawing, a box its source's trim
 * never had, so every trimmed hash moves 25-40 bits and the pose search, whose windows grow on all sides alike, finds no
 * pose (docs/benchmarks.md, text watermarks round 7: 23 of 32 missed watermarked copies of a diagnosis sample). The
 * copy with such a mark painted over in the surround's colour trims as its source does.
 * <p>
 * A mark is a band of rows at the bottom (or else the top) of the trimmed picture, parted from the rest by a strip of margin: at least
 * {@value #MIN_MARK_LINES} rows, at most {@value #MAX_MARK} of the trimmed height and no taller than what lies above the
 * strip, covered at most {@value #MAX_INK} by ink; the strip at least {@value #MIN_GAP} of the height (and
 * {@value #MIN_GAP_LINES} rows). Not the sides: a row of stars in a rating strip is bands parted by margin too.
 */
final class MarginMarks {
    private static final int TOLERANCE = 28;
    private static final int NEUTRAL = 24;
    private static final double MARGIN_SHARE = 0.98;
    static final double MAX_MARK = 0.25;
    static final double MIN_GAP = 0.01;
    static final int MIN_GAP_LINES = 2;
    /** A text mark is a few lines tall (8-pixel letters at least); a thinner band is a rule or a stroke of the drawing. */
    static final int MIN_MARK_LINES = 4;
    /**
     * Letters cover part of their lines; a band covered more densely is a bar or a frame's edge (the bottom rule of a
     * table icon, erased, matched the icon without it).
     */
    static final double MAX_INK = 0.6;

    private MarginMarks() {
    }

    /**
     * {@code flat} (a reduced copy without alpha) with the mark under (or else over) its trimmed picture painted in the
     * surround's colour; empty when it has none (or no plain neutral surround).
     */
    static Optional<DecodedImage> erased(DecodedImage flat) {
        int w = flat.width(), h = flat.height();
        int[] px = flat.argb();
        int ref = px[0];
        if (Math.abs((ref >> 16 & 0xFF) - (ref >> 8 & 0xFF)) > NEUTRAL || Math.abs((ref & 0xFF) - (ref >> 8 & 0xFF)) > NEUTRAL) {
            return Optional.empty();
        }
        Margins.Box b = Margins.trimBox(flat);
        if (b.width() < 8 || b.height() < 8) {
            return Optional.empty();
        }
        // the bottom edge, then the top one: one mark only (one site's)
        for (int step : new int[]{-1, 1}) {
            int first = step < 0 ? b.y1() - 1 : b.y0();
            int extent = b.height(), allowed = (int) (b.width() * (1 - MARGIN_SHARE));
            int mark = 0;
            long ink = 0;
            for (int off; mark < extent && (off = offLine(px, w, ref, b, first + step * mark)) > allowed; mark++) {
                ink += off;
            }
            int gap = 0;
            while (mark + gap < extent && offLine(px, w, ref, b, first + step * (mark + gap)) <= allowed) {
                gap++;
            }
            if (mark < MIN_MARK_LINES || gap < Math.max(MIN_GAP_LINES, MIN_GAP * extent) || mark > MAX_MARK * extent
                    || extent - mark - gap < mark || ink > MAX_INK * mark * b.width()) {
                continue;
            }
            int[] out = px.clone();
            for (int i = 0; i < mark; i++) {
                int y = first + step * i;
                java.util.Arrays.fill(out, y * w + b.x0(), y * w + b.x1(), ref);
            }
            return Optional.of(new DecodedImage(w, h, out, false));
        }
        return Optional.empty();
    }

    /** How much closer (p + d bits) the unmarked copy's trimmed hashes must pair with a candidate's than the copy's own. */
    static final int MARGIN_BITS = 10;

    /**
     * Whether the unmarked copy {@code unmarked} trims as {@code candidate} does where the copy as posted does not: its
     * trimmed pHash within {@value #RADIUS} bits of the candidate's, and its trimmed pair at least {@value #MARGIN_BITS}
     * bits closer than the posted copy's. A mark moves the trimmed hashes 25-40 bits and the unmarked copy is 0-8 from
     * its source; a candidate it does not bring closer is left to the copy as posted.
     */
    static boolean closer(RepostVerifier.Query unmarked, RepostVerifier.Query posted, RepostSignature candidate) {
        int p = Long.bitCount(unmarked.signature.trimmedPHash() ^ candidate.trimmedPHash());
        int u = p + Long.bitCount(unmarked.signature.trimmedDHash() ^ candidate.trimmedDHash());
        int q = Long.bitCount(posted.signature.trimmedPHash() ^ candidate.trimmedPHash())
                + Long.bitCount(posted.signature.trimmedDHash() ^ candidate.trimmedDHash());
        return p <= RADIUS && u + MARGIN_BITS <= q;
    }

    static final int RADIUS = 14;

    /** How many pixels of row {@code at}, within the box, are off the surround's colour. */
    private static int offLine(int[] px, int w, int ref, Margins.Box b, int at) {
        int off = 0;
        for (int i = at * w + b.x0(); i < at * w + b.x1(); i++) {
            int p = px[i];
            if (Math.abs((p >> 16 & 0xFF) - (ref >> 16 & 0xFF)) > TOLERANCE || Math.abs((p >> 8 & 0xFF) - (ref >> 8 & 0xFF)) > TOLERANCE
                    || Math.abs((p & 0xFF) - (ref & 0xFF)) > TOLERANCE) {
                off++;
            }
        }
        return off;
    }
}
