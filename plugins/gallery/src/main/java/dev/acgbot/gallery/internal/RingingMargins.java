package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.Optional;

/**
 * The trim of a posted copy past a thin margin a JPEG's ringing kept. openclipart's signal flags are 84 px with a 1-px
 * white margin around a black outline; the stored trim takes that margin, while in a JPEG copy the outline rings into it
 * (10-18 levels, up to 59, in 2-10 % of its pixels) and {@link Margins}, which wants 98 % of a line within
 * {@value Margins#TOLERANCE} levels, keeps it on two or three sides. The copy's trimmed picture is then its source's with
 * a white line along some of its edges, and the edge step at the true pose disagrees on the outline (0.91 for Juliet at
 * q40, 0.59 for Echo at q75) where the copy cut by that line agrees at 0.999 and 0.996 (evaluation, {@code --sample-seed 123}
 * and {@code 200}). Up to {@value #DEPTH} lines a side past the usual trim, a line is margin here when {@value #SHARE} of
 * it lies within {@value #TOLERANCE} levels of the margin colour. Only for the verifier's extra attempt
 * ({@link CandidateChecks}): what is stored, and the copy's hashes, keep the usual trim.
 */
final class RingingMargins {
    /** Twice {@link Margins}' tolerance: ringing next to a dark outline. */
    static final int TOLERANCE = 2 * Margins.TOLERANCE;
    /** The share of a line within the tolerance (Margins wants 98 %). */
    static final double SHARE = 0.85;
    /** The most lines a side this trims past the usual one: ringing spreads a line or two, a drawing's own edge further. */
    static final int DEPTH = 2;

    private RingingMargins() {
    }

    /**
     * The copy trimmed past ringing margin lines, as a query; none when its usual trim left no such line, or when the
     * margin colour (the top-left corner's, as {@link Margins} takes it) is not white: ringing is what a JPEG does to a
     * white surround. {@code flat} is {@code reduced} on white, as the lookup's views already hold it, and {@code own}
     * the copy's usual trim.
     */
    static Optional<RepostVerifier.Query> query(DecodedImage reduced, DecodedImage flat, Margins.Box own) {
        int w = flat.width();
        int[] px = flat.argb();
        if (!light(px[0]) || own.width() <= 4 * DEPTH || own.height() <= 4 * DEPTH) {
            return Optional.empty();
        }
        int x0 = own.x0(), y0 = own.y0(), x1 = own.x1(), y1 = own.y1();
        for (int i = 0; i < DEPTH && ringing(px, w, x0, x1, y0, true); i++) {
            y0++;
        }
        for (int i = 0; i < DEPTH && ringing(px, w, x0, x1, y1 - 1, true); i++) {
            y1--;
        }
        for (int i = 0; i < DEPTH && ringing(px, w, y0, y1, x0, false); i++) {
            x0++;
        }
        for (int i = 0; i < DEPTH && ringing(px, w, y0, y1, x1 - 1, false); i++) {
            x1--;
        }
        Margins.Box trim = new Margins.Box(x0, y0, x1, y1);
        return trim.equals(own) ? Optional.empty() : Optional.of(new RepostVerifier.Query(reduced, trim));
    }

    /** The widest margin, as a share of the picture's side, that a candidate's stored trim took where ringing would be. */
    static final double THIN = 0.05;

    /**
     * Whether the trim past the ringing ({@code rung}) is worth a pose search on {@code candidate}: on every side it trims
     * past the copy's usual trim ({@code whole}), the candidate's stored trim took a thin margin (more than none, at most
     * {@value #THIN} of its side), and it keeps a share of the copy closer to the share the candidate's trim kept. Light
     * anti-aliased edge rows are common, thin stored margins rarer: without the first test, in five samples of the
     * evaluation, four more false duplicates were listed (resized and turned copies of icons, trimmed past their light
     * edge rows, matching a sibling: a mitred join, a thinner pen width, a close icon), for recall up on six cells of the
     * two fresh samples and down on one (docs/benchmarks.md, "Margins a JPEG rang into, round 22").
     */
    static boolean closer(RepostVerifier.Query rung, RepostVerifier.Query whole, RepostSignature candidate) {
        float[] r = rung.signature.box(), w = whole.signature.box(), c = candidate.box();
        for (int side = 0; side < 4; side++) {
            double margin = side < 2 ? c[side] : 1 - c[side];
            if (r[side] != w[side] && (margin <= 0 || margin > THIN)) {
                return false;
            }
        }
        return Math.abs(Math.log(rung.signature.keptArea() / candidate.keptArea()))
                < Math.abs(Math.log(whole.signature.keptArea() / candidate.keptArea()));
    }

    /** Whether the line {@code at} (a row when {@code row}, else a column), from {@code from} to {@code to}, is ringing white. */
    private static boolean ringing(int[] px, int w, int from, int to, int at, boolean row) {
        int within = 0;
        for (int i = from; i < to; i++) {
            int p = row ? px[at * w + i] : px[i * w + at];
            if (255 - Math.min(p >> 16 & 0xFF, Math.min(p >> 8 & 0xFF, p & 0xFF)) <= TOLERANCE) {
                within++;
            }
        }
        return within >= SHARE * (to - from);
    }

    private static boolean light(int p) {
        return Math.min(p >> 16 & 0xFF, Math.min(p >> 8 & 0xFF, p & 0xFF)) >= 255 - TOLERANCE;
    }
}
