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

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Openclipart's playing cards on cream and on white paper, the same drawing (`simple_c_9` / `white_c_9`, `white_h_2` /
 * `simple_h_2`). A JPEG copy of either card passed the edge step against the other too, within 0.006 of its source
 * (`--sample-seed 91`): on a pale page the tint is nearly all the colour there is, too little to name the other card
 * recoloured. {@link Variants#otherTint} leaves the card on the other paper out.
 */
class PageTintGalleryTest {
    private static final List<String> NAMES = List.of("simple_c_9", "white_c_9", "white_h_2", "simple_h_2");
    private static final int PICTURES = 8;

    private static BufferedImage picture(int i) {
        return i < NAMES.size() ? RepostGalleries.openclipart(NAMES.get(i)) : TestImages.resized(TestImages.picture(600 + i), 2);
    }

    @Test
    void aJpegCopyOfACardListsItsOwnPaperOnly(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES, PageTintGalleryTest::picture), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            assertEquals("pic0.png true []\npic2.png true []", lookUp(g, "simple_c_9") + "\n" + lookUp(g, "white_h_2"));
        }
    }

    private static String lookUp(Gallery g, String name) {
        List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(TestImages.jpegRoundTrip(RepostGalleries.openclipart(name), 0.75f)), 8);
        return RepostGalleries.describe(hits);
    }
}
