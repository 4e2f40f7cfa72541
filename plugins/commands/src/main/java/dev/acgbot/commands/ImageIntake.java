package dev.acgbot.commands;

import dev.acgbot.api.UserFacingException;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.ImageDecodeException;
import dev.acgbot.models.image.ImageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
            throw new UserFacingException(attachment.fileName() + ": " + e.userMessage());
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
