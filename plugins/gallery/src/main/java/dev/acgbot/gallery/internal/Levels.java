package dev.acgbot.gallery.internal;

import java.util.Arrays;

/**
 * A brightness / contrast change, {@code out = gain * (in - 128) + 128 + lift} clamped to 0..255, as the copy shows it
 * against a candidate: fitted at the pose the thumbnails found, and applied to the candidate's stored pictures before
 * they are compared with the copy (issue 12, docs/benchmarks.md "Brightness and contrast, round 7"). Correlation and
 * gradients ignore gain and lift already; what they do not ignore is the clamp. A brightened copy (+20 %: +51 levels)
 * turns everything above 204 white: light areas lose their edges, pale lines vanish, saturated colours lose their hue
 * share (red 255/40/40 becomes 255/91/91), so the copy's edges and mean hue no longer match its own source's. Brought to
 * the copy's levels, the candidate loses the same detail and hue, as {@link DetailCheck#atCopyDetail} brings it to the
 * copy's blur: the copy decides, never the other way (nothing the copy lost can be put back into it).
 *
 * @param gain   the slope
 * @param lift   the shift of mid-grey, in levels
 * @param closer how much closer the fitted levels bring the quantiles than the stored ones, in levels a quantile: how
 *               clearly the copy is an edit of the candidate's levels (0 for {@link #NONE})
 */
record Levels(double gain, double lift, double closer) {
    static final Levels NONE = new Levels(1, 0, 0);
    /** Quantiles compared: enough for a 32x32 thumbnail, cheap to sort. */
    private static final int QUANTILES = 32;
    /** Below these the change is a re-encode's noise, not an edit: the candidate is compared as stored. */
    private static final double MIN_GAIN_CHANGE = 0.06;
    private static final double MIN_LIFT = 8;
    /** Beyond these the fit is not a brightness or contrast edit of the same picture. */
    private static final double MIN_GAIN = 0.5;
    private static final double MAX_GAIN = 2.0;

    boolean none() {
        return this.equals(NONE);
    }

    /**
     * The levels that take the candidate's cells to the copy's, by their quantiles (the cells inside the candidate at
     * the pose: a border or caption is not in the source), not cell by cell: a pose a cell off blurs a cell-wise fit,
     * the two histograms of the same region do not move with it. The clamp is part of the model, so the quantiles a
     * brightened copy turned white say how far the lift went. The fit is not the edit itself: cells that mix white and
     * colour rise less than the lift, so a +51 lift on clip art fits gains of 0.6-0.9. {@link #NONE} unless the fit is
     * clearly closer than the levels as they were ({@value #MIN_GAIN_OVER_NONE} levels a quantile) and {@link #clamps}
     * (grey: only the clamp changes what correlation and gradients see).
     */
    static Levels fit(float[] copy, float[] candidate, boolean[] inside) {
        int n = 0;
        for (boolean in : inside) {
            n += in ? 1 : 0;
        }
        float[] q = new float[n], c = new float[n];
        for (int i = 0, k = 0; i < inside.length; i++) {
            if (inside[i]) {
                q[k] = copy[i];
                c[k++] = candidate[i];
            }
        }
        return fit(q, c, QUANTILES);
    }

    /**
     * The levels that take the candidate's colour grid (R, G and B of every cell, as {@link RepostSignature} keeps them,
     * or as {@link RepostVerifier#coloursInside} samples them) to the copy's: the clamp works on each channel, so a red
     * that is 255 in one channel and 40 in the others keeps the first and lifts the others, which a fit on grey
     * (a mix of the channels) cannot tell. Here the gain matters without a clamp too: a mean hue is scaled by it. Cells
     * that mix white and colour rise less than the lift (the lift fades with the share of white), which a lower gain
     * fits.
     */
    static Levels fitColours(byte[] copy, byte[] candidate) {
        return fit(floats(copy), floats(candidate), COLOUR_QUANTILES);
    }

