package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link MarginMarks} takes for a mark in a margin, and what it leaves alone. */
class MarginMarksTest {
    /** A {@code width}x{@code height} white page with what {@code drawing} and then {@code extra} draw on it. */
    private static DecodedImage white(int width, int height, Consumer<Graphics2D> drawing, Consumer<Graphics2D> extra) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        drawing.accept(g);
        extra.accept(g);
        g.dispose();
        return TestImages.decoded(img);
    }

    /** A 200x280 white page with a dark drawing at {@code (50, 60)}, 100x120, and whatever {@code extra} adds. */
    private static DecodedImage page(Consumer<Graphics2D> extra) {
        return white(200, 280, g -> {
            g.setColor(new Color(40, 90, 160));
            g.fillOval(50, 60, 100, 120);
        }, extra);
    }

    /** {@code text} in grey bold letters {@code size} pixels high, from {@code x} on the line {@code baseline}. */
    private static void text(Graphics2D g, String text, int size, int x, int baseline) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, size));
        g.drawString(text, x, baseline);
    }

    private static void text(Graphics2D g, int baseline) {
        text(g, "@acgbot repost", 16, 60, baseline);
    }

    @Test
    void textUnderOrOverTheDrawingIsPaintedOverSoTheCopyTrimsAsTheDrawing() {
        Margins.Box drawing = Margins.trimBox(page(g -> { }));
        for (int baseline : new int[]{265, 25}) {
            Optional<DecodedImage> erased = MarginMarks.erased(page(g -> text(g, baseline)));
            assertTrue(erased.isPresent(), "text at " + baseline);
            assertEquals(drawing, Margins.trimBox(erased.get()), "text at " + baseline);
        }
    }

    @Test
    void aSolidBarARuleAndTextTouchingTheDrawingAreNoMark() {
        // a bar is inked all along (a frame's edge, a table icon's rule), a thin rule is no line of text
        assertEquals(Optional.empty(), MarginMarks.erased(page(g -> g.fillRect(50, 240, 100, 12))));
        assertEquals(Optional.empty(), MarginMarks.erased(page(g -> g.fillRect(50, 240, 100, 2))));
        // no strip of margin between the text and the drawing: part of the picture (a word of that line that stood apart
        // from the drawing would be taken for a mark beside it; the copy without it is only ever a second try)
        assertEquals(Optional.empty(), MarginMarks.erased(page(g -> text(g, "@acgbot", 16, 60, 190))));
    }

    @Test
    void aPictureWithoutAPlainSurroundOrWithoutAMarkIsLeftAlone() {
        assertEquals(Optional.empty(), MarginMarks.erased(page(g -> { })));
        BufferedImage coloured = new BufferedImage(200, 280, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = coloured.createGraphics();
        g.setColor(new Color(200, 40, 40));
        g.fillRect(0, 0, 200, 280);
        text(g, 265);
        g.dispose();
        assertEquals(Optional.empty(), MarginMarks.erased(TestImages.decoded(coloured)));
    }

    @Test
    void aSmallDrawingUnderATopMarkIsABandTooSoBothArePaintedOverInTurnTheBottomFirst() {
        // a dot shorter than the mark's letters, far below them: from the bottom it is the band a mark would be, so the
        // copy without it comes first, as before; the two bands being all there is, the copy without the mark comes
        // second (a bullet hole under the evaluation's top-left mark)
        DecodedImage marked = white(200, 280, g -> {
            g.setColor(new Color(90, 90, 90));
            g.fillOval(90, 120, 14, 12);
        }, g -> text(g, 25));
        List<DecodedImage> erasures = MarginMarks.erasures(marked);
        assertEquals(2, erasures.size());
        assertArrayEquals(erasures.getFirst().argb(), MarginMarks.erased(marked).orElseThrow().argb());
        assertEquals(List.of(false, true), erasures.stream().map(e -> inkAt(e, 97, 126)).toList(), "the ring kept");
        assertEquals(List.of(true, false), erasures.stream().map(e -> inkAbove(e, 40)).toList(), "the mark kept");
    }

    /** Whether the pixel at {@code (x, y)} is darker than the white page. */
    private static boolean inkAt(DecodedImage img, int x, int y) {
        return (img.argb()[y * img.width() + x] & 0xFF) < 200;
    }

    /** Whether any pixel of the rows above {@code y} is. */
    private static boolean inkAbove(DecodedImage img, int y) {
        for (int at = 0; at < y * img.width(); at++) {
            if (inkAt(img, at % img.width(), at / img.width())) {
                return true;
            }
        }
        return false;
    }

    /** A 280x200 white page with a tall dark drawing at the right, {@code (150, 20)}, 100x160, and {@code extra}. */
    private static DecodedImage wide(Consumer<Graphics2D> extra) {
        return white(280, 200, g -> {
            g.setColor(new Color(40, 90, 160));
            g.fillOval(150, 20, 100, 160);
        }, extra);
    }

    @Test
    void textInATopCornerBesideTheDrawingIsPaintedOverThoughItSharesTheDrawingsRows() {
        Margins.Box drawing = Margins.trimBox(wide(g -> { }));
        for (int baseline : new int[]{34, 180}) {
            DecodedImage marked = wide(g -> text(g, "@acgbot", 16, 10, baseline));
            Optional<DecodedImage> erased = MarginMarks.erased(marked);
            assertTrue(erased.isPresent(), "text at " + baseline);
            assertEquals(drawing, Margins.trimBox(erased.get()), "text at " + baseline);
        }
    }

    @Test
    void shapesBesideTheDrawingThatAreNoLineOfTextStay() {
        // a square (no wider than tall) and a solid bar (inked all along) at the top left are part of the picture
        assertEquals(Optional.empty(), MarginMarks.erased(wide(g -> g.fillRect(10, 20, 30, 30))));
        assertEquals(Optional.empty(), MarginMarks.erased(wide(g -> g.fillRect(10, 20, 90, 12))));
        // nor is ink that touches the drawing
        assertEquals(Optional.empty(), MarginMarks.erased(wide(g -> g.fillRect(60, 20, 95, 6))));
    }

    /** A 300x300 white page with a green bar framed dark green at {@code (20, 160)}, 240x60, and {@code extra}. */
    private static DecodedImage bar(Consumer<Graphics2D> extra) {
        return white(300, 300, g -> {
            g.setColor(new Color(0, 128, 0));
            g.fillRect(20, 160, 240, 60);
            g.setColor(new Color(0, 255, 0));
            g.fillRect(26, 166, 228, 48);
        }, extra);
    }

    /** The bar with the site's name in its bottom right corner, over its lower edge: no strip of margin parts the two. */
    private static DecodedImage markedBar() {
        return bar(g -> text(g, "@acgbot repost", 20, 130, 232));
    }

    @Test
    void textRunningOverABarsLowerEdgeIsPaintedOverBeyondItSoTheCopyTrimsAsTheBar() {
        Optional<DecodedImage> erased = MarginMarks.erased(markedBar());
        assertTrue(erased.isPresent());
        assertEquals(Margins.trimBox(bar(g -> { })), Margins.trimBox(erased.get()));
    }

    @Test
    void theUnmarkedBarIsTriedOnItsSourceByItsDHashWhereItsPHashIsNoise() {
        RepostSignature source = RepostSignature.of(bar(g -> { }));
        RepostVerifier.Query posted = new RepostVerifier.Query(markedBar());
        RepostVerifier.Query unmarked = new RepostVerifier.Query(MarginMarks.erased(markedBar()).orElseThrow());
        // the letters left over the bar's edge move a plain bar's trimmed pHash past the radius; its dHash stays close
        assertEquals(26, Long.bitCount(unmarked.signature.trimmedPHash() ^ source.trimmedPHash()));
        assertEquals(2, Long.bitCount(unmarked.signature.trimmedDHash() ^ source.trimmedDHash()));
        assertTrue(MarginMarks.closer(unmarked, posted, source));
        // a drawing of another shape is left to the copy as posted
        assertFalse(MarginMarks.closer(unmarked, posted, RepostSignature.of(page(g -> { }))));
    }

    @Test
    void aTablesLegsUnderItsTopAreNoMark() {
        // under a straight edge, but two runs of ink, not a line of letters
        assertEquals(Optional.empty(), MarginMarks.erased(bar(g -> {
            g.setColor(new Color(0, 128, 0));
            g.fillRect(30, 220, 8, 15);
            g.fillRect(242, 220, 8, 15);
        })));
    }
}
