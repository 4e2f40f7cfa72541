package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * Framed, turned and brightened copies (the evaluation's border+rotate+bright) of a wide banner and a tall ice cream from
 * openclipart (public domain; in src/test/resources/openclipart; the ice cream beside its coloured sibling), issue 12,
 * tiny and turned copies round 11. Turned in place, the banner (aspect 4.2) loses its ends and the ice cream (0.26) its
 * top and bottom to the turn; every start of the pose search correlated at 0.15-0.64, under the 0.65 from which it
 * descends, so they had no pose at all. Searched from the whole picture turned 3° ({@link TurnedStarts}), each is found.
 */
class TurnedLongCopyGalleryTest {
    private static final List<String> PICTURES = List.of("linux_powered", "glace_03_bw", "glace_03");
    /** The pictures whose copies are looked up: the last is the ice cream's sibling. */
    private static final List<Integer> COPIED = List.of(0, 1);

    @Test
    void framedTurnedCopiesOfLongPicturesWithNoPoseFromAnyStartAreFoundFirst(@TempDir Path tmp) {
        RepostGalleries.assertFramedTurnedCopiesFoundFirst(tmp, PICTURES, COPIED);
    }
}
