package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a copy's page lies on a page the store kept whole ({@link WholePages}). */
class WholePagesTest {
    private static final double A4 = 744.0 / 1052;

    private static RepostVerifier.Pose pose(double cx, double cy, double sw, double sh, double degrees) {
        return new RepostVerifier.Pose(cx, cy, sw, sh, Math.toRadians(degrees), false);
    }

    @Test
    void thePageItselfTurnedGrownOrCroppedOnBothSidesIsNotShifted() {
        assertEquals(0, WholePages.shift(A4, RepostVerifier.Pose.WHOLE), 1e-9);
        // turned on its own canvas, on a canvas grown to hold it, with a border, or cropped alike on both sides
        assertTrue(WholePages.shift(A4, pose(0.5, 0.5, 1, 1, 3)) <= 0);
        assertTrue(WholePages.shift(A4, RepostVerifier.Pose.turnedCanvas(Math.toRadians(10), A4, false)) <= 1e-9);
        assertTrue(WholePages.shift(A4, pose(0.5, 0.5, 1.1, 1.1, 0)) <= 0);
        assertTrue(WholePages.shift(A4, pose(0.5, 0.5, 0.8, 0.8, 0)) <= 0);
        // a crop from one side only moves the centre by as much as it shrinks the page
        assertEquals(0, WholePages.shift(A4, pose(0.4, 0.5, 0.8, 1, 0)), 1e-9);
    }

    @Test
    void aPageLaidElsewhereIsShiftedByWhatItOverhangs() {
        // a tenth of the page's height lower, as large as the page: past it at the bottom by a tenth, short at the top
        assertEquals(0.1, WholePages.shift(A4, pose(0.5, 0.6, 1, 1, 0)), 1e-9);
        // the pose a copy of one bullet hole turned 3° found on the page of another (evaluation, seed 123)
        assertEquals(0.0599, WholePages.shift(A4, pose(0.5, 0.42, 1.06, 1.06, 9)), 1e-4);
    }

    /** A 744x1052 white page with a dark blob {@code size} pixels across at {@code (x, y)}. */
    private static BufferedImage page(int x, int y, int size) {
        BufferedImage img = new BufferedImage(744, 1052, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 744, 1052);
        g.setColor(new Color(90, 90, 90));
        g.fillOval(x, y, size, size);
        g.dispose();
        return img;
    }

    @Test
    void onlyACopyAndACandidateBothKeptWholeAreWeighed() {
        RepostSignature small = RepostSignature.of(TestImages.decoded(page(60, 390, 60)));
        RepostSignature large = RepostSignature.of(TestImages.decoded(page(100, 200, 500)));
        RepostVerifier.Query copy = new RepostVerifier.Query(TestImages.decoded(page(60, 390, 60)));
        RepostVerifier.Pose lower = pose(0.5, 0.6, 1, 1, 0);
        assertTrue(WholePages.elsewhere(copy, small, lower));
        assertFalse(WholePages.elsewhere(copy, small, RepostVerifier.Pose.WHOLE));
        // a page trimmed to its drawing: where the trimmed picture lies says nothing of the page
        assertFalse(WholePages.elsewhere(copy, large, lower));
        assertFalse(WholePages.elsewhere(new RepostVerifier.Query(TestImages.decoded(page(100, 200, 500))), small, lower));
        // a picture that fills its canvas is kept whole too, but it is no drawing on a page: its pose is the picture's
        RepostSignature flag = RepostSignature.of(TestImages.decoded(stripes()));
        assertTrue(flag.keptArea() >= RepostVerifier.UNTRIMMED);
        assertFalse(WholePages.elsewhere(new RepostVerifier.Query(TestImages.decoded(stripes())), flag, lower));
    }

    /** Three stripes filling a 300x200 canvas, as the Netherlands' flag. */
    private static BufferedImage stripes() {
        BufferedImage img = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        Color[] colours = {new Color(174, 28, 40), Color.WHITE, new Color(33, 70, 139)};
        for (int i = 0; i < 3; i++) {
            g.setColor(colours[i]);
            g.fillRect(0, i * 200 / 3, 300, 200 / 3 + 1);
        }
        g.dispose();
        return img;
    }
}
