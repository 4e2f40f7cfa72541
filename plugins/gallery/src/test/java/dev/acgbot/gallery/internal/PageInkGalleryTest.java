package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.CancellationToken;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.GalleryOptions;
import dev.acgbot.gallery.ReindexListener;
import dev.acgbot.gallery.ReindexRequest;
import dev.acgbot.gallery.testing.FakeInference;
import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodeLimits;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.image.ImageDecodeException;
import dev.acgbot.models.image.ImageDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
        Path folder = Files.createDirectories(tmp.resolve("pics"));
        for (int i = 0; i < PAGES.size(); i++) {
            try (InputStream in = PageInkGalleryTest.class.getResourceAsStream("/openclipart/" + PAGES.get(i) + ".png")) {
                Files.copy(in, folder.resolve("pic" + i + ".png"));
            }
        }
        for (int i = 0; i < OTHERS; i++) {
            TestImages.writePng(TestImages.resized(TestImages.picture(4242 + i), 2), folder.resolve("other" + i + ".png"));
        }
        GalleryOptions options = GalleryOptions.builder().dataDir(tmp.resolve("data")).folders(List.of(folder))
                .clipModels(List.of()).batchSize(4).decodeThreads(2).build();
        Gallery g = Gallery.open(options, new FakeInference());
        g.reindex(ReindexRequest.incremental(), ReindexListener.NONE, CancellationToken.none());
        return g;
    }

    /** A page as posted: the file decoded as a lookup decodes it, transparency and all. */
    private static DecodedImage posted(String name) {
        try (InputStream in = PageInkGalleryTest.class.getResourceAsStream("/openclipart/" + name + ".png")) {
            return new ImageDecoder(DecodeLimits.defaults()).decode(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ImageDecodeException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lookedUp(Path tmp, Stream<DecodedImage> copies) throws IOException {
        try (Gallery g = pages(tmp)) {
            return copies.map(c -> RepostGalleries.describe(g.findDuplicates(c, 8))).toList();
        }
    }

    @Test
    void eachHolesPagePostedAsItIsListsItsOwnPageAlone(@TempDir Path tmp) throws IOException {
        assertEquals(List.of("pic0.png true []", "pic1.png true []", "pic2.png true []", "pic3.png true []"),
                lookedUp(tmp, PAGES.stream().map(PageInkGalleryTest::posted)));
    }

    /**
     * Cuts of the lowest page list it first, then the next page up: a cut keeps no page edge to tell them apart, and a
     * window of that page holds the same hole on the same paper (the tenth cut fits it cut to 0.85 and turned 1.5°, the
     * quarter cut a quarter cut of it higher up). Before, the tenth cut listed the second page instead, cut and turned.
     */
    @Test
    void cutsOfTheLowestPageListItFirst(@TempDir Path tmp) throws IOException {
        DecodedImage page = posted("bullet_hole_ad");
        int w = page.width(), h = page.height();
        Stream<DecodedImage> copies = Stream.of(
                Margins.crop(page, new Margins.Box(w / 20, h / 20, w - w / 20, h - h / 20)), // a tenth cut, centred
                Margins.crop(page, new Margins.Box(w / 8, h / 8, w / 8 + 3 * w / 4, h / 8 + 3 * h / 4))); // a quarter cut
        assertEquals(List.of("pic3.png true [CROPPED], pic2.png true [CROPPED, ROTATED]",
                "pic3.png true [CROPPED], pic2.png true [CROPPED]"), lookedUp(tmp, copies));
    }
}
