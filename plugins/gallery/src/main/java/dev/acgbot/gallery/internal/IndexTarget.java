package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.models.api.Inference;

import java.util.List;

/** What the indexer needs of the gallery it fills; the gallery hands it one while holding its write lock. */
interface IndexTarget {
    GalleryOptions options();

    Inference inference();

    GalleryStore store();

    /** The embeddings and tags every entry should have. */
    Wanted wanted();

    /** Shorter side images are reduced to right after decoding (see {@link DefaultGallery#reducedSide}). */
    int analysisSide();

    /** Applies changes the store just committed as {@code generation}, and shows them to searches. */
    void publish(long generation, List<MemoryChange> changes);

    /** Rebuilds the graph indexes that have fallen behind. */
    void refreshGraphs(ReindexListener listener, CancellationToken token);
}
