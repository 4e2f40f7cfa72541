package dev.acgbot.commands;

import dev.acgbot.api.UserFacingException;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.text.LogText;
import dev.acgbot.models.image.DecodeGate;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecodeException;
import dev.acgbot.models.hash.Sha256;
import dev.acgbot.models.image.ImageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.Locale;

/**
 * Reads a posted image within the gallery's limits and decodes it when first needed; every failure becomes a
 * friendly message. Large decodes pass a gate sized below the command workers, so one user's uploads of huge
 * images cannot hold every worker.
 */
public final class ImageIntake {
    private static final Logger LOG = LoggerFactory.getLogger(ImageIntake.class);

    /** Turns bytes into pixels; the decoder in the bot, a counting one in tests. */
    @FunctionalInterface
    interface Decoder {
        DecodedImage decode(byte[] bytes) throws ImageDecodeException;
    }

    private final DecodeLimits limits;
    private final Decoder decoder;

    /** For chat commands: heavy decodes gated for {@code commandWorkers} workers ({@link DecodeGate#forWorkers}). */
    public ImageIntake(DecodeLimits limits, int commandWorkers) {
        this(limits, new ImageDecoder(limits, DecodeGate.forWorkers(commandWorkers))::decode);
    }

    ImageIntake(DecodeLimits limits, Decoder decoder) {
        this.limits = limits;
        this.decoder = decoder;
    }

    public PostedImage read(Attachment attachment) throws IOException {
        byte[] bytes = attachment.read(limits.maxBytes());
        String name = attachment.fileName();
        return new PostedImage(name, sha256(bytes), () -> decode(name, bytes));
    }

    private DecodedImage decode(String name, byte[] bytes) {
        try {
            return decoder.decode(bytes);
        } catch (ImageDecodeException e) {
            LOG.info("refused {} ({} bytes): {} — {}", LogText.safe(name), bytes.length, e.reason(), e.getMessage());
            throw new UserFacingException(language -> VisionMessages.format(language, "image.refused", name, reason(e, language)));
        }
    }

    /** The decoder's typed reason in the user's words. */
    String reason(ImageDecodeException e, Language language) {
        ImageDecodeException.Facts f = e.facts();
        return switch (e.reason()) {
            case EMPTY -> VisionMessages.format(language, "image.empty");
            case TOO_LARGE_FILE -> VisionMessages.format(language, "image.too_large_file",
                    String.format(Locale.ROOT, "%.1f", f.bytes() / MIB), megabytes(limits.maxBytes()));
            case TOO_MANY_PIXELS -> limits.maxPixels() < 1_000_000
                    ? VisionMessages.format(language, "image.too_many_pixels_small", String.valueOf(f.width()),
                            String.valueOf(f.height()), String.valueOf(limits.maxPixels()))
                    : VisionMessages.format(language, "image.too_many_pixels", String.valueOf(f.width()),
                            String.valueOf(f.height()), megapixels(limits.maxPixels()));
            case DECOMPRESSION_BOMB -> VisionMessages.format(language, "image.bomb", String.valueOf(f.width()),
                    String.valueOf(f.height()), String.valueOf(Math.max(1, f.bytes() / 1024)));
            case BUSY -> VisionMessages.format(language, "image.busy");
            case UNSUPPORTED_FORMAT -> VisionMessages.format(language, "image.unsupported", f.format().isEmpty() ? "?" : f.format());
            case VECTOR_IMAGE -> VisionMessages.format(language, "image.vector");
            case NOT_AN_IMAGE -> VisionMessages.format(language, "image.not_an_image");
            case CORRUPT -> VisionMessages.format(language, "image.corrupt");
            case VIDEO -> VisionMessages.format(language, "image.video");
            case DOCUMENT -> VisionMessages.format(language, "image.document");
        };
    }

    private static final double MIB = 1024.0 * 1024.0;

    /** 40, 0.5: the pixel limit in megapixels. */
    private static String megapixels(long pixels) {
        double mp = pixels / 1e6;
        return mp == Math.rint(mp) ? String.valueOf((long) mp) : String.format(Locale.ROOT, "%.1f", mp);
    }

    /** 25 MB, 0.5 MB: a limit as an operator wrote it. */
    private static String megabytes(double bytes) {
        double mb = bytes / MIB;
        return mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb);
    }

    public static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
