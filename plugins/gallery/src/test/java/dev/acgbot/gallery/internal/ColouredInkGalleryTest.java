package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A small dark teal map symbol (`hosta_0_symbol_1m_bwh`) and the black map of Tasmania on an A4 page (openclipart, public
 * domain; in src/test/resources/openclipart): both a blob on white, too small a share of the picture for the trim, so
 * their colour grids are nearly white. A cropped copy of the symbol matched a window of the map's page at 0.95-0.97, named
 * cropped only (evaluation, seed 4: a false duplicate on its crop 10 % and crop 25 % rows); the ink's colour tells them
 * apart ({@link InkColours}).
 */
class ColouredInkGalleryTest {
    private static final List<String> PICTURES = List.of("hosta_0", "tasmania-black");

    /** The tenth crop the evaluation cut (115 pixels a side of 128, from 4, 11): the symbol alone, not the map (pic1) too. */
    @Test
    void aCroppedCopyOfATealSymbolListsItsSourceAndNotABlackMap(@TempDir Path tmp) {
        BufferedImage copy = RepostGalleries.openclipart("hosta_0").getSubimage(4, 11, 115, 115);
        assertEquals("pic0.png true [CROPPED, ROTATED]", RepostGalleries.lookedUpAmong(tmp, 6, PICTURES, 40, copy));
    }
}
