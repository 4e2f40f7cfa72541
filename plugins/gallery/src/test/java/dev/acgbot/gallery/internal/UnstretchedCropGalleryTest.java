package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A crop posed stretched, tried once more unstretched ({@link RepostVerifier#named}). Quarter crops of the signal flag
 * "uniform", a two-by-two checkerboard of red and white, fit the flag at many window sizes each way as long as the
 * squares meet where the crop's do, and the pose search took one 0.71 of the flag wide and 0.60 high: cropped and
 * stretched at once, which is no repost, so the flag was missed (evaluation, seed 200).
 */
class UnstretchedCropGalleryTest {
    private static final List<String> FLAGS = List.of("signalflag_uniform", "signalflag_november", "signalflag_hotel",
            "signalflag_juliet", "signalflag_echo");

    /** The first crop is the evaluation's (63x63 of the 84x84 flag, at 10, 14), missed before. */
    @Test
    void quarterCropsOfACheckerboardFlagFindItCroppedAndNoOtherFlag(@TempDir Path tmp) {
        BufferedImage flag = RepostGalleries.openclipart("signalflag_uniform");
        List<BufferedImage> crops = List.of(RepostGalleries.crop(flag, 0.75, 10 / 21.0, 14 / 21.0),
                RepostGalleries.crop(flag, 0.75, 0.5, 0.5), RepostGalleries.crop(flag, 0.75, 0.3, 0.6),
                RepostGalleries.crop(flag, 0.75, 0.6, 0.4));
        assertEquals(Collections.nCopies(crops.size(), "pic0.png true [CROPPED]"),
                RepostGalleries.eachLookedUpAmong(tmp, 8, FLAGS, 775, crops));
    }

    /**
     * A tiny copy is not tried so: a thin line fits a line of another width once its window may change shape, and a
     * greyscale copy of the pen-width icon listed the solid pen style beside itself (evaluation, seed 77).
     */
    @Test
    void aGreyscalePenWidthIconListsItselfAlone(@TempDir Path tmp) {
        BufferedImage pen = RepostGalleries.openclipart("pen_width2");
        assertEquals("pic0.png true []", RepostGalleries.lookedUpAmong(tmp, 6,
                List.of("pen_width2", "pen_style_solid", "pen_width8", "pen_width9"), 776, TestImages.greyscale(pen)));
    }
}
