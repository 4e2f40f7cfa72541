package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CroppedCopies}' screens on the evaluation's crop+resize+JPEG copy of a small stop sign from openclipart (public
 * domain; src/test/resources/openclipart), 16 pixels, so screened at half its size, beside the round button it was
 * once confused with ({@link TinyCroppedCopyGalleryTest} finds it through the whole lookup).
 */
class CroppedCopiesTest {
    private static final BufferedImage SIGN = RepostGalleries.openclipart("stopsign");
    private static final RepostVerifier.Query COPY = new RepostVerifier.Query(TestImages.decoded(
            TinyCroppedCopyGalleryTest.copy(SIGN.getSubimage(2, 3, 31, 31))));

    @Test
    void theSourcePassesTheScreenAndFitsAsTheSearchAtTheCopysSizeAloneFitsIt() {
        List<CroppedCopies.Screen> screens = CroppedCopies.Screen.of(COPY.tiny);
        assertEquals(List.of(8, 8), List.of(screens.getFirst().copy().width(), screens.getFirst().copy().height()));
        assertEquals(1, screens.size(), "16 pixels: no quarter");
        RepostSignature sign = signature(SIGN);
        CroppedCopies.Fit unscreened = CroppedCopies.best(COPY, List.of(), sign);
        assertTrue(unscreened.correlation() >= CroppedCopies.ACCEPT, unscreened.toString());
        assertEquals(unscreened, CroppedCopies.best(COPY, screens, sign));
    }

    @Test
    void aLookAlikeStopsAtTheScreenAndWouldNotHaveRivalledTheSourceAtTheCopysSize() {
        RepostSignature button = signature(RepostGalleries.openclipart("button-blue"));
        CroppedCopies.Fit screened = CroppedCopies.best(COPY, CroppedCopies.Screen.of(COPY.tiny), button);
        CroppedCopies.Fit unscreened = CroppedCopies.best(COPY, List.of(), button);
        assertTrue(screened.correlation() < CroppedCopies.BAR_HALF, screened.toString());
        assertTrue(unscreened.correlation() < 1 - TinyCopies.CLEARER * (1 - CroppedCopies.ACCEPT), unscreened.toString());
    }

    private static RepostSignature signature(BufferedImage picture) {
        return RepostSignature.of(TestImages.decoded(picture));
    }
}
