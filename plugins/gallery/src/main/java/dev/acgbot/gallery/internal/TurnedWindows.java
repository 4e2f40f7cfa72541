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
    /**
     * The angles tried, in radians, as {@link RepostVerifier.Pose#theta()} names them (the copy is the source turned by
     * -θ). 0 is the copy as posted: its central window finds the source of copies whose whole hashes an edit moved but
     * whose centre it left alone (text watermark 0.72 → 0.73, brightness 0.82 → 0.83, crop+resize+JPEG 0.76 → 0.79,
     * not-stars, docs/benchmarks.md), at 1 or 2 more false duplicates on three edits.
     */
    static final double[] ANGLES = {0, Math.toRadians(-10), Math.toRadians(10), Math.toRadians(-5), Math.toRadians(5)};
    /**
     * The copy is turned at a shorter side of 64-127 pixels ({@link #halved}): the pHash looks at 32x32 of the window.
     * Turning the indexer's 256-pixel copy cost 3.0 ms a lookup at 100k images, this 1.0 ms, for the same recall on all
     * 21 edits (docs/benchmarks.md).
     */
    static final int TURN_SIDE = 64;
    /** The whole copy, whose 9x8 dHash is all that is taken of it, is turned at half that again. */
    static final int DHASH_SIDE = 32;
    /** The stored window a turned-back copy is compared with: the centre one. */
    static final int CENTRE = CropWindows.COUNT / 2;

    private TurnedWindows() {
    }

    /**
     * {@code flat} halved (2x2 means) while its shorter side stays at least {@code side}: an anti-aliased reduction a
     * tenth as costly as a Lanczos one (1 ms for a 341x256 copy on this machine), plenty for hashes of 32x32 and less.
     */
    static DecodedImage halved(DecodedImage flat, int side) {
        DecodedImage img = flat;
        while (Math.min(img.width(), img.height()) >= 2 * side) {
            int w = img.width() / 2, h = img.height() / 2, sw = img.width();
            int[] src = img.argb(), out = new int[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int i = 2 * y * sw + 2 * x;
                    int a = src[i], b = src[i + 1], c = src[i + sw], d = src[i + sw + 1];
                    int rgb = 0xFF000000;
                    for (int shift = 16; shift >= 0; shift -= 8) {
                        rgb |= (((a >> shift & 0xFF) + (b >> shift & 0xFF) + (c >> shift & 0xFF) + (d >> shift & 0xFF) + 2) / 4) << shift;
                    }
                    out[y * w + x] = rgb;
                }
            }
            img = new DecodedImage(w, h, out, false);
        }
        return img;
    }

    /** The pHash of the central window of {@code flat} (no alpha) turned back by each of {@link #ANGLES}. */
    static long[] pHashes(DecodedImage flat) {
        flat = halved(flat, TURN_SIDE);
        long[] out = new long[ANGLES.length];
        for (int i = 0; i < ANGLES.length; i++) {
            out[i] = PerceptualHash.pHash(centre(flat, ANGLES[i]));
        }
        return out;
    }

    /**
     * The dHash of the whole of {@code flat} (no alpha) turned back by each of {@link #ANGLES}: the evidence the verifier
     * asks of faint pictures (line art), whose dHash a turn of 10° moves 13-25 bits, turned back 0-12.
     */
    static long[] dHashes(DecodedImage flat) {
        flat = halved(flat, DHASH_SIDE);
        long[] out = new long[ANGLES.length];
        Margins.Box whole = new Margins.Box(0, 0, flat.width(), flat.height());
        for (int i = 0; i < ANGLES.length; i++) {
            out[i] = PerceptualHash.dHash(turned(flat, whole, ANGLES[i]));
        }
        return out;
    }

    /** The central {@link CropWindows} window of {@code img} turned back by {@code theta}: see {@link #turned}. */
    static DecodedImage centre(DecodedImage img, double theta) {
        return turned(img, CropWindows.box(img.width(), img.height(), CENTRE), theta);
    }

    /**
     * The part {@code b} of {@code img} turned by {@code theta} about the picture's centre: pixel p (from the centre) of
     * the result is the copy's pixel at R(-θ)p, bilinear; outside the copy is white, as editors fill a rotated canvas.
     */
    static DecodedImage turned(DecodedImage img, Margins.Box b, double theta) {
        if (theta == 0) {
            return unturned(img, b);
        }
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

    /**
     * The part {@code b} of {@code img} as it is: what {@link #turned} gives at θ = 0 (every sample falls on a pixel's
     * centre), without sampling; the copy as posted is one of the five {@link #ANGLES} each lookup hashes.
     */
    private static DecodedImage unturned(DecodedImage img, Margins.Box b) {
        int w = img.width(), ow = b.width(), oh = b.height();
        int[] src = img.argb(), out = new int[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                out[y * ow + x] = src[(b.y0() + y) * w + b.x0() + x] | 0xFF000000;
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
     * Where the pose search starts for a candidate a turned-back copy found at {@code theta}: the pose that maps the copy's
     * trimmed picture into the candidate's when the copy is the candidate's whole canvas turned by -θ about its centre
     * (both trim boxes are known: clip art on white trims to the turned drawing, a full-bleed picture keeps its frame).
     * None when the two canvases differ in shape (the copy was not turned on its own canvas).
     */
    static java.util.Optional<RepostVerifier.Pose> seed(double theta, RepostSignature copy, RepostSignature candidate) {
        double canvas = canvasAspect(candidate), copyCanvas = canvasAspect(copy);
        if (!(Math.abs(Math.log(copyCanvas / canvas)) < SAME_CANVAS)) {
            return java.util.Optional.empty();
        }
        // units: the canvas is `canvas` wide and 1 high; the rotation is about its centre
        float[] q = copy.box(), b = candidate.box();
        double centreX = canvas / 2, centreY = 0.5;
        double px = (q[0] + q[2]) / 2 * canvas - centreX, py = (q[1] + q[3]) / 2 - centreY;
        double cos = Math.cos(theta), sin = Math.sin(theta);
        double sx = centreX + cos * px - sin * py, sy = centreY + sin * px + cos * py;
        double width = (b[2] - b[0]) * canvas, height = b[3] - b[1];
        return java.util.Optional.of(new RepostVerifier.Pose((sx - b[0] * canvas) / width, (sy - b[1]) / height,
                (q[2] - q[0]) * canvas / width, (q[3] - q[1]) / height, theta, false));
    }

    /** How far (log of the ratio) the copy's canvas may differ in shape from the candidate's: resizing keeps it within 2 %. */
    private static final double SAME_CANVAS = 0.05;

    /** Width over height of the whole (untrimmed) picture a signature was made from. */
    private static double canvasAspect(RepostSignature s) {
        float[] b = s.box();
        return s.aspect() * (b[3] - b[1]) / (b[2] - b[0]);
    }
}
