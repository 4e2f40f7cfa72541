package dev.acgbot.gallery.internal;

import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The copy's colours over the part of it a candidate covers at its pose. */
class PosedColoursTest {
    private static final float[] UNTRIMMED = {0, 0, 1, 1};

    /** 100x100: the left half red, the right half blue. */
    private static DecodedImage redThenBlue() {
        int[] argb = new int[100 * 100];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = i % 100 < 50 ? 0xFFFF0000 : 0xFF0000FF;
        }
        return new DecodedImage(100, 100, argb, false);
    }

    private static byte[] gridOf(DecodedImage img, int x0, int y0, int x1, int y1) {
        return RepostSignature.rgbGrid(Margins.crop(img, new Margins.Box(x0, y0, x1, y1)));
    }

    @Test
    void aCandidateCoveringTheLeftHalfOfTheCopyIsComparedWithTheRedHalf() {
        DecodedImage copy = redThenBlue();
        // the copy is the candidate's window twice its width, centred on the candidate's right edge
        RepostVerifier.Pose pose = new RepostVerifier.Pose(1.0, 0.5, 2.0, 1.0, 0, false);
        assertArrayEquals(gridOf(copy, 0, 0, 50, 100), PosedColours.copyOver(copy, UNTRIMMED, pose, new byte[48]));
    }

    @Test
    void aMirroredPoseCoversTheOtherSide() {
        DecodedImage copy = redThenBlue();
        RepostVerifier.Pose pose = new RepostVerifier.Pose(1.0, 0.5, 2.0, 1.0, 0, true);
        assertArrayEquals(gridOf(copy, 50, 0, 100, 100), PosedColours.copyOver(copy, UNTRIMMED, pose, new byte[48]));
    }

    @Test
    void aCandidateCoveringTheTrimmedPictureIsComparedWithinTheTrim() {
        DecodedImage copy = redThenBlue();
        // trimmed to x 20-80: the candidate covers that part's middle 60 %, pixels 32-68
        RepostVerifier.Pose pose = new RepostVerifier.Pose(0.5, 0.5, 1 / 0.6, 1.0, 0, false);
        assertArrayEquals(gridOf(copy, 32, 0, 68, 100), PosedColours.copyOver(copy, new float[] {0.2f, 0, 0.8f, 1}, pose, new byte[48]));
    }

    @Test
    void aCandidateCoveringTheCopyOrTurnedIsComparedWithTheWholeCopy() {
        DecodedImage copy = redThenBlue();
        byte[] whole = RepostSignature.rgbGrid(copy);
        assertSame(whole, PosedColours.copyOver(copy, UNTRIMMED, new RepostVerifier.Pose(0.5, 0.5, 1.03, 1.03, 0, false), whole));
        assertSame(whole, PosedColours.copyOver(copy, UNTRIMMED, new RepostVerifier.Pose(1.0, 0.5, 2.0, 1.0, Math.toRadians(5), false), whole));
    }
}
