package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Icons with a pale shadow or rim (openclipart's flat and etiquette themes): brightened by a fifth, the rim turns white and joins
 * the margin, so the copy trims tighter than its source and was named bordered, or cropped and bordered
 * ({@link LevelledNames}).
 */
class LevelledNamesGalleryTest {
    private static final List<String> NAMES = List.of("firewire_mount", "gimp", "gnome-mime-image-x-gif", "file_locked", "pen_width2", "windows");
    private static final int PICTURES = 9;

    @Test
    void aBrightenedIconIsNamedTheSamePicture(@TempDir Path tmp) {
        try (Gallery g = RepostGalleries.indexed(tmp, PICTURES, RepostGalleries.fixturesThen(NAMES, 800))) {
            List<String> named = NAMES.subList(0, 4).stream().map(name -> RepostGalleries.describe(g.findDuplicates(
                    TestImages.decoded(BrightenedCopyGalleryTest.levels(RepostGalleries.openclipart(name), 1.0, 0.2)), 8))).toList();
            assertEquals(List.of("pic0.png true []", "pic1.png true []", "pic2.png true []", "pic3.png true []"), named);
        }
    }

    /**
     * A copy in a black border trims through it, and its border is real: a thin bar's and a small logo's copies in a black
     * frame, whose levels fit a clamping change as well, were named unbordered when any copy was renamed.
     */
    @Test
    void aCopyInABlackBorderIsStillNamedBordered(@TempDir Path tmp) {
        try (Gallery g = RepostGalleries.indexed(tmp, PICTURES, RepostGalleries.fixturesThen(NAMES, 800))) {
            List<String> named = NAMES.subList(4, 6).stream().map(name -> {
                BufferedImage img = RepostGalleries.openclipart(name);
                int b = img.getWidth() / 20;
                return RepostGalleries.lookedUp(g, RepostGalleries.padded(img, b, b, java.awt.Color.BLACK));
            }).toList();
            assertEquals(List.of("pic4.png true [BORDER]", "pic5.png true [BORDER]"), named);
        }
    }
}
