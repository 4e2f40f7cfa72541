package dev.acgbot.models.preprocess.internal;

import dev.acgbot.models.preprocess.PreprocessSpec.Interpolation;

import java.util.Arrays;

/**
 * Pillow's {@code Image.resize} for 8-bit images, bit for bit: the separable fixed-point convolution of
 * {@code libImaging/Resample.c} (horizontal pass over just the source rows the vertical pass needs, rounded
 * and clipped to 8 bits, then the vertical pass), and for NEAREST the affine scaling Pillow uses instead.
 * Like Pillow, an axis whose size does not change is not filtered at all.
 *
 * <p>Results come back as channel planes (R, G, B and optionally A; values 0-255) covering a window of the
 * output, so callers that crop afterwards compute only what they keep. Premultiplying alpha (which Pillow
 * does around resizing RGBA) is the caller's business: this class treats every channel alike.
 */
public final class PilResampler {

    private PilResampler() {
    }

    /**
     * Resamples {@code source} to {@code outWidth x outHeight} and returns the window
     * {@code [winX, winX + winWidth) x [winY, winY + winHeight)} of the result.
     *
     * @param channels 3 (RGB, alpha ignored) or 4 (RGBA)
     * @return {@code channels} planes of {@code winWidth * winHeight} values, row-major
     */
    public static int[][] resample(PixelSource source, int outWidth, int outHeight, int winX, int winY,
                                   int winWidth, int winHeight, Interpolation interpolation, int channels) {
        if (channels != 3 && channels != 4) {
            throw new IllegalArgumentException("channels must be 3 or 4");
        }
        if (outWidth < 1 || outHeight < 1 || winX < 0 || winY < 0 || winWidth < 1 || winHeight < 1
                || winX + winWidth > outWidth || winY + winHeight > outHeight) {
            throw new IllegalArgumentException("bad output window");
        }
        if (outWidth == source.width && outHeight == source.height) {
            return extract(source, winX, winY, winWidth, winHeight, channels);
        }
        if (interpolation == Interpolation.NEAREST) {
            return nearest(source, outWidth, outHeight, winX, winY, winWidth, winHeight, channels);
        }
        ResampleFilter filter = ResampleFilter.of(interpolation);
        boolean horizontal = outWidth != source.width;
        boolean vertical = outHeight != source.height;

        Coefficients rows = vertical ? Coefficients.of(source.height, outHeight, filter, winY, winHeight) : null;
        int firstRow = vertical ? rows.start[0] : winY;
        int lastRow = vertical ? rows.start[winHeight - 1] + rows.taps[winHeight - 1] : winY + winHeight;
        int tempHeight = lastRow - firstRow;

        // Rows of the intermediate image; padding rows all filter to the same values, so with a vertical pass
        // to follow they share one stored row (slot) instead of being filtered and stored again.
        int[] slotOf = new int[tempHeight];
        int slots = 0;
        int paddingSlot = -1;
        for (int r = 0; r < tempHeight; r++) {
            boolean padding = vertical && source.isPaddingRow(firstRow + r);
            if (padding && paddingSlot >= 0) {
                slotOf[r] = paddingSlot;
                continue;
            }
            slotOf[r] = slots++;
            if (padding) {
                paddingSlot = slotOf[r];
            }
        }
        int[][] temp = new int[channels][];
        for (int c = 0; c < channels; c++) {
            temp[c] = new int[winWidth * slots];
        }
        if (horizontal) {
            Coefficients cols = Coefficients.of(source.width, outWidth, filter, winX, winWidth);
            horizontalPass(source, cols, firstRow, slotOf, winWidth, temp, channels);
        } else {
            copyColumns(source, winX, firstRow, slotOf, winWidth, temp, channels);
        }
        if (!vertical) {
            return temp;
        }
        int[][] out = new int[channels][winWidth * winHeight];
        for (int c = 0; c < channels; c++) {
            verticalPass(temp[c], slotOf, rows, firstRow, winWidth, winHeight, out[c]);
        }
        return out;
    }

    private static void horizontalPass(PixelSource source, Coefficients cols, int firstRow, int[] slotOf,
                                       int winWidth, int[][] temp, int channels) {
        int[] scratch = source.isPlain() && !source.premultiply ? null : new int[source.width];
        int done = -1;
        for (int r = 0; r < slotOf.length; r++) {
            if (slotOf[r] <= done) {
                continue; // a shared padding row, already filtered
            }
            done = slotOf[r];
            int y = firstRow + r;
            int outOffset = slotOf[r] * winWidth;
            int[] row;
            int rowOffset;
            if (source.isDirectRow(y)) {
                row = source.argb;
                rowOffset = source.rowOffset(y);
            } else {
                source.copyRow(y, scratch);
                row = scratch;
                rowOffset = 0;
            }
            if (channels == 3) {
                filterRow3(row, rowOffset, cols, winWidth, temp[0], temp[1], temp[2], outOffset);
            } else {
                filterRow4(row, rowOffset, cols, winWidth, temp[0], temp[1], temp[2], temp[3], outOffset);
            }
        }
    }

