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
 * other candidate's was 5-200 somewhere (docs/benchmarks.md, watermarks round 8).
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
     * The candidate matched outside a band: {@code band} rows at the {@code top} or bottom of the candidate's trimmed
     * picture, the mean residual of the other rows, and of all rows ({@code overall}: what ranks two matches).
     */
    record Match(int band, boolean top, double residual, boolean added, double overall) {
        double similarity() {
            return 1 - residual / 255;
        }

        /** The copy shows something the candidate does not: a band with a mark, or ink outside the candidate's trim box. */
        boolean edited() {
            return band > 0 || added;
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
        if (worst <= ROW_NOISE) {
            // the candidate itself, re-encoded or recoloured a little; edited only when exactly the same with ink beyond it
            double all = mean(r, 0, n);
            return Optional.of(new Match(0, false, all, worst <= ROW_EXACT && beyond(copyTrim, box(flat, candidate)), all));
        }
        // some row differs beyond the noise; every row that does must lie in one band, from the first such row to the
        // bottom or from the top to the last, the shorter
        int first = 0, last = n - 1;
        while (r[first] <= ROW_EXACT) {
            first++;
        }
        while (r[last] <= ROW_EXACT) {
            last--;
        }
        boolean top = last + 1 < n - first;
        int band = top ? last + 1 : n - first;
        if (band > MAX_BAND) {
            return Optional.empty();
        }
        Match m = new Match(band, top, top ? mean(r, band, n) : mean(r, 0, n - band), false, mean(r, 0, n));
        return contrast(candidate.detail(), m) < MIN_CONTRAST || shareOutside(candidate.detail(), m) < MIN_SHARE_OUTSIDE
                ? Optional.empty() : Optional.of(m);
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
        int side = RepostSignature.DETAIL, from = m.top() ? m.band() * side : 0, to = m.top() ? detail.length : (side - m.band()) * side;
        double all = 0, outside = 0;
        for (int i = 0; i < detail.length; i++) {
            double d = ((detail[i] & 0xFF) - mean) * ((detail[i] & 0xFF) - mean);
            all += d;
            outside += i >= from && i < to ? d : 0;
        }
        return all == 0 ? 0 : outside / all;
    }

    private static double contrast(byte[] detail, Match m) {
        int side = RepostSignature.DETAIL, from = m.top() ? m.band() : 0, to = m.top() ? side : side - m.band();
        double sum = 0, sq = 0;
        int n = 0;
        for (int i = from * side; i < to * side; i++) {
            int v = detail[i] & 0xFF;
            sum += v;
            sq += (double) v * v;
            n++;
        }
        return n == 0 ? 0 : Math.sqrt(Math.max(0, sq / n - (sum / n) * (sum / n)));
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
