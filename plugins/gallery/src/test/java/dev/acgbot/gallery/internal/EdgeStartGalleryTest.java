package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * Framed, turned and brightened copies (the evaluation's border+rotate+bright) of a playing card from openclipart's simple
 * deck (public domain; in src/test/resources/openclipart), beside the same card of two other decks. The thumbnails' pose
 * search settles a few per cent narrow and unturned, where the edges fail; the edge step's own descent from the whole
 * picture finds the turn (`RepostVerifier.edgesFromWhole`, docs/benchmarks.md "The edge step from the whole picture, round 37").
 */
class EdgeStartGalleryTest {
    private static final List<String> PICTURES = List.of("simple_d_j", "bordered_d_j", "ornamental_d_j");
    private static final List<Integer> COPIED = List.of(0);

    @Test
    void framedTurnedBrightenedCardsAreFoundFirstAmongTheOtherDecks(@TempDir Path tmp) {
        RepostGalleries.assertFramedTurnedCopiesFoundFirst(tmp, PICTURES, COPIED);
    }
}
