package dev.acgbot.gallery.testing;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.ReindexProgress;
import dev.acgbot.gallery.ReindexRequest;

import java.nio.file.Path;
import java.util.List;

/** Child JVM for the crash test: reindexes slowly, printing each committed batch, until it is killed. */
public final class ReindexChild {
    public static void main(String[] args) {
        GalleryOptions options = GalleryOptions.builder().dataDir(Path.of(args[0])).folders(List.of(Path.of(args[1])))
                .clipModels(List.of(FakeInference.CLIP)).batchSize(4).decodeThreads(1).build();
        try (Gallery g = Gallery.open(options, new FakeInference("h", 150))) {
            g.reindex(ReindexRequest.incremental(), p -> {
                if (p.phase() == ReindexProgress.Phase.INDEXING) {
                    System.out.println("COMMITTED " + p.done());
                    System.out.flush();
                }
            }, CancellationToken.none());
            System.out.println("FINISHED");
        }
    }
}
