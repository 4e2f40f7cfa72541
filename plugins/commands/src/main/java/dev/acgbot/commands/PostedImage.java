package dev.acgbot.commands;

import dev.acgbot.models.image.DecodedImage;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * An image a user posted: its name and content hash at once, its pixels only when something needs them. The
 * sha-keyed caches are asked first, so a repost whose tags or embedding are cached is never decoded again; a
 * decode, when one happens, happens once.
 */
public final class PostedImage {
    private final String fileName;
    private final String sha256;
    private Supplier<DecodedImage> decode;
    private DecodedImage pixels;

    /**
     * @param fileName as posted
     * @param sha256   hex hash of the bytes: the cache key, and the gallery's identity of the image
     * @param decode   decodes the first frame; throws a user-facing error for a file that is no image
     */
    public PostedImage(String fileName, String sha256, Supplier<DecodedImage> decode) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.sha256 = Objects.requireNonNull(sha256, "sha256");
        this.decode = Objects.requireNonNull(decode, "decode");
    }

    /** Already decoded pixels (tests, and images made in memory). */
    public static PostedImage of(String fileName, String sha256, DecodedImage pixels) {
        return new PostedImage(fileName, sha256, () -> pixels);
    }

    public String fileName() {
        return fileName;
    }

    public String sha256() {
        return sha256;
    }

    /** The decoded first frame, decoding on first call. */
    public synchronized DecodedImage pixels() {
        if (pixels == null) {
            pixels = decode.get();
            decode = null; // the encoded bytes it holds can go
        }
        return pixels;
    }
}
