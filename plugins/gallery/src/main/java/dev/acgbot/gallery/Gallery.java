package dev.acgbot.gallery;

import dev.acgbot.gallery.internal.DefaultGallery;
import dev.acgbot.models.api.Inference;
import dev.acgbot.models.image.DecodedImage;

import java.util.List;
import java.util.Optional;

/**
 * The indexed image gallery: similar-image, text and duplicate search over configured folders, kept up to
 * date by {@link #reindex}. Searches are thread-safe and may run during a reindex: they see the last
 * committed state, and switch to the next one atomically when a batch commits ({@link #generation()}).
 */
public interface Gallery extends AutoCloseable {

    /**
     * Opens (or creates) the gallery in {@code options.dataDir()}, loading stored vectors and any persisted
     * graph. Fails when a CLIP model id is unknown to {@code inference}.
     */
    static Gallery open(GalleryOptions options, Inference inference) {
        return DefaultGallery.open(options, inference);
    }

    /**
     * The JVM heap a bot holding the gallery in {@code options.dataDir()} should be given: its rows, hashes and graph
     * (when the options want one) estimated from its files' headers alone (image count, each CLIP model's
     * dimension), with room for the rest of the bot; empty while the directory holds no such files. The launcher
     * sizes {@code -Xmx} with it ({@code acgbot heap}), so a large gallery needs no heap setting.
     */
    static java.util.OptionalLong suggestedHeap(GalleryOptions options) {
        return DefaultGallery.suggestedHeap(options);
    }

    /**
     * Brings the index in line with the folders. One reindex at a time (a second call fails with
     * {@link IllegalStateException}); blocks until done or cancelled. Commits every batch, so a crash or
     * cancel keeps all finished batches and the next run continues from there.
     */
    ReindexSummary reindex(ReindexRequest request, ReindexListener listener, CancellationToken token);

    /** Nearest images to a unit vector in the space of image tower {@code clipModelId}, best first. */
    List<SearchHit> searchByVector(String clipModelId, float[] query, int k, SearchFilter filter);

    /** Embeds {@code image} with {@code clipModelId} and searches with it. */
    List<SearchHit> searchByImage(String clipModelId, DecodedImage image, int k, SearchFilter filter);

    /**
     * Embeds {@code text} with text tower {@code textModelId} and searches the configured image tower of the same
     * embedding space.
     */
    List<SearchHit> searchByText(String textModelId, String text, int k, SearchFilter filter);

    /**
     * Every gallery image that is a copy of {@code image}, however edited (resized, re-encoded, recoloured, cropped,
     * bordered, slightly rotated, mirrored), best first: candidates by perceptual hash, each verified by thumbnail
     * correlation (docs/benchmarks.md, "Duplicates"). {@code maxHamming} widens the candidate radius and decides,
     * by hashes alone, entries indexed before their thumbnail was stored.
     */
    List<DuplicateHit> findDuplicates(DecodedImage image, int maxHamming);

    Optional<GalleryEntry> entry(String sha256);

    GalleryStats stats();

    /** Increments with every committed change; use it to invalidate caches of search results. */
    long generation();

    /**
     * Writes a consistent copy of the gallery (see {@link GalleryArchive}) while searches go on: waits up to
     * {@code wait} for the write lock, so nothing is half-committed, and fails when a reindex holds it longer.
     *
     * @return the archive's size in bytes
     * @throws IllegalStateException when a reindex is running
     */
    long backup(java.nio.file.Path target, java.time.Duration wait) throws java.io.IOException;

    /** Closes the store; waits for nothing (cancel a running reindex first). */
    @Override
    void close();
}
