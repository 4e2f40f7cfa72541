package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A thin drawing turned on its canvas ({@link RepostVerifier.Pose#with(int, double, double)}): openclipart's dash-dot pen
 * icon is a 48x8 line on a 60-pixel canvas, and turned by 10° it trims to 47x14, 1.75 of its own height. The pose
 * descent capped a window's height at 1.3 and stopped there, at 0.885, and the source was missed (seed 91, rotate 10°).
 * Found, it is named turned, and no more: its trim spans what the line turned spans, which is no border (named bordered
 * too until round 32, RepostVerifier's beyond).
 */
class ThinLineTurnedGalleryTest {
    private static final int PICTURES = 6;

    @Test
    void aThinLineTurnedByTenDegreesFindsItsSourceTurned(@TempDir Path tmp) {
        assertEquals("pic0.png true [ROTATED]", RepostGalleries.lookedUpAmong(tmp, PICTURES, List.of("pen_style_dashdot"), 730,
                TestImages.rotated(RepostGalleries.openclipart("pen_style_dashdot"), 10)));
    }

    /** The cap grows with the turn: a 6:1 candidate turned 10° spans 2.03 of its height; unturned, the range's 1.3 holds. */
    @Test
    void aWindowsHeightMayReachWhatTheTurnedCandidateSpans() {
        RepostVerifier.Pose turned = new RepostVerifier.Pose(0.5, 0.5, 1, 1.3, Math.toRadians(10), false);
        RepostVerifier.Pose flat = new RepostVerifier.Pose(0.5, 0.5, 1, 1.3, 0, false);
        assertEquals(List.of(1.9, 1.3), List.of(turned.with(3, 0.6, 6).sh(), flat.with(3, 0.6, 6).sh()));
    }
}
