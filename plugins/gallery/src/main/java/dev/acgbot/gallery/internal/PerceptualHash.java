package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.preprocess.ImageOps;
import dev.acgbot.models.preprocess.PreprocessSpec;

/**
 * 64-bit perceptual hashes as the Python {@code imagehash} package computes them, on PIL-exact resizes:
 * <ul>
 *   <li>pHash: 32x32 grey, 2-D DCT-II, the 8x8 lowest frequencies, each bit = coefficient above their median;</li>
 *   <li>dHash: 9x8 grey, each bit = pixel brighter than its left neighbour.</li>
 * </ul>
 * Transparent pixels are composited on white first so clip art hashes by what is visible.
 */
public final class PerceptualHash {
    private static final double[][] DCT_32 = dctMatrix(32);

    private PerceptualHash() {
    }

    public static long pHash(DecodedImage image) {
        return pHash(lowFrequencies(image));
    }

    /** The 8x8 lowest DCT frequencies of the 32x32 grey picture, row by row: what {@link #pHash} thresholds at their median. */
    static double[] lowFrequencies(DecodedImage image) {
        return lowFrequencies(ImageOps.toGray(ImageOps.resize(onWhite(image), 32, 32, PreprocessSpec.Interpolation.LANCZOS)));
    }

    /** As {@link #lowFrequencies(DecodedImage)}, of a 32x32 grey picture given row by row. */
    static double[] lowFrequencies(float[] g) {
        double[] low = new double[64];
        // DCT rows then columns, keeping only the 8x8 corner
        double[][] rows = new double[32][8];
        for (int y = 0; y < 32; y++) {
            for (int u = 0; u < 8; u++) {
                double s = 0;
                for (int x = 0; x < 32; x++) {
                    s += DCT_32[u][x] * g[y * 32 + x];
                }
                rows[y][u] = s;
            }
        }
        for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
                double s = 0;
                for (int y = 0; y < 32; y++) {
                    s += DCT_32[v][y] * rows[y][u];
                }
                low[v * 8 + u] = s;
            }
        }
        return low;
    }

    /** The pHash of {@link #lowFrequencies}: a bit for each frequency above their median. */
    static long pHash(double[] low) {
        double[] sorted = low.clone();
        java.util.Arrays.sort(sorted);
        double median = (sorted[31] + sorted[32]) / 2;
        long bits = 0;
        for (int i = 0; i < 64; i++) {
            if (low[i] > median) {
                bits |= 1L << i;
            }
        }
        return bits;
    }

    /** Share of the frequencies' spread within which a frequency is "unsure": next to the median, a re-encode flips its bit. */
    static final double UNSURE = 0.1;

    /**
     * How many of the 64 frequencies lie within {@value #UNSURE} of the 63 non-constant frequencies' standard deviation of
     * their median: bits a JPEG round trip may flip. A ring or star polygon is symmetric about its centre, so most of its
     * low frequencies are near zero: 46-50 (10th-90th percentile) of the JPEG q75 copies of openclipart's 1,378 stars,
     * 7-36 of 400 other openclipart drawings (a throwaway PIL script; docs/benchmarks.md, "Stars' candidates, round 13").
     */
    static int unsureBits(double[] low) {
        double[] sorted = low.clone();
        java.util.Arrays.sort(sorted);
        double median = (sorted[31] + sorted[32]) / 2, mean = 0, ss = 0;
        for (int i = 1; i < 64; i++) {
            mean += low[i] / 63;
        }
        for (int i = 1; i < 64; i++) {
            ss += (low[i] - mean) * (low[i] - mean);
        }
        double near = UNSURE * Math.sqrt(ss / 63);
        int unsure = 0;
        for (double c : low) {
            unsure += Math.abs(c - median) < near ? 1 : 0;
        }
        return unsure;
    }

    public static long dHash(DecodedImage image) {
        float[] g = ImageOps.toGray(ImageOps.resize(onWhite(image), 9, 8, PreprocessSpec.Interpolation.LANCZOS));
        long bits = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                if (g[y * 9 + x + 1] > g[y * 9 + x]) {
                    bits |= 1L << (y * 8 + x);
                }
            }
        }
        return bits;
    }

    /** The image flipped left to right. */
    public static DecodedImage mirrored(DecodedImage image) {
        int w = image.width();
        int[] src = image.argb();
        int[] out = new int[src.length];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = src[y * w + w - 1 - x];
            }
        }
        return new DecodedImage(w, image.height(), out, image.hasAlpha());
    }

    static DecodedImage onWhite(DecodedImage image) {
        if (!image.hasAlpha()) {
            return image;
        }
        int[] src = image.argb();
        int[] out = new int[src.length];
        for (int i = 0; i < src.length; i++) {
            int p = src[i];
            int a = p >>> 24;
            int r = ((p >> 16 & 0xFF) * a + 255 * (255 - a) + 127) / 255;
            int g = ((p >> 8 & 0xFF) * a + 255 * (255 - a) + 127) / 255;
            int b = ((p & 0xFF) * a + 255 * (255 - a) + 127) / 255;
            out[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return new DecodedImage(image.width(), image.height(), out, false);
    }

    private static double[][] dctMatrix(int n) {
        double[][] m = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                m[k][i] = 2 * Math.cos(Math.PI * k * (2 * i + 1) / (2.0 * n));
            }
        }
        return m;
    }
}
