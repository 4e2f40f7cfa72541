package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A quarter crop of a page that cuts deep into the drawing at its top ({@link DeepCuts}): Gentoo's terminal icon sits in
 * the top third of an A4 page, and the page's window from 0.4, 0.66 of the room keeps the monitor's lower 55 % at its
 * full width. The copy's trimmed picture is then of another shape than its source's, which no window of the pose search
 * (0.6 of a side and up) reached, and nothing was listed.
 */
class DeepCutGalleryTest {
    private static final int PICTURES = 6;

    @Test
    void aQuarterCropThatCutsHalfTheDrawingAwayFindsItsSourceCropped(@TempDir Path tmp) {
        assertEquals("pic0.png true [CROPPED]", RepostGalleries.lookedUpAmong(tmp, PICTURES, List.of("gentoo-terminal"), 720,
                RepostGalleries.crop(RepostGalleries.openclipart("gentoo-terminal"), 0.75, 0.4, 0.66)));
    }

    /** The cut windows: at either end of the longer side of the copy's shape, none for a copy of about its source's shape. */
    @Test
    void aCopyOfAnotherShapeStartsFromTheSourceCutAtEitherEnd() {
        assertEquals(List.of(
                        List.of(new RepostVerifier.Pose(0.5, 0.25, 1, 0.5, 0, false), new RepostVerifier.Pose(0.5, 0.75, 1, 0.5, 0, false)),
                        List.of(new RepostVerifier.Pose(0.25, 0.5, 0.5, 1, 0, true), new RepostVerifier.Pose(0.75, 0.5, 0.5, 1, 0, true)),
                        List.of(), List.of()),
                List.of(RepostVerifier.Pose.cutOnOneSide(2, 1, false), RepostVerifier.Pose.cutOnOneSide(0.5, 1, true),
                        RepostVerifier.Pose.cutOnOneSide(1.5, 1, false), RepostVerifier.Pose.cutOnOneSide(3, 1, false)));
    }
}
