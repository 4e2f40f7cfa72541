package dev.acgbot.models.image.internal;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.ref.Reference;
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

    /**
     * The first image of {@code reader}'s input, read with a parameter object kept reachable until the read returns.
     * webp-imageio frees libwebp's native options from a {@link java.lang.ref.Cleaner} registered on its parameter
     * object, and a reader handed none makes its own, which nothing references once the options' native address is taken:
     * a collection during the native call may then free them under libwebp. Its writer crashed the JVM so (SIGSEGV in
     * {@code encode}, null address, while the duplicates evaluation re-encoded copies as WebP); the reader has the same
     * shape, and a crash there would take the whole bot down on one upload.
     */
    public static BufferedImage readFirst(ImageReader reader) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        try {
            return reader.read(0, param);
        } finally {
            Reference.reachabilityFence(param);
        }
    }
}
