package dev.acgbot.models.image;

import java.util.Objects;

/**
 * Decoded pixels, 8 bits per channel, as packed ARGB ints in row-major order. This is the hand-off point
 * between decoding (which differs per file format) and preprocessing (which must match PIL exactly).
 *
 * @param width    pixel width, at least 1
 * @param height   pixel height, at least 1
 * @param argb     {@code width * height} packed pixels, alpha in the top byte
 * @param hasAlpha whether the source had an alpha channel or a transparent palette entry (otherwise every
 *                 alpha byte is 255)
 * @param source   the mode PIL opens the file in, which decides how the reference pipelines resize it
 */
public record DecodedImage(int width, int height, int[] argb, boolean hasAlpha, SourceMode source) {
    public DecodedImage {
        Objects.requireNonNull(argb, "argb");
        Objects.requireNonNull(source, "source");
        if (width < 1 || height < 1 || (long) width * height != argb.length) {
            throw new IllegalArgumentException("pixel array does not match " + width + "x" + height);
        }
    }

    /** Pixels of unknown origin: RGBA when {@code hasAlpha}, else RGB. */
    public DecodedImage(int width, int height, int[] argb, boolean hasAlpha) {
        this(width, height, argb, hasAlpha, SourceMode.of(hasAlpha));
    }

    /** The same pixels from a source of the given mode. */
    public DecodedImage withSource(SourceMode mode) {
        return mode == source ? this : new DecodedImage(width, height, argb, hasAlpha, mode);
    }
}
