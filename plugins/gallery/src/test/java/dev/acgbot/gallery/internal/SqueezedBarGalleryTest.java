package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.Gallery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * openclipart's flat-theme line icons (public domain; src/test/resources/openclipart): `line_normal_begin`, a 56x5 bar,
 * and `pen_width5` and `pen_width3`, bars 52x13 and 52x9, stored as the set ships them. Brightened by a fifth, as the
 * evaluation edits, the thin bar is a tiny copy, and rendered down to its five rows the thick bar squeezed 2.9 times
 * matched it at 0.9995: it was listed as a stretched copy of `pen_width5` (seeds 5150 and 8086). A tiny copy's pose may
 * stretch its candidate at most twice ({@link TinyCopies#MOST_STRETCH}). Its own bar is found where the brightening trims
 * it ({@code TinyCopies.levelledTrim}): the pale top row whitened, the copy trims a row shorter, and the pose the search
 * found (0.86 of the bar wide, 0.71 high) correlated at 0.94; before round 54 nothing was listed.
 */
class SqueezedBarGalleryTest {
    @Test
    void aThinBarBrightenedIsFoundAsItselfNotAsAThickBarSqueezed(@TempDir Path tmp) throws IOException {
        try (Gallery g = RepostGalleries.indexedAsShipped(tmp, List.of("line_normal_begin", "pen_width5", "pen_width3"), 4, 5150)) {
            String hits = RepostGalleries.lookedUp(g, BrightenedCopyGalleryTest.levels(RepostGalleries.openclipart("line_normal_begin"), 1.0, 0.2));
            assertEquals("pic0.png true []", hits);
        }
    }
}
