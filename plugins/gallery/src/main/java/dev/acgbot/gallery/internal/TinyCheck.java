package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.preprocess.ImageOps;

/**
 * A tiny copy compared at its own resolution: the candidate's stored {@value #SIDE}x{@value #SIDE} grey picture
 * rendered down to the copy's pixels through the pose (each pixel the mean of the candidate's area it covers, as a
 * reduction averages it) and correlated with them. At 8-30 pixels the edges no longer tell a drawing from its
 * look-alikes; the pixels still do, when the candidate is brought to the copy's size rather than the copy enlarged.
 */
final class TinyCheck {
    /** A copy whose trimmed picture has no side longer than this is tiny. */
    static final int TINY = 48;
    /**
     * A copy whose trimmed picture is a strip at most this many pixels thin, at most {@value #THIN_LENGTH} long and of no
     * more pixels than the largest tiny copy ({@value #TINY} squared) is compared as a tiny one: the edge step enlarges its
     * few rows (or columns) onto its 64-cell grid as it would a tiny copy's. Resized and re-encoded, two rack switches
     * drawn 3-4 times as wide as high (70x17 and 70x23 pixels trimmed) agreed with their sources' edges at 0.943 and were
     * missed; compared so, they single their sources out. On the evaluation's five samples, 11 missed copies found and no
     * false duplicate more (docs/benchmarks.md, "Thin strips at their own pixels, round 27"). With no bound on the length,
     * a quarter crop of a flowchart box that kept only its 384-pixel bottom line matched a striped flag; with none on the
     * pixels, a lookup that finds nothing cost more than a tiny one does (the search as a part of every candidate,
     * {@link CroppedCopies}, renders the copy's pixels), and at 100k the pictures not stored took 1.9 ms more CPU at the
     * median for one copy more found. A strip turned on its canvas counts by its area laid straight
     * ({@link TurnedStrips#straightArea}): a map symbol's bar turned by 3° trimmed to 108x22 pixels, over the bound, and
     * its edges agreed with its source's at 0.93 at the pose its turn gives (round 32).
     */
    static final int THIN = 32;
    static final int THIN_LENGTH = 160;
    /** The thumbnail correlation a tiny copy's pose must reach (the others: {@link RepostVerifier#POSE_ACCEPT}). */
    static final double POSE = 0.7;
    private static final int SIDE = RepostSignature.DETAIL;

    /** The copy's trimmed picture in grey at its own size, and its mirror image. */
    record Pixels(int width, int height, float[] grey, float[] mirrored) {
        static Pixels of(DecodedImage trimmed) {
            return of(trimmed.width(), trimmed.height(), ImageOps.toGray(trimmed));
        }

        private static Pixels of(int w, int h, float[] g) {
            float[] m = new float[g.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    m[y * w + x] = g[y * w + w - 1 - x];
                }
            }
            return new Pixels(w, h, g, m);
        }

        /** Whether {@code trimmed} is compared at its own pixels: tiny, or a short thin strip ({@link #THIN}). */
        static boolean tiny(DecodedImage trimmed) {
            int longer = Math.max(trimmed.width(), trimmed.height()), shorter = Math.min(trimmed.width(), trimmed.height());
            return longer <= TINY || shorter <= THIN && longer <= THIN_LENGTH && (longer * shorter <= TINY * TINY
                    || TurnedStrips.straightArea(trimmed) <= TINY * TINY);
        }

        /**
         * The picture shrunk {@code by} times along each side (at least 1 pixel), each pixel the mean of the area it
         * covers, as a reduction averages it: a candidate rendered down to these pixels is compared with the copy at
         * that size ({@link CroppedCopies}' screens).
         */
        Pixels shrunk(int by) {
            return shrunkTo(Math.max(1, width / by), Math.max(1, height / by));
        }

        /** The picture reduced to {@code w2} x {@code h2} pixels (no more than it has), each the mean of the area it covers. */
        Pixels shrunkTo(int w2, int h2) {
            float[] rows = new float[w2 * height];
            for (int y = 0; y < height; y++) {
                for (int u = 0; u < w2; u++) {
                    rows[y * w2 + u] = (float) mean(grey, y * width, 1, width, w2, u);
                }
            }
            float[] g = new float[w2 * h2];
            for (int v = 0; v < h2; v++) {
                for (int u = 0; u < w2; u++) {
                    g[v * w2 + u] = (float) mean(rows, u, w2, height, h2, v);
                }
            }
            return of(w2, h2, g);
        }

