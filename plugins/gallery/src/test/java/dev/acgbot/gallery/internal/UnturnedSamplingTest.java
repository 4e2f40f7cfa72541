package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.preprocess.ImageOps;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An unturned pose's sampling worked out per column and row is the general per-cell sampling bit for bit, in the pose
 * search's score ({@link RepostVerifier#score}) and in the pictures sampled for the edge step ({@link RepostVerifier#sample}):
 * the lookup's answers cannot move by it.
 */
class UnturnedSamplingTest {

    /** Centres and sizes past the candidate's edges too, where cells fall beyond it and the clamps act; unturned either sign. */
    private static RepostVerifier.Pose unturned(Random random) {
        return new RepostVerifier.Pose(0.1 + random.nextDouble() * 0.8, 0.1 + random.nextDouble() * 0.8, 0.4 + random.nextDouble(),
                0.4 + random.nextDouble(), random.nextBoolean() ? 0.0 : -0.0, random.nextBoolean());
    }

    private static RepostSignature signature(int picture) {
        return RepostSignature.of(ImageOps.reduce(TestImages.decoded(TestImages.picture(picture)), 256));
    }

    @Test
    void theUnturnedScoreIsTheGeneralScoreBitForBitOnEveryGridAndPose() {
        Random random = new Random(51);
        int compared = 0, inside = 0;
        for (int k = 0; k < 6; k++) {
            RepostVerifier.Query q = new RepostVerifier.Query(ImageOps.reduce(TestImages.decoded(TestImages.picture(100 + k)), 256));
            RepostSignature candidate = signature(k % 2 == 0 ? 100 + k : 200 + k);
            float[] thumb = RepostVerifier.thumb(candidate);
            for (RepostVerifier.Grid grid : new RepostVerifier.Grid[]{q.coarse, q.fine, q.coarse.onPaper(), q.fine.onPaper()}) {
                for (int p = 0; p < 200; p++) {
                    RepostVerifier.Pose pose = unturned(random);
                    double general = RepostVerifier.score(grid, thumb, candidate.aspect(), pose, true).ncc();
                    assertEquals(general, RepostVerifier.score(grid, thumb, candidate.aspect(), pose, false).ncc(), pose + " on " + grid.side());
                    compared++;
                    inside += general != 0 ? 1 : 0;
                }
            }
        }
        assertTrue(inside > compared / 3, inside + " of " + compared + " poses scored inside the candidate");
    }

    @Test
    void theUnturnedSampleIsTheGeneralSampleBitForBitOnTheThumbnailAndTheDetail() {
        Random random = new Random(52);
        for (int k = 0; k < 6; k++) {
            RepostSignature candidate = signature(300 + k);
            float[] thumb = RepostVerifier.thumb(candidate);
            float[] detail = DetailCheck.floats(candidate.detail());
            for (int p = 0; p < 100; p++) {
                RepostVerifier.Pose pose = unturned(random);
                for (float[] img : new float[][]{thumb, detail}) {
                    int imgSide = (int) Math.round(Math.sqrt(img.length));
                    for (int side : new int[]{RepostVerifier.FINE, DetailCheck.SIDE}) {
                        boolean[] generalInside = new boolean[side * side], unturnedInside = new boolean[side * side];
                        float[] general = RepostVerifier.sample(img, imgSide, side, candidate.aspect(), pose, generalInside, true);
                        float[] posed = RepostVerifier.sample(img, imgSide, side, candidate.aspect(), pose, unturnedInside, false);
                        assertArrayEquals(general, posed, pose + " " + imgSide + " onto " + side);
                        assertArrayEquals(generalInside, unturnedInside, pose + " " + imgSide + " onto " + side);
                    }
                }
            }
        }
    }
}
