package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EdgeTurnTest {
    private static final RepostVerifier.Pose WHOLE = RepostVerifier.Pose.WHOLE;

    private static RepostVerifier.Pose turned(double degrees) {
        return new RepostVerifier.Pose(0.5, 0.5, 1, 1, Math.toRadians(degrees), false);
    }

    private static RepostVerifier.Found found(RepostVerifier.Pose best, RepostVerifier.Pose named, boolean asIs) {
        return new RepostVerifier.Found(0.97, best, named, asIs, false, Levels.NONE);
    }

    /**
     * A copy named from the untouched pose is named turned when the edge step turns it by 1.5° or more the way the
     * thumbnails did; not when the edge step barely turns it, turns it the other way, or the pose already names the turn.
     */
    @Test
    void aTurnOnlyTheEdgeStepSawIsNamedWhenItTurnsTheWayTheThumbnailsDid() {
        assertEquals(List.of(Math.toRadians(2.5), 0.0, 0.0, 0.0, Math.toRadians(-2.0)), List.of(
                RepostVerifier.edgeTurn(found(turned(1.0), WHOLE, true), turned(2.5)),
                RepostVerifier.edgeTurn(found(turned(1.0), WHOLE, true), turned(1.0)),
                RepostVerifier.edgeTurn(found(turned(1.0), WHOLE, true), turned(-2.5)),
                RepostVerifier.edgeTurn(found(turned(3.0), turned(3.0), false), turned(3.0)),
                RepostVerifier.edgeTurn(found(WHOLE, WHOLE, true), turned(-2.0))));
    }

    /** The verdict names the edge step's turn beside its own edits, and nothing more without one. */
    @Test
    void aVerdictNamesTheEdgeTurnBesideItsOwnEdits() {
        RepostVerifier.Verdict bordered = new RepostVerifier.Verdict(0.98, WHOLE, Set.of(RepostEdit.BORDER));
        assertEquals(List.of(Set.of(RepostEdit.BORDER), Set.of(RepostEdit.BORDER, RepostEdit.ROTATED)),
                List.of(bordered.named(), bordered.withEdgeTurn(Math.toRadians(2)).named()));
    }
}
