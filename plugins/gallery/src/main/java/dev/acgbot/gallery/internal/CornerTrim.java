package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.Optional;

/**
 * The trim of a posted copy whose top-left corner lies on the picture. {@link Margins} takes the margin colour from the
 * top-left pixel, so a crop that cut through the drawing there keeps its white margins on the other sides, while its
 * source (clip art on a white page) was trimmed to the drawing: the copy's trimmed picture is then larger than the
 * candidate's, often beyond what the pose search reaches (a fireman on an A4 page cropped by a quarter: the copy 1.83
 * times the source's trimmed height). Trimmed from a neutral corner instead, the copy is the part of the drawing it kept.
 * Only for the verifier's extra attempt ({@link CandidateChecks}): what is stored, and the copy's hashes, keep the
 * top-left rule.
 */
final class CornerTrim {
    /** A corner this far from grey per channel is part of the picture (as {@link Margins}' frames and surrounds). */
    private static final int NEUTRAL = 24;
    /** A trim from another corner that keeps at least this share of the copy found no margin worth another attempt. */
    private static final double KEPT = 0.95;
    /**
     * For a copy whose top-left corner is neutral but trimmed nothing (a crop that cut a drawing's dark outline there), the
     * share another corner's trim must keep under: at {@value #KEPT} a 60-px grid icon's tenth crops, their corners on its
     * grey frame, were retrimmed and matched a sibling grid (evaluation, crop 10 %: one more false duplicate).
     */
    private static final double KEPT_PAST_NEUTRAL = 0.5;

    private CornerTrim() {
    }

    /**
     * The copy trimmed from its neutral corner that trims the most, as a query; none when the top-left corner is neutral
     * itself and the copy's own trim ({@code ownKept}, the share it kept) took its margins, or when no other corner's trim keeps
     * under {@value #KEPT} of it ({@value #KEPT_PAST_NEUTRAL} past a neutral top-left corner). A neutral top-left corner that
     * trimmed nothing is a dark line of the drawing the crop cut through (a lizard's outline, a road sign's rim: round 12).
     */
    static Optional<RepostVerifier.Query> query(DecodedImage reduced, double ownKept) {
        DecodedImage flat = PerceptualHash.onWhite(reduced);
        int w = flat.width(), h = flat.height();
        int[] px = flat.argb();
        if (neutral(px[0]) && ownKept < KEPT) {
            return Optional.empty();
        }
        Margins.Box best = null;
        for (int corner = 1; corner < 4; corner++) {
            boolean right = (corner & 1) != 0, bottom = (corner & 2) != 0;
            if (!neutral(px[(bottom ? h - 1 : 0) * w + (right ? w - 1 : 0)])) {
                continue;
            }
            Margins.Box b = unflip(Margins.trimBox(flip(flat, right, bottom)), w, h, right, bottom);
            if (best == null || area(b) < area(best)) {
                best = b;
            }
        }
        double kept = neutral(px[0]) ? KEPT_PAST_NEUTRAL : KEPT;
        return best == null || area(best) >= kept * w * h ? Optional.empty() : Optional.of(new RepostVerifier.Query(reduced, best));
    }

    private static boolean neutral(int p) {
        int r = p >> 16 & 0xFF, g = p >> 8 & 0xFF, b = p & 0xFF;
        return Math.abs(r - g) <= NEUTRAL && Math.abs(b - g) <= NEUTRAL;
    }

    private static long area(Margins.Box b) {
        return (long) b.width() * b.height();
    }

    /** {@code img} mirrored left-right and/or top-bottom, so that the chosen corner becomes the top-left one. */
    static DecodedImage flip(DecodedImage img, boolean x, boolean y) {
        int w = img.width(), h = img.height();
        int[] in = img.argb(), out = new int[in.length];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                out[(y ? h - 1 - r : r) * w + (x ? w - 1 - c : c)] = in[r * w + c];
            }
        }
        return new DecodedImage(w, h, out, false);
    }

    /** A box found in the {@link #flip}ped picture, in the picture's own coordinates. */
    static Margins.Box unflip(Margins.Box b, int w, int h, boolean x, boolean y) {
        return new Margins.Box(x ? w - b.x1() : b.x0(), y ? h - b.y1() : b.y0(), x ? w - b.x0() : b.x1(), y ? h - b.y0() : b.y1());
    }
}
