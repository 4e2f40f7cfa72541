package dev.acgbot.models.preprocess;

import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.SourceMode;
import dev.acgbot.models.preprocess.PreprocessSpec.AlphaMode;
import dev.acgbot.models.preprocess.PreprocessSpec.Interpolation;
import dev.acgbot.models.preprocess.PreprocessSpec.ResizeMode;
import dev.acgbot.models.preprocess.internal.PilPixelOps;
import dev.acgbot.models.preprocess.internal.PilResampler;
import dev.acgbot.models.preprocess.internal.PixelSource;
import dev.acgbot.models.preprocess.internal.TfBilinear;

import java.util.Objects;

/**
 * Turns decoded pixels into a model's input tensor exactly as the model's reference Python pipeline does
 * (PIL resampling, same padding, cropping and alpha handling), so the Java bot sees the same numbers the
 * model was trained and evaluated with. Stateless and thread-safe.
 *
 * <p>The references, given an RGB or RGBA PIL image with the same pixels as the {@link DecodedImage}:
 * <ul>
 *   <li>{@code PAD_SQUARE_WHITE} (WD tagger v3, JoyTag): optionally alpha-composite on white, paste centred
 *       at {@code ((s-w)//2, (s-h)//2)} on a white {@code s x s} square ({@code s = max(w, h)}), resize to
 *       the input size. Without compositing the colour under transparent pixels shows, as when PIL pastes
 *       RGBA on RGB without a mask.</li>
 *   <li>{@code SQUASH} (Chinese-CLIP {@code image_transform}): resize the image as opened to the input size,
 *       then {@code convert("RGB")}.</li>
 *   <li>{@code SHORTER_SIDE_CENTER_CROP} (OpenAI CLIP, OpenCLIP): torchvision {@code Resize(n)} (shorter side
 *       to n, longer side {@code int(n * long / short)}), {@code CenterCrop(n)} with Python's
 *       {@code round}, then {@code convert("RGB")}. For a non-square input size, n is the larger side.</li>
 *   <li>{@code TF_BILINEAR_ALIGN_CORNERS} (nsfwjs {@code infer}): optionally alpha-composite on white, scale to
 *       floats, then TF.js's {@code resizeBilinear(alignCorners=true)} on the floats, skipped at the input size
 *       ({@link dev.acgbot.models.preprocess.internal.TfBilinear}).</li>
 * </ul>
 * Both CLIP pipelines resize before converting, so the mode the file was opened in matters (the
 * {@link DecodedImage#source()}): PIL resizes palette and 1-bit images with NEAREST whatever filter is
 * asked, and LA / RGBA images premultiplied by alpha; with {@code COMPOSITE_WHITE} the image is composited
 * first and resized as the opaque RGB it then is.
 * Then each 0-255 value v becomes {@code (v * scale - mean[c]) / std[c]} in the spec's channel order and
 * layout.
 */
public final class Preprocessor {
    private static final int WHITE = 0xFFFFFFFF;

    private Preprocessor() {
    }

    /** A new tensor of {@code spec.tensorSize()} floats. */
    public static float[] preprocess(DecodedImage image, PreprocessSpec spec) {
        float[] out = new float[spec.tensorSize()];
        preprocessInto(image, spec, out, 0);
        return out;
    }

