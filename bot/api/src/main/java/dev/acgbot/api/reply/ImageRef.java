package dev.acgbot.api.reply;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An image to send: a gallery file on disk, or bytes made on the fly. A file is only ever sent through
 * {@link #content()}, which reads it as the index saw it or not at all: a gallery file swapped for a symlink
 * after indexing would otherwise upload the link's target to the chat (issue 11).
 *
 * @param path     the file, or null when {@code bytes} is given
 * @param bytes    the content, or null when {@code path} is given
 * @param fileName the name to show
 * @param expected what the file must still be (root, size, hash), or null when {@code bytes} is given
 * @param spoiler  show it hidden until the viewer chooses to see it (Telegram {@code has_spoiler}, a Discord
 *                 {@code SPOILER_} file); decided by the plugin, rendered by the adapter
 */
public record ImageRef(Path path, byte[] bytes, String fileName, IndexedFile expected, boolean spoiler) {
    public ImageRef {
        if ((path == null) == (bytes == null)) {
            throw new IllegalArgumentException("exactly one of path or bytes must be given");
        }
        if ((path == null) != (expected == null)) {
            throw new IllegalArgumentException("a file needs what the index knows of it, and only a file");
        }
        if (fileName == null) {
            fileName = path != null ? path.getFileName().toString() : "image.png";
        }
    }

    public ImageRef(Path path, byte[] bytes, String fileName, IndexedFile expected) {
        this(path, bytes, fileName, expected, false);
    }

    /** The same image behind a spoiler. */
    public ImageRef withSpoiler() {
        return new ImageRef(path, bytes, fileName, expected, true);
    }

    /**
     * What the gallery index recorded for a file.
     *
     * @param root   the configured gallery folder the file lies under
     * @param size   its size in bytes
     * @param sha256 hex sha256 of its content
     */
    public record IndexedFile(Path root, long size, String sha256) {
        public IndexedFile {
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** A gallery file, sent only while it is still the regular file under {@code root} that the index saw. */
    public static ImageRef galleryFile(Path path, Path root, long size, String sha256) {
        return new ImageRef(Objects.requireNonNull(path), null, null, new IndexedFile(root, size, sha256));
    }

    public static ImageRef of(byte[] bytes, String fileName) {
        return new ImageRef(null, Objects.requireNonNull(bytes), fileName, null);
    }

    /** The size to plan uploads with: the indexed size of a file (nothing is opened), else the byte count. */
    public long size() {
        return bytes != null ? bytes.length : expected.size();
    }

    /**
     * The bytes to upload. A file is opened without following links, must be a regular file under its gallery
     * root with no symlink on the way, and must have the indexed size and hash.
     *
     * @throws ImageChangedException when the file is not what the index saw (logged by the adapter, not sent)
     * @throws IOException           when it cannot be read
     */
    public byte[] content() throws IOException {
        return bytes != null ? bytes : VerifiedRead.read(path, expected);
    }
}
