package dev.acgbot.models.preprocess;

import java.util.Objects;

/**
 * How a model wants its pixels: everything that turns a {@link dev.acgbot.models.image.DecodedImage} into
 * its input tensor, read from the model's manifest.
 *
 * @param width         input width in pixels
 * @param height        input height in pixels
 * @param resize        how the image is brought to that size
 * @param interpolation resampling filter, implemented as PIL implements it
 * @param alpha         what happens to transparency
 * @param colorOrder    channel order in the tensor
 * @param layout        tensor layout
 * @param scale         multiplier applied to 0-255 values before normalisation (1/255 or 1)
 * @param mean          per-channel mean subtracted after scaling, in tensor channel order
 * @param std           per-channel standard deviation divided by, in tensor channel order
 */
public record PreprocessSpec(int width, int height, ResizeMode resize, Interpolation interpolation, AlphaMode alpha,
                             ColorOrder colorOrder, Layout layout, float scale, float[] mean, float[] std) {

    /** Resize strategies of the reference pipelines. */
    public enum ResizeMode {
        /** WD tagger / JoyTag: paste centred on a white square of the longer side, then resize. */
        PAD_SQUARE_WHITE,
        /** Chinese-CLIP: resize straight to width x height, aspect ratio not kept. */
        SQUASH,
        /** OpenAI/OpenCLIP: shorter side to the target, then centre crop. */
        SHORTER_SIDE_CENTER_CROP,
        /**
         * nsfwjs (TF.js): scale (and normalise) first, then {@code tf.image.resizeBilinear(alignCorners=true)}
         * straight to width x height on the float values, aspect ratio not kept; skipped when the image already
         * has the input size, as nsfwjs skips it. The interpolation setting is not used.
         */
        TF_BILINEAR_ALIGN_CORNERS
    }

    /** PIL resampling filters. */
    public enum Interpolation { NEAREST, BILINEAR, BICUBIC, LANCZOS }

    /** Transparency handling. */
    public enum AlphaMode {
        /** Alpha-composite on white first (WD tagger). */
        COMPOSITE_WHITE,
        /** Drop alpha as PIL's {@code convert('RGB')} does (colour under transparent pixels shows). */
        DROP
    }

    public enum ColorOrder { RGB, BGR }

    public enum Layout { NCHW, NHWC }

    public PreprocessSpec {
        Objects.requireNonNull(resize, "resize");
        Objects.requireNonNull(interpolation, "interpolation");
        Objects.requireNonNull(alpha, "alpha");
        Objects.requireNonNull(colorOrder, "colorOrder");
        Objects.requireNonNull(layout, "layout");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("input size must be positive");
        }
        mean = mean == null ? new float[]{0, 0, 0} : mean.clone();
        std = std == null ? new float[]{1, 1, 1} : std.clone();
        if (mean.length != 3 || std.length != 3) {
            throw new IllegalArgumentException("mean and std need three values");
        }
    }

    /** Number of floats in one image's tensor. */
    public int tensorSize() {
        return 3 * width * height;
    }
}
