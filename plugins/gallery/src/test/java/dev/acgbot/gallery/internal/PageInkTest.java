package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ink a copy of a page holds against what a crop pose implies ({@link PageInk}). */
class PageInkTest {
    /** The centred window keeping 0.8 of the page's width and height. */
    private static final RepostVerifier.Pose FIFTH_CUT = new RepostVerifier.Pose(0.5, 0.5, 0.8, 0.8, 0, false);

    /** A 744x1052 white page with a grey blob 80 pixels across at {@code (x, y)}. */
    private static DecodedImage page(int x, int y) {
        BufferedImage img = new BufferedImage(744, 1052, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 744, 1052);
        g.setColor(new Color(90, 90, 90));
        g.fillOval(x, y, 80, 80);
        g.dispose();
        return TestImages.decoded(img);
    }

    @Test
    void aCutOfThePageHoldsTheInkItsCropPoseImpliesAndThePageUncutTwoThirdsOfIt() {
        RepostSignature stored = RepostSignature.of(page(300, 600));
        DecodedImage cut = Margins.crop(page(300, 600), new Margins.Box(74, 105, 744 - 74, 1052 - 105));
        double ofCut = PageInk.share(RepostSignature.of(cut).detail(), stored.detail(), stored.aspect(), FIFTH_CUT);
        // the same blob on a page of its own, lower: as large as on the stored page, where the cut shows it 1.25 times as wide
        double ofPage = PageInk.share(RepostSignature.of(page(300, 700)).detail(), stored.detail(), stored.aspect(), FIFTH_CUT);
        assertEquals(1, ofCut, 0.1);
        assertEquals(0.64, ofPage, 0.1);
    }

    @Test
    void onlyACropPoseOnAPageKeptWholeByACopyKeptWholeIsWeighed() {
        RepostSignature stored = RepostSignature.of(page(300, 600));
        RepostVerifier.Query uncut = new RepostVerifier.Query(page(300, 700));
        assertTrue(PageInk.shortOfCrop(uncut, stored, FIFTH_CUT, stored.detail()));
        assertFalse(PageInk.shortOfCrop(uncut, stored, RepostVerifier.Pose.WHOLE, stored.detail()));
        assertFalse(PageInk.shortOfCrop(new RepostVerifier.Query(Margins.crop(page(300, 600),
                new Margins.Box(74, 105, 744 - 74, 1052 - 105))), stored, FIFTH_CUT, stored.detail()));
    }
}
