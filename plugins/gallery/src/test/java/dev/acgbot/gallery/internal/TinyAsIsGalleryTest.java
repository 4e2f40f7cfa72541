package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A tiny copy its source fits as it is, beside rivals that fit it only edited ({@link TinyCopies}): openclipart's 84x15
 * star-rating rows are pale yellow stars from the left, so two stars are the first two of two and a half, and, mirrored,
 * one and a half widened. A JPEG copy of the two-star row correlated at its own pixels at 0.981 with its source as it
 * is and at 0.975 with the one-and-a-half-star row cut and widened, under the margin that singles a candidate out,
 * and nothing was listed.
 */
class TinyAsIsGalleryTest {
    private static final List<String> NAMES = List.of("two_star_rating", "one_and_a_half_star_rating", "two_and_a_half_star_rating");
    private static final int PICTURES = 7;

    @Test
    void aJpegCopyOfAStarRatingRowIsItsSourceAsItIs(@TempDir Path tmp) {
        assertEquals("pic0.png true []", RepostGalleries.lookedUpAmong(tmp, PICTURES, NAMES, 710,
                TestImages.jpegRoundTrip(RepostGalleries.openclipart("two_star_rating"), 0.75f)));
    }
}
