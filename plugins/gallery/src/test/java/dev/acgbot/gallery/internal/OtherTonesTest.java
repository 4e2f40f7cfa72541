package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OtherTonesTest {
    private static RepostVerifier.Verdict verdict(double similarity, RepostEdit... edits) {
        return new RepostVerifier.Verdict(similarity, RepostVerifier.Pose.WHOLE, Set.of(edits));
    }

    private static List<String> kept(Map<String, RepostVerifier.Verdict> verdicts, Map<String, Levels> tones) {
        return List.copyOf(OtherTones.without(verdicts, Set.of(), tones).keySet());
    }

    @Test
    void anEditedHitThatNeedsTheCopyLiftedFarMoreThanItsPictureIsDroppedAndRepostsKept() {
        Map<String, RepostVerifier.Verdict> verdicts = new LinkedHashMap<>();
        verdicts.put("itself", verdict(0.999));
        verdicts.put("on grey", verdict(0.981, RepostEdit.CROPPED));
        verdicts.put("brightened repost", verdict(0.984, RepostEdit.ROTATED));
        verdicts.put("darkened repost", verdict(0.990));
        verdicts.put("turned repost", verdict(0.975, RepostEdit.ROTATED));
        verdicts.put("decided later", verdict(0.97, RepostEdit.CROPPED));
        Map<String, Levels> tones = Map.of("itself", Levels.NONE, "on grey", new Levels(1.66, 42.5, 44.5),
                "brightened repost", new Levels(1.21, -37.5, 43.5), "darkened repost", new Levels(1.1, 45, 48),
                "turned repost", new Levels(1.2, 10, 5));
        assertEquals(List.of("itself", "brightened repost", "darkened repost", "turned repost", "decided later"), kept(verdicts, tones));
    }

    @Test
    void theBarIsTheBestHitsOwnTonesAndOnlyANearExactOneSetsIt() {
        Map<String, RepostVerifier.Verdict> verdicts = new LinkedHashMap<>();
        verdicts.put("brightened source", verdict(0.9975));
        verdicts.put("on grey", verdict(0.9726, RepostEdit.CROPPED));
        Map<String, Levels> tones = Map.of("brightened source", new Levels(1.17, 42.5, 21.2), "on grey", new Levels(1.66, 75.6, 65.5));
        assertEquals(List.of("brightened source"), kept(verdicts, tones));
        verdicts.put("brightened source", verdict(0.975));
        assertEquals(List.of("brightened source", "on grey"), kept(verdicts, tones));
    }
}
