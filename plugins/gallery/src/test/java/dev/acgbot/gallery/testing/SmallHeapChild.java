package dev.acgbot.gallery.testing;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.GalleryOutOfMemoryException;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.ReindexSummary;

import java.nio.file.Path;
import java.util.List;

/**
 * Child JVM for the small-heap test: one reindex with default batch size and decode threads, printing the
 * summary's counts and the heap it ran with.
 */
public final class SmallHeapChild {
    public static void main(String[] args) {
        GalleryOptions options = GalleryOptions.builder().dataDir(Path.of(args[0])).folders(List.of(Path.of(args[1])))
                .clipModels(List.of(FakeInference.CLIP)).build();
        try (Gallery g = Gallery.open(options, new FakeInference())) {
            ReindexSummary s = g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            System.out.println("SUMMARY " + s);
            System.out.println("COUNTS added=" + s.added() + " failed=" + s.failed() + " rss=" + s.peakRssBytes()
                    + " maxHeap=" + Runtime.getRuntime().maxMemory());
        } catch (GalleryOutOfMemoryException e) {
            System.out.println("STOPPED " + e.getMessage());
            System.exit(3);
        }
    }
}
