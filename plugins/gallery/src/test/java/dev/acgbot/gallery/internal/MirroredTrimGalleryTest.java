package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Mirror images of flags whose hoist and fly differ at the top corners: Pakistan's white band is margin to the stored
 * trim (its top-left pixel is white), while its mirror image starts in green and keeps the whole flag; Sweden's mirror
 * image likewise trims otherwise. Each listed nothing (evaluation, seed 4). {@link MirroredTrims} trims the copy as its
 * mirror image trims, and poses it so against a candidate whose own trim that one mirrors.
 */
class MirroredTrimGalleryTest {
    private static final List<String> FLAGS = List.of("pakistan", "sweden");

    @Test
    void mirrorImagesOfFlagsThatTrimOtherwiseAreTheirSourcesMirrored(@TempDir Path tmp) {
        assertEquals(List.of("pic0.png true [MIRRORED]", "pic1.png true [MIRRORED]"), RepostGalleries.eachLookedUpAmong(tmp, 6, FLAGS, 771, List.of(
                TestImages.mirrored(RepostGalleries.openclipart("pakistan")),
                TestImages.mirrored(RepostGalleries.openclipart("sweden")))));
    }

    /**
     * A tenth crop of a two-star rating row cut through its first star (its top-left pixel light yellow, so its own trim
     * takes nothing) trims from its white right side as its mirror image; taken for any candidate whose kept share that
     * was closer to, it matched the one-and-a-half-star row mirrored (evaluation, seed 123, crop 10 %).
     */
    @Test
    void aCropThatTrimsOtherwiseMirroredIsNotTakenForASiblingMirrored(@TempDir Path tmp) {
        BufferedImage copy = RepostGalleries.crop(RepostGalleries.openclipart("two_star_rating"), 0.9, 0.75, 1.0);
        String hits = RepostGalleries.lookedUpAmong(tmp, 6, List.of("two_star_rating", "one_and_a_half_star_rating"), 772, copy);
        assertEquals("pic0.png", hits.split(" ")[0], hits);
        assertFalse(hits.contains("pic1.png"), hits);
    }
}
