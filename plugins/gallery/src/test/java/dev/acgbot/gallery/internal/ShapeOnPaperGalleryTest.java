package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The European flag on a page (openclipart `eu_flag_hash_0x8a0ab9c__01`, public domain; src/test/resources/openclipart):
 * a blue field whose stars are a few cells of the pose search's grid. Turned by 10° on its canvas, the copy turned back
 * found it at 0 bits, but inside the flag the grids agreed at 0.40 at best; where the turned copy's white corners meet
 * the page's margins, the outline agrees ({@link RepostVerifier.Query#onPaper}). Evaluation, held-out seed 2718, rotate 10°:
 * nothing listed before.
 */
class ShapeOnPaperGalleryTest {
    @Test
    void aFlagTurnedOnItsCanvasIsFoundAsRotated(@TempDir Path tmp) {
        List<String> found = RepostGalleries.eachLookedUpAmong(tmp, 6, List.of("eu_flag"), 40, List.of(
                TestImages.rotated(RepostGalleries.openclipart("eu_flag"), 10),
                TestImages.rotated(RepostGalleries.openclipart("eu_flag"), -10)));
        assertEquals(List.of("pic0.png true [ROTATED]", "pic0.png true [ROTATED]"), found);
    }
}
