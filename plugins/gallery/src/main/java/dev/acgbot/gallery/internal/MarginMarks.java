package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.Optional;

/**
 * A mark added in the margin of a picture on a plain surround: a site's text watermark or a signature under clip art on
 * white. The copy's trim then keeps the mark and the empty strip between it and the drawing, a box its source's trim
 * never had, so every trimmed hash moves 25-40 bits and the pose search, whose windows grow on all sides alike, finds no
 * pose (docs/benchmarks.md, text watermarks round 7: 25 of 32 missed watermarked copies of a diagnosis sample). The
 * copy with such a mark painted over in the surround's colour trims as its source does.
 * <p>
 * A mark is a band of lines (rows or columns) at one edge of the trimmed picture, parted from the rest by a strip of
 * margin: the mark at most {@value #MAX_MARK} of the trimmed extent and no larger than what lies beyond the strip, the
 * strip at least {@value #MIN_GAP} of it (and {@value #MIN_GAP_LINES} lines).
 */
final class MarginMarks {
    private static final int TOLERANCE = 28;
    private static final int NEUTRAL = 24;
    private static final double MARGIN_SHARE = 0.98;
    static final double MAX_MARK = 0.25;
    static final double MIN_GAP = 0.03;
    static final int MIN_GAP_LINES = 2;

    private MarginMarks() {
    }

    /**
     * {@code flat} (a reduced copy without alpha) with the marks at the edges of its trimmed picture painted in the
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
        // bottom, top, right, left: the lines of the band from that edge inwards; one mark only, the first found (the
        // buttons of a sheet of clip art are also bands parted by margin: erasing every edge's took the sheet apart)
        for (int edge = 0; edge < 4; edge++) {
            boolean rows = edge < 2;
            int extent = rows ? b.height() : b.width();
            int start = switch (edge) {
                case 0 -> b.y1() - 1;
                case 1 -> b.y0();
                case 2 -> b.x1() - 1;
                default -> b.x0();
            };
            int step = edge % 2 == 0 ? -1 : 1;
            int mark = 0;
            while (mark < extent && !blank(px, w, ref, b, rows, start + step * mark)) {
                mark++;
            }
            int gap = 0;
            while (mark + gap < extent && blank(px, w, ref, b, rows, start + step * (mark + gap))) {
                gap++;
            }
            if (mark == 0 || gap < Math.max(MIN_GAP_LINES, MIN_GAP * extent) || mark > MAX_MARK * extent
                    || extent - mark - gap < mark) {
                continue;
            }
            int[] out = px.clone();
            for (int i = 0; i < mark; i++) {
                int line = start + step * i;
                if (rows) {
                    java.util.Arrays.fill(out, line * w + b.x0(), line * w + b.x1(), ref);
                } else {
                    for (int y = b.y0(); y < b.y1(); y++) {
                        out[y * w + line] = ref;
                    }
                }
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

    /** Whether line {@code at} (a row when {@code rows}, else a column) is margin within the box. */
    private static boolean blank(int[] px, int w, int ref, Margins.Box b, boolean rows, int at) {
        int from = rows ? b.x0() : b.y0(), to = rows ? b.x1() : b.y1();
        int allowed = (int) ((to - from) * (1 - MARGIN_SHARE));
        int off = 0;
        for (int i = from; i < to; i++) {
            int p = rows ? px[at * w + i] : px[i * w + at];
            if (Math.abs((p >> 16 & 0xFF) - (ref >> 16 & 0xFF)) > TOLERANCE || Math.abs((p >> 8 & 0xFF) - (ref >> 8 & 0xFF)) > TOLERANCE
                    || Math.abs((p & 0xFF) - (ref & 0xFF)) > TOLERANCE) {
                if (++off > allowed) {
                    return false;
                }
            }
        }
        return true;
    }
}
