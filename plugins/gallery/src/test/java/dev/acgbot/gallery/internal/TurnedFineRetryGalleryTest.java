package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Framed, turned and brightened copies (the evaluation's border+rotate+bright) of a flat-theme icon and an arrow sign from
 * openclipart (public domain; in src/test/resources/openclipart), each beside a sibling (issue 12, turned copies round 10
 * second wave). The coarse 16x16 grid does not resolve their 4° turn: the pose search settled with the icon a few per cent
 * too tall and the arrow unturned, where the edges failed (0.92 and 0.74 on the evaluation's gallery). Searched once more
 * on the fine grid from the whole picture turned on a grown canvas ({@link TurnedRetry}), each is found first.
 */
class TurnedFineRetryGalleryTest {
    private static final List<String> PICTURES = List.of("transform", "14_rotate", "direction_suivre_4", "direction_suivre_3");
    /** The pictures whose copies are looked up: the others are their siblings. */
    private static final List<Integer> COPIED = List.of(0, 2);

    @Test
    void framedTurnedCopiesTheCoarseGridSettlesOffAreFoundFirst(@TempDir Path tmp) {
        RepostGalleries.assertFramedTurnedCopiesFoundFirst(tmp, PICTURES, COPIED);
    }

    /**
     * Framed, turned and brightened copies of a katana, a ticket and a colour-picker icon: each fits the fine grid unturned
     * about as well as turned (the katana 0.974 unturned), so the retry, which wanted a turned pose 0.03 better, judged
     * none of them, and the edges failed unturned (evaluation seeds 5150, 9001 and 2718: nothing listed). A turned pose
     * that fits at least as well is judged too. In this small gallery the katana and the icon turned -4° listed nothing
     * without that (checked); the others were found.
     */
    @Test
    void framedTurnedCopiesThatFitAsWellUnturnedAreFoundFirst(@TempDir Path tmp) {
        RepostGalleries.assertFramedTurnedCopiesFoundFirst(tmp, List.of("katana", "generic_ticket", "colorpicker", "transform"),
                List.of(0, 1, 2));
    }

    /**
     * The signal flag Echo (blue over red, nearly its own mirror image) turned by 3° on its canvas: from a mirrored start the
     * fine grid settles unturned and fits there best (0.963), which the retry's first version took and dropped, so the
     * turned pose (0.961, edges 0.976) was never judged and nothing was listed (evaluation, seed 200).
     */
    @Test
    void aTurnedCopyOfAPictureNearlyItsOwnMirrorImageIsFoundTurned(@TempDir Path tmp) {
        BufferedImage echo = RepostGalleries.openclipart("signalflag_echo");
        assertEquals(List.of("pic0.png true [ROTATED]", "pic0.png true [ROTATED]"), RepostGalleries.eachLookedUpAmong(tmp, 6,
                List.of("signalflag_echo", "signalflag_juliet"), 773, List.of(TestImages.rotated(echo, 3), TestImages.rotated(echo, -3))));
    }

    /**
     * A spider-hilted sword from openclipart (287x1005, nearly its own mirror image) framed, turned by 4° each way and
     * brightened, beside a katana: from the retry's 2° starts the fine grid settled turned by 2° and off centre, where the
     * edges failed, and nothing was listed (evaluation, fresh seed 2718); from its 4° starts too, the best fit is the
     * sword turned by 4°.
     */
    @Test
    void aTallThinDrawingTurnedByFourDegreesIsFoundFirst(@TempDir Path tmp) {
        RepostGalleries.assertFramedTurnedCopiesFoundFirst(tmp, List.of("spider_sword", "katana"), List.of(0));
    }
}
