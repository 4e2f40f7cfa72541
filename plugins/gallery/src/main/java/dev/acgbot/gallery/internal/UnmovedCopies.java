package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A copy whose picture did not move: the same canvas with something laid over a band of its top or bottom rows, or
 * added outside the picture (a site's text mark over a small icon, or beside it). At the candidate's trim box its pixels
 * are then the candidate's, row for row, but in that band. On a 32-64 px icon an 8 px mark covers a quarter of the
 * picture: the pose search found no pose for 4 of 11 such misses of the evaluation's sample and the edge step agreed at
 * 0.70-0.944 for the rest, while the residual of the true source outside the band was 0-1 grey levels a row and every
 * other candidate's was 5-200 somewhere (docs/benchmarks.md, watermarks round 8). Since round 21 the band may also lie
 * set in from the edge, or graze the picture within a re-encoding's noise where the mark runs on beyond it, when what
 * differs there was laid over rather than moved ({@link #LAID_OVER}; docs/benchmarks.md, "Marks laid over, round 21").
 */
final class UnmovedCopies {
    /** Rows of the {@value RepostSignature#DETAIL}-row picture a band may take: a mark a few lines tall over a small icon. */
    static final int MAX_BAND = 26;
    /** Mean |copy - candidate| (grey levels) a row outside the band may show: the same pixels reduced alike differ by 0-1. */
    static final double ROW_EXACT = 2.5;
    /**
     * Mean |copy - candidate| a row of a copy that is the candidate itself may show anywhere: a JPEG q75 copy of a 60 px
     * icon reached 5 in the rows with its edges (and its source then ranks first, ahead of a sibling that differs in a band).
     */
    static final double ROW_NOISE = 6;
    /** Largest difference of the two canvases' shapes (width / height) for the boxes to line up. */
    static final double SAME_SHAPE = 0.02;

    /**
     * The candidate matched outside a band: rows {@code from} to {@code to} (exclusive) of the candidate's trimmed
     * picture, anywhere in it (empty when {@code from == to}), the mean residual of the other rows, and of all rows
     * ({@code overall}: what ranks two matches).
     */
    record Match(int from, int to, double residual, boolean added, double overall) {
        /** The band's height in rows. */
        int band() {
            return to - from;
        }

        double similarity() {
            return 1 - residual / 255;
        }

        /** The copy shows something the candidate does not: a band with a mark, or ink outside the candidate's trim box. */
        boolean edited() {
            return band() > 0 || added;
        }
    }

    private UnmovedCopies() {
    }

    /**
     * Of {@code candidates}, the one the copy matches unmoved with the smallest residual over all rows (in the band, the
     * source still shows between a mark's letters; a sibling that differs there does not), when the copy is an edited one of it; -1 for none, and when the best is the copy itself untouched (a re-encoded or grey copy of its
     * source matches it without a band, and a sibling that differs in a band is then no copy of it).
     */
    static int best(DecodedImage flat, Margins.Box copyTrim, List<RepostSignature> candidates, Match[] found) {
        return best(flat, copyTrim, candidates, found, SharedWork.CALLER);
    }

    /** As {@link #best(DecodedImage, Margins.Box, List, Match[])}, each candidate's match a piece of {@code work}. */
    static int best(DecodedImage flat, Margins.Box copyTrim, List<RepostSignature> candidates, Match[] found, SharedWork work) {
        int best = -1;
        // candidates with one trim box (a photo's is the whole canvas) see the same pixels of the copy, reduced once: the
        // reduction for each candidate was a ninth of a lookup's CPU at 100k (JFR, DuplicateLookupScaleTest)
        Map<Margins.Box, byte[]> greys = new java.util.concurrent.ConcurrentHashMap<>();
        List<Optional<Match>> matches = work.map(candidates, c -> match(flat, copyTrim, c, greys));
        for (int i = 0; i < candidates.size(); i++) {
            found[i] = matches.get(i).orElse(null);
            Match m = found[i];
            if (m != null && (best < 0 || m.overall() < found[best].overall())) {
                best = i;
            }
        }
        return best >= 0 && found[best].edited() ? best : -1;
    }

    /**
     * Of the matches {@link #best} found, the one that is its candidate untouched, every row within a re-encoding's noise
     * and on average within {@link #ROW_EXACT}, on a candidate with a picture to agree on ({@link #MIN_CONTRAST}), the
     * closest; empty for none. For the last step of a lookup in which no candidate passed: a greyscale copy of a card
     * back (0.2 levels a row from its source) listed nothing, the pose search having matched its fine pattern nowhere.
     */
    static Optional<Integer> untouched(Match[] found, List<RepostSignature> candidates) {
        int best = -1;
        for (int i = 0; i < found.length; i++) {
            Match m = found[i];
            if (m != null && !m.edited() && m.overall() <= ROW_EXACT && contrast(candidates.get(i).detail(), m) >= MIN_CONTRAST
                    && (best < 0 || m.overall() < found[best].overall())) {
                best = i;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }

    /**
     * The copy ({@code flat}: reduced, no alpha; {@code copyTrim} its own trim box) against a candidate with the same
     * canvas shape: matched when every row of its trimmed picture outside one band at the top or bottom is the same, and
     * the copy shows something the candidate does not (a band with a mark, or ink outside the candidate's trim box).
     */
    static Optional<Match> match(DecodedImage flat, Margins.Box copyTrim, RepostSignature candidate) {
        return match(flat, copyTrim, candidate, new HashMap<>());
    }

    /** As {@link #match(DecodedImage, Margins.Box, RepostSignature)}, with the copy's reductions kept by trim box in {@code greys}. */
    private static Optional<Match> match(DecodedImage flat, Margins.Box copyTrim, RepostSignature candidate, Map<Margins.Box, byte[]> greys) {
        Optional<double[]> residual = rows(flat, candidate, greys);
        if (residual.isEmpty()) {
            return Optional.empty();
        }
        double[] r = residual.get();
        int n = r.length;
        double worst = max(r, 0, n);
        double all = mean(r, 0, n);
        Margins.Box at = box(flat, candidate);
        if (worst <= ROW_EXACT) {
            // the candidate itself; edited only with ink beyond it
            return Optional.of(new Match(0, 0, all, beyond(copyTrim, at), all));
        }
        // every row that differs must lie in one band: from the first such row to the bottom or from the top to the last,
        // the shorter, or else, for a mark laid over, from the first to the last
        int first = 0, last = n - 1;
        while (r[first] <= ROW_EXACT) {
            first++;
        }
        while (r[last] <= ROW_EXACT) {
            last--;
        }
        int from = last + 1 < n - first ? 0 : first, to = from == 0 ? last + 1 : n;
        Match atEnd = new Match(from, to, meanOutside(r, from, to), false, all);
        if (worst <= ROW_NOISE) {
            // the candidate itself, re-encoded or recoloured a little, unless the rows that differ are an end band laid over
            // that the copy's ink runs on from beyond the candidate: a mark over the picture's edge (a site's mark over the
            // lower row of a 60 px icon's squares darkened them by 2.1-3.8 levels a row and ran on 6 px below them)
            boolean overEdge = overEdge(atEnd, n, copyTrim, at) && laidOver(flat, greys.get(at), candidate.detail(), atEnd);
            return Optional.of(overEdge ? atEnd : new Match(0, 0, all, false, all));
        }
        Match m = atEnd;
        if (m.band() > MAX_BAND) {
            // a mark set in from the picture's edge (at the top left of a 32 px brush icon, rows 12-32 of 64)
            m = new Match(first, last + 1, meanOutside(r, first, last + 1), false, all);
            if (m.band() > MAX_BAND || !laidOver(flat, greys.get(at), candidate.detail(), m)) {
                return Optional.empty();
            }
        }
        return contrast(candidate.detail(), m) < MIN_CONTRAST || shareOutside(candidate.detail(), m) < MIN_SHARE_OUTSIDE
                ? Optional.empty() : Optional.of(m);
    }

    /**
     * Share of a band's difference that must go one way, away from the picture's paper (darker on light paper, lighter on
     * dark), for something laid over it. A mark adds ink: on a 32 px brush icon 0.95 of its band was darker. Ink that
     * moved leaves as much as it adds: a round icon turned by 3 degrees differed in the two bands its cross's strokes
     * cross, half darker, half lighter (0.50), and a line turned on its canvas was lighter at its ends only.
     */
    static final double LAID_OVER = 0.8;

    /**
     * Whether the band's difference ({@code copy}: the copy's grey picture at the candidate's trim box) is something laid
     * over the candidate ({@link #LAID_OVER}), the paper being the copy's top-left corner, where its margins are trimmed.
     */
    private static boolean laidOver(DecodedImage flat, byte[] copy, byte[] candidate, Match m) {
        int side = RepostSignature.DETAIL, corner = flat.argb()[0];
        double darker = 0, lighter = 0;
        for (int i = m.from() * side; i < m.to() * side; i++) {
            int d = (candidate[i] & 0xFF) - (copy[i] & 0xFF);
            darker += Math.max(0, d);
            lighter += Math.max(0, -d);
        }
        boolean lightPaper = 0.299 * (corner >> 16 & 0xFF) + 0.587 * (corner >> 8 & 0xFF) + 0.114 * (corner & 0xFF) >= 128;
        double away = lightPaper ? darker : lighter;
        return away > 0 && away >= LAID_OVER * (darker + lighter);
    }

    /** Whether the band lies at the top or bottom where the copy's ink reaches beyond the candidate's trim box. */
    private static boolean overEdge(Match m, int rows, Margins.Box copy, Margins.Box candidate) {
        return m.band() <= MAX_BAND && (m.from() == 0 && copy.y0() < candidate.y0() - 1 || m.to() == rows && copy.y1() > candidate.y1() + 1);
    }

    /** Whether the copy's trim box reaches beyond the candidate's (by more than a pixel of rounding): ink added outside it. */
    private static boolean beyond(Margins.Box copy, Margins.Box candidate) {
        return copy.x0() < candidate.x0() - 1 || copy.y0() < candidate.y0() - 1 || copy.x1() > candidate.x1() + 1
                || copy.y1() > candidate.y1() + 1;
    }

    /**
     * The candidate's grey spread over the rows outside the band: a nearly blank picture (a faint cloud) is the same as
     * any light part of a copy, so a match on it says nothing (a brightened terminal icon matched a cloud at 1.000).
     */
    static final double MIN_CONTRAST = 8;

    /**
     * The share of the candidate's picture (its grey variance) that must lie outside the band: a mark covers a part of a
     * picture, and a band that holds most of it leaves rows of margin to agree on (a brightened two-star rating matched
     * a one-and-a-half-star one on its white rows).
     */
    static final double MIN_SHARE_OUTSIDE = 0.6;

    private static double shareOutside(byte[] detail, Match m) {
        double mean = 0;
        for (byte b : detail) {
            mean += b & 0xFF;
        }
        mean /= detail.length;
        int side = RepostSignature.DETAIL, from = m.from() * side, to = m.to() * side;
        double all = 0, outside = 0;
        for (int i = 0; i < detail.length; i++) {
            double d = ((detail[i] & 0xFF) - mean) * ((detail[i] & 0xFF) - mean);
            all += d;
            outside += i < from || i >= to ? d : 0;
        }
        return all == 0 ? 0 : outside / all;
    }

    private static double contrast(byte[] detail, Match m) {
        int side = RepostSignature.DETAIL;
        double sum = 0, sq = 0;
        int n = 0;
        for (int i = 0; i < detail.length; i++) {
            if (i >= m.from() * side && i < m.to() * side) {
                continue;
            }
            int v = detail[i] & 0xFF;
            sum += v;
            sq += (double) v * v;
            n++;
        }
        return n == 0 ? 0 : Math.sqrt(Math.max(0, sq / n - (sum / n) * (sum / n)));
    }

    /** The mean of the rows outside {@code from} to {@code to}; 0 when the band takes every row. */
    private static double meanOutside(double[] r, int from, int to) {
        int outside = r.length - (to - from);
        return outside == 0 ? 0 : (mean(r, 0, r.length) * r.length - mean(r, from, to) * (to - from)) / outside;
    }

    private static double mean(double[] r, int from, int to) {
        double sum = 0;
        for (int y = from; y < to; y++) {
            sum += r[y];
        }
        return sum / (to - from);
    }

    private static double max(double[] r, int from, int to) {
        double m = 0;
        for (int y = from; y < to; y++) {
            m = Math.max(m, r[y]);
        }
        return m;
    }

    /** The candidate's trim box on the copy's canvas. */
    private static Margins.Box box(DecodedImage flat, RepostSignature candidate) {
        float[] b = candidate.box();
        int w = flat.width(), h = flat.height();
        return new Margins.Box((int) Math.round(b[0] * w), (int) Math.round(b[1] * h), (int) Math.round(b[2] * w), (int) Math.round(b[3] * h));
    }

    /**
     * Per row of the candidate's {@value RepostSignature#DETAIL}x{@value RepostSignature#DETAIL} grey picture, the mean
     * |copy - candidate| of the copy's pixels at the candidate's trim box (reduced once per box: {@code greys}); empty when
     * the canvases differ in shape.
     */
    private static Optional<double[]> rows(DecodedImage flat, RepostSignature candidate, Map<Margins.Box, byte[]> greys) {
        float[] b = candidate.box();
        double bw = b[2] - b[0], bh = b[3] - b[1];
        if (bw <= 0 || bh <= 0) {
            return Optional.empty();
        }
        double aspect = candidate.aspect() * bh / bw, copy = (double) flat.width() / flat.height();
        Margins.Box at = box(flat, candidate);
        if (Math.abs(aspect / copy - 1) > SAME_SHAPE || at.width() < 4 || at.height() < 4) {
            return Optional.empty();
        }
        byte[] q = greys.computeIfAbsent(at, box -> RepostSignature.grey(Margins.crop(flat, box), RepostSignature.DETAIL));
        byte[] c = candidate.detail();
        int side = RepostSignature.DETAIL;
        double[] rows = new double[side];
        for (int y = 0; y < side; y++) {
            double sum = 0;
            for (int x = 0; x < side; x++) {
                sum += Math.abs((q[y * side + x] & 0xFF) - (c[y * side + x] & 0xFF));
            }
            rows[y] = sum / side;
        }
        return Optional.of(rows);
    }
}
