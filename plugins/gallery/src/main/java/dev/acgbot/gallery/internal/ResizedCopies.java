package dev.acgbot.gallery.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A tiny copy taken as its candidate resized, with nothing free to fit: where the two trim boxes (as shares of each
 * picture) put the candidate's trimmed picture in the copy's, each copy pixel is the mean of the candidate's area it
 * covers, white beyond the candidate's trim box. A resize keeps every share of the picture, so the source's pixels are
 * placed exactly, and a copy pixel on the drawing's edge that also covers margin is rendered so; {@link TinyCheck}
 * searches the pose and leaves out the copy pixels whose centre falls outside the candidate, at 15 pixels a row or
 * column on each side. In a diagnosis of the resize-25 % copies {@link TinyCopies} left undecided (`--sample-seed 77`,
 * docs/benchmarks.md "Tiny and turned copies, round 11"), the sources scored 0.998-0.9995 so and their look-alikes of the same icon
 * set at most 0.996 (`kwrite` 0.9995 against `xedit` 0.9957, `border_remove` 0.9982 against `border_all` 0.9882,
 * `warning` 0.9993 against `file_important` 0.30, which TinyCheck posed as a crop at 0.9914 against 0.9874).
 */
final class ResizedCopies {
    /** The correlation at which a candidate may be the copy resized. */
    static final double ACCEPT = 0.99;
    private static final double WHITE = 255;

    private ResizedCopies() {
    }

    /**
     * The candidate the copy resized singles out: correlating at {@value #ACCEPT} or more, with a residual at most
     * 1/{@link TinyCopies#CLEARER} of the next candidate's whose stored picture is another (a twin stored under two names
     * is no rival). None for a faint copy: a pen line of 13x1 pixels, one of them a shade lighter, correlated at 1.0 with a
     * pen of another width.
     */
    static Optional<TinyCopies.Posed> singledOut(RepostVerifier.Query q, List<TinyCopies.Posed> candidates) {
        if (q.faint) {
            return Optional.empty();
        }
        record Scored(TinyCopies.Posed posed, double correlation) {
        }
        List<Scored> ranked = candidates.stream().map(c -> new Scored(c, correlation(q, c.signature())))
                .sorted(Comparator.comparingDouble(Scored::correlation).reversed()).toList();
        if (ranked.isEmpty()) {
            return Optional.empty();
        }
        Scored best = ranked.getFirst();
        double next = TinyCopies.nextOther(ranked, s -> s.posed().signature(), Scored::correlation);
        return TinyCopies.clearly(best.correlation(), next, ACCEPT) ? Optional.of(best.posed()) : Optional.empty();
    }

    /** The correlation of the tiny copy's pixels with {@code candidate} resized to the copy's picture. */
    static double correlation(RepostVerifier.Query q, RepostSignature candidate) {
        return correlation(q.tiny, q.signature.box(), candidate, TinyCheck.areaTable(DetailCheck.floats(candidate.detail())), 0, 0, 1, 1);
    }

    /**
     * The correlation of {@code copy} (a tiny copy's pixels, or those of the copy shrunk, trimmed to {@code a} of its
     * picture) with the part {@code x0, y0} (its top left) by {@code rw, rh} of {@code candidate}'s whole picture (shares
     * of its width and height) resized to the copy's pixels ({@code sat}: the area table of the candidate's detail picture).
     */
    static double correlation(TinyCheck.Pixels copy, float[] a, RepostSignature candidate, double[] sat, double x0, double y0, double rw, double rh) {
        float[] c = candidate.box();
        int w = copy.width(), h = copy.height(), side = RepostSignature.DETAIL;
        // a copy pixel's edges in the candidate's trimmed picture, in its detail cells
        double[] xs = edges(w, x0 + rw * a[0], x0 + rw * a[2], c[0], c[2], side), ys = edges(h, y0 + rh * a[1], y0 + rh * a[3], c[1], c[3], side);
        double[] corners = corners(sat, xs, ys, side);
        double sq = 0, sqq = 0, ss = 0, sss = 0, sqs = 0;
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                double s = rendered(corners, xs, ys, u, v);
                double p = copy.grey()[v * w + u];
                sq += p;
                sqq += p * p;
                ss += s;
                sss += s * s;
                sqs += p * s;
            }
        }
        int n = w * h;
        double varQ = sqq - sq * sq / n, varS = sss - ss * ss / n;
        return varQ <= 1e-6 || varS <= 1e-6 ? 0 : (sqs - sq * ss / n) / Math.sqrt(varQ * varS);
    }

    /**
     * The {@code n + 1} pixel edges of the copy's trimmed picture along one axis, in the candidate's detail cells: the
     * copy trimmed to {@code a0..a1} of its picture, the candidate to {@code c0..c1} of its own.
     */
    private static double[] edges(int n, double a0, double a1, double c0, double c1, int side) {
        double[] e = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            e[i] = (a0 + (a1 - a0) * i / n - c0) / (c1 - c0) * side;
        }
        return e;
    }

    /**
     * The area table read at every pixel corner once ({@link TinyCheck#integral}), row by row, each corner clamped to the
     * picture as {@link TinyCheck#areaMean} clamps it: a rendering used to read each inner corner for the four pixels
     * around it, and {@link CroppedCopies} renders every candidate some 200 times a lookup, most of the CPU of a tiny
     * copy's lookup that found nothing (JFR: 60 % of the samples of 300 lookups of Adwaita icons, `duplicates --unrelated`).
     * A corner a pixel reads is inside the picture on the side it is read from (a pixel wholly outside is white before),
     * so the clamped corner is the one {@link TinyCheck#areaMean} reads, and every rendered value is the same to the bit.
     */
    static double[] corners(double[] sat, double[] xs, double[] ys, int side) {
        int nx = xs.length;
        double[] x = new double[nx];
        for (int u = 0; u < nx; u++) {
            x[u] = Math.max(0, Math.min(side, xs[u]));
        }
        double[] out = new double[nx * ys.length];
        for (int v = 0; v < ys.length; v++) {
            double y = Math.max(0, Math.min(side, ys[v]));
            for (int u = 0; u < nx; u++) {
                out[v * nx + u] = TinyCheck.integral(sat, x[u], y);
            }
        }
        return out;
    }

    /**
     * The mean over copy pixel {@code u, v}'s footprint (edges {@code xs}, {@code ys}, in the candidate's detail cells): the
     * candidate's cells inside its trim box from the {@link #corners}, white beyond it.
     */
    static double rendered(double[] corners, double[] xs, double[] ys, int u, int v) {
        double x0 = xs[u], y0 = ys[v], x1 = xs[u + 1], y1 = ys[v + 1];
        int side = RepostSignature.DETAIL;
        double ix = Math.min(x1, side) - Math.max(x0, 0), iy = Math.min(y1, side) - Math.max(y0, 0);
        double full = (x1 - x0) * (y1 - y0);
        if (ix <= 0 || iy <= 0) {
            return WHITE;
        }
        double inside = ix * iy;
        int nx = xs.length;
        double mean = TinyCheck.areaMean(x0, y0, x1, y1, corners[(v + 1) * nx + u + 1], corners[(v + 1) * nx + u],
                corners[v * nx + u + 1], corners[v * nx + u]);
        return (mean * inside + WHITE * (full - inside)) / full;
    }
}
