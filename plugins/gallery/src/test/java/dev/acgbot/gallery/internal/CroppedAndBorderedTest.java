package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CroppedAndBorderedTest {
    private static final Set<RepostEdit> CROPPED_AND_BORDERED = Set.of(RepostEdit.CROPPED, RepostEdit.BORDER);

    @Test
    void aWeakCroppedAndBorderedHitBelowABetterOneIsLeftOut() {
        Map<String, RepostVerifier.Verdict> verdicts = new LinkedHashMap<>();
        verdicts.put("source", verdict(0.985, Set.of()));
        verdicts.put("lookalike", verdict(0.961, CROPPED_AND_BORDERED));
        verdicts.put("sure", verdict(0.975, CROPPED_AND_BORDERED));
        verdicts.put("cropped", verdict(0.955, Set.of(RepostEdit.CROPPED)));
        verdicts.put("bordered", verdict(0.955, Set.of(RepostEdit.BORDER, RepostEdit.ROTATED)));
        assertEquals(java.util.List.of("source", "sure", "cropped", "bordered"), java.util.List.copyOf(CroppedAndBordered.without(verdicts).keySet()));
    }

    @Test
    void theBestHitStaysHoweverItIsNamed() {
        Map<String, RepostVerifier.Verdict> verdicts = new LinkedHashMap<>();
        verdicts.put("crop", verdict(0.956, CROPPED_AND_BORDERED));
        verdicts.put("lookalike", verdict(0.952, CROPPED_AND_BORDERED));
        assertEquals(java.util.List.of("crop"), java.util.List.copyOf(CroppedAndBordered.without(verdicts).keySet()));
    }

    private static RepostVerifier.Verdict verdict(double similarity, Set<RepostEdit> edits) {
        return new RepostVerifier.Verdict(similarity, RepostVerifier.Pose.WHOLE, edits);
    }
}
