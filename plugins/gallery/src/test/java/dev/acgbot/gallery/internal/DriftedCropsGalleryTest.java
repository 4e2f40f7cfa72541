package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Quarter crops whose pose search drifts along what the thumbnails do not resolve (docs/benchmarks.md "Drifted crops, round
 * 40"): the evaluation's exact crops (fresh seed 1234), for which nothing was listed. Openclipart fixtures, public domain
 * (src/test/resources/openclipart).
 */
class DriftedCropsGalleryTest {
    /**
     * Nicaragua's flag, two blue stripes with a small emblem, which the search widened to 0.93 of the flag where the crop
     * kept 0.75, and a diode drawing, which it shortened by 13 %: both named stretched, so their crop rectangles were never
     * tried ({@link CropSeedCheck#retry}).
     */
    @Test
    void cropsTheSearchStretchedAreFoundFromTheirCropRectangles(@TempDir Path tmp) {
        List<String> found = RepostGalleries.eachLookedUpAmong(tmp, 8, List.of("nicaragua", "diodes2"), 40, List.of(
                RepostGalleries.quarterCrop(RepostGalleries.openclipart("nicaragua"), 0.6942, 0.7984),
                RepostGalleries.quarterCrop(RepostGalleries.openclipart("diodes2"), 0.4607, 0.5526)));
        assertEquals(List.of("pic0.png true [CROPPED]", "pic1.png true [CROPPED]"), found);
    }

    /**
     * The retry above is for lookups where no candidate is listed yet: a greyscale copy of a pen-width icon (a dark bar), stored
     * itself, otherwise listed the next thinner bar too, named cropped from its crop rectangle (fresh seed 31415).
     */
    @Test
    void aStoredBarsCopyDoesNotListTheThinnerBar(@TempDir Path tmp) {
        String found = RepostGalleries.lookedUpAmong(tmp, 8, List.of("pen_width9", "pen_width7"), 40,
                TestImages.greyscale(RepostGalleries.openclipart("pen_width9")));
        assertEquals("pic0.png true []", found);
    }

    /**
     * Bangladesh's flag (reduced to 768x512, as the evaluation reduces its sources): a red disc on a green of nearly the
     * same grey, so faint, which the search turned by 9°; a faint picture found by its crop window alone is only ever named
     * cropped ({@link RepostVerifier#pose}).
     */
    @Test
    void aFaintCropTheSearchTurnedIsFoundUnturned(@TempDir Path tmp) {
        String found = RepostGalleries.lookedUpAmong(tmp, 8, List.of("bangladesh"), 40,
                RepostGalleries.quarterCrop(RepostGalleries.openclipart("bangladesh"), 0.2031, 0.1406));
        assertEquals("pic0.png true [CROPPED]", found);
    }
}
