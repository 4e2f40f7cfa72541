package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A picture symmetric at the pose search's resolution but not at the edge step's: a grid of dashed lines whose dashes do
 * not fall where their mirror image's do (the dashed grid icon `border_remove`, whose WebP copy the pose search took for
 * its mirror image; docs/benchmarks.md, false duplicates round 10).
 */
class MirroredPoseEdgesTest {
    static BufferedImage dashedGrid() {
        BufferedImage img = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 96, 96);
        g.setColor(new Color(40, 40, 40));
        g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{6, 4}, 0));
        for (int k = 8; k <= 88; k += 20) {
            g.drawLine(k, 8, k, 88);
            g.drawLine(8, k, 88, k);
        }
        g.dispose();
        return img;
    }

    /** Its edges at the mirrored pose agree at 0.63: before, the verifier rejected the candidate there. */
    @Test
    void aCopyPosedAsTheMirrorImageOfASymmetricPictureIsJudgedUnmirrored() {
        DecodedImage picture = TestImages.decoded(dashedGrid());
        RepostVerifier.Query copy = new RepostVerifier.Query(TestImages.decoded(TestImages.jpegRoundTrip(dashedGrid(), 0.6f)));
        RepostSignature source = RepostSignature.of(picture);
        RepostVerifier.Pose mirrored = new RepostVerifier.Pose(0.5, 0.5, 1, 1, 0, true);
        RepostVerifier.Found found = new RepostVerifier.Found(0.98, mirrored, mirrored, true, false, Levels.NONE);
        Optional<RepostVerifier.Verdict> v = RepostVerifier.judge(copy, source, found);
        assertEquals(Optional.of(Set.of()), v.map(RepostVerifier.Verdict::edits));
        assertTrue(v.get().similarity() >= CandidateChecks.NEAR_EXACT, "similarity " + v.get().similarity());
    }
}
