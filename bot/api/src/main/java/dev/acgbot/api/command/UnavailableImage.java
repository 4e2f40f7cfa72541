package dev.acgbot.api.command;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the user posted as their image that cannot be one, known before any download (an animated sticker
 * with no still thumbnail): it is carried like an attachment so that the command answers with its own reason
 * ("animated stickers without a preview are not supported") instead of "please attach an image".
 *
 * @param fileName what the user posted, as a name
 * @param reason   the refusal the command will answer with
 * @param detail   for the operator's log
 */
public record UnavailableImage(String fileName, ImageUnavailableException.Reason reason, String detail) implements Attachment {

    public UnavailableImage {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    @Override
    public Optional<String> contentType() {
        return Optional.empty();
    }

    @Override
    public long declaredSize() {
        return -1;
    }

    @Override
    public byte[] read(long maxBytes) throws IOException {
        throw new ImageUnavailableException(reason, fileName, detail);
    }
}
