package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmallDrawingsTest {
    /** A 256x362 white page (an A4 page as the indexer reduces it) with {@code drawing} on it. */
    private static DecodedImage page(Consumer<Graphics2D> drawing) {
        BufferedImage img = new BufferedImage(256, 362, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 256, 362);
        g.setColor(Color.BLACK);
        drawing.accept(g);
        g.dispose();
        return TestImages.decoded(img);
    }

    /**
     * A light grey band of 41x5 pixels: ink to the margins (55 levels from white), and so little of it that the page's
     * 32x32 thumbnail is blank, as a thin ornament's on an A4 page is.
     */
    private static void ornament(Graphics2D g) {
        g.setColor(new Color(200, 200, 200));
        g.fillRect(50, 157, 41, 5);
    }

    @Test
    void aThinDrawingOnABlankPageIsTrimmedToIt() {
        assertEquals(new Margins.Box(50, 157, 91, 162), Margins.trimBox(page(SmallDrawingsTest::ornament)));
    }

    @Test
    void aSpeckOrADrawingTheThumbnailShowsLeavesThePageWhole() {
        assertEquals(new Margins.Box(0, 0, 256, 362), Margins.trimBox(page(g -> g.fillRect(100, 100, 2, 2))), "a speck");
        assertEquals(new Margins.Box(0, 0, 256, 362), Margins.trimBox(page(g -> g.fillOval(100, 100, 30, 30))),
                "a dark blob under 4 % of the page, which its thumbnail shows (a bullet hole)");
    }

    @Test
    void aCopyTrimmedToASmallDrawingIsNotVerifiedAgainstAPageKeptWhole() {
        RepostSignature ornament = RepostSignature.of(page(SmallDrawingsTest::ornament));
        RepostSignature blob = RepostSignature.of(page(g -> g.fillOval(100, 100, 30, 30)));
        RepostSignature clipArt = RepostSignature.of(page(g -> g.fillOval(40, 40, 170, 270)));
        assertTrue(ornament.keptArea() < 0.01 && blob.keptArea() == 1f && clipArt.keptArea() < 0.9);
        assertTrue(SmallDrawings.tooSmallFor(ornament, blob));
        assertFalse(SmallDrawings.tooSmallFor(ornament, ornament), "another small drawing");
        assertFalse(SmallDrawings.tooSmallFor(ornament, clipArt), "a page the store trimmed");
        assertFalse(SmallDrawings.tooSmallFor(clipArt, blob), "a copy that kept more of its canvas");
    }

    @Test
    void aStoredSignatureOfABlankPageKeptWholeIsRecognised() {
        DecodedImage ornament = page(SmallDrawingsTest::ornament);
        RepostSignature old = RepostSignature.of(ornament, new Margins.Box(0, 0, 256, 362), true);
        assertTrue(SmallDrawings.storedAsBlankPage(old));
        assertFalse(SmallDrawings.storedAsBlankPage(RepostSignature.of(ornament)), "as signed now");
        assertFalse(SmallDrawings.storedAsBlankPage(RepostSignature.of(page(g -> g.fillOval(100, 100, 30, 30)))));
    }
}
