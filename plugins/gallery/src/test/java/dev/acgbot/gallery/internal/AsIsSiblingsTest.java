package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsIsSiblingsTest {
    private static final int SIDE = RepostSignature.DETAIL;
    /** Thin strokes: most of their gradient is finer than a 3x3 blur (smoothness about 0.4). */
    private static final byte[] SHARP = strokes(2);
    /** Broad strokes: a blur takes little (smoothness about 0.9): a copy of the same drawing that lost detail. */
    private static final byte[] SOFT = strokes(12);

    private static byte[] strokes(int width) {
        byte[] d = new byte[SIDE * SIDE];
        for (int i = 0; i < d.length; i++) {
            d[i] = (byte) ((i % SIDE) / width % 2 == 0 ? 255 : 20);
        }
        return d;
    }

    private final Map<String, RepostVerifier.Verdict> verdicts = new LinkedHashMap<>();
    private final Map<String, AsIsSiblings.Hit> hits = new LinkedHashMap<>();

    private void hit(String sha, double similarity, Set<RepostEdit> edits, byte[] detail, double concentration) {
        verdicts.put(sha, new RepostVerifier.Verdict(similarity, RepostVerifier.Pose.WHOLE, edits));
        hits.put(sha, new AsIsSiblings.Hit(detail, () -> concentration));
    }

    private List<String> kept(Set<String> flat) {
        return List.copyOf(AsIsSiblings.without(verdicts, flat, hits).keySet());
    }

    @Test
    void theStrokeDetailsTellASharpPictureFromASoftOne() {
        double sharp = DetailCheck.smoothness(DetailCheck.floats(SHARP)), soft = DetailCheck.smoothness(DetailCheck.floats(SOFT));
        assertTrue(soft > sharp + AsIsSiblings.SOFTER, sharp + " against " + soft);
    }

    @Test
    void anUnmovedHitFarBelowAndAsSharpAsTheBestIsASibling() {
        hit("source", 0.999, Set.of(), SHARP, 0.1);
        hit("close", 0.980, Set.of(), SHARP, 0.1);
        hit("sibling", 0.969, Set.of(), SHARP, 0.1);
        assertEquals(List.of("source", "close"), kept(Set.of()));
    }

    @Test
    void anUnmovedHitFarBelowThatLostDetailIsAStoredRepostAndKept() {
        hit("itself", 1.0, Set.of(), SHARP, 0.1);
        hit("smaller copy", 0.955, Set.of(), SOFT, 0.1);
        assertEquals(List.of("itself", "smaller copy"), kept(Set.of()));
    }

    @Test
    void anEditedHitFarBelowIsDroppedOnlyWhenItsDisagreementLiesInOnePlace() {
        Set<RepostEdit> turned = Set.of(RepostEdit.ROTATED, RepostEdit.BORDER);
        hit("itself", 1.0, Set.of(), SHARP, 0);
        hit("turned copy", 0.965, turned, SHARP, 0.32);
        hit("half note", 0.963, turned, SHARP, 0.83);
        assertEquals(List.of("itself", "turned copy"), kept(Set.of()));
    }

    @Test
    void aHitTheCopyIsOnlyACropOfKeepsItsDisagreementInOnePlace() {
        hit("itself", 1.0, Set.of(), SHARP, 0);
        hit("captioned copy", 0.970, Set.of(RepostEdit.CROPPED), SHARP, 0.82);
        hit("framed copy", 0.970, Set.of(RepostEdit.CROPPED, RepostEdit.BORDER), SHARP, 0.82);
        hit("turned sibling", 0.963, Set.of(RepostEdit.CROPPED, RepostEdit.BORDER, RepostEdit.ROTATED), SHARP, 0.83);
        assertEquals(List.of("itself", "captioned copy", "framed copy"), kept(Set.of()));
    }

    @Test
    void whenTheBestHitNamesAnEditOrIsNotNearExactNothingIsDropped() {
        hit("turned source", 0.995, Set.of(RepostEdit.ROTATED), SHARP, 0);
        hit("sibling", 0.960, Set.of(), SHARP, 0.9);
        assertEquals(List.of("turned source", "sibling"), kept(Set.of()));
        verdicts.clear();
        hit("source", 0.975, Set.of(), SHARP, 0);
        hit("sibling", 0.950, Set.of(), SHARP, 0.9);
        assertEquals(List.of("source", "sibling"), kept(Set.of()));
    }

    @Test
    void aFlatMatchNeitherSetsTheBarNorIsHeldToIt() {
        hit("drawing", 0.99, Set.of(), SHARP, 0);
        verdicts.put("flat", new RepostVerifier.Verdict(1.0, RepostVerifier.Pose.WHOLE, Set.of()));
        hit("sibling", 0.96, Set.of(), SHARP, 0);
        assertEquals(List.of("drawing", "flat"), kept(Set.of("flat")));
    }
}
