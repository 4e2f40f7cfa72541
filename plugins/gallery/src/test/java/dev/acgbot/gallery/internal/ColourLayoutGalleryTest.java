package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.testing.FakeInference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Framed, turned and brightened copies (the evaluation's border+rotate+bright) of striped flags from openclipart (public
 * domain; in src/test/resources/openclipart), among other flags (issue 12, colour layouts round 25). The pHash and dHash
 * of horizontal stripes are noise, and a turn of 4° moved every hash of the copies, the turned-back central windows too,
 * beyond the candidate radius: nothing was listed. Looked up by their colour grids too ({@link ColourLayouts}), each is
 * found first.
 */
class ColourLayoutGalleryTest {
    private static final List<String> PICTURES = List.of("netherlands", "signalflag_juliet", "luxembourg", "sweden", "grenada",
            "pakistan");
    /** The pictures whose copies are looked up: the others are the gallery around them. */
    private static final List<Integer> COPIED = List.of(0, 1);

    @Test
    void framedTurnedCopiesOfStripedFlagsAreFoundFirst(@TempDir Path tmp) {
        RepostGalleries.assertFramedTurnedCopiesFoundFirst(tmp, PICTURES, COPIED);
    }

    /** The colour grids come back from the hash file a reopened gallery reads instead of the store. */
    @Test
    void aReopenedGalleryFindsThemFromItsHashFile(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES.size(), i -> RepostGalleries.openclipart(PICTURES.get(i))), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
        }
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES.size(), i -> RepostGalleries.openclipart(PICTURES.get(i))), new FakeInference())) {
            assertEquals(RepostGalleries.sourcesOfFramedTurnedCopies(PICTURES, COPIED),
                    RepostGalleries.firstHitsOfFramedTurnedCopies(g, PICTURES, COPIED));
        }
    }
}
