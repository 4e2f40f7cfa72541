package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hits are ordered by the edits the reply names ({@link DefaultGallery#HIT_ORDER}), not by the verifier's first
 * reading of them (docs/benchmarks.md "Crops in their own colours, round 41"). Openclipart's nine of spades in three
 * decks, the same pips (public domain; src/test/resources/openclipart).
 */
class OrderAsNamedGalleryTest {
    /**
     * A brightened copy of the ornamental card: its source matched at 0.995 and the white deck's card at 0.991, within a
     * step of the order. The verifier first named the source cropped (the lifted card trims otherwise), a crop the naming
     * then leaves out as the brightening's ({@link LevelledNames}), so the white card, with no edit either way, was listed
     * first (fresh seed 2718). Since round 52 the white card is not listed at all: posed where it lies, it lacks the
     * ornament's hairlines, ink of the copy ({@link ExtraInk}); the plain cream card stays listed behind the source.
     */
    @Test
    void aBrightenedCardListsItsSourceFirst(@TempDir Path tmp) {
        String found = RepostGalleries.lookedUpAmong(tmp, 8, List.of("ornamental_s_9", "white_s_9", "simple_s_9"), 41,
                TestImages.lifted(RepostGalleries.openclipart("ornamental_s_9"), 51));
        assertEquals("pic0.png true [], pic2.png true []", found);
    }
}
