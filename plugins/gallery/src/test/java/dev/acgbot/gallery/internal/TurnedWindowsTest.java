package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.preprocess.ImageOps;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TurnedWindowsTest {

    private static DecodedImage reduced(BufferedImage img) {
        return PerceptualHash.onWhite(ImageOps.reduce(TestImages.decoded(img), 256));
    }

    /** The index into ANGLES of the closest turned-back central window to the source's central crop window, and its distance. */
    private static int[] closest(BufferedImage source, BufferedImage copy) {
        long centre = CropWindows.pHashes(reduced(source))[TurnedWindows.CENTRE];
        long[] turned = TurnedWindows.pHashes(reduced(copy));
        int best = 0;
        for (int i = 1; i < turned.length; i++) {
            best = Long.bitCount(turned[i] ^ centre) < Long.bitCount(turned[best] ^ centre) ? i : best;
        }
        return new int[]{best, Long.bitCount(turned[best] ^ centre)};
    }

    @Test
    void aCopyTurnedOnItsCanvasIsTurnedBackByTheOppositeAngleToTheSourcesCentralWindow() {
        BufferedImage source = TestImages.resized(TestImages.picture(31), 2);
        for (double degrees : new double[]{10, -10, 5}) {
            int[] found = closest(source, TestImages.rotated(source, degrees));
            // the pose names the copy as the source turned by -θ: a copy turned by +10° is found at θ = -10°
            assertEquals(-degrees, Math.toDegrees(TurnedWindows.ANGLES[found[0]]), 1e-9, "turned by " + degrees);
            assertTrue(found[1] <= HashRows.Probe.TURN_RADIUS, "distance " + found[1]);
        }
        assertEquals(0, closest(source, source)[0], "an untouched copy is closest as posted");
    }

    @Test
    void atAngleZeroTheTurnedWindowIsThePictureSampledAtItsPixelCentres() {
        DecodedImage img = TestImages.decoded(TestImages.picture(33));
        Margins.Box centre = CropWindows.box(img.width(), img.height(), TurnedWindows.CENTRE);
        // the smallest angle there is samples exactly where θ = 0 would (cos is 1, and sin times a pixel offset is 0), by
        // bilinear sampling: the unturned shortcut must give every pixel that gives
        DecodedImage sampled = TurnedWindows.turned(img, centre, Double.MIN_VALUE);
        DecodedImage unturned = TurnedWindows.turned(img, centre, 0);
        assertEquals(List.of(sampled.width(), sampled.height()), List.of(unturned.width(), unturned.height()));
        assertArrayEquals(sampled.argb(), unturned.argb());
    }

    @Test
    void theTurnedHashesOfTheCopyHalvedOnceForBothAreThoseOfTheWholeCopy() {
        DecodedImage flat = reduced(TestImages.resized(TestImages.picture(34), 3));
        DecodedImage turnSide = TurnedWindows.halved(flat, TurnedWindows.TURN_SIDE);
        assertTrue(turnSide.width() < flat.width(), "the picture is halved at all");
        assertArrayEquals(TurnedWindows.pHashes(flat), TurnedWindows.pHashes(turnSide));
        assertArrayEquals(TurnedWindows.dHashes(flat), TurnedWindows.dHashes(turnSide));
    }

    @Test
    void theSeedOfAFullBleedPictureTurnedOnItsCanvasIsTheWholePictureTurned() {
        BufferedImage source = TestImages.resized(TestImages.picture(32), 2);
        RepostSignature stored = RepostSignature.of(ImageOps.reduce(TestImages.decoded(source), 256));
        RepostSignature copy = RepostSignature.of(ImageOps.reduce(TestImages.decoded(TestImages.rotated(source, 10)), 256), false);
        RepostVerifier.Pose seed = TurnedWindows.seed(TurnedWindows.ANGLES[1], copy, stored).orElseThrow();
        assertEquals(0.5, seed.cx(), 0.02, seed.toString());
        assertEquals(0.5, seed.cy(), 0.02, seed.toString());
        assertEquals(1.0, seed.sw(), 0.02, seed.toString());
        assertEquals(1.0, seed.sh(), 0.02, seed.toString());
        assertEquals(Math.toRadians(-10), seed.theta(), 1e-9);
        // a canvas of another shape (squeezed to 60 % of its height) is no copy turned on its own canvas: no seed
        BufferedImage squeezed = new BufferedImage(source.getWidth(), source.getHeight() * 6 / 10, BufferedImage.TYPE_INT_RGB);
        squeezed.getGraphics().drawImage(source, 0, 0, squeezed.getWidth(), squeezed.getHeight(), null);
        RepostSignature other = RepostSignature.of(ImageOps.reduce(TestImages.decoded(squeezed), 256), false);
        assertTrue(TurnedWindows.seed(TurnedWindows.ANGLES[1], other, stored).isEmpty());
    }
}
