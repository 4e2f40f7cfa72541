package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which copies {@link DarkerInk} takes for another drawing than the candidate's: a dark blob laid on a light grey one of
 * its shape, as the teal map symbol on the bullet holes; not the blob's own copy, contrasted or not, not a crop of thin
 * lines (darker on the copy's thumbnail, as much ink), not a picture on a dark ground; and only a small drawing on its
 * page, not a pattern filling its picture.
 */
class DarkerInkTest {
    private static final RepostVerifier.Pose WHOLE = RepostVerifier.Pose.WHOLE;

    @Test
    void aDarkBlobIsAnotherDrawingThanALightGreyOneButNotThanItselfContrastedOrACropOfThinLines() {
        BufferedImage darkBlob = page(400, Color.WHITE, g -> blob(g, new Color(4, 65, 62), null));
        BufferedImage greyHole = page(400, Color.WHITE, g -> blob(g, new Color(170, 170, 170), new Color(85, 85, 85)));
        BufferedImage outline = page(400, Color.WHITE, g -> {
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1));
            g.drawRect(40, 40, 320, 320);
            g.drawLine(40, 200, 360, 200);
        });
        BufferedImage outlineCrop = outline.getSubimage(40, 40, 193, 193);
        BufferedImage onGrey = page(400, new Color(120, 120, 120), g -> blob(g, new Color(20, 20, 20), null));
        BufferedImage greyOnGrey = page(400, new Color(120, 120, 120), g -> blob(g, new Color(90, 90, 90), null));
        assertEquals(List.of(true, false, false, false, false),
                List.of(darker(darkBlob, greyHole, WHOLE), darker(darkBlob, darkBlob, WHOLE),
                        darker(contrasted(darkBlob), darkBlob, WHOLE),
                        darker(outlineCrop, outline, new RepostVerifier.Pose(0.3, 0.3, 0.6, 0.6, 0, false)),
                        darker(onGrey, greyOnGrey, WHOLE)));
    }

    /**
     * A grid of dots filling the picture, its copy darker (as a thumbnail sampled where the dots fall reads it) than the
     * stored one: darker, but no small drawing on a page, so not another drawing; the dark blob on its page is.
     */
    @Test
    void onlyASmallDrawingOnItsPageIsWeighed() {
        BufferedImage dots = page(400, Color.WHITE, g -> {
            g.setColor(Color.BLACK);
            for (int y = 10; y < 400; y += 25) {
                for (int x = 10; x < 400; x += 25) {
                    g.fillRect(x, y, 8, 8);
                }
            }
        });
        BufferedImage paleDots = page(400, Color.WHITE, g -> {
            g.setColor(new Color(200, 200, 200));
            for (int y = 10; y < 400; y += 25) {
                for (int x = 10; x < 400; x += 25) {
                    g.fillRect(x, y, 8, 8);
                }
            }
        });
        BufferedImage darkBlob = page(400, Color.WHITE, g -> blob(g, new Color(4, 65, 62), null));
        BufferedImage greyHole = page(400, Color.WHITE, g -> blob(g, new Color(170, 170, 170), new Color(85, 85, 85)));
        assertEquals(List.of(true, false, true),
                List.of(darker(dots, paleDots, WHOLE), anotherDrawing(dots, paleDots), anotherDrawing(darkBlob, greyHole)));
    }

    private static boolean anotherDrawing(BufferedImage copy, BufferedImage candidate) {
        return DarkerInk.anotherDrawing(new RepostVerifier.Query(TestImages.decoded(copy)), TestImages.decoded(copy),
                RepostSignature.of(TestImages.decoded(candidate)), WHOLE);
    }

    private static boolean darker(BufferedImage copy, BufferedImage candidate, RepostVerifier.Pose pose) {
        return DarkerInk.darker(new RepostVerifier.Query(TestImages.decoded(copy)),
                RepostSignature.of(TestImages.decoded(candidate)), pose);
    }

    /** A blob a tenth of the page wide in its middle, filled with {@code fill}, with a centre of {@code centre} if any. */
    private static void blob(Graphics2D g, Color fill, Color centre) {
        g.setColor(fill);
        g.fillOval(175, 180, 50, 42);
        if (centre != null) {
            g.setColor(centre);
            g.fillOval(193, 195, 14, 12);
        }
    }

    private static BufferedImage page(int side, Color paper, Consumer<Graphics2D> draw) {
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(paper);
        g.fillRect(0, 0, side, side);
        draw.accept(g);
        g.dispose();
        return img;
    }

    /** Contrast +30 % about mid-grey, as the evaluation's contrast edit. */
    private static BufferedImage contrasted(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y), v = 0;
                for (int shift = 0; shift <= 16; shift += 8) {
                    int c = (int) Math.round(Math.clamp(1.3 * ((rgb >> shift & 0xFF) - 128) + 128, 0, 255));
                    v |= c << shift;
                }
                out.setRGB(x, y, v);
            }
        }
        return out;
    }
}
