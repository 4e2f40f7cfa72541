package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;

import java.util.Optional;

/** What stage 3 (read, hash, decode, reduce) made of one file. */
sealed interface Prepared {
    FoundFile file();

    /** Bytes of the in-flight budget this item holds until it is committed. */
    default long heldBytes() {
        return 0;
    }

    /** Content the gallery already has complete: only the path is recorded. */
    record Known(FoundFile file, String sha, Optional<String> source) implements Prepared {
    }

    /** Content that needs inference, reduced to what the models and hashes need. */
    record Analysed(FoundFile file, String sha, Optional<String> source, Analysis analysis, long heldBytes)
            implements Prepared {
    }

    /** Unreadable or undecodable: remembered until the file changes. */
    record Failed(FoundFile file, String reason) implements Prepared {
    }

    /** The heap was too small even with this image decoded alone: the run stops, nothing is marked failed. */
    record OutOfMemory(FoundFile file, String detail) implements Prepared {
    }

    /**
     * One content's pixels and hashes.
     *
     * @param image  the reduced copy the models see (shorter side at most the gallery's analysis side)
     * @param width  width of the full image
     * @param height height of the full image
     * @param signature what the duplicate search keeps besides the two hashes, from the same reduced copy
     */
    record Analysis(DecodedImage image, int width, int height, long pHash, long dHash, RepostSignature signature) {
        long bytes() {
            return 4L * image.argb().length;
        }
    }
}
