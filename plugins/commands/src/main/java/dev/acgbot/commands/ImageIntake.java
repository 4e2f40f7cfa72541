package dev.acgbot.commands;

import dev.acgbot.api.UserFacingException;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.i18n.Language;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.ImageDecodeException;
import dev.acgbot.models.image.ImageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Reads and decodes a posted image within the gallery's limits; every failure becomes a friendly message. */
public final class ImageIntake {
    private static final Logger LOG = LoggerFactory.getLogger(ImageIntake.class);

    private final DecodeLimits limits;
    private final ImageDecoder decoder;

    public ImageIntake(DecodeLimits limits) {
        this.limits = limits;
        this.decoder = new ImageDecoder(limits);
    }

    public PostedImage read(Attachment attachment) throws IOException {
        byte[] bytes = attachment.read(limits.maxBytes());
        try {
            return new PostedImage(attachment.fileName(), sha256(bytes), decoder.decode(bytes));
        } catch (ImageDecodeException e) {
            LOG.info("refused {} ({} bytes): {} — {}", attachment.fileName(), bytes.length, e.reason(), e.getMessage());
            throw new UserFacingException(language -> VisionMessages.format(language, "image.refused",
                    attachment.fileName(), reason(e, language)));
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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
