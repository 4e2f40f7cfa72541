package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

/**
 * Framed, turned and brightened copies (the evaluation's border+rotate+bright) of a pattern and a file icon from
 * openclipart (public domain; in src/test/resources/openclipart), in a gallery of their siblings (issue 12, tiny and
 * turned copies round 10). Such a copy trims to the turned drawing's bounding box, a few per cent larger than the
 * drawing: from the whole picture turned at its own size, or from unturned windows, the pose search found no pose for
 * the copies turned one way (on the evaluation's gallery, a pattern settled unturned with edges at 0.90). Searched also
 * from {@link RepostVerifier.Pose#turnedCanvas}, each is found first.
 */
class TurnedCanvasCopyGalleryTest {
    private static final List<String> PICTURES = List.of("pattern-triangle-squares-1", "pattern-triangle-squares-3",
            "pattern-triangle-squares-5", "file_broken", "file_locked");
    /** The pictures whose copies are looked up: the others are their siblings. */
    private static final List<Integer> COPIED = List.of(1, 4);

    @Test
    void framedTurnedCopiesOfAPatternAndAnIconAreFoundFirst(@TempDir Path tmp) {
        RepostGalleries.assertFramedTurnedCopiesFoundFirst(tmp, PICTURES, COPIED);
    }
}
