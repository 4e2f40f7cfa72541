package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A copy that is its source untouched but for its colours, which the pose search matched nowhere: openclipart's card back
 * {@code back03}, a fine red lattice, turned grey (seed 200 of the evaluation) hashes exactly as its source and lies 0.2
 * grey levels a row from it on the same canvas, yet listed nothing. {@link UnmovedCopies#untouched} takes it when no
 * candidate passed.
 */
class UntouchedCopyGalleryTest {
    private static final int PICTURES = 6;

    @Test
    void aGreyCopyOfAFinePatternIsItsSourceRecoloured(@TempDir Path tmp) {
        assertEquals("pic0.png true [RECOLOURED]", RepostGalleries.lookedUpAmong(tmp, PICTURES, List.of("back03"), 750,
                TestImages.greyscale(RepostGalleries.openclipart("back03"))));
    }
}
