package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pictures that hold ink a copy lacks (openclipart, public domain; src/test/resources/openclipart): the plain three of
 * spades and the same card with a purple frame around its pips. A brightened copy of the plain card listed the framed
 * one too (evaluation, seed 123, brightness +20 %); {@link ExtraInk} leaves it out.
 */
class ExtraInkGalleryTest {
    /**
     * The plain card, the card framed, and the white deck's card, which brightening makes of the plain one (its cream
     * paper turns white): the copy lists the white card and its source, not the framed card.
     */
    @Test
    void aBrightenedCardListsItsSourceAndNotTheCardWithAFrame(@TempDir Path tmp) {
        assertEquals("pic2.png true [], pic0.png true [RECOLOURED]", RepostGalleries.lookedUpAmong(tmp, 6,
                List.of("simple_s_3", "bordered_s_3", "white_s_3"), 40,
                BrightenedCopyGalleryTest.levels(RepostGalleries.openclipart("simple_s_3"), 1.0, 0.2)));
    }
}
