package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CandidateChecksTest {
    private static final RepostVerifier.Pose UNTOUCHED = RepostVerifier.Pose.WHOLE;

    private static RepostVerifier.Verdict verdict(double similarity, RepostEdit... edits) {
        return new RepostVerifier.Verdict(similarity, UNTOUCHED, Set.of(edits));
    }

    private static Map<String, RepostVerifier.Verdict> verdicts(Object... shaAndVerdict) {
        Map<String, RepostVerifier.Verdict> out = new LinkedHashMap<>();
        for (int i = 0; i < shaAndVerdict.length; i += 2) {
            out.put((String) shaAndVerdict[i], (RepostVerifier.Verdict) shaAndVerdict[i + 1]);
        }
        return out;
    }

    @Test
    void aRecolouredHitClearlyBelowANearExactOneIsLeftOut() {
        // a greyscale copy of the orange LED: its own picture at 1.00, the purple one only recoloured at 0.969
        var kept = CandidateChecks.withoutRecolours(verdicts("orange", verdict(1.0, RepostEdit.RECOLOURED),
                "purple", verdict(0.969, RepostEdit.RECOLOURED), "green", verdict(0.983, RepostEdit.RECOLOURED)));
        assertEquals(Set.of("orange", "green"), kept.keySet(), "green is within the margin");
    }

    @Test
    void withoutANearExactHitEveryRecolouredOneStays() {
        var all = verdicts("a", verdict(0.985, RepostEdit.RECOLOURED), "b", verdict(0.955, RepostEdit.RECOLOURED));
        assertEquals(all, CandidateChecks.withoutRecolours(all));
    }

    @Test
    void aWorseHitThatNeedsNoRecolourStays() {
        var all = verdicts("a", verdict(1.0), "b", verdict(0.955, RepostEdit.CROPPED), "c", verdict(0.96, RepostEdit.BORDER));
        assertEquals(all, CandidateChecks.withoutRecolours(all));
    }
}
