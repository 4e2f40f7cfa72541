package dev.acgbot.api.reply;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An image to send: a file on disk (gallery images) or bytes made on the fly.
 *
 * @param path     the file, or null when {@code bytes} is given
 * @param bytes    the content, or null when {@code path} is given
 * @param fileName the name to show
 */
public record ImageRef(Path path, byte[] bytes, String fileName) {
    public ImageRef {
        if ((path == null) == (bytes == null)) {
            throw new IllegalArgumentException("exactly one of path or bytes must be given");
        }
        if (fileName == null) {
            fileName = path != null ? path.getFileName().toString() : "image.png";
        }
    }

    public static ImageRef of(Path path) {
        return new ImageRef(Objects.requireNonNull(path), null, null);
    }

    public static ImageRef of(byte[] bytes, String fileName) {
        return new ImageRef(null, Objects.requireNonNull(bytes), fileName);
    }
}
