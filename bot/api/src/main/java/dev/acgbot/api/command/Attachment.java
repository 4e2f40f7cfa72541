package dev.acgbot.api.command;

import java.io.IOException;
import java.util.Optional;

/**
 * A file posted with a message. Its bytes are fetched only when a command asks for them,
 * and never more than the caller allows.
 */
public interface Attachment {

    /** The file name as posted, or a made-up one such as {@code photo.jpg}. */
    String fileName();

    /** The MIME type the platform reported, if any; never trusted for decoding. */
    Optional<String> contentType();

    /** The size the platform reported, or -1 when unknown. */
    long declaredSize();

    /**
     * Downloads the content.
     *
     * @param maxBytes refuse anything larger than this
     * @throws AttachmentTooLargeException when the file is larger than {@code maxBytes}
     * @throws IOException                 when the download fails
     */
    byte[] read(long maxBytes) throws IOException;

    /** A stable key for caches and logs when the platform has one (file id, path). */
    default String sourceKey() {
        return fileName();
    }
}
