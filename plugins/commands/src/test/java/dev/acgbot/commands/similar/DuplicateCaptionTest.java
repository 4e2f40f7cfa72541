package dev.acgbot.commands.similar;

import dev.acgbot.api.i18n.Language;
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
        assertEquals("same picture · miku.png · https://www.pixiv.net/artworks/1 · match 0.97 (copies ≥ 0.95)",
                DuplicateCaption.of(Language.EN, hit, 8).toPlainString());
    }

    @Test
    void anEditedCopyNamesItsEditsInAFixedOrder() {
        DuplicateHit hit = new DuplicateHit(ENTRY, false, 20, 17, 0.97, Set.of(RepostEdit.ROTATED, RepostEdit.CROPPED, RepostEdit.RECOLOURED));
        assertEquals("edited copy (cropped, rotated, recoloured)", DuplicateCaption.tier(Language.EN, hit));
        assertEquals("修改过的副本（裁剪、旋转、改色）", DuplicateCaption.tier(Language.ZH, hit));
    }

    @Test
    void aHitTheVerifierIsNotSureOfOnlyLooksAlikeAndNamesNoEdit() {
        DuplicateHit hit = new DuplicateHit(ENTRY, false, 20, 17, 0.72, Set.of(RepostEdit.CROPPED));
        assertEquals("looks alike · miku.png · https://www.pixiv.net/artworks/1 · match 0.72 (copies ≥ 0.95)",
                DuplicateCaption.of(Language.EN, hit, 8).toPlainString());
        assertEquals("看起来相似", DuplicateCaption.tier(Language.ZH, hit));
    }

    @Test
    void aCopyTheHashesAloneDecidedShowsItsDistancesAndTheRadius() {
        DuplicateHit hit = new DuplicateHit(ENTRY, false, 5, 2);
        assertEquals("looks alike · miku.png · https://www.pixiv.net/artworks/1 · Hamming 5/2 pHash/dHash (copies ≤ 8)",
                DuplicateCaption.of(Language.EN, hit, 8).toPlainString());
    }

    @Test
    void theCountLineSaysTheRealNumberAndHowManyAreShown() {
        assertEquals("12 copies, showing 5", SimilarCommand.countLine(Language.EN, 12, 5));
        assertEquals("1 copy", SimilarCommand.countLine(Language.EN, 1, 1));
        assertEquals("no other copies", SimilarCommand.countLine(Language.EN, 0, 0));
    }
}
