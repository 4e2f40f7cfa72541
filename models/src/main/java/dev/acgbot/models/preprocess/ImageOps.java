package dev.acgbot.models.preprocess;

import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.preprocess.PreprocessSpec.Interpolation;
import dev.acgbot.models.preprocess.internal.PilPixelOps;
import dev.acgbot.models.preprocess.internal.PilResampler;
import dev.acgbot.models.preprocess.internal.PixelSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Small pixel helpers other modules need (perceptual hashes, thumbnails), each matching PIL exactly. It lives
 * with the resampler it uses: decoding ({@code models.image}) knows nothing of preprocessing.
 */
public final class ImageOps {

    private ImageOps() {
    }

    /**
     * PIL's {@code img.resize((w, h), filter)} on an RGB image, or on an RGBA one when {@code img.hasAlpha()}
     * (resized premultiplied, as PIL does for every filter but NEAREST). Same size returns a copy.
     */
    public static DecodedImage resize(DecodedImage img, int w, int h, Interpolation filter) {
        Objects.requireNonNull(img, "img");
        Objects.requireNonNull(filter, "filter");
        if (w < 1 || h < 1) {
            throw new IllegalArgumentException("target size must be positive: " + w + "x" + h);
        }
        int[] pixels = img.argb();
        boolean premultiply = img.hasAlpha() && filter != Interpolation.NEAREST
                && (w != img.width() || h != img.height());
        if (premultiply) {
            pixels = PilPixelOps.premultiply(pixels);
        }
        int channels = img.hasAlpha() ? 4 : 3;
        int[][] planes = PilResampler.resample(PixelSource.of(pixels, img.width(), img.height()),
                w, h, 0, 0, w, h, filter, channels);
        if (premultiply) {
            PilPixelOps.unpremultiply(planes[0], planes[1], planes[2], planes[3]);
        }
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++) {
            int a = channels == 4 ? planes[3][i] : 0xFF;
            out[i] = a << 24 | planes[0][i] << 16 | planes[1][i] << 8 | planes[2][i];
        }
        return new DecodedImage(w, h, out, img.hasAlpha());
    }

    /**
     * The image scaled down (never up), aspect kept, so that its shorter side is {@code shorterSide} and its
     * longer side at most {@code 4 * shorterSide} (longer strips are squeezed a little more: every model pads,
     * crops or squashes them anyway); the image itself when it is already that small. Exactly
     * {@code resize(img, w, h, LANCZOS)} at that size, but an image with alpha is read premultiplied on the fly
     * instead of through a premultiplied copy, so no second full-size array is made (a 6000 x 6000 image is
     * 144 MB per copy).
     */
    public static DecodedImage reduce(DecodedImage img, int shorterSide) {
        Objects.requireNonNull(img, "img");
        if (shorterSide < 1) {
            throw new IllegalArgumentException("side must be positive: " + shorterSide);
        }
        int[] size = reducedSize(img.width(), img.height(), shorterSide);
        if (size[0] == img.width() && size[1] == img.height()) {
            return img;
        }
        return reducedRows(img, shorterSide, 0, size[1]);
    }

    /**
     * Rows {@code [firstRow, firstRow + rows)} of {@link #reduce}{@code (img, shorterSide)}, pixel for pixel (each output
     * row's weights depend on that row alone): bands of one reduction can be made on several threads and stacked.
     */
    public static DecodedImage reducedRows(DecodedImage img, int shorterSide, int firstRow, int rows) {
        Objects.requireNonNull(img, "img");
        if (shorterSide < 1) {
            throw new IllegalArgumentException("side must be positive: " + shorterSide);
        }
        int[] size = reducedSize(img.width(), img.height(), shorterSide);
        int w = size[0];
        int h = size[1];
        if (firstRow < 0 || rows < 1 || firstRow + rows > h) {
            throw new IllegalArgumentException("rows " + firstRow + "+" + rows + " outside 0.." + h);
        }
        int channels = img.hasAlpha() ? 4 : 3;
        PixelSource source = PixelSource.of(img.argb(), img.width(), img.height());
        int[][] planes = PilResampler.resample(img.hasAlpha() ? source.premultiplied() : source,
                w, h, 0, firstRow, w, rows, Interpolation.LANCZOS, channels);
        if (img.hasAlpha()) {
            PilPixelOps.unpremultiply(planes[0], planes[1], planes[2], planes[3]);
        }
        int[] out = new int[w * rows];
        for (int i = 0; i < out.length; i++) {
            int a = channels == 4 ? planes[3][i] : 0xFF;
            out[i] = a << 24 | planes[0][i] << 16 | planes[1][i] << 8 | planes[2][i];
        }
        return new DecodedImage(w, rows, out, img.hasAlpha());
    }

    /** The size {@link #reduce} gives a {@code width x height} image: {width, height}. */
    public static int[] reducedSize(int width, int height, int shorterSide) {
        int shorter = Math.min(width, height);
        int longer = Math.max(width, height);
        double scale = Math.min(1.0, Math.min((double) shorterSide / shorter, 4.0 * shorterSide / longer));
        if (scale >= 1.0) {
            return new int[]{width, height};
        }
        return new int[]{Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale))};
    }

    /**
     * PIL's {@code convert('L')}: ITU-R 601-2 luma {@code (19595 R + 38470 G + 7471 B + 0x8000) >> 16}, alpha
     * ignored; values 0-255, row-major.
     */
    public static float[] toGray(DecodedImage img) {
        int[] argb = img.argb();
        float[] out = new float[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            out[i] = (((p >>> 16) & 0xFF) * 19595 + ((p >>> 8) & 0xFF) * 38470 + (p & 0xFF) * 7471 + 0x8000) >>> 16;
        }
        return out;
    }

    /** A PNG of the pixels (RGBA when the image has alpha, RGB otherwise). */
    public static byte[] encodePng(DecodedImage img) {
        int type = img.hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage buffered = new BufferedImage(img.width(), img.height(), type);
        buffered.setRGB(0, 0, img.width(), img.height(), img.argb(), 0, img.width());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(buffered, "png", out)) {
                throw new IllegalStateException("no PNG writer installed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
