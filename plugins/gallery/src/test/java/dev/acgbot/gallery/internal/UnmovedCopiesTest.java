package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link UnmovedCopies} takes for the same canvas with a band laid over it, and what it leaves to the other stages. */
class UnmovedCopiesTest {
    /** A 60x60 icon: a dark note-like shape on white; {@code head} draws its lower part filled or open. */
    private static BufferedImage icon(boolean filledHead) {
        BufferedImage img = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 60, 60);
        g.setColor(new Color(30, 30, 60));
        g.fillRect(34, 6, 4, 36);
        g.fillRect(34, 6, 14, 5);
        if (filledHead) {
            g.fillOval(20, 36, 18, 14);
        } else {
            g.setStroke(new java.awt.BasicStroke(3));
            g.drawOval(20, 36, 18, 14);
        }
        g.dispose();
        return img;
    }

    /** The evaluation's mark, 8 px letters, laid over the icon's lower part. */
    private static BufferedImage marked(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 8));
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.7f));
        g.setColor(Color.GRAY);
        g.drawString("@acgbot repost", 0, 47);
        g.dispose();
        return out;
    }

    private static DecodedImage flat(BufferedImage img) {
        return PerceptualHash.onWhite(TestImages.decoded(img));
    }

    private static int best(BufferedImage copy, BufferedImage... candidates) {
        DecodedImage flat = flat(copy);
        List<RepostSignature> signed = java.util.Arrays.stream(candidates).map(c -> RepostSignature.of(TestImages.decoded(c))).toList();
        return UnmovedCopies.best(flat, Margins.trimBox(flat), signed, new UnmovedCopies.Match[signed.size()]);
    }

    @Test
    void aMarkOverTheLowerRowsIsABandAndTheSourceOutranksASiblingThatDiffersThere() {
        BufferedImage source = icon(true), sibling = icon(false);
        DecodedImage copy = flat(marked(source));
        UnmovedCopies.Match m = UnmovedCopies.match(copy, Margins.trimBox(copy), RepostSignature.of(TestImages.decoded(source))).orElseThrow();
        assertTrue(m.band() > 0 && m.band() <= UnmovedCopies.MAX_BAND && m.from() >= RepostSignature.DETAIL / 2, m.toString());
        assertTrue(m.residual() <= UnmovedCopies.ROW_EXACT, m.toString());
        assertEquals(1, best(marked(source), sibling, source));
        assertEquals(0, best(marked(sibling), sibling, source));
    }

    @Test
    void aCopyThatIsItsSourceReencodedOrAnotherCanvasIsLeftToTheOtherStages() {
        BufferedImage source = icon(true), sibling = icon(false);
        // a re-encoded copy matches its source within the noise, so the sibling's band is no copy of it
        assertEquals(-1, best(TestImages.jpegRoundTrip(source, 0.75f), sibling, source));
        // another canvas shape: the boxes do not line up
        BufferedImage wide = new BufferedImage(90, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = wide.createGraphics();
        g.drawImage(marked(source), 0, 0, null);
        g.setColor(Color.WHITE);
        g.fillRect(60, 0, 30, 60);
        g.dispose();
        assertEquals(-1, best(wide, source));
        // a brightened copy differs in every row that holds the drawing
        assertEquals(-1, best(TestImages.brighter(marked(source), 1.2), source));
    }

    @Test
    void anUntouchedMatchNeedsAPictureToAgreeOn() {
        BufferedImage source = icon(true);
        BufferedImage blank = new BufferedImage(60, 60, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(new Color(250, 250, 250));
        g.fillRect(0, 0, 60, 60);
        g.setColor(new Color(235, 235, 235));
        g.fillRect(28, 28, 4, 4);
        g.dispose();
        assertEquals(java.util.Optional.of(1), untouched(TestImages.jpegRoundTrip(source, 0.75f), blank, source));
        // a nearly blank page matches every other of its shape within the noise: nothing to vouch for it
        assertEquals(java.util.Optional.empty(), untouched(TestImages.jpegRoundTrip(blank, 0.75f), blank, source));
    }

    private static java.util.Optional<Integer> untouched(BufferedImage copy, BufferedImage... candidates) {
        DecodedImage flat = flat(copy);
        List<RepostSignature> signed = java.util.Arrays.stream(candidates).map(c -> RepostSignature.of(TestImages.decoded(c))).toList();
        UnmovedCopies.Match[] found = new UnmovedCopies.Match[signed.size()];
        UnmovedCopies.best(flat, Margins.trimBox(flat), signed, found);
        return UnmovedCopies.untouched(found, signed);
    }
}
