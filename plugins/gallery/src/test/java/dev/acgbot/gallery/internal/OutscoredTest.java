package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutscoredTest {
    private static final RepostVerifier.Pose WHOLE = RepostVerifier.Pose.WHOLE;

    private static Map<String, RepostVerifier.Verdict> verdicts(Object... shaSimilarityEdits) {
        Map<String, RepostVerifier.Verdict> out = new LinkedHashMap<>();
        for (int i = 0; i < shaSimilarityEdits.length; i += 3) {
            @SuppressWarnings("unchecked") Set<RepostEdit> edits = (Set<RepostEdit>) shaSimilarityEdits[i + 2];
            out.put((String) shaSimilarityEdits[i], new RepostVerifier.Verdict((double) shaSimilarityEdits[i + 1], WHOLE, edits));
        }
        return out;
    }

    private static List<String> kept(Map<String, RepostVerifier.Verdict> verdicts, Set<String> flat) {
        return List.copyOf(Outscored.without(verdicts, flat).keySet());
    }

    @Test
    void hitsClearlyBelowANearExactOneAreDroppedAndThoseCloseToItKept() {
        Set<RepostEdit> turned = Set.of(RepostEdit.ROTATED);
        assertEquals(List.of("source", "close"), kept(verdicts("source", 0.997, turned, "close", 0.975, turned,
                "sibling", 0.968, Set.of(RepostEdit.ROTATED, RepostEdit.CROPPED), "other", 0.956, turned), Set.of()));
    }

    @Test
    void belowTheSureBarNothingIsDropped() {
        Set<RepostEdit> turned = Set.of(RepostEdit.ROTATED);
        assertEquals(List.of("a", "b"), kept(verdicts("a", 0.978, turned, "b", 0.951, turned), Set.of()));
    }

    @Test
    void aPictureMatchedAsItIsKeepsItsStoredRepostsHoweverFarBelow() {
        Set<RepostEdit> turned = Set.of(RepostEdit.ROTATED);
        assertEquals(List.of("itself", "turned copy", "captioned copy"), kept(verdicts("itself", 1.0, Set.of(),
                "turned copy", 0.958, turned, "captioned copy", 0.956, Set.of(RepostEdit.WATERMARKED)), Set.of()));
    }

    @Test
    void aFlatMatchNeitherSetsTheBarNorIsHeldToIt() {
        Set<RepostEdit> none = Set.of();
        assertEquals(List.of("flat", "drawing"), kept(verdicts("flat", 1.0, none, "drawing", 0.96, none), Set.of("flat")));
        assertEquals(List.of("drawing", "flat"), kept(verdicts("drawing", 0.995, Set.of(RepostEdit.ROTATED), "flat", 1.0, none,
                "sibling", 0.96, none), Set.of("flat")));
    }
}
