package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.Gallery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Icons on white with the evaluation's text watermark in a margin: the mark widens the copy's trim, and the copies were
 * named bordered ({@link MarkedNames}).
 */
class MarkedNamesGalleryTest {
    private static final List<String> NAMES = List.of("smiley120", "double_note_jean-victor__01", "sm_022");
    private static final int PICTURES = 8;

    @Test
    void aWatermarkedIconIsNamedWatermarkedNotBordered(@TempDir Path tmp) {
        try (Gallery g = RepostGalleries.indexed(tmp, PICTURES, RepostGalleries.fixturesThen(NAMES, 900))) {
            List<String> named = new ArrayList<>();
            for (String name : NAMES) {
                for (boolean topLeft : new boolean[]{false, true}) {
                    BufferedImage copy = WatermarkedCopyGalleryTest.watermarked(RepostGalleries.openclipart(name), topLeft);
                    named.add(RepostGalleries.lookedUp(g, copy));
                }
            }
            // a mark in the lower right, then the top left corner; the smiley's and the note's top-left copies and the
            // stick man's lower-right one were named bordered
            assertEquals(List.of("pic0.png true [WATERMARKED]", "pic0.png true [WATERMARKED]", "pic1.png true [WATERMARKED]",
                    "pic1.png true [WATERMARKED]", "pic2.png true [WATERMARKED]", "pic2.png true [WATERMARKED]"), named);
        }
    }
}
