package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * openclipart's flat-theme pen bars (public domain; src/test/resources/openclipart), stored as the set ships them:
 * {@code line_normal_begin}, a 57x6 bar with round ends, beside the square bars {@code pen_width2}, {@code pen_width3} and
 * {@code pen_style_solid}. A quarter crop of the round bar cuts both its ends away: what is left is a grey band crossing
 * the copy, a crop of any bar as thick, and it was listed as a cropped copy of two or three of the square bars and never
 * of its source (round 41's seeds 5150 and 8086). No crop is named for such a copy ({@link OneBandCopies}); the bar whole
 * is still found.
 */
class OneBandCopiesGalleryTest {
    private static final List<String> BARS = List.of("line_normal_begin", "pen_width2", "pen_width3", "pen_style_solid");

    /**
     * Cut at the centre or a third in, both round ends go and the copy lists nothing (before, {@code pen_width2} and
     * {@code pen_style_solid}, cropped, both times); cut at a corner, one round end stays, the copy is no band, and its
     * source is found first as before (named stretched: the crop shortened the bar).
     */
    @Test
    void aGreyBandCutFromABarIsNotNamedACropOfAnotherBar(@TempDir Path tmp) throws IOException {
        BufferedImage bar = RepostGalleries.openclipart("line_normal_begin");
        try (Gallery g = RepostGalleries.indexedAsShipped(tmp, BARS, 4, 5150)) {
            assertEquals(List.of("", "", "pic0.png true [STRETCHED]", "pic0.png true [STRETCHED]"),
                    Stream.of(new double[][]{{0.5, 0.5}, {0.3, 0.3}, {0, 0}, {1, 1}})
                            .map(c -> RepostGalleries.lookedUp(g, RepostGalleries.quarterCrop(bar, c[0], c[1]))).toList());
        }
    }

    @Test
    void theWholeBarResizedIsStillFound(@TempDir Path tmp) throws IOException {
        BufferedImage bar = RepostGalleries.openclipart("line_normal_begin");
        try (Gallery g = RepostGalleries.indexedAsShipped(tmp, BARS, 4, 5150)) {
            assertEquals("pic0.png true []", RepostGalleries.lookedUp(g, TestImages.resized(bar, 2)));
        }
    }
}
