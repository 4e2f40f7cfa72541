package dev.acgbot.models.preprocess.internal;

/**
 * Pillow's per-pixel integer arithmetic for the alpha handling the reference pipelines go through, so that
 * compositing and premultiplying round exactly as PIL rounds.
 */
public final class PilPixelOps {
    /** {@code AlphaComposite.c} keeps 7 extra bits of precision. */
    private static final int COMPOSITE_BITS = 7;

    private PilPixelOps() {
    }

    /** Whether any pixel is not fully opaque. */
    public static boolean hasTransparency(int[] argb) {
        for (int p : argb) {
            if ((p >>> 24) != 0xFF) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code Image.new("RGBA", size, white).alpha_composite(img)}, alpha dropped afterwards: every result is
     * opaque.
     */
    public static int[] compositeOnWhite(int[] argb) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            if (a == 0) {
                out[i] = 0xFFFFFFFF;
                continue;
            }
            // with an opaque white destination Pillow's coefficients reduce to a*128 and (255-a)*128
            int coefSrc = a << COMPOSITE_BITS;
            int whiteTerm = 255 * ((255 - a) << COMPOSITE_BITS);
            int r = blend(((p >>> 16) & 0xFF) * coefSrc + whiteTerm);
            int g = blend(((p >>> 8) & 0xFF) * coefSrc + whiteTerm);
            int b = blend((p & 0xFF) * coefSrc + whiteTerm);
            out[i] = 0xFF000000 | (r << 16) | (g << 8) | b;
        }
        return out;
    }

    private static int blend(int tmp) {
        int t = tmp + (0x80 << COMPOSITE_BITS);
        return (((t >> 8) + t) >> 8) >> COMPOSITE_BITS;
    }

    /** RGBA to Pillow's premultiplied "RGBa" ({@code rgbA2rgba}). */
    public static int[] premultiply(int[] argb) {
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            out[i] = (a << 24) | (mulDiv255((p >>> 16) & 0xFF, a) << 16) | (mulDiv255((p >>> 8) & 0xFF, a) << 8)
                    | mulDiv255(p & 0xFF, a);
        }
        return out;
    }

    /** One pixel of {@link #premultiply}. */
    public static int premultiply(int p) {
        int a = p >>> 24;
        if (a == 0xFF) {
            return p;
        }
        return (a << 24) | (mulDiv255((p >>> 16) & 0xFF, a) << 16) | (mulDiv255((p >>> 8) & 0xFF, a) << 8)
                | mulDiv255(p & 0xFF, a);
    }

    private static int mulDiv255(int v, int a) {
        int t = v * a + 128;
        return ((t >> 8) + t) >> 8;
    }

    /** Pillow's "RGBa" to RGBA ({@code rgba2rgbA}) on planes, in place on the colour planes. */
    public static void unpremultiply(int[] red, int[] green, int[] blue, int[] alpha) {
        for (int i = 0; i < alpha.length; i++) {
            int a = alpha[i];
            if (a == 255 || a == 0) {
                continue;
            }
            red[i] = Math.min(255 * red[i] / a, 255);
            green[i] = Math.min(255 * green[i] / a, 255);
            blue[i] = Math.min(255 * blue[i] / a, 255);
        }
    }
}
