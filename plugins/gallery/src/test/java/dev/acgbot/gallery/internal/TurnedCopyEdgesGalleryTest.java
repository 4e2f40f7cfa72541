package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Turned copies whose source the round-7 verifier had but rejected (issue 12, turned copies round 8): a picture framed
 * in white, turned by 4° and brightened (the pose search settled unturned, where only its coarse grid agreed), and
 * pictures turned by 10° on their own canvas, whose filled corners drew an edge along the candidate's outline that the
 * edge step counted against it. The gallery: four 320x240 pictures of shapes, four drawings on a white page.
 */
class TurnedCopyEdgesGalleryTest {
    private static final int PICTURES = 8;

    private static BufferedImage picture(int i) {
        if (i < 4) {
            return TestImages.resized(TestImages.picture(900 + i), 2);
        }
        BufferedImage page = new BufferedImage(240, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        g.drawImage(TestImages.picture(900 + i), 30 + 10 * (i - 4), 30, null);
        g.dispose();
        return page;
    }

    @Test
    void framedTurnedAndTurnedCopiesAreFoundFirstAsRotated(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES, TurnedCopyEdgesGalleryTest::picture), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            List<String> expected = new ArrayList<>(), found = new ArrayList<>();
            for (int i = 0; i < PICTURES; i++) {
                for (double degrees : new double[]{4, -4}) {
                    if (i == 4 && degrees > 0) {
                        // still missed: the pose search settles unturned at its size bound (130 % of the height), where the
                        // fine grid still agrees at 0.90, and the edge step from there reaches 0.86 (docs/benchmarks.md)
                        continue;
                    }
                    BufferedImage copy = BrightenedCopyGalleryTest.levels(TestImages.rotated(RepostGalleries.framed(picture(i), 0.04), degrees), 1.1, 0.05);
                    check(g, copy, i, String.format(Locale.ROOT, "pic%d framed, turned %+.0f°, brightened: ", i, degrees), expected, found);
                }
                for (double degrees : new double[]{10, -10}) {
                    check(g, TestImages.rotated(picture(i), degrees), i, String.format(Locale.ROOT, "pic%d turned %+.0f°: ", i, degrees),
                            expected, found);
                }
            }
            assertEquals(String.join("\n", expected), String.join("\n", found));
        }
    }

    /** The first hit's file, and whether it is confident and named rotated. */
    private static void check(Gallery g, BufferedImage copy, int source, String label, List<String> expected, List<String> found) {
        List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(copy), 8);
        expected.add(label + "pic" + source + ".png confident rotated");
        found.add(label + (hits.isEmpty() ? "none" : hits.get(0).entry().path().getFileName() + (hits.get(0).confident() ? " confident" : "")
                + (hits.get(0).edits().contains(dev.acgbot.gallery.RepostEdit.ROTATED) ? " rotated" : " " + hits.get(0).edits())));
    }
}
