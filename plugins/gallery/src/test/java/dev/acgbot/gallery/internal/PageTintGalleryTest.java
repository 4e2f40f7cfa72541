package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.Gallery;
import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Openclipart's playing cards on cream and on white paper, the same drawing (`simple_c_9` / `white_c_9`, `white_h_2` /
 * `simple_h_2`). A JPEG copy of either card passed the edge step against the other too, within 0.006 of its source
 * (`--sample-seed 91`): on a pale page the tint is nearly all the colour there is, too little to name the other card
 * recoloured. {@link Variants#otherTint} leaves the card on the other paper out, and {@link Variants#otherPaper} for a
 * greyscale copy.
 */
class PageTintGalleryTest {
    private static final List<String> NAMES = List.of("simple_c_9", "white_c_9", "white_h_2", "simple_h_2");
    private static final int PICTURES = 8;

    @Test
    void aJpegCopyOfACardListsItsOwnPaperOnly(@TempDir Path tmp) {
        try (Gallery g = RepostGalleries.indexed(tmp, PICTURES, RepostGalleries.fixturesThen(NAMES, 600))) {
            assertEquals("pic0.png true []\npic2.png true []", lookUp(g, "simple_c_9") + "\n" + lookUp(g, "white_h_2"));
        }
    }

    /**
     * A pose found for a turned copy lies a degree off as often as not: the cream nine of clubs turned by 3° matched its
     * source at 0.977 (posed at 4°) and the white card at 0.994 (`--sample-seed 91`), more than a step of the hits' order
     * apart, so the white card was listed, and first ({@link Variants#TINT_SLACK}).
     */
    @Test
    void aTurnedCopyOfACardListsItsOwnPaperOnly(@TempDir Path tmp) {
        try (Gallery g = RepostGalleries.indexed(tmp, PICTURES, RepostGalleries.fixturesThen(NAMES, 600))) {
            assertEquals(List.of("pic0.png true [ROTATED]", "pic0.png true [ROTATED]", "pic3.png true [ROTATED]", "pic3.png true [ROTATED]"),
                    List.of(turnedLookUp(g, "simple_c_9", 3), turnedLookUp(g, "simple_c_9", -3), turnedLookUp(g, "simple_h_2", 3),
                            turnedLookUp(g, "simple_h_2", -3)));
        }
    }

    /**
     * A copy brightened by a fifth turns cream paper white, so its tint no longer tells the cream cards from the white one;
     * the drawing still may. The ornamental two of hearts (cream, a thin frame drawn inside) agreed with its source at
     * 0.992 and with the white card at 0.974, colour gaps 44 and 5, and the white card was listed alone (seed 8086). Its
     * brightened copy now lists its source alone: the white card, listed after it until round 52, lacks the frame, ink of
     * the copy ({@link ExtraInk}). The white card's copy lists the white card alone; the plain cream card's lists the white
     * card too, as before: one drawing on two papers, and the lift took the paper's tint away
     * ({@link Variants#BRIGHTENED_SLACK}).
     */
    @Test
    void aBrightenedCopyOfACreamCardDrawnOtherwiseListsItFirst(@TempDir Path tmp) {
        List<String> names = List.of("ornamental_h_2", "white_h_2", "simple_h_2");
        try (Gallery g = RepostGalleries.indexed(tmp, PICTURES, RepostGalleries.fixturesThen(names, 600))) {
            assertEquals(List.of("pic0.png true []", "pic1.png true []", "pic1.png true []"),
                    names.stream().map(name -> RepostGalleries.describe(g.findDuplicates(
                            TestImages.decoded(TestImages.lifted(RepostGalleries.openclipart(name), 51)), 8))).toList());
        }
    }

    private static String turnedLookUp(Gallery g, String name, double degrees) {
        return RepostGalleries.describe(g.findDuplicates(TestImages.decoded(TestImages.rotated(RepostGalleries.openclipart(name), degrees)), 8));
    }

    @Test
    void aGreyscaleCopyOfACardListsItsOwnPaperOnly(@TempDir Path tmp) {
        // greyscale takes the tint away, but the cream card turns 7-8 grey levels darker than the white one on average; the
        // white two of hearts is red on white, so its grey copy is not the stored picture either (the white nine of clubs,
        // already grey, would be: the stored picture's list keeps its variants). Only which pictures are listed is asserted
        try (Gallery g = RepostGalleries.indexed(tmp, PICTURES, RepostGalleries.fixturesThen(NAMES, 600))) {
            assertEquals(List.of(List.of("pic0.png"), List.of("pic3.png"), List.of("pic2.png")),
                    List.of(greyscaleLookUp(g, "simple_c_9"), greyscaleLookUp(g, "simple_h_2"), greyscaleLookUp(g, "white_h_2")));
        }
    }

    /** The files listed for the picture turned grey as PIL's {@code convert("L")} does (ITU-R 601 luma), its alpha kept. */
    private static List<String> greyscaleLookUp(Gallery g, String name) {
        BufferedImage img = RepostGalleries.openclipart(name);
        BufferedImage grey = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int l = ((p >> 16 & 0xFF) * 299 + (p >> 8 & 0xFF) * 587 + (p & 0xFF) * 114 + 500) / 1000;
                grey.setRGB(x, y, p & 0xFF000000 | l << 16 | l << 8 | l);
            }
        }
        return g.findDuplicates(TestImages.decoded(grey), 8).stream().map(h -> h.entry().path().getFileName().toString()).toList();
    }

    private static String lookUp(Gallery g, String name) {
        List<DuplicateHit> hits = g.findDuplicates(TestImages.decoded(TestImages.jpegRoundTrip(RepostGalleries.openclipart(name), 0.75f)), 8);
        return RepostGalleries.describe(hits);
    }
}
