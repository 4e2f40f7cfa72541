package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Upscaled copies: communities enlarge small art (waifu2x and the like), and until round 33 every resize the evaluation
 * made only shrank. Enlarged twice and one and a half times (bicubic, smooth edges as an upscaler leaves them), each of
 * these pictures (a card back's fine pattern, flags, icons of 34-60 pixels, line art on A4 pages, a faint star-rating
 * row, a map symbol, a safety sign in a thin black frame) lists itself alone, as the same picture with no edit named,
 * among look-alikes of the set: sibling cards, signal flags, rating rows, editor icons. The safety sign enlarged twice
 * listed nothing until its softened frame was trimmed as its source's was ({@link SoftFrames}).
 */
class UpscaledCopyGalleryTest {
    /** The pictures looked up enlarged, first; then their look-alikes. */
    private static final List<String> ENLARGED = List.of("back03", "barn_0", "gentoo-terminal", "grenada", "hand", "lizard",
            "signalflag_hotel", "silhouette_male_1", "smiley120", "stopsign", "taichi", "two_star_rating", "warning",
            "simple_c_9", "rincage_yeux");
    private static final List<String> FIXTURES = java.util.stream.Stream.concat(ENLARGED.stream(), java.util.stream.Stream.of(
            "white_c_9", "simple_h_2", "white_h_2", "signalflag_echo", "signalflag_juliet", "signalflag_november",
            "signalflag_uniform", "one_and_a_half_star_rating", "two_and_a_half_star_rating", "kwrite", "xedit", "edit",
            "kate", "file_important", "messagebox_critical", "do_not_enter", "silhouette_female_1", "turtle", "hosta_0",
            "farm_0")).toList();

    @Test
    void enlargedCopiesListTheirPictureAloneAsTheSamePicture(@TempDir Path tmp) {
        List<BufferedImage> copies = ENLARGED.stream().map(RepostGalleries::openclipart)
                .flatMap(p -> java.util.stream.Stream.of(TestImages.enlarged(p, 2), TestImages.enlarged(p, 1.5))).toList();
        List<String> expected = IntStream.range(0, ENLARGED.size()).boxed()
                .flatMap(i -> java.util.stream.Stream.of("pic" + i + ".png true []", "pic" + i + ".png true []")).toList();
        assertEquals(expected, RepostGalleries.eachLookedUpAmong(tmp, FIXTURES.size(), FIXTURES, 33, copies));
    }
}
