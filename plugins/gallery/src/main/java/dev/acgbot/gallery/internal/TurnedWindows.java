package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

/**
 * The posted copy turned back by a few angles, for copies rotated on their own canvas. A copy turned by 10° moves every
 * whole-picture hash and every stored {@link CropWindows crop window} beyond the candidate radius; turned back by the
 * right angle, its central {@value CropWindows#SIDE} window (which a turn of up to 12° keeps inside the canvas for
 * pictures up to 16:9) is the source's central crop window again, which every format-3 signature stores. Nothing new is
 * stored: only the query is turned.
 */
final class TurnedWindows {
    /** The angles tried, in radians, as {@link RepostVerifier.Pose#theta()} names them (the copy is the source turned by -θ). */
    static final double[] ANGLES = {Math.toRadians(-10), Math.toRadians(10), Math.toRadians(-5), Math.toRadians(5)};
    /** The stored window a turned-back copy is compared with: the centre one. */
    static final int CENTRE = CropWindows.COUNT / 2;

    private TurnedWindows() {
    }

    /** The pHash of the central window of {@code flat} (no alpha) turned back by each of {@link #ANGLES}. */
    static long[] pHashes(DecodedImage flat) {
        long[] out = new long[ANGLES.length];
        for (int i = 0; i < ANGLES.length; i++) {
            out[i] = PerceptualHash.pHash(centre(flat, ANGLES[i]));
        }
        return out;
    }

    /**
     * The central window of {@code img} turned by {@code theta} about the picture's centre: pixel p (from the centre) of
     * the result is the copy's pixel at R(-θ)p, bilinear; outside the copy is white, as editors fill a rotated canvas.
     */
    static DecodedImage centre(DecodedImage img, double theta) {
        Margins.Box b = CropWindows.box(img.width(), img.height(), CENTRE);
        int w = img.width(), h = img.height(), ow = b.width(), oh = b.height();
        double cx = w / 2.0, cy = h / 2.0, cos = Math.cos(theta), sin = Math.sin(theta);
        int[] src = img.argb();
        int[] out = new int[ow * oh];
        for (int y = 0; y < oh; y++) {
            double py = b.y0() + y + 0.5 - cy;
            for (int x = 0; x < ow; x++) {
                double px = b.x0() + x + 0.5 - cx;
                out[y * ow + x] = bilinear(src, w, h, cx + cos * px + sin * py - 0.5, cy - sin * px + cos * py - 0.5);
            }
        }
        return new DecodedImage(ow, oh, out, false);
    }

    private static int bilinear(int[] px, int w, int h, double x, double y) {
        if (x < -0.5 || y < -0.5 || x > w - 0.5 || y > h - 0.5) {
            return 0xFFFFFFFF;
        }
        double fx = Math.max(0, Math.min(w - 1.0001, x)), fy = Math.max(0, Math.min(h - 1.0001, y));
        int x0 = (int) fx, y0 = (int) fy, x1 = Math.min(x0 + 1, w - 1), y1 = Math.min(y0 + 1, h - 1);
        double ax = fx - x0, ay = fy - y0;
        int a = px[y0 * w + x0], bb = px[y0 * w + x1], c = px[y1 * w + x0], d = px[y1 * w + x1];
        int rgb = 0xFF000000;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = (a >> shift & 0xFF) + ((bb >> shift & 0xFF) - (a >> shift & 0xFF)) * ax;
            double bottom = (c >> shift & 0xFF) + ((d >> shift & 0xFF) - (c >> shift & 0xFF)) * ax;
            rgb |= (int) Math.round(top + (bottom - top) * ay) << shift;
        }
        return rgb;
    }

    /**
     * Where the pose search starts for a candidate a turned-back copy found at {@code theta}: the whole picture turned (a
     * copy of a full-bleed picture keeps its frame), and the box a drawing on white turned by θ fills (the copy's trim
     * keeps the turned drawing's bounding box), both about the centre.
     */
    static java.util.List<RepostVerifier.Pose> seeds(double theta, float aspect) {
        double c = Math.abs(Math.cos(theta)), s = Math.abs(Math.sin(theta));
        return java.util.List.of(new RepostVerifier.Pose(0.5, 0.5, 1, 1, theta, false),
                new RepostVerifier.Pose(0.5, 0.5, Math.min(1.3, c + s / aspect), Math.min(1.3, c + s * aspect), theta, false));
    }
}
