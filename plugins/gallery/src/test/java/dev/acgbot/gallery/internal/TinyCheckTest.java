package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TinyCheckTest {
    private static final int SIDE = RepostSignature.DETAIL;
    private static final double WHITE = 255;

    /**
     * A tiny copy's rendering from the area table read once a pixel corner ({@code ResizedCopies.corners}) is, pixel by
     * pixel and bit for bit, the rendering that read the table four times a pixel through {@code TinyCheck.areaMean}
     * (kept here as it was), for footprints inside the picture, across its edges and beyond them: so the faster rendering
     * changes no correlation and no verdict.
     */
    @Test
    void aRenderingFromCornersReadOnceIsTheRenderingFromTheTable() {
        Random r = new Random(12);
        float[] picture = new float[SIDE * SIDE];
        for (int i = 0; i < picture.length; i++) {
            picture[i] = r.nextInt(256);
        }
        double[] sat = TinyCheck.areaTable(picture);
        for (int k = 0; k < 2_000; k++) {
            int w = 1 + r.nextInt(48), h = 1 + r.nextInt(48);
            // a copy's pixel edges in the candidate's cells, from a little before the picture to a little past it
            double[] xs = edges(w, -20 + r.nextDouble() * 40, SIDE - 20 + r.nextDouble() * 40);
            double[] ys = edges(h, -20 + r.nextDouble() * 40, SIDE - 20 + r.nextDouble() * 40);
            double[] corners = ResizedCopies.corners(sat, xs, ys, SIDE);
            for (int v = 0; v < h; v++) {
                for (int u = 0; u < w; u++) {
                    double was = renderedFromTheTable(sat, xs[u], ys[v], xs[u + 1], ys[v + 1]);
                    double is = ResizedCopies.rendered(corners, xs, ys, u, v);
                    assertEquals(Double.doubleToRawLongBits(was), Double.doubleToRawLongBits(is), k + ": " + u + "," + v);
                }
            }
        }
    }

    /**
     * A copy shrunk for a screen is the mean of the area each of its pixels covers: 5x3 pixels halved are 2x1, each
     * two and a half columns of all three rows, the middle column shared.
     */
    @Test
    void aShrunkCopyAveragesTheAreaEachPixelCovers() {
        float[] grey = {
                0, 10, 20, 30, 40,
                50, 60, 70, 80, 90,
                100, 110, 120, 130, 140};
        TinyCheck.Pixels halved = new TinyCheck.Pixels(5, 3, grey, grey.clone()).shrunk(2);
        float left = (float) ((0 + 10 + 0.5 * 20 + 50 + 60 + 0.5 * 70 + 100 + 110 + 0.5 * 120) / 7.5);
        float right = (float) ((0.5 * 20 + 30 + 40 + 0.5 * 70 + 80 + 90 + 0.5 * 120 + 130 + 140) / 7.5);
        assertEquals(List.of(2, 1, left, right, right, left), List.of(halved.width(), halved.height(),
                halved.grey()[0], halved.grey()[1], halved.mirrored()[0], halved.mirrored()[1]));
    }

    /**
     * A copy whose drawing has a third more pixels than its stored page's had (a quarter crop of the ornament's A4 page,
     * openclipart's {@code break_carlos}: 42x8 pixels on the page reduced to 256x362, 56x11 in the crop reduced to 256x362
     * as well) is brought to two thirds of the stored pixels, over the part the pose covers; the page itself, posted
     * again, keeps its own pixels, and so does a copy posted smaller than the page.
     */
    @Test
    void aCopyWithMorePixelsThanTheStoredDrawingIsBroughtBelowThem() {
        java.awt.image.BufferedImage page = RepostGalleries.openclipart("break_carlos");
        RepostSignature stored = RepostSignature.of(reduced(page));
        java.awt.image.BufferedImage crop = RepostGalleries.quarterCrop(page, 0, 1);
        List<String> sizes = List.of(
                brought(crop, stored, RepostVerifier.Pose.WHOLE),
                brought(crop, stored, new RepostVerifier.Pose(0.5, 0.5, 0.5, 1, 0, false)),
                brought(page, stored, RepostVerifier.Pose.WHOLE),
                brought(dev.acgbot.gallery.testing.TestImages.resized(page, 0.25), stored, RepostVerifier.Pose.WHOLE));
        assertEquals(List.of("56x11 -> 28x5", "56x11 -> 14x5", "42x8 -> 42x8", "31x6 -> 31x6"), sizes);
    }

    /**
     * With a model that raises the gallery's side (a tagger's 448), the side is the gallery's, not the copy's canvas: the
     * ornament's quarter crop posted at half its size (279x394, under that side) has fewer pixels than the page stored at
     * 448 and keeps them (taken from its canvas, 279, the page would have seemed to hold a third fewer pixels than the copy,
     * and the copy would have been brought down to 31 pixels); posted whole, it is brought to two thirds of the stored ones.
     */
    @Test
    void aCopyIsComparedWithThePageAsTheGalleryReducedIt() {
        java.awt.image.BufferedImage page = RepostGalleries.openclipart("break_carlos");
        RepostSignature stored = RepostSignature.of(dev.acgbot.models.preprocess.ImageOps.reduce(
                dev.acgbot.gallery.testing.TestImages.decoded(page), 448));
        java.awt.image.BufferedImage crop = RepostGalleries.quarterCrop(page, 0, 1);
        assertEquals(List.of("61x12 -> 61x12", "98x20 -> 49x10"), List.of(
                brought(dev.acgbot.gallery.testing.TestImages.resized(crop, 0.5), 448, stored),
                brought(crop, 448, stored)));
    }

    private static String brought(java.awt.image.BufferedImage copy, int gallerySide, RepostSignature stored) {
        RepostVerifier.Query q = new RepostVerifier.Query(dev.acgbot.models.preprocess.ImageOps.reduce(
                dev.acgbot.gallery.testing.TestImages.decoded(copy), gallerySide), gallerySide);
        TinyCheck.Pixels p = TinyCheck.asStored(q, q.tiny, stored, RepostVerifier.Pose.WHOLE);
        return q.tiny.width() + "x" + q.tiny.height() + " -> " + p.width() + "x" + p.height();
    }

    private static dev.acgbot.models.image.DecodedImage reduced(java.awt.image.BufferedImage img) {
        return dev.acgbot.models.preprocess.ImageOps.reduce(dev.acgbot.gallery.testing.TestImages.decoded(img), DefaultGallery.MIN_REDUCED_SIDE);
    }

    private static String brought(java.awt.image.BufferedImage copy, RepostSignature stored, RepostVerifier.Pose pose) {
        RepostVerifier.Query q = new RepostVerifier.Query(reduced(copy));
        TinyCheck.Pixels p = TinyCheck.asStored(q, q.tiny, stored, pose);
        return q.tiny.width() + "x" + q.tiny.height() + " -> " + p.width() + "x" + p.height();
    }

    private static double[] edges(int n, double from, double to) {
        double[] e = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            e[i] = from + (to - from) * i / n;
        }
        return e;
    }

    /** The rendering of a copy pixel as ResizedCopies computed it before it read the corners once. */
    private static double renderedFromTheTable(double[] sat, double x0, double y0, double x1, double y1) {
        double ix = Math.min(x1, SIDE) - Math.max(x0, 0), iy = Math.min(y1, SIDE) - Math.max(y0, 0);
        double full = (x1 - x0) * (y1 - y0);
        if (ix <= 0 || iy <= 0) {
            return WHITE;
        }
        double inside = ix * iy;
        return (areaMeanFromTheTable(sat, x0, y0, x1, y1) * inside + WHITE * (full - inside)) / full;
    }

    /** TinyCheck.areaMean as it was: clamped, then the table read at the four corners. */
    private static double areaMeanFromTheTable(double[] sat, double x0, double y0, double x1, double y1) {
        x0 = Math.max(0, x0);
        y0 = Math.max(0, y0);
        x1 = Math.min(SIDE, x1);
        y1 = Math.min(SIDE, y1);
        if (x1 - x0 < 1e-3 || y1 - y0 < 1e-3) {
            return 0;
        }
        return (TinyCheck.integral(sat, x1, y1) - TinyCheck.integral(sat, x0, y1) - TinyCheck.integral(sat, x1, y0)
                + TinyCheck.integral(sat, x0, y0)) / ((x1 - x0) * (y1 - y0));
    }
}