    /**
     * One output row. Channels are unpacked per tap rather than split into planes first: measured, splitting
     * costs more than it saves, and neither form vectorises.
     */
    private static void filterRow3(int[] row, int rowOffset, Coefficients cols, int count,
                                   int[] red, int[] green, int[] blue, int outOffset) {
        int[] weights = cols.weights;
        int stride = cols.stride;
        for (int i = 0; i < count; i++) {
            int base = rowOffset + cols.start[i];
            int taps = cols.taps[i];
            int k = i * stride;
            int r = Coefficients.HALF;
            int g = Coefficients.HALF;
            int b = Coefficients.HALF;
            for (int t = 0; t < taps; t++) {
                int p = row[base + t];
                int w = weights[k + t];
                r += ((p >>> 16) & 0xFF) * w;
                g += ((p >>> 8) & 0xFF) * w;
                b += (p & 0xFF) * w;
            }
            red[outOffset + i] = Coefficients.clip8(r);
            green[outOffset + i] = Coefficients.clip8(g);
            blue[outOffset + i] = Coefficients.clip8(b);
        }
    }

    private static void filterRow4(int[] row, int rowOffset, Coefficients cols, int count,
                                   int[] red, int[] green, int[] blue, int[] alpha, int outOffset) {
        int[] weights = cols.weights;
        int stride = cols.stride;
        for (int i = 0; i < count; i++) {
            int base = rowOffset + cols.start[i];
            int taps = cols.taps[i];
            int k = i * stride;
            int r = Coefficients.HALF;
            int g = Coefficients.HALF;
            int b = Coefficients.HALF;
            int a = Coefficients.HALF;
            for (int t = 0; t < taps; t++) {
                int p = row[base + t];
                int w = weights[k + t];
                a += (p >>> 24) * w;
                r += ((p >>> 16) & 0xFF) * w;
                g += ((p >>> 8) & 0xFF) * w;
                b += (p & 0xFF) * w;
            }
            red[outOffset + i] = Coefficients.clip8(r);
            green[outOffset + i] = Coefficients.clip8(g);
            blue[outOffset + i] = Coefficients.clip8(b);
            alpha[outOffset + i] = Coefficients.clip8(a);
        }
    }

    /** Vertical pass over one channel plane; row-at-a-time accumulation keeps the inner loop vectorisable. */
    private static void verticalPass(int[] plane, int[] slotOf, Coefficients rows, int firstRow, int width, int count,
                                     int[] out) {
        int[] acc = new int[width];
        int[] weights = rows.weights;
        for (int i = 0; i < count; i++) {
            Arrays.fill(acc, Coefficients.HALF);
            int base = rows.start[i] - firstRow;
            int k = i * rows.stride;
            for (int t = 0; t < rows.taps[i]; t++) {
                int w = weights[k + t];
                int off = slotOf[base + t] * width;
                for (int x = 0; x < width; x++) {
                    acc[x] += plane[off + x] * w;
                }
            }
            int o = i * width;
            for (int x = 0; x < width; x++) {
                out[o + x] = Coefficients.clip8(acc[x]);
            }
        }
    }

    private static void copyColumns(PixelSource source, int winX, int firstRow, int[] slotOf, int winWidth,
                                    int[][] temp, int channels) {
        for (int r = 0; r < slotOf.length; r++) {
            int y = firstRow + r;
            for (int i = 0; i < winWidth; i++) {
                store(source.pixel(winX + i, y), temp, slotOf[r] * winWidth + i, channels);
            }
        }
    }

    private static int[][] extract(PixelSource source, int winX, int winY, int winWidth, int winHeight, int channels) {
        int[][] out = new int[channels][winWidth * winHeight];
        for (int r = 0; r < winHeight; r++) {
            for (int i = 0; i < winWidth; i++) {
                store(source.pixel(winX + i, winY + r), out, r * winWidth + i, channels);
            }
        }
        return out;
    }

    /**
     * Pillow resizes with NEAREST through an affine scale: source coordinate = start + step * (i + 0.5),
     * accumulated step by step in double precision and truncated, exactly as {@code ImagingScaleAffine}.
     */
    private static int[][] nearest(PixelSource source, int outWidth, int outHeight, int winX, int winY,
                                   int winWidth, int winHeight, int channels) {
        int[] xs = nearestIndices(source.width, outWidth, winX, winWidth);
        int[] ys = nearestIndices(source.height, outHeight, winY, winHeight);
        int[][] out = new int[channels][winWidth * winHeight];
        for (int r = 0; r < winHeight; r++) {
            for (int i = 0; i < winWidth; i++) {
                store(source.pixel(xs[i], ys[r]), out, r * winWidth + i, channels);
            }
        }
        return out;
    }

    private static int[] nearestIndices(int inSize, int outSize, int first, int count) {
        double step = (double) inSize / outSize;
        double pos = step * 0.5;
        int[] idx = new int[count];
        for (int i = 0; i < first + count; i++) {
            if (i >= first) {
                int v = pos < 0.0 ? -1 : (int) pos;
                idx[i - first] = Math.min(Math.max(v, 0), inSize - 1);
            }
            pos += step;
        }
        return idx;
    }

    private static void store(int p, int[][] planes, int index, int channels) {
        planes[0][index] = (p >>> 16) & 0xFF;
        planes[1][index] = (p >>> 8) & 0xFF;
        planes[2][index] = p & 0xFF;
        if (channels == 4) {
            planes[3][index] = p >>> 24;
        }
    }
}
