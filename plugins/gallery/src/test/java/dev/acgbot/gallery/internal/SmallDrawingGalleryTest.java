package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Small drawings on blank A4 pages (openclipart, public domain; src/test/resources/openclipart): an ornament and a
 * shovel's outline, each under 4 % of its page and too thin to show in its 32x32 thumbnail, beside a bullet hole's page.
 * Kept whole, such a page was blank to every check, and no copy of it listed anything, not even one unedited
 * (evaluation, seed 200: the ornament missed on all 22 edits). {@link SmallDrawings} trims such a page to its drawing.
 */
class SmallDrawingGalleryTest {
    private static final List<String> PAGES = List.of("break_carlos", "simple_shovel", "bullet_hole_aa");

    private static final List<UnaryOperator<BufferedImage>> EDITS = List.of(
            TestImages::greyscale,
            img -> TestImages.resized(img, 0.5),
            img -> TestImages.jpegRoundTrip(img, 0.75f),
            TestImages::mirrored,
            img -> RepostGalleries.framed(img, 0.05));

    /** The shovel is its own mirror image, so its mirrored copy is the page unedited. */
    @Test
    void copiesOfSmallDrawingsOnBlankPagesFindTheirPages(@TempDir Path tmp) {
        List<BufferedImage> copies = PAGES.subList(0, 2).stream().map(RepostGalleries::openclipart)
                .flatMap(page -> EDITS.stream().map(edit -> edit.apply(page))).toList();
        assertEquals(List.of("pic0.png true []", "pic0.png true []", "pic0.png true []", "pic0.png true [MIRRORED]",
                "pic0.png true [BORDER, CROPPED]", "pic1.png true []", "pic1.png true []", "pic1.png true []", "pic1.png true []",
                "pic1.png true [BORDER]"), RepostGalleries.eachLookedUpAmong(tmp, 7, PAGES, 781, copies));
    }

    /**
     * The evaluation's copy of the ornament framed, turned 3 deg and brightened (seed 200's border+rotate+bright, as looked
     * up): its own page, and nothing else. In the evaluation's gallery the trimmed strip also matched a bullet hole's page,
     * which this small gallery does not reproduce; {@link SmallDrawingsTest} holds the rule that keeps it out.
     */
    @Test
    void theEvaluationsOrnamentFramedTurnedAndBrightenedFindsItsPage(@TempDir Path tmp) {
        assertEquals(List.of("pic0.png false [BORDER, ROTATED]"), RepostGalleries.eachLookedUpAmong(tmp, 7, PAGES, 782,
                List.of(RepostGalleries.openclipart("break_carlos_framed_turned"))));
    }

    /**
     * Quarter crops of the ornament's page that keep the ornament whole (the evaluation's crop 25 %, seed 200): the crop's
     * canvas is reduced less than the page was, so its ornament has a third more pixels than the stored one, and the
     * candidate brought to the copy's pixels correlated at 0.864, short of the tiny copies' bar. Compared at the pixels
     * the page had ({@link TinyCheck#asStored}), the page is singled out.
     */
    @Test
    void quarterCropsKeepingASmallDrawingWholeFindItsPage(@TempDir Path tmp) {
        List<BufferedImage> crops = quarterCrops("break_carlos", 0, 0, 0.5, 1, 0.7, 0.5, 0, 1);
        // the page first and confident; what a hit names of a crop that cut only the page's margin may go either way
        assertEquals(List.of("pic0.png true", "pic0.png true", "pic0.png true", "pic0.png true"),
                RepostGalleries.eachLookedUpAmong(tmp, 7, PAGES, 783, crops).stream().map(h -> h.replaceAll(" \\[[^\\]]*\\]", "")).toList());
    }

    /**
     * Quarter crops of a Christmas light's A4 page (the light 0.8 % of it, blank at the thumbnail, so stored trimmed to
     * the light): each crop shows the light a third larger on a smaller page, which its thumbnail no longer takes for a
     * blank page, so the copy kept its page whole and no pose found the light on it (evaluation, seed 9001: the page missed
     * as a crop 25 % copy). Trimmed to its own drawing ({@link SmallDrawings#ownDrawing}), each crop is the light again.
     */
    @Test
    void quarterCropsOfASmallDrawingsPageTrimToTheirOwnDrawing(@TempDir Path tmp) {
        List<BufferedImage> crops = quarterCrops("christmas_light", 0, 0, 1, 1, 0.3, 0.8, 0.9, 0.2);
        assertEquals(List.of("pic0.png true []", "pic0.png true []", "pic0.png true []", "pic0.png true []"),
                RepostGalleries.eachLookedUpAmong(tmp, 7, List.of("christmas_light", "break_carlos", "bullet_hole_aa"), 784, crops));
    }

    /**
     * Small drawings on pages the store kept whole (a grey bullet hole, a film clapper: their pages do not read as blank),
     * at the evaluation's size (512 pixels the shorter side) and brightened by a fifth (+51 levels, its brightness edit;
     * posted at the page's own size, the first bullet hole's hit is named turned, the near-blank page's pose taking a
     * small turn): the copy's page then reads as blank and trims to
     * the drawing, which is not verified against a page kept whole ({@link SmallDrawings#tooSmallFor}), and the page
     * untrimmed was too light for the pose search. Darkened back ({@link BrightenedPages}), each finds its page first. In the
     * evaluation's gallery (seeds 2718, 5150 and 8086) the three bullet holes and the clapper listed nothing without it; in
     * this small one the bullet holes are found without it too, the clapper not (checked).
     */
    @Test
    void brightenedCopiesOfSmallDrawingsOnPagesKeptWholeFindTheirPages(@TempDir Path tmp) {
        List<String> pages = List.of("bullet_hole_ab", "bullet_hole_ad", "movie_fudriot");
        List<BufferedImage> copies = pages.stream().map(RepostGalleries::openclipart)
                .map(p -> TestImages.lifted(TestImages.resized(p, 512.0 / Math.min(p.getWidth(), p.getHeight())), 51)).toList();
        assertEquals(List.of("pic0.png true []", "pic1.png true []", "pic2.png true []"),
                RepostGalleries.eachLookedUpAmong(tmp, 7, pages, 785, copies));
    }

    /** Quarter crops of the fixture {@code name}, one for each pair of {@code corners} (x, y: where the top-left corner lies). */
    private static List<BufferedImage> quarterCrops(String name, double... corners) {
        BufferedImage page = RepostGalleries.openclipart(name);
        List<BufferedImage> crops = new ArrayList<>();
        for (int i = 0; i < corners.length; i += 2) {
            crops.add(RepostGalleries.quarterCrop(page, corners[i], corners[i + 1]));
        }
        return crops;
    }

    /**
     * Thin coloured strokes bunched on a white canvas, one of {@link DuplicateLookupScaleTest}'s pictures, stored trimmed to
     * 3 % of it; its JPEG copy posted at three times the size trims to 12 % of its canvas (the ringing around the strokes)
     * and was no longer found (one of that test's 300 copies). Cut where the stored drawing lies, it is the same picture.
     */
    @Test
    void aJpegCopyWhoseTrimKeptMoreIsCutWhereTheStoredDrawingLies(@TempDir Path tmp) {
        BufferedImage strokes = DuplicateLookupScaleTest.picture(27006);
        try (Gallery g = RepostGalleries.indexed(tmp, 6, i -> i == 0 ? strokes : DuplicateLookupScaleTest.picture(27000 + i))) {
            assertEquals("pic0.png true []", RepostGalleries.lookedUp(g, TestImages.jpegRoundTrip(TestImages.resized(strokes, 3), 0.7f)));
        }
    }
}
