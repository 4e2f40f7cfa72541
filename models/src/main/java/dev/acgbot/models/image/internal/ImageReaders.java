package dev.acgbot.models.image.internal;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Picks one ImageIO reader per format, once: TwelveMonkeys for JPEG (CMYK/YCCK, broken markers), WebP and
 * BMP, the JDK's for PNG and GIF. Readers are not thread-safe, so each decode gets a fresh instance.
 */
public final class ImageReaders {
    private static final Map<ImageFormat, ImageReaderSpi> PROVIDERS = discover();

    private ImageReaders() {
    }

    private static Map<ImageFormat, ImageReaderSpi> discover() {
        Map<ImageFormat, ImageReaderSpi> found = new EnumMap<>(ImageFormat.class);
        for (ImageFormat format : ImageFormat.values()) {
            ImageReaderSpi chosen = null;
            Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format.id());
            while (it.hasNext()) {
                ImageReader reader = it.next();
                ImageReaderSpi spi = reader.getOriginatingProvider();
                reader.dispose();
                if (spi == null) {
                    continue;
                }
                boolean twelveMonkeys = spi.getClass().getName().startsWith("com.twelvemonkeys");
                if (chosen == null || (twelveMonkeys && preferTwelveMonkeys(format))) {
                    chosen = spi;
                }
            }
            if (chosen != null) {
                found.put(format, chosen);
            }
        }
        return found;
    }

    private static boolean preferTwelveMonkeys(ImageFormat format) {
        return format == ImageFormat.JPEG || format == ImageFormat.WEBP || format == ImageFormat.BMP;
    }

    /** A new reader for {@code format}, or null when no plugin is installed. */
    public static ImageReader create(ImageFormat format) throws java.io.IOException {
        ImageReaderSpi spi = PROVIDERS.get(format);
        return spi == null ? null : spi.createReaderInstance();
    }
}
