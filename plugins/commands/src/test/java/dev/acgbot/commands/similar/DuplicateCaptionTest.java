package dev.acgbot.commands.similar;

import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.GalleryEntry;
import dev.acgbot.gallery.RepostEdit;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DuplicateCaptionTest {
    private static final GalleryEntry ENTRY = new GalleryEntry("ab", List.of(Path.of("/g/miku.png")), 10, Instant.EPOCH, 4, 4,
            Optional.of("https://www.pixiv.net/artworks/1"), 0, 0, Map.of(), "", Map.of());

    @Test
    void aVerifiedCopyWithNoEditIsTheSamePictureWithItsMatchAndThreshold() {
        DuplicateHit hit = new DuplicateHit(ENTRY, false, 3, 1, 0.974, Set.of());
        assertEquals("same picture · miku.png · https://www.pixiv.net/artworks/1 · match 0.97 (copies ≥ 0.85)",
                DuplicateCaption.of(hit, 8).toPlainString());
    }

    @Test
    void anEditedCopyNamesItsEditsInAFixedOrder() {
        DuplicateHit hit = new DuplicateHit(ENTRY, false, 20, 17, 0.91, Set.of(RepostEdit.ROTATED, RepostEdit.CROPPED, RepostEdit.RECOLOURED));
        assertEquals("edited copy (cropped, rotated, recoloured)", DuplicateCaption.tier(hit));
    }

    @Test
    void aCopyTheHashesAloneDecidedShowsItsDistancesAndTheRadius() {
        DuplicateHit hit = new DuplicateHit(ENTRY, false, 5, 2);
        assertEquals("near duplicate · miku.png · https://www.pixiv.net/artworks/1 · Hamming 5/2 pHash/dHash (copies ≤ 8)",
                DuplicateCaption.of(hit, 8).toPlainString());
    }

    @Test
    void theCountLineSaysTheRealNumberAndHowManyAreShown() {
        assertEquals("12 copies, showing 5", SimilarCommand.countLine(12, 5));
        assertEquals("1 copy", SimilarCommand.countLine(1, 1));
        assertEquals("no other copies", SimilarCommand.countLine(0, 0));
    }
}
