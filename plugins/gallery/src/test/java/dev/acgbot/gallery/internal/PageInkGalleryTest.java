package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.Gallery;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Four of openclipart's bullet-hole pages (public domain; src/test/resources/openclipart), stored as the set ships them
 * (transparent A4 pages): the same hole at the same place across, 37, 48, 59 and 69 % of the way down. At the 64x64
 * detail grid the hole is six cells, and the lowest page fits the next one up cropped to two thirds of it about as well
 * as it fits itself: every copy of it, an unedited one too, listed that page as cut from it (evaluation, fresh seed 2718,
 * on 18 of 24 edits). Such a crop would show the hole half as large again as the copy does ({@link PageInk}).
 */
class PageInkGalleryTest {
    private static final List<String> PAGES = List.of("bullet_hole_aa", "bullet_hole_ab", "bullet_hole_ac", "bullet_hole_ad");
    private static final int OTHERS = 6;

    /** The pages as stored (pic0.png ... pic3.png, the files themselves) beside a few generated pictures, indexed. */
    private static Gallery pages(Path tmp) throws IOException {
        return RepostGalleries.indexedAsShipped(tmp, PAGES, OTHERS, 4242);
    }

    private static List<String> lookedUp(Path tmp, Stream<DecodedImage> copies) throws IOException {
        try (Gallery g = pages(tmp)) {
            return copies.map(c -> RepostGalleries.describe(g.findDuplicates(c, 8))).toList();
        }
    }

    @Test
    void eachHolesPagePostedAsItIsListsItsOwnPageAlone(@TempDir Path tmp) throws IOException {
        assertEquals(List.of("pic0.png true []", "pic1.png true []", "pic2.png true []", "pic3.png true []"),
                lookedUp(tmp, PAGES.stream().map(RepostGalleries::posted)));
    }

    /**
     * Cuts of the lowest page list it first, then the next page up: a cut keeps no page edge to tell them apart, and a
     * window of that page holds the same hole on the same paper (the tenth cut fits it cut to 0.85 and turned 1.5°, the
     * quarter cut a quarter cut of it higher up). Before, the tenth cut listed the second page instead, cut and turned.
     */
    @Test
    void cutsOfTheLowestPageListItFirst(@TempDir Path tmp) throws IOException {
        DecodedImage page = RepostGalleries.posted("bullet_hole_ad");
        int w = page.width(), h = page.height();
        Stream<DecodedImage> copies = Stream.of(
                Margins.crop(page, new Margins.Box(w / 20, h / 20, w - w / 20, h - h / 20)), // a tenth cut, centred
                Margins.crop(page, new Margins.Box(w / 8, h / 8, w / 8 + 3 * w / 4, h / 8 + 3 * h / 4))); // a quarter cut
        assertEquals(List.of("pic3.png true [CROPPED], pic2.png true [CROPPED, ROTATED]",
                "pic3.png true [CROPPED], pic2.png true [CROPPED]"), lookedUp(tmp, copies));
    }
}
