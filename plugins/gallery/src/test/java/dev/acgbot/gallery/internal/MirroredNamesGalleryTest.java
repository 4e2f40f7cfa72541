package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How mirrored hits are named ({@link MirroredNames}), on openclipart fixtures. */
class MirroredNamesGalleryTest {
    private static final List<String> NAMES = List.of("grenada", "direction_suivre_4", "pattern-dots-square-grid-12");
    private static final int PICTURES = 7;

    /**
     * The flag of Grenada lies in the top-left of a transparent canvas: the picture trims nothing, as its top-left corner
     * is the flag's red, while its mirror image, whose top-left corner is the canvas, trims the canvas away and fits the
     * flag only smaller. The mirrored copy was named bordered and mirrored; flipped back it trims as the flag did.
     */
    @Test
    void aMirroredFlagOnAWiderCanvasIsNamedMirroredOnly(@TempDir Path tmp) {
        try (Gallery g = RepostGalleries.indexed(tmp, PICTURES, RepostGalleries.fixturesThen(NAMES, 700))) {
            BufferedImage flag = RepostGalleries.openclipart("grenada");
            assertEquals(List.of("pic0.png true []", "pic0.png true [MIRRORED]"), List.of(
                    RepostGalleries.lookedUp(g, TestImages.jpegRoundTrip(flag, 0.9f)),
                    RepostGalleries.lookedUp(g, TestImages.mirrored(flag))));
        }
    }

    /**
     * An arrow pointing up and a dotted grid are their own mirror images: their JPEG copies matched as well mirrored as
     * not, and were named mirrored whenever the search kept the mirrored orientation; their mirrored copies are the same
     * picture.
     */
    @Test
    void aCopyOfAPictureThatIsItsOwnMirrorImageIsNotNamedMirrored(@TempDir Path tmp) {
        try (Gallery g = RepostGalleries.indexed(tmp, PICTURES, RepostGalleries.fixturesThen(NAMES, 700))) {
            assertEquals(List.of("pic1.png true []", "pic1.png true []", "pic2.png true []", "pic2.png true []"), List.of(
                    jpegLookUp(g, "direction_suivre_4"), mirroredLookUp(g, "direction_suivre_4"),
                    jpegLookUp(g, "pattern-dots-square-grid-12"), mirroredLookUp(g, "pattern-dots-square-grid-12")));
        }
    }

    private static String jpegLookUp(Gallery g, String name) {
        return RepostGalleries.lookedUp(g, TestImages.jpegRoundTrip(RepostGalleries.openclipart(name), 0.75f));
    }

    private static String mirroredLookUp(Gallery g, String name) {
        return RepostGalleries.lookedUp(g, TestImages.mirrored(RepostGalleries.openclipart(name)));
    }
}
