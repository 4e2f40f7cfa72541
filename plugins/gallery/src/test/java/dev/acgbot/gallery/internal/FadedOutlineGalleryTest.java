package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * openclipart's map of Finland (public domain; src/test/resources/openclipart): a 1-pixel outline on a transparent A4
 * page, stored as the set ships it beside a few generated pictures. Brightened by a fifth, as the evaluation edits, its
 * thumbnail turns flat where its source's is faint but not flat, and the copy, its hashes those of its source, listed
 * nothing (kept-back seed 3333). It is posed as it is and judged by its edges ({@code RepostVerifier.fadedToFlat}).
 */
class FadedOutlineGalleryTest {
    private static final String MAP = "map_of_finland";

    /** The map on white, reduced as the evaluation reduces its sources (shorter side 512), then brightened by {@code lift}. */
    private static BufferedImage lifted(double lift) {
        BufferedImage map = RepostGalleries.openclipart(MAP);
        return BrightenedCopyGalleryTest.levels(TestImages.resized(map, 512.0 / Math.min(map.getWidth(), map.getHeight())), 1.0, lift);
    }

    @Test
    void aThinOutlineBrightenedUntilItsThumbnailIsFlatIsFoundAsItsSource(@TempDir Path tmp) throws IOException {
        BufferedImage brightened = lifted(0.2);
        // the case in point: the copy thumbnails as flat (its source does not: the pose search used to end there)
        assertTrue(new RepostVerifier.Query(TestImages.decoded(brightened)).flat);
        try (Gallery g = RepostGalleries.indexedAsShipped(tmp, List.of(MAP), 6, 4242)) {
            // the source alone, verified; the edits named are not asserted, as BrightenedCopyGalleryTest does not: the lift
            // whitens the outline's antialiased rim, the islands' specks with it, and the trim may then read a border
            assertEquals(List.of("pic0.png true", "pic0.png true"), List.of(alone(g, lifted(0)), alone(g, brightened)));
        }
    }

    /** The one hit's file and whether it is confident; the whole list where there is not exactly one. */
    private static String alone(Gallery g, BufferedImage copy) {
        List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(copy), 8);
        return hits.size() == 1 ? hits.getFirst().entry().path().getFileName() + " " + hits.getFirst().confident()
                : RepostGalleries.describe(hits);
    }
}
