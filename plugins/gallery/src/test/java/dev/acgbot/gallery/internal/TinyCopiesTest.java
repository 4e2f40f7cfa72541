package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tiny copies' rule: the candidate the copy's own pixels single out is a copy; two alike at that size, neither, unless the same picture. */
class TinyCopiesTest {
    private static final DecodedImage SOURCE = TestImages.decoded(TinyCopyGalleryTest.page(4));
    private static final DecodedImage LOOK_ALIKE = TestImages.decoded(TinyCopyGalleryTest.page(3));
    private static final RepostVerifier.Query COPY = new RepostVerifier.Query(TestImages.decoded(
            TinyCopyGalleryTest.quarter(TinyCopyGalleryTest.page(4))));

    private static Map<String, RepostVerifier.Verdict> decide(Map<String, DecodedImage> candidates) {
        List<TinyCopies.Posed> posed = new ArrayList<>();
        candidates.forEach((sha, img) -> {
            RepostSignature s = RepostSignature.of(img);
            RepostVerifier.pose(COPY, s, 0).ifPresent(f -> posed.add(new TinyCopies.Posed(sha, s, f)));
        });
        Map<String, RepostVerifier.Verdict> verdicts = new LinkedHashMap<>();
        TinyCopies.decide(COPY, posed, verdicts);
        return verdicts;
    }

    @Test
    void theSourceIsACopyAndItsLookAlikeIsNot() {
        assertTrue(COPY.tiny != null, "a 15x15 copy is tiny");
        Map<String, RepostVerifier.Verdict> verdicts = decide(Map.of("source", SOURCE, "look-alike", LOOK_ALIKE));
        assertEquals(List.of("source"), List.copyOf(verdicts.keySet()));
        RepostVerifier.Verdict v = verdicts.get("source");
        assertTrue(v.similarity() >= TinyCopies.ACCEPT, "similarity " + v.similarity());
        assertEquals(java.util.Set.of(), v.edits());
    }

    /**
     * The bar and the margin: at 0.975 a residual a third of the rival's, at 0.94 a fifth (a look-alike at 0.973 against
     * a rival at 0.910 in the diagnosis is not singled out), and nothing below 0.94 however alone.
     */
    @Test
    void aCandidateIsSingledOutByItsCorrelationAndItsMarginOverTheNext() {
        assertEquals(List.of(true, false, true, false, true, false, false),
                List.of(TinyCopies.singledOut(0.99, 0.96), TinyCopies.singledOut(0.99, 0.98), TinyCopies.singledOut(0.95, 0),
                        TinyCopies.singledOut(0.973, 0.910), TinyCopies.singledOut(0.96, 0.79), TinyCopies.singledOut(0.96, 0.81),
                        TinyCopies.singledOut(0.93, 0)));
    }

    /**
     * The set's own duplicates (the same drawing under two names) are alike at any size, and either is the copy's source:
     * the one ranked first is taken, and the other is no rival of it (round 8 took neither; docs/benchmarks.md, round 10).
     */
    @Test
    void theSetsOwnDuplicateIsNoRivalOfItsTwin() {
        assertEquals(List.of("source"), List.copyOf(decide(Map.of("source", SOURCE, "twin", SOURCE)).keySet()));
    }
}