        /**
         * The mean of {@code values} ({@code n} of them from {@code start}, {@code stride} apart) over the {@code i}-th of
         * {@code m} equal parts of their length, a value partly covered weighed by the share it covers.
         */
        private static double mean(float[] values, int start, int stride, int n, int m, int i) {
            double step = (double) n / m, from = i * step, to = (i + 1) * step, sum = 0;
            for (int j = (int) from; j < Math.min(n, (int) Math.ceil(to)); j++) {
                sum += (Math.min(j + 1, to) - Math.max(j, from)) * values[start + j * stride];
            }
            return sum / step;
        }
    }

    /**
     * How many times as many pixels as the candidate's stored picture had over the posed part a copy must have, each way,
     * to be compared at fewer pixels than its own ({@link #asStored}).
     */
    static final double RESOLVED = 1.2;
    /**
     * The share of the candidate's stored pixels such a copy is brought to: the stored {@value #SIDE}-cell picture was
     * enlarged from them bilinearly, which blurs what lay near their finest detail. Four quarter crops of an ornament's
     * page correlated with it at 0.80-0.83 at their own pixels, at 0.92-0.94 brought to the page's and at 0.955-0.985 to two
     * thirds of them (SmallDrawingGalleryTest; the evaluation's copy at 0.864, 0.951 and 0.964; docs/benchmarks.md, "Small
     * drawings cropped, round 30").
     */
    static final double SHARPER = 2.0 / 3;
    /** The shorter side of the page {@link #asStored} reduces: larger than any picture's, so that it is reduced. */
    private static final int LARGE_PAGE = 1 << 16;

    private TinyCheck() {
    }

    /**
     * {@code copy} ({@code q}'s pixels) brought to {@value #SHARPER} of the pixels {@code candidate}'s stored picture had over
     * the part {@code pose} puts the copy on, when the copy has {@value #RESOLVED} times as many or more each way; {@code copy}
     * otherwise. A quarter crop of a page with a small drawing on it is reduced less than the page was (its canvas is
     * smaller), so its drawing has a third more pixels than the stored one: an ornament 42x8 pixels on its stored page was
     * 56x12 in the evaluation's copy (seed 200) and correlated at 0.864 with the candidate rendered at those pixels, short of
     * the tiny copies' bars, at 0.964 brought down. The stored page was reduced to the gallery's shorter side
     * ({@link RepostVerifier.Query#gallerySide}), or was smaller still and had fewer pixels than this takes it for.
     */
    static Pixels asStored(RepostVerifier.Query q, Pixels copy, RepostSignature candidate, RepostVerifier.Pose pose) {
        float[] box = candidate.box();
        double bw = box[2] - box[0], bh = box[3] - box[1];
        // the page as the gallery reduced it, from a page of its aspect larger than any reduction keeps
        double pageAspect = candidate.aspect() * bh / bw;
        int[] page = ImageOps.reducedSize(pixels(LARGE_PAGE * Math.max(1, pageAspect)), pixels(LARGE_PAGE / Math.min(1, pageAspect)),
                q.gallerySide);
        double w = pose.sw() * bw * page[0], h = pose.sh() * bh * page[1];
        if (copy.width() < RESOLVED * w || copy.height() < RESOLVED * h) {
            return copy;
        }
        int w2 = (int) Math.round(SHARPER * w), h2 = (int) Math.round(SHARPER * h);
        return w2 < 2 || h2 < 2 ? copy : copy.shrunkTo(w2, h2);
    }

    private static int pixels(double length) {
        return (int) Math.min(Integer.MAX_VALUE, Math.round(length));
    }

    /**
     * The best correlation at {@code pose} or near it: shifts of half, a quarter and an eighth of a copy pixel, and
     * scales by as much again at each side, each once (at most 25 renderings; the pose was found on grids of 16-32
     * cells: at 15 pixels it is off by a fraction of a pixel that matters. In TinyCopiesTest the source correlates at
     * 0.934 at the found pose, 0.989 after this search; shifts alone reached 0.934, and a second pass at each step
     * found nothing more). The area table makes a rendering four table reads a pixel: 0.9-2.5 ms a candidate at load
     * 9.5 for 15-48 pixels (the first version, 4-36 samples a pixel over a longer search, took 5-22 ms at load 11).
     */
    static double best(Pixels copy, float[] detail, float aspect, RepostVerifier.Pose pose) {
        double[] sat = areaTable(detail);
        double best = score(copy, sat, aspect, pose);
        RepostVerifier.Pose at = pose;
        for (double step : new double[]{1.0 / 2, 1.0 / 4, 1.0 / 8}) {
            for (int p = 0; p < 4; p++) {
                double delta = step * (p % 2 == 0 ? pose.sw() / copy.width() : pose.sh() / copy.height()) * (p < 2 ? 1 : 2);
                RepostVerifier.Pose from = at;
                for (int sign = -1; sign <= 1; sign += 2) {
                    RepostVerifier.Pose next = from.with(p, sign * delta);
                    double s = score(copy, sat, aspect, next);
                    if (s > best + 1e-5) {
                        best = s;
                        at = next;
                    }
                }
            }
        }
        return best;
    }

    /** The correlation of the copy's pixels with the candidate rendered through {@code pose}; 0 when too few lie inside. */
    static double score(Pixels copy, double[] sat, float aspect, RepostVerifier.Pose pose) {
        int w = copy.width(), h = copy.height();
        float[] own = pose.mirror() ? copy.mirrored() : copy.grey();
        double cos = Math.cos(pose.theta()), sin = Math.sin(pose.theta());
        // half a copy pixel's footprint in the candidate's cells (a turn of up to 12 degrees barely changes its area)
        double hx = 0.5 * pose.sw() * SIDE / w, hy = 0.5 * pose.sh() * SIDE / h;
        double sq = 0, sqq = 0, ss = 0, sss = 0, sqs = 0;
        int n = 0;
        for (int v = 0; v < h; v++) {
            double dy = ((v + 0.5) / h - 0.5) * pose.sh();
            for (int u = 0; u < w; u++) {
                double dx = ((u + 0.5) / w - 0.5) * pose.sw() * aspect;
                double x = (pose.cx() * aspect + cos * dx - sin * dy) / aspect, y = pose.cy() + sin * dx + cos * dy;
                if (x < 0 || y < 0 || x > 1 || y > 1) {
                    continue;
                }
                double s = areaMean(sat, x * SIDE - hx, y * SIDE - hy, x * SIDE + hx, y * SIDE + hy);
                double q = own[v * w + u];
                sq += q;
                sqq += q * q;
                ss += s;
                sss += s * s;
                sqs += q * s;
                n++;
            }
        }
        if (n < 0.6 * w * h) {
            return 0;
        }
        double varQ = sqq - sq * sq / n, varS = sss - ss * ss / n;
        return varQ <= 1e-6 || varS <= 1e-6 ? 0 : (sqs - sq * ss / n) / Math.sqrt(varQ * varS);
    }

    /** The summed-area table of a {@value #SIDE}-square picture, {@code SIDE + 1} square (row and column 0 zero). */
    static double[] areaTable(float[] picture) {
        int t = SIDE + 1;
        double[] sat = new double[t * t];
        for (int y = 0; y < SIDE; y++) {
            double row = 0;
            for (int x = 0; x < SIDE; x++) {
                row += picture[y * SIDE + x];
                sat[(y + 1) * t + x + 1] = sat[y * t + x + 1] + row;
            }
        }
        return sat;
    }

    /**
     * The mean of the picture over the rectangle {@code x0, y0, x1, y1} (in cells, clamped to the picture): exact for
     * cells of constant value, the table interpolated bilinearly at the fractional corners.
     */
    static double areaMean(double[] sat, double x0, double y0, double x1, double y1) {
        // inside the table whatever the rectangle (a degenerate one reads it and is 0): as the overload clamps when it is not
        double cx0 = inside(x0), cy0 = inside(y0), cx1 = inside(x1), cy1 = inside(y1);
        return areaMean(x0, y0, x1, y1, integral(sat, cx1, cy1), integral(sat, cx0, cy1), integral(sat, cx1, cy0), integral(sat, cx0, cy0));
    }

    private static double inside(double v) {
        return Math.max(0, Math.min(SIDE, v));
    }

    /**
     * {@link #areaMean} of a rectangle inside the picture from its corners' table values, read already: {@code i11} at
     * {@code x1, y1}, {@code i01} at {@code x0, y1}, {@code i10} at {@code x1, y0}, {@code i00} at {@code x0, y0}.
     */
    static double areaMean(double x0, double y0, double x1, double y1, double i11, double i01, double i10, double i00) {
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        x1 = Math.min(SIDE, x1);
        y1 = Math.min(SIDE, y1);
        if (x1 - x0 < 1e-3 || y1 - y0 < 1e-3) {
            return 0; // not reached: the footprint's centre lies inside the picture
        }
        return (i11 - i01 - i10 + i00) / ((x1 - x0) * (y1 - y0));
    }

    /** The area table interpolated bilinearly at {@code x, y} (in cells, inside the picture). */
    static double integral(double[] sat, double x, double y) {
        int t = SIDE + 1;
        int x0 = Math.min((int) x, SIDE - 1), y0 = Math.min((int) y, SIDE - 1);
        double fx = x - x0, fy = y - y0;
        int i = y0 * t + x0;
        double top = sat[i] + (sat[i + 1] - sat[i]) * fx;
        double bottom = sat[i + t] + (sat[i + t + 1] - sat[i + t]) * fx;
        return top + (bottom - top) * fy;
    }
}