    /** Writes the tensor into {@code dst[offset, offset + spec.tensorSize())}, e.g. one slot of a batch. */
    public static void preprocessInto(DecodedImage image, PreprocessSpec spec, float[] dst, int offset) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(spec, "spec");
        Objects.checkFromIndexSize(offset, spec.tensorSize(), dst.length);
        if (spec.resize() == ResizeMode.TF_BILINEAR_ALIGN_CORNERS) {
            writeTensor(tfResizedPlanes(image, spec), spec, dst, offset);
            return;
        }
        int[][] planes = resizedPlanes(image, spec);
        writeTensor(planes, spec, dst, offset);
    }

    /**
     * nsfwjs's {@code infer}: 8-bit RGB to floats ({@code toFloat().div(255)}, here the spec's scale, mean and
     * std), then TF.js's bilinear resize with aligned corners on those floats, unless the size already fits.
     * Transparency is the spec's: nsfwjs is handed RGB pixels, so the caller decides (we composite on white).
     */
    private static float[][] tfResizedPlanes(DecodedImage image, PreprocessSpec spec) {
        int w = image.width();
        int h = image.height();
        int[] pixels = image.argb();
        if (spec.alpha() == AlphaMode.COMPOSITE_WHITE && image.hasAlpha() && PilPixelOps.hasTransparency(pixels)) {
            pixels = PilPixelOps.compositeOnWhite(pixels);
        }
        float[][] planes = new float[3][w * h];
        for (int c = 0; c < 3; c++) {
            float[] lut = lut(spec, c);
            int shift = 16 - 8 * (spec.colorOrder() == PreprocessSpec.ColorOrder.BGR ? 2 - c : c);
            float[] plane = planes[c];
            for (int i = 0; i < plane.length; i++) {
                plane[i] = lut[(pixels[i] >>> shift) & 0xFF];
            }
            if (w != spec.width() || h != spec.height()) {
                planes[c] = TfBilinear.resize(plane, w, h, spec.width(), spec.height());
            }
        }
        return planes;
    }

    private static float[] lut(PreprocessSpec spec, int channel) {
        float[] table = new float[256];
        float mean = spec.mean()[channel];
        float std = spec.std()[channel];
        for (int v = 0; v < 256; v++) {
            table[v] = (v * spec.scale() - mean) / std;
        }
        return table;
    }

    /** Float planes already in the tensor's channel order. */
    private static void writeTensor(float[][] planes, PreprocessSpec spec, float[] dst, int offset) {
        int pixels = spec.width() * spec.height();
        if (spec.layout() == PreprocessSpec.Layout.NCHW) {
            for (int c = 0; c < 3; c++) {
                System.arraycopy(planes[c], 0, dst, offset + c * pixels, pixels);
            }
            return;
        }
        for (int i = 0, o = offset; i < pixels; i++, o += 3) {
            dst[o] = planes[0][i];
            dst[o + 1] = planes[1][i];
            dst[o + 2] = planes[2][i];
        }
    }

    /** The resized 8-bit R, G, B planes of {@code spec.width() x spec.height()}. */
    static int[][] resizedPlanes(DecodedImage image, PreprocessSpec spec) {
        int w = image.width();
        int h = image.height();
        int[] pixels = image.argb();
        boolean transparent = image.hasAlpha() && PilPixelOps.hasTransparency(pixels);
        if (transparent && spec.alpha() == AlphaMode.COMPOSITE_WHITE) {
            pixels = PilPixelOps.compositeOnWhite(pixels);
            transparent = false;
        }
        int outW = spec.width();
        int outH = spec.height();
        Interpolation filter = spec.interpolation();
        // composited pixels are plain RGB; otherwise the image is resized in the mode it was opened in
        SourceMode mode = spec.alpha() == AlphaMode.COMPOSITE_WHITE && image.hasAlpha() ? SourceMode.RGB : image.source();
        return switch (spec.resize()) {
            case PAD_SQUARE_WHITE -> {
                int side = Math.max(w, h);
                PixelSource canvas = PixelSource.onCanvas(pixels, w, h, side, side, (side - w) / 2, (side - h) / 2, WHITE);
                yield PilResampler.resample(canvas, outW, outH, 0, 0, outW, outH, filter, 3);
            }
            case SQUASH -> resizeAsOpened(pixels, w, h, outW, outH, 0, 0, outW, outH, filter, mode, transparent);
            case SHORTER_SIDE_CENTER_CROP -> shorterSideCenterCrop(pixels, w, h, outW, outH, filter, mode, transparent);
            case TF_BILINEAR_ALIGN_CORNERS -> throw new IllegalArgumentException("TF.js resizes floats, not 8-bit planes");
        };
    }

    private static int[][] shorterSideCenterCrop(int[] pixels, int w, int h, int outW, int outH,
                                                 Interpolation filter, SourceMode mode, boolean transparent) {
        int target = Math.max(outW, outH);
        int shortSide = Math.min(w, h);
        int longSide = Math.max(w, h);
        // torchvision truncates the long side; evaluated in double like Python's int(size * long / short)
        int newLong = (int) ((double) target * longSide / shortSide);
        int newW = w <= h ? target : newLong;
        int newH = w <= h ? newLong : target;
        // Python's round() on x.5 rounds half to even, as Math.rint does
        int top = (int) Math.rint((newH - outH) / 2.0);
        int left = (int) Math.rint((newW - outW) / 2.0);
        return resizeAsOpened(pixels, w, h, newW, newH, left, top, outW, outH, filter, mode, transparent);
    }

    /**
     * PIL's {@code img.resize((newW, newH), filter)} on an image of {@code mode}, then the
     * {@code (left, top, outW, outH)} window of it, as RGB planes: NEAREST for palette and 1-bit images,
     * premultiplied for LA and RGBA ones with any transparency (a no-op on opaque pixels), and a plain copy
     * when the size does not change (PIL returns {@code img.copy()} then).
     */
    private static int[][] resizeAsOpened(int[] pixels, int w, int h, int newW, int newH, int left, int top,
                                          int outW, int outH, Interpolation filter, SourceMode mode,
                                          boolean transparent) {
        Interpolation used = mode.resizesNearest() ? Interpolation.NEAREST : filter;
        boolean resized = newW != w || newH != h;
        boolean premultiplied = resized && transparent && used != Interpolation.NEAREST
                && (mode == SourceMode.RGBA || mode == SourceMode.LA);
        if (!premultiplied) {
            return PilResampler.resample(PixelSource.of(pixels, w, h), newW, newH, left, top, outW, outH, used, 3);
        }
        int[][] rgba = PilResampler.resample(PixelSource.of(PilPixelOps.premultiply(pixels), w, h),
                newW, newH, left, top, outW, outH, used, 4);
        PilPixelOps.unpremultiply(rgba[0], rgba[1], rgba[2], rgba[3]);
        return new int[][]{rgba[0], rgba[1], rgba[2]};
    }

    private static void writeTensor(int[][] rgb, PreprocessSpec spec, float[] dst, int offset) {
        int pixels = spec.width() * spec.height();
        boolean bgr = spec.colorOrder() == PreprocessSpec.ColorOrder.BGR;
        float[][] lut = new float[3][256];
        int[][] planes = new int[3][];
        for (int c = 0; c < 3; c++) {
            planes[c] = rgb[bgr ? 2 - c : c];
            lut[c] = lut(spec, c);
        }
        if (spec.layout() == PreprocessSpec.Layout.NCHW) {
            for (int c = 0; c < 3; c++) {
                int[] plane = planes[c];
                float[] table = lut[c];
                int base = offset + c * pixels;
                for (int i = 0; i < pixels; i++) {
                    dst[base + i] = table[plane[i]];
                }
            }
        } else {
            int[] p0 = planes[0];
            int[] p1 = planes[1];
            int[] p2 = planes[2];
            for (int i = 0, o = offset; i < pixels; i++, o += 3) {
                dst[o] = lut[0][p0[i]];
                dst[o + 1] = lut[1][p1[i]];
                dst[o + 2] = lut[2][p2[i]];
            }
        }
    }
}
