package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

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
        TinyCopies.decide(COPY, posed, List.of(), verdicts);
        return verdicts;
    }

    /**
     * The quarter-size copy with grey noise of 14 levels on its drawing: no pose on the thumbnails, and at its own pixels
     * the source correlates at 0.93, its look-alikes with five and six lines at 0.89 and 0.88.
     */
    private static final RepostVerifier.Query NOISY_COPY = new RepostVerifier.Query(TestImages.decoded(
            noisy(TinyCopyGalleryTest.quarter(TinyCopyGalleryTest.page(4)))));

    private static BufferedImage noisy(BufferedImage img) {
        Random random = new Random(1);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                if (rgb != 0xFFFFFF) {
                    int n = (int) (random.nextGaussian() * 14);
                    img.setRGB(x, y, shifted(rgb >> 16, n) << 16 | shifted(rgb >> 8 & 0xFF, n) << 8 | shifted(rgb & 0xFF, n));
                }
            }
        }
        return img;
    }

    private static int shifted(int channel, int by) {
        return Math.clamp(channel + by, 0, 255);
    }

    private static TinyCopies.Posed unmoved(String sha, BufferedImage img) {
        return TinyCopies.Posed.unmoved(sha, RepostSignature.of(TestImages.decoded(img)));
    }

    /**
     * A tiny copy that the thumbnails could not pose, and that correlates under both bars at its own pixels: the one
     * candidate near it in the hashes is its source (resize 25 %: a 15-pixel icon whose 16-cell grid correlated at 0.56-0.78,
     * docs/benchmarks.md, tiny copies round 10 second wave).
     */
    @Test
    void aTinyCopyUnderTheBarsIsTheOneCandidateItsHashesSingleOut() {
        assertTrue(RepostVerifier.pose(NOISY_COPY, RepostSignature.of(SOURCE), 0).isEmpty(), "no pose on the thumbnails");
        Map<String, RepostVerifier.Verdict> verdicts = new LinkedHashMap<>();
        TinyCopies.decide(NOISY_COPY, List.of(), List.of(unmoved("source", TinyCopyGalleryTest.page(4))), verdicts);
        assertEquals(List.of("source"), List.copyOf(verdicts.keySet()));
        assertTrue(verdicts.get("source").similarity() < TinyCopies.ACCEPT_CLEARER, "under the bars: " + verdicts.get("source").similarity());
    }

    /** Two pictures near in the hashes and alike at the copy's pixels (0.93 and 0.89): neither is singled out. */
    @Test
    void aTinyCopyUnderTheBarsStaysUndecidedWhenALookAlikeIsNearInTheHashesToo() {
        Map<String, RepostVerifier.Verdict> verdicts = new LinkedHashMap<>();
        TinyCopies.decide(NOISY_COPY, List.of(), List.of(unmoved("source", TinyCopyGalleryTest.page(4)),
                unmoved("look-alike", TinyCopyGalleryTest.page(5))), verdicts);
        assertEquals(Map.of(), verdicts);
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
