package dev.acgbot.commands;

import dev.acgbot.api.UserFacingException;
import dev.acgbot.api.command.Attachment;
import dev.acgbot.api.text.LogText;
import dev.acgbot.models.image.DecodeGate;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecodeException;
import dev.acgbot.models.hash.Sha256;
import dev.acgbot.models.image.ImageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

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
            throw new UserFacingException(name + ": " + e.userMessage());
        }
    }

    public static String sha256(byte[] bytes) {
        return Sha256.hex(bytes);
    }
}
