package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.preprocess.ImageOps;

/**
 * A tiny copy compared at its own resolution: the candidate's stored 64x64 picture rendered down to the copy's pixels
 * (an area average through the pose) and correlated with them.
 */
final class TinyCheck {
    /** A copy whose trimmed picture has no side longer than this is tiny. */
    static final int TINY = 48;
    /** The thumbnail correlation a tiny copy's pose must reach (the others: {@link RepostVerifier#POSE_ACCEPT}). */
    static final double POSE = 0.7;
    private static final int SIDE = RepostSignature.DETAIL;

    /** The copy's trimmed picture in grey at its own size, and its mirror image. */
    record Pixels(int width, int height, float[] grey, float[] mirrored) {
        static Pixels of(DecodedImage trimmed) {
            float[] g = ImageOps.toGray(trimmed);
            int w = trimmed.width(), h = trimmed.height();
            float[] m = new float[g.length];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    m[y * w + x] = g[y * w + w - 1 - x];
                }
            }
            return new Pixels(w, h, g, m);
        }

        static boolean tiny(DecodedImage trimmed) {
            return Math.max(trimmed.width(), trimmed.height()) <= TINY;
        }
    }

    private TinyCheck() {
    }

    /**
     * The best correlation at {@code pose} or shifted by a third, then a sixth, of a copy pixel (the pose was found on
     * grids of 16-64 cells, a copy pixel is 2-4 of them). At most nine renderings: a wider search (scales too, two
     * rounds) cost 5-20 ms a candidate at load 11 and is not needed once the pose is found.
     */
    static double best(Pixels copy, float[] detail, float aspect, RepostVerifier.Pose pose) {
        double best = score(copy, detail, aspect, pose);
        RepostVerifier.Pose at = pose;
        for (double step : new double[]{1.0 / 3, 1.0 / 6}) {
            for (int p = 0; p < 2; p++) {
                double delta = step * (p == 0 ? pose.sw() / copy.width() : pose.sh() / copy.height());
                RepostVerifier.Pose from = at;
                for (int sign = -1; sign <= 1; sign += 2) {
                    RepostVerifier.Pose next = from.with(p, sign * delta);
                    double s = score(copy, detail, aspect, next);
                    if (s > best) {
                        best = s;
                        at = next;
                    }
                }
            }
        }
        return best;
    }

    static double score(Pixels copy, float[] detail, float aspect, RepostVerifier.Pose pose) {
        float[] rendered = render(detail, aspect, pose, copy.width(), copy.height());
        float[] own = pose.mirror() ? copy.mirrored() : copy.grey();
        double sq = 0, sqq = 0, ss = 0, sss = 0, sqs = 0;
        int n = 0;
        for (int i = 0; i < own.length; i++) {
            if (Float.isNaN(rendered[i])) {
                continue;
            }
            double q = own[i], s = rendered[i];
            sq += q;
            sqq += q * q;
            ss += s;
            sss += s * s;
            sqs += q * s;
            n++;
        }
        if (n < 0.6 * own.length) {
            return 0;
        }
        double varQ = sqq - sq * sq / n, varS = sss - ss * ss / n;
        return varQ <= 1e-6 || varS <= 1e-6 ? 0 : (sqs - sq * ss / n) / Math.sqrt(varQ * varS);
    }

    /**
     * The candidate's picture ({@value #SIDE} square, of a picture with the given aspect) as the copy's {@code w}x{@code h}
     * pixels through {@code pose}: each pixel the mean of the points of its footprint; NaN where its centre lies outside.
     */
    static float[] render(float[] detail, float aspect, RepostVerifier.Pose pose, int w, int h) {
        float[] out = new float[w * h];
        double cos = Math.cos(pose.theta()), sin = Math.sin(pose.theta());
        int nx = Math.max(1, (int) Math.ceil(SIDE * pose.sw() / w)), ny = Math.max(1, (int) Math.ceil(SIDE * pose.sh() / h));
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                if (!inside(aspect, pose, cos, sin, (u + 0.5) / w, (v + 0.5) / h)) {
                    out[v * w + u] = Float.NaN;
                    continue;
                }
                double sum = 0;
                for (int j = 0; j < ny; j++) {
                    double b = (v + (j + 0.5) / ny) / h;
                    for (int i = 0; i < nx; i++) {
                        double a = (u + (i + 0.5) / nx) / w;
                        double dx = (a - 0.5) * pose.sw() * aspect, dy = (b - 0.5) * pose.sh();
                        double x = (pose.cx() * aspect + cos * dx - sin * dy) / aspect * SIDE - 0.5;
                        double y = (pose.cy() + sin * dx + cos * dy) * SIDE - 0.5;
                        sum += bilinear(detail, x, y);
                    }
                }
                out[v * w + u] = (float) (sum / (nx * ny));
            }
        }
        return out;
    }

    private static boolean inside(float aspect, RepostVerifier.Pose pose, double cos, double sin, double a, double b) {
        double dx = (a - 0.5) * pose.sw() * aspect, dy = (b - 0.5) * pose.sh();
        double x = (pose.cx() * aspect + cos * dx - sin * dy) / aspect, y = pose.cy() + sin * dx + cos * dy;
        return x >= 0 && y >= 0 && x <= 1 && y <= 1;
    }

    private static double bilinear(float[] img, double x, double y) {
        x = Math.max(0, Math.min(SIDE - 1.0001, x));
        y = Math.max(0, Math.min(SIDE - 1.0001, y));
        int x0 = (int) x, y0 = (int) y;
        double fx = x - x0, fy = y - y0;
        int i = y0 * SIDE + x0;
        double top = img[i] + (img[i + 1] - img[i]) * fx;
        double bottom = img[i + SIDE] + (img[i + SIDE + 1] - img[i + SIDE]) * fx;
        return top + (bottom - top) * fy;
    }
}
