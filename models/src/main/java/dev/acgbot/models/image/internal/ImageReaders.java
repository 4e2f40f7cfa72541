package dev.acgbot.models.image.internal;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The ImageIO readers to try per format, in order, discovered once. Readers are not thread-safe, so every
 * decode creates fresh instances.
 *
 * <p>TwelveMonkeys first for JPEG (CMYK/YCCK, damaged markers) and BMP, libwebp (webp-imageio) for WebP, the JDK's
 * first for PNG and GIF; the other one, where installed, is the fallback when the first fails.
 */
public final class ImageReaders {
    private static final Map<ImageFormat, List<ImageReaderSpi>> PROVIDERS = discover();

    private ImageReaders() {
    }

    private static Map<ImageFormat, List<ImageReaderSpi>> discover() {
        Map<ImageFormat, List<ImageReaderSpi>> found = new EnumMap<>(ImageFormat.class);
        for (ImageFormat format : ImageFormat.values()) {
            List<ImageReaderSpi> providers = new ArrayList<>();
            Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format.id());
            while (it.hasNext()) {
                ImageReader reader = it.next();
                ImageReaderSpi spi = reader.getOriginatingProvider();
                reader.dispose();
                if (spi != null && providers.stream().noneMatch(p -> p.getClass() == spi.getClass())) {
                    providers.add(spi);
                }
            }
            boolean jdkFirst = format == ImageFormat.PNG || format == ImageFormat.GIF;
            providers.sort(Comparator.comparingInt(spi -> isJdk(spi) == jdkFirst ? 0 : 1));
            found.put(format, List.copyOf(providers));
        }
        return found;
    }

    private static boolean isJdk(ImageReaderSpi spi) {
        return spi.getClass().getName().startsWith("com.sun.");
    }

    /** How many readers can be tried for {@code format}. */
    public static int count(ImageFormat format) {
        return PROVIDERS.get(format).size();
    }

    /** A new instance of the {@code index}-th reader for {@code format}. */
    public static ImageReader create(ImageFormat format, int index) throws IOException {
        return PROVIDERS.get(format).get(index).createReaderInstance();
    }
}