    private static final int COLOUR_QUANTILES = 16;

    private static float[] floats(byte[] levels) {
        float[] f = new float[levels.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = levels[i] & 0xFF;
        }
        return f;
    }

    /** {@code copy} and {@code candidate}: the values of the same region, in any order (sorted here, in place). */
    private static Levels fit(float[] q, float[] c, int quantiles) {
        if (q.length < 2 * quantiles || c.length < 2 * quantiles) {
            return NONE;
        }
        Arrays.sort(q);
        Arrays.sort(c);
        float[] qq = new float[quantiles], cq = new float[quantiles];
        for (int i = 0; i < quantiles; i++) {
            qq[i] = q[(int) ((i + 0.5) * q.length / quantiles)];
            cq[i] = c[(int) ((i + 0.5) * c.length / quantiles)];
        }
        Levels best = NONE;
        double least = error(NONE, cq, qq);
        double none = least;
        double gainStep = 0.1, liftStep = 10;
        double g0 = 1, l0 = 0;
        for (int round = 0; round < 3; round++) {
            double cg = best.none() ? g0 : best.gain(), cl = best.none() ? l0 : best.lift();
            for (int gi = -5; gi <= 5; gi++) {
                for (int li = -10; li <= 10; li++) {
                    double gain = cg + gi * gainStep, lift = cl + li * liftStep;
                    if (gain < MIN_GAIN || gain > MAX_GAIN) {
                        continue;
                    }
                    Levels l = new Levels(gain, lift, 0);
                    double e = error(l, cq, qq);
                    if (e < least) {
                        least = e;
                        best = l;
                    }
                }
            }
            gainStep /= 4;
            liftStep /= 4;
        }
        if (best.none() || none - least < MIN_GAIN_OVER_NONE
                || Math.abs(best.gain() - 1) < MIN_GAIN_CHANGE && Math.abs(best.lift()) < MIN_LIFT) {
            return NONE;
        }
        return new Levels(best.gain(), best.lift(), none - least);
    }

    /** How far past white or black a change must take some level before it is applied: see {@link #clamps}. */
    private static final double MIN_CLAMP = 8;

    /**
     * Whether the change takes part of the range past white or black. Only then does it matter: correlation and
     * gradient agreement ignore gain and lift, the clamp is what they do not ignore. A resized or blurred copy of thin
     * line art fits a lower gain (its lines grey out) that clamps nothing; applied anyway, such fits cost resized copies
     * on the evaluation (resize 25 % 0.815 to 0.806, docs/benchmarks.md).
     */
    boolean clamps() {
        return gain * 127 + 128 + lift > 255 + MIN_CLAMP || 128 + lift - gain * 128 < -MIN_CLAMP;
    }

    /** How much closer than the stored levels a fit must bring the quantiles, in levels a quantile on average. */
    private static final double MIN_GAIN_OVER_NONE = 2;

    private static double error(Levels l, float[] candidate, float[] copy) {
        double e = 0;
        for (int i = 0; i < candidate.length; i++) {
            e += Math.abs(l.apply(candidate[i]) - copy[i]);
        }
        return e / candidate.length;
    }

    double apply(double v) {
        return Math.max(0, Math.min(255, gain * (v - 128) + 128 + lift));
    }

    float[] apply(float[] grey) {
        if (none()) {
            return grey;
        }
        float[] out = new float[grey.length];
        for (int i = 0; i < grey.length; i++) {
            out[i] = (float) apply(grey[i]);
        }
        return out;
    }

    /** Unsigned levels (grey pictures, RGB grids) through the change, rounded. */
    byte[] apply(byte[] levels) {
        if (none()) {
            return levels;
        }
        byte[] out = new byte[levels.length];
        for (int i = 0; i < levels.length; i++) {
            out[i] = (byte) Math.round(apply(levels[i] & 0xFF));
        }
        return out;
    }
}
