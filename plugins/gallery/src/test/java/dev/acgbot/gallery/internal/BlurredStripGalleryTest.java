package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.Gallery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Blurred copies (the evaluation's blur) of drawings that trim to strips, from openclipart (public domain; in
 * src/test/resources/openclipart): a router icon about four times as wide as high and a scale, beside a network switch
 * drawn in the same style. The edge check's grid stretches a strip to a square, so the copy's blur is several times
 * wider across the strip than along it there, which the candidate's 3x3 blurs did not match: the router agreed at 0.939
 * and the scale below the bar, and neither copy listed anything (evaluation, seed 2718). Blurred across the strip
 * ({@link DetailCheck#blurredAcross}), each finds its source. In this small gallery the router is found without that too,
 * the scale not (checked).
 */
class BlurredStripGalleryTest {
    @Test
    void blurredCopiesOfStripsFindTheirSources(@TempDir Path tmp) {
        List<String> pictures = List.of("router_cisco", "scale", "switch_cisco");
        List<BufferedImage> copies = pictures.subList(0, 2).stream()
                .map(name -> RepostGalleries.blurredAsEvaluated(RepostGalleries.openclipart(name))).toList();
        assertEquals(List.of("pic0.png true []", "pic1.png true []"), RepostGalleries.eachLookedUpAmong(tmp, 7, pictures, 786, copies));
    }

    /**
     * The evaluation's quarter crop of `kde` (seed 27182, saved), an icon 60x1024 whose crop is about twenty times as high
     * as wide, stored as the set ships it. Nothing blurred it, but passes across its length brought the candidate closer
     * to its smoothness as the crop shows it (0.058 to 0.033), and the edges then failed: it listed nothing, in crop 25 %
     * and crop+resize+jpeg alike. Blurred across only after the 3x3 blurs brought the candidate closer first (a copy
     * softer than its candidate), it finds its source (line art on fourteen seeds: crop 25 % 495 to 496 of 517,
     * crop+resize+jpeg 496 to 497, the other rows unchanged).
     */
    @Test
    void aSharpCropOfAThinIconIsNotBlurredAcrossAndFindsItsSource(@TempDir Path tmp) throws IOException {
        try (Gallery g = RepostGalleries.indexedAsShipped(tmp, List.of("kde", "router_cisco", "scale"), 4, 786)) {
            assertEquals("pic0.png true [CROPPED]", RepostGalleries.describe(g.findDuplicates(RepostGalleries.posted("kde_quarter_crop"), 8)));
        }
    }
}
