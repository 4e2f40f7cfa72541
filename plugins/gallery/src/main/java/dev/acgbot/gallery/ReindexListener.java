package dev.acgbot.gallery;

/** Receives progress from the indexing thread; must return quickly. */
@FunctionalInterface
public interface ReindexListener {
    ReindexListener NONE = p -> {
    };

    void onProgress(ReindexProgress progress);
}
