package dev.acgbot.models.image;

import java.util.Objects;

/**
 * Decoded pixels, 8 bits per channel, as packed ARGB ints in row-major order. This is the hand-off point
 * between decoding (which differs per file format) and preprocessing (which must match PIL exactly).
 *
 * @param width    pixel width, at least 1
 * @param height   pixel height, at least 1
 * @param argb     {@code width * height} packed pixels, alpha in the top byte
 * @param hasAlpha whether the source had an alpha channel (otherwise every alpha byte is 255)
 */
public record DecodedImage(int width, int height, int[] argb, boolean hasAlpha) {
    public DecodedImage {
        Objects.requireNonNull(argb, "argb");
        if (width < 1 || height < 1 || (long) width * height != argb.length) {
            throw new IllegalArgumentException("pixel array does not match " + width + "x" + height);
        }
    }
}
