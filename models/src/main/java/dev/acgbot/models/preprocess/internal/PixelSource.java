package dev.acgbot.models.preprocess.internal;

import java.util.Arrays;

/**
 * Packed ARGB pixels seen through an optional canvas: the image sits at {@code (offsetX, offsetY)} on a
 * {@code width x height} canvas of one fill colour. Padding to a square this way costs nothing: rows and
 * columns outside the image are produced on the fly instead of allocating the padded image.
 */
public final class PixelSource {
    final int[] argb;
    final int imageWidth;
    final int imageHeight;
    final int width;
    final int height;
    final int offsetX;
    final int offsetY;
    final int fill;
    /** Pixels are read premultiplied (Pillow's "RGBa"), so a caller resizing RGBA needs no premultiplied copy. */
    final boolean premultiply;

    private PixelSource(int[] argb, int imageWidth, int imageHeight, int width, int height,
                        int offsetX, int offsetY, int fill, boolean premultiply) {
        if ((long) imageWidth * imageHeight != argb.length) {
            throw new IllegalArgumentException("pixel array does not match " + imageWidth + "x" + imageHeight);
        }
        if (offsetX < 0 || offsetY < 0 || offsetX + imageWidth > width || offsetY + imageHeight > height) {
            throw new IllegalArgumentException("image does not fit its canvas");
        }
        this.argb = argb;
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
        this.width = width;
        this.height = height;
        this.offsetX = offsetX;
        this.offsetY = offsetY;
        this.fill = fill;
        this.premultiply = premultiply;
    }

    public static PixelSource of(int[] argb, int width, int height) {
        return new PixelSource(argb, width, height, width, height, 0, 0, 0, false);
    }

    /** The same pixels read premultiplied, as {@link PilPixelOps#premultiply} would make them, without a copy. */
    public PixelSource premultiplied() {
        return new PixelSource(argb, imageWidth, imageHeight, width, height, offsetX, offsetY, fill, true);
    }

    /** The image pasted at {@code (offsetX, offsetY)} on a canvas filled with {@code fill}. */
    public static PixelSource onCanvas(int[] argb, int imageWidth, int imageHeight, int canvasWidth,
                                       int canvasHeight, int offsetX, int offsetY, int fill) {
        return new PixelSource(argb, imageWidth, imageHeight, canvasWidth, canvasHeight, offsetX, offsetY, fill, false);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether there is no canvas around the image. */
    boolean isPlain() {
        return width == imageWidth && height == imageHeight;
    }

    boolean isPaddingRow(int y) {
        return y < offsetY || y >= offsetY + imageHeight;
    }

    /** Whether row {@code y} can be read straight from {@link #argb} at {@link #rowOffset}. */
    boolean isDirectRow(int y) {
        return !premultiply && !isPaddingRow(y) && offsetX == 0 && imageWidth == width;
    }

    int rowOffset(int y) {
        return (y - offsetY) * imageWidth;
    }

    /** Copies canvas row {@code y} into {@code dst[0, width)}. */
    void copyRow(int y, int[] dst) {
        if (isPaddingRow(y)) {
            Arrays.fill(dst, 0, width, fill);
            return;
        }
        Arrays.fill(dst, 0, offsetX, fill);
        System.arraycopy(argb, rowOffset(y), dst, offsetX, imageWidth);
        if (premultiply) {
            for (int x = offsetX; x < offsetX + imageWidth; x++) {
                dst[x] = PilPixelOps.premultiply(dst[x]);
            }
        }
        Arrays.fill(dst, offsetX + imageWidth, width, fill);
    }

    int pixel(int x, int y) {
        int ix = x - offsetX;
        int iy = y - offsetY;
        if (ix < 0 || iy < 0 || ix >= imageWidth || iy >= imageHeight) {
            return fill;
        }
        int p = argb[iy * imageWidth + ix];
        return premultiply ? PilPixelOps.premultiply(p) : p;
    }
}
