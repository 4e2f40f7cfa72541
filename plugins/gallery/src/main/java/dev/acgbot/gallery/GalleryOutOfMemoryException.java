package dev.acgbot.gallery;

/**
 * A reindex stopped because the JVM heap was too small for an image even decoded alone. This is the
 * operator's to fix (more heap, smaller batches), never the file's: nothing is marked failed, everything
 * committed stays, and the next run continues from there.
 */
public final class GalleryOutOfMemoryException extends RuntimeException {
    public GalleryOutOfMemoryException(String what) {
        super("ran out of memory " + what + " (max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB). Give the JVM more heap (ACGBOT_HEAP=2g, or -Xmx in ACGBOT_JAVA_OPTS) or lower"
                + " gallery.batch_size; nothing was skipped, and the next reindex continues where this one stopped.");
    }
}
