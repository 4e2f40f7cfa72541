package dev.acgbot.models.image;

/**
 * The pixel mode PIL gives a file when it opens it (its {@code Image.mode}), before any conversion. The
 * reference pipelines that resize the image as opened and convert to RGB afterwards (Chinese-CLIP, OpenCLIP,
 * OpenAI CLIP) depend on it: PIL resizes palette and 1-bit images with nearest-neighbour whatever filter is
 * asked, and LA / RGBA images premultiplied by alpha.
 */
public enum SourceMode {
    /** Truecolour. */
    RGB,
    /** Truecolour with an alpha channel (PNG colour type 6, WebP with alpha). */
    RGBA,
    /** 8-bit grayscale (and 2/4-bit PNG grayscale, which PIL unpacks to L). */
    L,
    /** Grayscale with alpha (PNG colour type 4). */
    LA,
    /** Palette (PNG colour type 3, GIF, palette BMP), with or without a transparent index. */
    P,
    /** 1-bit grayscale PNG: PIL's mode "1". */
    BILEVEL;

    /** PIL's {@code Image.resize} uses NEAREST for modes "1" and "P", whatever filter is asked. */
    public boolean resizesNearest() {
        return this == P || this == BILEVEL;
    }

    /** The default for decoded pixels whose source is not known: RGBA with alpha, RGB without. */
    public static SourceMode of(boolean hasAlpha) {
        return hasAlpha ? RGBA : RGB;
    }
}
