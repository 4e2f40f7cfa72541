package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Crops of a quarter of the Netherlands' flag (red, white, dark blue) among tricolours alike in grey: Yemen (red, white,
 * black) and Serbia and Montenegro (blue, white, red) were listed beside the flag, cropped, because a crop's colours lay
 * too far from its own flag's whole colours for the rule that leaves out hits in other colours to count the flag as the
 * copy's own (evaluation, seed 123). Against the colours inside each hit's pose, the flag is the copy's own and the others
 * are left out.
 */
class CroppedFlagColoursGalleryTest {
    private static final List<String> FLAGS = List.of("netherlands", "yemen", "serbia_and_montenegro", "luxembourg");

    @Test
    void quarterCropsOfATricolourListTheirOwnFlagAlone(@TempDir Path tmp) {
        BufferedImage flag = RepostGalleries.openclipart("netherlands");
        assertEquals(List.of("pic0.png true [CROPPED]", "pic0.png true [CROPPED]", "pic0.png true [CROPPED]"),
                RepostGalleries.eachLookedUpAmong(tmp, 8, FLAGS, 774, List.of(RepostGalleries.crop(flag, 0.75, 0, 0),
                        RepostGalleries.crop(flag, 0.75, 0, 0.5), RepostGalleries.crop(flag, 0.75, 1, 0.5))));
    }
}
