package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * openclipart's flag of Corsica (public domain; src/test/resources/openclipart): a head on a page inside a faint grey
 * outline, which the store's trim keeps. Framed, turned by 4° and brightened, as the evaluation's border+rotate+bright, the
 * outline fades to a broken line the copy's trim drops: trimmed to the head, 44 % of the flag's width, the copy's edges
 * agreed with the flag's at 0.923 and nothing was listed (seeds 1234 and 27182), while its whole pHash lay 2 bits from the
 * flag's. Untrimmed, it is posed on the whole page ({@link UntrimmedPages#samePage}).
 */
class FaintFramedPageGalleryTest {
    @Test
    void aPageWhoseFaintOutlineTheEditBrightenedAwayIsFoundWhole(@TempDir Path tmp) {
        RepostGalleries.assertFramedTurnedCopiesFoundFirst(tmp, List.of("france_corsica", "glace_03_bw", "kate", "join_round"), List.of(0));
    }
}
