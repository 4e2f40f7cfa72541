package dev.acgbot.models.image.internal;

import dev.acgbot.models.image.SourceMode;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;

/**
 * Which mode PIL opens a file in. For PNG this comes from the header, not from the ImageIO colour model: the
 * JDK reads 1/2/4-bit grayscale through a palette, while PIL opens 1-bit as "1" and 2/4-bit as "L".
 */
public final class SourceModes {
    private static final int PNG_BIT_DEPTH = 24;
    private static final int PNG_COLOUR_TYPE = 25;

    private SourceModes() {
    }

    public static SourceMode of(ImageFormat format, byte[] data, BufferedImage image, boolean hasAlpha) {
        return switch (format) {
            case PNG -> png(data, hasAlpha);
            case GIF -> image.getColorModel() instanceof IndexColorModel icm && isGrayRamp(icm) ? SourceMode.L : SourceMode.P;
            case BMP -> image.getColorModel() instanceof IndexColorModel ? SourceMode.P : SourceMode.RGB;
            // CMYK JPEGs are converted before resizing (PIL resizes them as CMYK): a known, rare divergence
            case JPEG -> image.getRaster().getNumBands() == 1 ? SourceMode.L : SourceMode.RGB;
            case WEBP -> SourceMode.of(hasAlpha);
        };
    }

    /**
     * Pillow opens a GIF whose colour table is the identity gray ramp (entry i = (i, i, i)) as "L", not "P"
     * ({@code GifImageFile._is_palette_needed}), and then resizes it with the asked filter.
     */
    private static boolean isGrayRamp(IndexColorModel icm) {
        for (int i = 0; i < icm.getMapSize(); i++) {
            if (icm.getRed(i) != i || icm.getGreen(i) != i || icm.getBlue(i) != i) {
                return false;
            }
        }
        return true;
    }

    private static SourceMode png(byte[] d, boolean hasAlpha) {
        if (d.length <= PNG_COLOUR_TYPE || !FormatSniffer.ascii(d, 12, "IHDR")) {
            return SourceMode.of(hasAlpha);
        }
        int depth = d[PNG_BIT_DEPTH] & 0xFF;
        return switch (d[PNG_COLOUR_TYPE] & 0xFF) {
            case 0 -> depth == 1 ? SourceMode.BILEVEL : SourceMode.L;
            case 2 -> SourceMode.RGB;
            case 3 -> SourceMode.P;
            case 4 -> SourceMode.LA;
            case 6 -> SourceMode.RGBA;
            default -> SourceMode.of(hasAlpha);
        };
    }
}
