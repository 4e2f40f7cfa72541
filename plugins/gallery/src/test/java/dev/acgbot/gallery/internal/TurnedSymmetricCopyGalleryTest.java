package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.RepostEdit;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Framed, turned and brightened copies of nearly symmetric drawings (issue 12, turned and small copies round 9). Such a
 * copy correlates at the untouched window with the drawing's mirror image about as well as with the drawing, and the
 * pose search, which searched only the orientation the untouched window preferred, settled on the mirror image turned
 * the other way, where the edges disagree. The gallery: ten houses on a white page, alike but for the door, a small window
 * and the colours, and two other pictures.
 */
class TurnedSymmetricCopyGalleryTest {
    private static final int HOUSES = 10;
    private static final int PICTURES = HOUSES + 2;

    private static BufferedImage picture(int i) {
        if (i >= HOUSES) {
            return TestImages.resized(TestImages.picture(950 + i), 2);
        }
        BufferedImage page = new BufferedImage(240, 220, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page.getWidth(), page.getHeight());
        Color wall = Color.getHSBColor(i / (float) HOUSES, 0.5f, 0.85f), roof = Color.getHSBColor(i / (float) HOUSES + 0.5f, 0.7f, 0.5f);
        g.setColor(wall);
        g.fillRect(60, 100, 120, 90);
        g.setColor(roof);
        g.fillPolygon(new Polygon(new int[]{45, 120, 195}, new int[]{102, 35, 102}, 3));
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(3));
        g.drawRect(60, 100, 120, 90);
        g.fillRect(75, 115, 25, 22);
        g.fillRect(140, 115, 25, 22);
        g.fillRect(108 + 3 * (i - HOUSES / 2), 150, 24, 40); // the door, a little off the middle
        g.fillOval(i % 2 == 0 ? 150 : 78, 160, 10 + i, 10 + i); // a small round window on one side
        g.dispose();
        return page;
    }

    @Test
    void framedTurnedCopiesOfNearlySymmetricDrawingsAreFoundFirstAsRotatedNotMirrored(@TempDir Path tmp) {
        try (Gallery g = Gallery.open(RepostGalleries.options(tmp, PICTURES, TurnedSymmetricCopyGalleryTest::picture), new FakeInference())) {
            g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
            List<String> expected = new ArrayList<>(), found = new ArrayList<>();
            for (int i = 0; i < HOUSES; i++) {
                for (double degrees : new double[]{4, -4}) {
                    BufferedImage copy = BrightenedCopyGalleryTest.levels(TestImages.rotated(RepostGalleries.framed(picture(i), 0.04), degrees), 1.1, 0.05);
                    List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(copy), 8);
                    String label = String.format(Locale.ROOT, "house%d framed, turned %+.0f°, brightened: ", i, degrees);
                    expected.add(label + "pic" + i + ".png confident [ROTATED]");
                    found.add(label + (hits.isEmpty() ? "none" : hits.get(0).entry().path().getFileName()
                            + (hits.get(0).confident() ? " confident " : " ")
                            + hits.get(0).edits().stream().filter(e -> e == RepostEdit.ROTATED || e == RepostEdit.MIRRORED).sorted().toList()));
                }
            }
            assertEquals(String.join("\n", expected), String.join("\n", found));
        }
    }
}
