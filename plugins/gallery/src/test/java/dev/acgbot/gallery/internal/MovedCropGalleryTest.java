package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Quarter crops of line art that cut into the drawing, lying between two of the stored crop windows (openclipart, public
 * domain: an arrow, a mouse, a mouth; the evaluation's crop 25 % of seeds 4242, 8086 and 5150 at the same places): the
 * pHash of thin lines on white moves 14-20 bits for half a window step, so in the evaluation's gallery no hash of these
 * copies as posted made their source a candidate and each listed nothing. Moved 2.5 % towards the windows
 * ({@link CropWindows#movedPHashes}), each is within a few bits of one ({@link CropWindowsTest}). In this seven-picture
 * gallery the arrow's and the mouth's crops are found without the moved copies too (few pictures crowd their windows);
 * the mouse's is not: with the moved copies left out it listed nothing (checked).
 */
class MovedCropGalleryTest {
    private static final List<String> SOURCES = List.of("arrow3-3-1", "mouse1", "mouth_nicu");

    @Test
    void quarterCropsOfLineArtBetweenTheStoredWindowsFindTheirSource(@TempDir Path tmp) {
        List<java.awt.image.BufferedImage> crops = List.of(
                RepostGalleries.quarterCrop(RepostGalleries.openclipart("arrow3-3-1"), 0.94, 0.333),
                RepostGalleries.quarterCrop(RepostGalleries.openclipart("mouse1"), 0.575, 0.851),
                RepostGalleries.quarterCrop(RepostGalleries.openclipart("mouth_nicu"), 0.156, 0.031));
        assertEquals(List.of("pic0.png true [CROPPED]", "pic1.png true []", "pic2.png true [CROPPED]"),
                RepostGalleries.eachLookedUpAmong(tmp, 7, SOURCES, 785, crops));
    }
}
