package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerceptualHashTest {

    @Test
    void transformedCopiesAreDuplicatesOfTheirOriginalOnlyAndFoundByTheIndex() {
        List<BufferedImage> originals = new ArrayList<>();
        HashRows rows = new HashRows();
        for (int i = 0; i < 40; i++) {
            BufferedImage img = TestImages.picture(i);
            originals.add(img);
            var d = TestImages.decoded(img);
            rows.put("img" + i, PerceptualHash.pHash(d), PerceptualHash.dHash(d));
        }
        HashRows.Snapshot snap = rows.snapshot();
        List<UnaryOperator<BufferedImage>> transforms = List.of(
                img -> TestImages.resized(img, 0.5),
                img -> TestImages.jpegRoundTrip(img, 0.6f),
                img -> TestImages.brighter(img, 1.1),
                img -> TestImages.cropped(img, 0.05));
        int r = 10; // the crop needs the upper end of the radii DuplicateEval suggests (8-10)
        for (int n = 0; n < 10; n++) {
            int i = n;
            for (UnaryOperator<BufferedImage> t : transforms) {
                var copy = TestImages.decoded(t.apply(originals.get(i)));
                var near = snap.near(PerceptualHash.pHash(copy), PerceptualHash.dHash(copy), r);
                int[] dist = near.get("img" + i);
                assertTrue(dist != null && DuplicateRule.isDuplicate(dist[0], dist[1], r), "copy of img" + i + " not found: " + (dist == null ? "-" : dist[0] + "/" + dist[1]));
                long falseMatches = near.entrySet().stream()
                        .filter(e -> !e.getKey().equals("img" + i) && DuplicateRule.isDuplicate(e.getValue()[0], e.getValue()[1], r)).count();
                assertEquals(0, falseMatches, "unrelated pictures matched img" + i);
            }
        }
    }

    @Test
    void aRingsPHashIsMostlyUnsureBitsAndAnAsymmetricPicturesIsNot() {
        // a star polygon drawn as rings of grey lines on white, as openclipart's shapes/stars are: symmetric about its
        // centre, so most of its low frequencies are near zero, next to their median
        BufferedImage ring = new BufferedImage(120, 120, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = ring.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 120, 120);
        g.setColor(new java.awt.Color(150, 150, 150));
        for (int k = 0; k < 24; k++) {
            double a = 2 * Math.PI * k / 24, b = 2 * Math.PI * (k + 7) / 24;
            g.drawLine(60 + (int) (50 * Math.cos(a)), 60 + (int) (50 * Math.sin(a)), 60 + (int) (50 * Math.cos(b)), 60 + (int) (50 * Math.sin(b)));
        }
        g.dispose();
        double[] low = PerceptualHash.lowFrequencies(TestImages.decoded(TestImages.jpegRoundTrip(ring, 0.75f)));
        assertTrue(PerceptualHash.unsureBits(low) >= HashRows.Probe.NOISY_PHASH, "ring: " + PerceptualHash.unsureBits(low));
        for (int i = 0; i < 10; i++) {
            var picture = TestImages.decoded(TestImages.picture(i));
            double[] its = PerceptualHash.lowFrequencies(picture);
            assertTrue(PerceptualHash.unsureBits(its) < HashRows.Probe.NOISY_PHASH, "picture " + i + ": " + PerceptualHash.unsureBits(its));
            assertEquals(PerceptualHash.pHash(picture), PerceptualHash.pHash(its));
        }
    }

    @Test
    void identicalPixelsGiveIdenticalHashesAndTransparencyHashesOnWhite() {
        var a = TestImages.decoded(TestImages.picture(1));
        assertEquals(PerceptualHash.pHash(a), PerceptualHash.pHash(TestImages.decoded(TestImages.picture(1))));
        int[] clear = new int[64 * 64];
        int[] white = new int[64 * 64];
        java.util.Arrays.fill(white, 0xFFFFFFFF);
        for (int i = 0; i < clear.length; i++) {
            clear[i] = i % 64 < 32 ? 0x00000000 : 0xFF000000; // left half transparent black, right half opaque black
            white[i] = i % 64 < 32 ? 0xFFFFFFFF : 0xFF000000;
        }
        var transparent = new dev.acgbot.models.image.DecodedImage(64, 64, clear, true);
        var onWhite = new dev.acgbot.models.image.DecodedImage(64, 64, white, false);
        assertEquals(PerceptualHash.dHash(onWhite), PerceptualHash.dHash(transparent));
        assertFalse(PerceptualHash.dHash(onWhite) == 0);
    }
}
