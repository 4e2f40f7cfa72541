package dev.acgbot.models.image;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import dev.acgbot.models.image.ImageDecodeException.Reason;
import dev.acgbot.models.image.internal.ColourProfiles;
import dev.acgbot.models.image.internal.ExifOrientation;
import dev.acgbot.models.image.internal.FormatSniffer;
import dev.acgbot.models.image.internal.GifScreen;
import dev.acgbot.models.image.internal.ImageFormat;
import dev.acgbot.models.image.internal.ImageReaders;
import dev.acgbot.models.image.internal.JpegSegments;
import dev.acgbot.models.image.internal.RasterConverter;
import dev.acgbot.models.image.internal.SourceModes;
import dev.acgbot.models.image.internal.WebpContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Decodes what people post in chat (JPEG, PNG, WebP, GIF, BMP) into 8-bit ARGB, and refuses everything else
 * with a reason and a sentence the bot can reply with. Thread-safe; every call uses its own reader.
 *
 * <ul>
 *   <li>The format comes from the magic bytes only.</li>
 *   <li>Limits are enforced before pixels are decoded: file size first, then width x height from the header
 *       (strictly below the limit), so a tiny file claiming 50 000 x 50 000 pixels costs nothing; then, for
 *       PNG, GIF and WebP, the pixels per file byte ({@link DecodeLimits#looksLikeBomb}).</li>
 *   <li>Heavy decodes pass a {@link DecodeGate}, so large uploads cannot occupy every command worker.</li>
 *   <li>WebP is decoded by libwebp, as PIL decodes it (bit-identical on the GNOME wallpapers); an
 *       animation's first frame is drawn on its canvas as libwebp's animation decoder (PIL's path) draws
 *       it.</li>
 *   <li>The result says which mode PIL would open the file in ({@link SourceMode}).</li>
 *   <li>Only the first frame of an animation is decoded; a GIF's first frame is placed on the logical
 *       screen as PIL places it.</li>
 *   <li>EXIF orientation (JPEG, PNG, WebP) is applied as PIL's {@code ImageOps.exif_transpose} does.</li>
 *   <li>Sample values are kept as stored (embedded ICC profiles and gamma are ignored), like PIL. 16-bit PNGs keep the high
 *       byte; for 16-bit RGB(A) that is what PIL does, for 16-bit grayscale PIL clips to 255 instead, which we
 *       do not copy.</li>
 *   <li>A JPEG cut off before its end-of-image marker is refused as {@link Reason#CORRUPT}, as PIL refuses
 *       truncated files by default, rather than decoded with a grey bottom.</li>
 *   <li>Decoder crashes on hostile input (runtime exceptions, stack overflow) become {@link Reason#CORRUPT}.
 *       An {@link OutOfMemoryError} is not: the pixel limit is checked before any pixel is decoded, so running
 *       out of heap on an image within it means the heap is too small for the work, which the caller reports
 *       to the operator instead of blaming the file (measured: a 1 GB heap "lost" 18 of 24 valid wallpapers
 *       as corrupt while indexing).</li>
 * </ul>
 */
public final class ImageDecoder {
    private static final Logger log = LoggerFactory.getLogger(ImageDecoder.class);
    private static final String SUPPORTED = "JPEG, PNG, WebP, GIF or BMP";
    private static final double MIB = 1024.0 * 1024.0;

    private final DecodeLimits limits;
    private final DecodeGate gate;

    /** Without a gate: for batch jobs that bound their own decode threads. */
    public ImageDecoder(DecodeLimits limits) {
        this(limits, DecodeGate.none());
    }

    /** Heavy decodes go through {@code gate}: the decoder that serves chat commands. */
    public ImageDecoder(DecodeLimits limits, DecodeGate gate) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    /** Format, size and frame count from the header; no pixels decoded and no limits applied. */
    public ImageInfo probe(byte[] data) throws ImageDecodeException {
        ImageFormat format = identify(data);
        int readers = ImageReaders.count(format);
        if (readers == 0) {
            throw noReader(format);
        }
        ImageDecodeException first = null;
        for (int i = 0; i < readers; i++) {
            try {
                return probe(data, format, i);
            } catch (ImageDecodeException e) {
                first = first == null ? e : first;
            }
        }
        throw first;
    }

    private static ImageInfo probe(byte[] data, ImageFormat format, int index) throws ImageDecodeException {
        if (format == ImageFormat.WEBP) {
            WebpContainer.Info webp = WebpContainer.read(data);
            if (webp != null && webp.animated()) {
                checkDimensions(webp.canvasWidth(), webp.canvasHeight());
                int orientation = ExifOrientation.read(data, format);
                return ExifOrientation.swapsAxes(orientation)
                        ? new ImageInfo(format.id(), webp.canvasHeight(), webp.canvasWidth(), webp.frames())
                        : new ImageInfo(format.id(), webp.canvasWidth(), webp.canvasHeight(), webp.frames());
            }
        }
        ImageReader reader;
        try {
            reader = ImageReaders.create(format, index);
        } catch (IOException e) {
            throw corrupt(format, e);
        }
        try (ImageInputStream in = new ByteArrayImageInputStream(data)) {
            reader.setInput(in, false, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            checkDimensions(w, h);
            GifScreen.Layout screen = format == ImageFormat.GIF ? GifScreen.read(data) : null;
            if (screen != null) {
                w = Math.max(w, screen.canvasWidth());
                h = Math.max(h, screen.canvasHeight());
            }
            int frames = frames(reader, format, data);
            int orientation = ExifOrientation.read(data, format);
            return ExifOrientation.swapsAxes(orientation)
                    ? new ImageInfo(format.id(), h, w, frames) : new ImageInfo(format.id(), w, h, frames);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw corrupt(format, e);
        } finally {
            reader.dispose();
        }
    }

    /** The first frame, upright, as 8-bit ARGB. */
    public DecodedImage decode(byte[] data) throws ImageDecodeException {
        Objects.requireNonNull(data, "data");
        if (data.length > limits.maxBytes()) {
            throw tooLarge(data.length);
        }
        ImageFormat format = identify(data);
        if (format == ImageFormat.JPEG && !JpegSegments.hasEndOfImage(data)) {
            throw new ImageDecodeException(Reason.CORRUPT, corruptMessage(),
                    "JPEG ends before its end-of-image marker (truncated upload?)");
        }
        int readers = ImageReaders.count(format);
        if (readers == 0) {
            throw noReader(format);
        }
        WebpContainer.Info webp = format == ImageFormat.WEBP ? webpInfo(data) : null;
        byte[] pixelsOnly = switch (format) {
            // libwebp ignores ICC profiles, as PIL does; the JPEG readers would apply them
            case JPEG -> ColourProfiles.stripFromJpeg(data);
            case WEBP -> webp.animated() ? webp.first().file() : data;
            default -> data;
        };
        ImageDecodeException first = null;
        for (int i = 0; i < readers; i++) {
            try {
                BufferedImage image = read(pixelsOnly, format, i, data.length);
                DecodedImage decoded = RasterConverter.toDecoded(image);
                if (format == ImageFormat.GIF) {
                    decoded = GifScreen.place(decoded, image, GifScreen.read(data));
                } else if (webp != null && webp.animated()) {
                    decoded = WebpContainer.place(decoded, webp);
                }
                decoded = decoded.withSource(SourceModes.of(format, data, image, decoded.hasAlpha()));
                return orient(decoded, ExifOrientation.read(data, format));
            } catch (ImageDecodeException e) {
                if (e.reason() != Reason.CORRUPT) {
                    throw e; // limits do not change with the reader
                }
                first = first == null ? e : first;
            } catch (RuntimeException e) {
                first = first == null ? corrupt(format, e) : first;
            }
        }
        throw first;
    }

    /**
     * The WebP's container facts; for an animation the canvas is checked against the limits here (the reader
     * only sees the first frame) and the first frame must lie on it, as libwebp's demuxer requires.
     */
    private WebpContainer.Info webpInfo(byte[] data) throws ImageDecodeException {
        WebpContainer.Info info = WebpContainer.read(data);
        if (info == null) {
            throw new ImageDecodeException(Reason.CORRUPT, corruptMessage(), "WebP container truncated");
        }
        if (info.animated()) {
            checkDimensions(info.canvasWidth(), info.canvasHeight());
            checkPixels(info.canvasWidth(), info.canvasHeight(), ImageFormat.WEBP, data.length);
            WebpContainer.Frame f = info.first();
            if (f == null || f.x() + f.width() > info.canvasWidth() || f.y() + f.height() > info.canvasHeight()) {
                throw new ImageDecodeException(Reason.CORRUPT, corruptMessage(),
                        "animated WebP without a first frame on its " + info.canvasWidth() + "x" + info.canvasHeight() + " canvas");
            }
        }
        return info;
    }

    /** The pixel limit (exclusive) and, for compressed lossless formats and WebP, the pixels per byte. */
    private void checkPixels(int w, int h, ImageFormat format, long fileBytes) throws ImageDecodeException {
        long pixels = (long) w * h;
        if (!limits.allowsPixels(pixels)) {
            throw new ImageDecodeException(Reason.TOO_MANY_PIXELS, new ImageDecodeException.Facts(format.name(), w, h, fileBytes),
                    String.format(Locale.ROOT, "That image is too large (%d x %d pixels); it must stay below %s.",
                    w, h, megapixels(limits.maxPixels())), w + "x" + h + " >= " + limits.maxPixels() + " pixels", null);
        }
        boolean compressed = format == ImageFormat.PNG || format == ImageFormat.GIF || format == ImageFormat.WEBP;
        if (compressed && DecodeLimits.looksLikeBomb(pixels, fileBytes)) {
            throw new ImageDecodeException(Reason.DECOMPRESSION_BOMB, new ImageDecodeException.Facts(format.name(), w, h, fileBytes),
                    String.format(Locale.ROOT,
                    "That image claims %d x %d pixels in only %s, which looks like a decompression bomb, so I won't open it.",
                    w, h, kilobytes(fileBytes)),
                    String.format(Locale.ROOT, "%s %dx%d in %d bytes: %.0f pixels per byte > %d", format.id(), w, h,
                            fileBytes, pixels / (double) fileBytes, DecodeLimits.MAX_PIXELS_PER_BYTE), null);
        }
    }

    /** One attempt with the {@code index}-th reader: header, limits, first frame. */
    private BufferedImage read(byte[] data, ImageFormat format, int index, long fileBytes) throws ImageDecodeException {
        ImageReader reader;
        try {
            reader = ImageReaders.create(format, index);
        } catch (IOException e) {
            throw corrupt(format, e);
        }
        List<String> warnings = new ArrayList<>();
        BufferedImage image;
        try (ImageInputStream in = new ByteArrayImageInputStream(data)) {
            reader.setInput(in, true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            checkDimensions(w, h);
            if (format == ImageFormat.GIF) {
                GifScreen.Layout screen = GifScreen.read(data);
                if (screen != null) {
                    // the first frame is shown on the logical screen, which may be larger than the frame
                    w = Math.max(w, screen.canvasWidth());
                    h = Math.max(h, screen.canvasHeight());
                }
            }
            checkPixels(w, h, format, fileBytes);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            try (DecodeGate.Slot slot = gate.enter((long) w * h)) {
                image = ImageReaders.readFirst(reader);
            }
        } catch (ImageDecodeException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw corrupt(format, e);
        } finally {
            reader.dispose();
        }
        for (String warning : warnings) {
            if (warning != null && warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                throw new ImageDecodeException(Reason.CORRUPT, corruptMessage(), format.id() + " truncated: " + warning);
            }
        }
        if (!warnings.isEmpty()) {
            log.debug("{} decoded with warnings: {}", format.id(), warnings);
        }
        return image;
    }

    /** Like {@link #decode(byte[])}; the file size is checked before the file is read. */
    public DecodedImage decode(Path file) throws ImageDecodeException {
        Objects.requireNonNull(file, "file");
        byte[] data;
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw tooLarge(size);
            }
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImageDecodeException(Reason.NOT_AN_IMAGE, "That file is no longer available.", "no such file " + file, e);
        } catch (IOException e) {
            throw new ImageDecodeException(Reason.CORRUPT, corruptMessage(), "cannot read " + file + ": " + e, e);
        }
        return decode(data);
    }

    private static ImageFormat identify(byte[] data) throws ImageDecodeException {
        FormatSniffer.Sniffed sniffed = FormatSniffer.sniff(Objects.requireNonNull(data, "data"));
        if (sniffed.decodable()) {
            return sniffed.format();
        }
        throw new ImageDecodeException(sniffed.refusal(), new ImageDecodeException.Facts(sniffed.what(), 0, 0, data.length),
                refusalMessage(sniffed), "refused: " + sniffed.what(), null);
    }

    private static String refusalMessage(FormatSniffer.Sniffed sniffed) {
        return switch (sniffed.refusal()) {
            case EMPTY -> "That file is empty.";
            case VECTOR_IMAGE -> "Vector images (SVG) aren't supported. Please send it as PNG or JPEG.";
            case VIDEO -> "Videos aren't supported. Please send a still image (a screenshot works).";
            case DOCUMENT -> "Documents and archives aren't supported. Please send the image itself.";
            case UNSUPPORTED_FORMAT -> sniffed.what() + " images aren't supported. Please send " + SUPPORTED + ".";
            default -> "That file doesn't look like an image. Please send " + SUPPORTED + ".";
        };
    }

    private static ImageDecodeException noReader(ImageFormat format) {
        return new ImageDecodeException(Reason.UNSUPPORTED_FORMAT, new ImageDecodeException.Facts(format.name(), 0, 0, 0),
                format.name() + " images can't be read here. Please send " + SUPPORTED + ".",
                "no ImageIO reader for " + format.id(), null);
    }

    private static void checkDimensions(int w, int h) throws ImageDecodeException {
        if (w < 1 || h < 1) {
            throw new ImageDecodeException(Reason.CORRUPT, corruptMessage(), "header says " + w + "x" + h);
        }
    }

    private static int frames(ImageReader reader, ImageFormat format, byte[] data) {
        if (format == ImageFormat.WEBP) {
            WebpContainer.Info info = WebpContainer.read(data);
            return info == null ? -1 : info.frames();
        }
        if (format != ImageFormat.GIF) {
            return 1;
        }
        try {
            return reader.getNumImages(true);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static DecodedImage orient(DecodedImage img, int orientation) {
        if (orientation == 1) {
            return img;
        }
        int[] size = new int[2];
        int[] pixels = ExifOrientation.apply(img.argb(), img.width(), img.height(), orientation, size);
        return new DecodedImage(size[0], size[1], pixels, img.hasAlpha(), img.source());
    }

    private ImageDecodeException tooLarge(long size) {
        return new ImageDecodeException(Reason.TOO_LARGE_FILE, new ImageDecodeException.Facts("", 0, 0, size), String.format(Locale.ROOT,
                "That file is too big (%.1f MB); the limit is %s MB.", size / MIB, megabytes(limits.maxBytes())),
                size + " bytes > " + limits.maxBytes(), null);
    }

    private static ImageDecodeException corrupt(ImageFormat format, Throwable cause) {
        log.debug("{} failed to decode: {}", format.id(), cause.toString());
        return new ImageDecodeException(Reason.CORRUPT, corruptMessage(),
                format.id() + " decoder failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }

    private static String corruptMessage() {
        return "That image looks damaged or incomplete, so I couldn't read it.";
    }

    private static String megabytes(long bytes) {
        double mb = bytes / MIB;
        return mb == Math.rint(mb) ? String.format(Locale.ROOT, "%.0f", mb) : String.format(Locale.ROOT, "%.1f", mb);
    }

    private static String kilobytes(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
    }

    /** "40 megapixels", "2.5 megapixels", or "100 pixels" for limits under one megapixel (never "0"). */
    private static String megapixels(long pixels) {
        if (pixels < 1_000_000) {
            return pixels + " pixels";
        }
        double mp = pixels / 1e6;
        return (mp == Math.rint(mp) ? String.format(Locale.ROOT, "%.0f", mp) : String.format(Locale.ROOT, "%.1f", mp))
                + " megapixels";
    }
}
