package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Quarter-size copies (15 pixels) of black-on-white flat-theme icons from openclipart (public domain; in
 * src/test/resources/openclipart), each stored beside look-alikes of its icon set (issue 12, tiny and turned copies round
 * 11): a pen and paper beside three other editors' pens, a dashed grid beside the solid and inner grids, a warning sign
 * beside a page that bears one. Posed freely at 15 pixels, a look-alike matched the pen's and the grid's copies within a
 * third of the source's residual, so neither source was singled out and nothing was listed (on the evaluation's gallery
 * the warning sign's page, posed as a crop around its sign, outscored it too); taken as its candidate resized
 * ({@link ResizedCopies}), each copy is its source.
 */
class TinyResizedCopyGalleryTest {
    private static final List<String> PICTURES = List.of("kwrite", "edit", "xedit", "kate", "border_remove", "border_all",
            "border_inside", "warning", "file_important");
    /** The pictures whose copies are looked up: the others are their look-alikes. */
    private static final List<Integer> COPIED = List.of(0, 4, 7);

    @Test
    void quarterSizeCopiesOfIconsBesideTheirLookAlikesAreFoundAsTheirSources(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES.size(), i -> RepostGalleries.openclipart(PICTURES.get(i))), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            List<String> expected = new ArrayList<>(), found = new ArrayList<>();
            for (int i : COPIED) {
                List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(TinyCopyGalleryTest.quarter(RepostGalleries.openclipart(PICTURES.get(i)))), 8);
                expected.add(PICTURES.get(i) + ": pic" + i + ".png");
                found.add(PICTURES.get(i) + ": " + (hits.isEmpty() ? "none" : hits.get(0).entry().path().getFileName()));
            }
            assertEquals(String.join("\n", expected), String.join("\n", found));
        }
    }
}
