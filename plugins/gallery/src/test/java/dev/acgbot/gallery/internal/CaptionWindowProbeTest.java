package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.preprocess.ImageOps;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The candidate stage's caption windows: a copy with a caption band above or below finds its source by hash. */
class CaptionWindowProbeTest {
    private static final int SOURCES = 40;

    @Test
    void aCaptionAboveOrBelowLeavesTheSourceTheClosestCandidate() {
        HashRows rows = gallery();
        int wholeOnlyMissed = 0;
        for (int seed = 0; seed < SOURCES; seed++) {
            for (boolean above : new boolean[]{true, false}) {
                DecodedImage copy = reduced(TestImages.captioned(TestImages.picture(seed), above));
                HashRows.Probe probe = HashRows.Probe.of(copy);
                Map<String, HashRows.Near> near = rows.snapshot().near(probe, DefaultGallery.CANDIDATE_RADIUS);
                String source = sha(seed);
                assertTrue(near.containsKey(source), "seed " + seed + (above ? " above" : " below"));
                int best = near.values().stream().mapToInt(HashRows.Near::closest).min().orElseThrow();
                assertEquals(best, near.get(source).closest(), "seed " + seed + (above ? " above" : " below"));
                HashRows.Probe wholeOnly = new HashRows.Probe(probe.pHash(), probe.dHash(), probe.trimmedPHash(), probe.trimmedDHash());
                wholeOnlyMissed += rows.snapshot().near(wholeOnly, DefaultGallery.CANDIDATE_RADIUS).containsKey(source) ? 0 : 1;
            }
        }
        // the windows are what finds them: the whole and trimmed hashes alone miss a quarter (20 of 80 when written)
        assertTrue(wholeOnlyMissed >= SOURCES / 4, "whole and trimmed hashes alone missed only " + wholeOnlyMissed);
    }

    @Test
    void aProbeOfAnUntouchedPictureHasItsWindowsAndStillFindsItselfAtDistanceZero() {
        HashRows rows = gallery();
        HashRows.Probe probe = HashRows.Probe.of(reduced(TestImages.picture(3)));
        assertEquals(2, probe.windowPHashes().length);
        HashRows.Near self = rows.snapshot().near(probe, DefaultGallery.CANDIDATE_RADIUS).get(sha(3));
        // rows put without crop windows stand in their whole pHash for every window: the first is at distance 0 (the
        // turned-back copy, compared with the central window, is another test's subject)
        assertEquals(new HashRows.Near(0, 0, 0, 0, HashRows.Near.WHOLE, 0, 0, self.turn()), self);
    }

    @Test
    void theMirrorImagesProbeHashesWhatTheFullProbeDoesWithoutItsCropAndTurnedWindows() {
        for (boolean above : new boolean[]{true, false}) {
            DecodedImage copy = PerceptualHash.mirrored(reduced(TestImages.captioned(TestImages.picture(5), above)));
            boolean[] captions = HashRows.Probe.captionBands(copy);
            HashRows.Probe full = HashRows.Probe.of(copy, captions).withoutCropWindows();
            HashRows.Probe mirror = HashRows.Probe.withoutCropWindows(copy, captions);
            assertEquals(List.of(full.pHash(), full.dHash(), full.trimmedPHash(), full.trimmedDHash()),
                    List.of(mirror.pHash(), mirror.dHash(), mirror.trimmedPHash(), mirror.trimmedDHash()));
            assertArrayEquals(full.windowPHashes(), mirror.windowPHashes());
            assertArrayEquals(full.windowDHashes(), mirror.windowDHashes());
            assertEquals(0, mirror.cropPHashes().length + mirror.movedPHashes().length + mirror.turnedPHashes().length + mirror.turnedDHashes().length);
        }
    }

    private static HashRows gallery() {
        HashRows rows = new HashRows();
        for (int seed = 0; seed < SOURCES; seed++) {
            DecodedImage img = reduced(TestImages.picture(seed));
            RepostSignature s = RepostSignature.of(img);
            rows.put(sha(seed), PerceptualHash.pHash(img), PerceptualHash.dHash(img), s.trimmedPHash(), s.trimmedDHash());
        }
        return rows;
    }

    private static String sha(int seed) {
        return "%064x".formatted(seed);
    }

    private static DecodedImage reduced(BufferedImage img) {
        return ImageOps.reduce(TestImages.decoded(img), 256);
    }
}
