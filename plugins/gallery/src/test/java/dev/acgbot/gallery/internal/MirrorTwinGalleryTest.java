package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * openclipart's arrow05_3 is arrow05_1 drawn pointing the other way, its fletching a little thinner: a copy of the one
 * matches the other mirrored. {@link Variants#mirrorTwin} left the mirrored hit out only below a near-exact hit (0.99),
 * and an edited copy's own source, as posted, agrees less: a tenth crop of arrow05_1 halved and saved as JPEG q70 (the
 * evaluation's crop+resize+jpeg, seed 4) matched it at 0.974 and arrow05_3 mirrored at 0.959, listed as a second copy.
 */
class MirrorTwinGalleryTest {
    private static final List<String> NAMES = List.of("arrow05_1", "arrow05_3");
    private static final int PICTURES = 6;
    private static final double[][] CROPS = {{0, 0}, {1, 1}, {0.5, 0.5}, {0.2, 0.8}, {0.9, 0.1}};

    @Test
    void anEditedCopyListsItsSourceAloneNotTheSetsMirroredArrow(@TempDir Path tmp) {
        BufferedImage arrow = TestImages.resized(RepostGalleries.openclipart("arrow05_1"), 512.0 / 533);
        List<String> lists = new ArrayList<>();
        try (Gallery g = RepostGalleries.indexed(tmp, PICTURES, RepostGalleries.fixturesThen(NAMES, 740))) {
            for (double[] at : CROPS) {
                BufferedImage copy = TestImages.jpegRoundTrip(TestImages.resized(RepostGalleries.crop(arrow, 0.9, at[0], at[1]), 0.5), 0.7f);
                lists.add(RepostGalleries.lookedUp(g, copy));
            }
        }
        assertEquals(String.join("\n", java.util.Collections.nCopies(CROPS.length, "pic0.png true []")), String.join("\n", lists));
    }
}
