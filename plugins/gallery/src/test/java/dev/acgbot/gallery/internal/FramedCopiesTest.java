package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramedCopiesTest {
    /**
     * A white 60x60 square with a bar across it in diagonal stripes (no line of it of one colour) whose top row is light
     * grey: the source's second trim pass takes that row.
     */
    private static BufferedImage bar() {
        BufferedImage icon = square(7);
        for (int x = 4; x < 57; x++) {
            icon.setRGB(x, 27, 0xFFAAAAAA);
        }
        return icon;
    }

    /** A bar in diagonal stripes only: both trim passes agree whatever the frame. */
    private static BufferedImage plainBar() {
        return square(7);
    }

    private static BufferedImage square(int rows) {
        BufferedImage icon = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 60; x++) {
                boolean inBar = x >= 4 && x < 57 && y >= 27 && y < 27 + rows;
                icon.setRGB(x, y, !inBar ? 0xFFFFFFFF : (x + y) % 4 < 2 ? 0xFF333333 : 0xFF6E6E6E);
            }
        }
        return icon;
    }

    private static DecodedImage framed(BufferedImage img, Color colour) {
        return TestImages.decoded(RepostGalleries.padded(img, 3, 3, colour));
    }

    @Test
    void aBlackFramedCopyIsTrimmedInsideItsFrameAsItsSourceWas() {
        RepostVerifier.Query source = new RepostVerifier.Query(TestImages.decoded(bar()));
        DecodedImage copy = framed(bar(), Color.BLACK);
        assertEquals(53f / 7, new RepostVerifier.Query(copy).signature.aspect(), 1e-6, "the usual trim keeps the light row");
        Optional<RepostVerifier.Query> unframed = FramedCopies.query(copy);
        assertTrue(unframed.isPresent());
        assertEquals(53f / 6, source.signature.aspect(), 1e-6);
        assertEquals(source.signature.aspect(), unframed.get().signature.aspect(), 1e-6);
        assertArrayEquals(source.fine.values(), unframed.get().fine.values(), 1e-9);
        RepostVerifier.Query asPosted = new RepostVerifier.Query(copy);
        assertTrue(FramedCopies.closer(unframed.get(), asPosted, source.signature), "the source's shape: worth a pose");
        RepostVerifier.Query thicker = new RepostVerifier.Query(TestImages.decoded(plainBar()));
        assertFalse(FramedCopies.closer(unframed.get(), asPosted, thicker.signature), "the copy's usual shape: not");
    }

    @Test
    void noOtherTrimWithoutADarkFrameOrWhereTheTrimsAgree() {
        assertEquals(Optional.empty(), FramedCopies.query(TestImages.decoded(bar())), "no frame");
        assertEquals(Optional.empty(), FramedCopies.query(framed(bar(), Color.WHITE)), "a white frame is the surround");
        assertEquals(Optional.empty(), FramedCopies.query(framed(plainBar(), Color.BLACK)), "the same trim either way");
    }
}
