package dev.acgbot.bench.gallery;

import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageTwinsTest {

    /**
     * A planet with a ring, {@code w}x{@code h} on a white page of {@code pageW}x{@code pageH} at ({@code x}, {@code y}),
     * with {@code moons} moons beside it.
     */
    private static BufferedImage planet(int pageW, int pageH, int x, int y, int w, int h, int moons) {
        BufferedImage img = new BufferedImage(pageW, pageH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, pageW, pageH);
        g.translate(x, y);
        g.scale(w / 400.0, h / 240.0);
        g.setColor(new Color(214, 170, 90));
        g.fillOval(120, 40, 160, 160);
        g.setColor(new Color(90, 60, 30));
        g.setStroke(new BasicStroke(10));
        g.drawOval(5, 90, 390, 60);
        for (int m = 0; m < moons; m++) {
            g.fillOval(330 - 40 * m, 10, 30, 30);
        }
        g.dispose();
        return img;
    }

    private static final BufferedImage CUT_CLOSE = planet(400, 240, 0, 0, 400, 240, 1);

    @Test
    void theSameDrawingOnALargerPageIsAPageTwinButNotOneStretchedOrWithAnotherDetail() {
        List<Boolean> twins = List.of(
                PageTwins.sameDrawing(CUT_CLOSE, planet(500, 700, 60, 200, 300, 180, 1)), // on an A4-like page, smaller
                PageTwins.sameDrawing(CUT_CLOSE, planet(480, 300, 40, 30, 400, 240, 1)),  // with a white surround
                PageTwins.sameDrawing(CUT_CLOSE, planet(500, 300, 40, 30, 400, 216, 1)),  // squeezed by a tenth
                PageTwins.sameDrawing(CUT_CLOSE, planet(480, 300, 40, 30, 400, 240, 2))); // a second moon
        assertEquals(List.of(true, true, false, false), twins);
    }

    @Test
    void theSameDrawingOnAPageAnEighthLargerIsAPageTwin() {
        // openclipart's two house icons: one drawing on a 467- and a 438-pixel page, its ink covering 1.14 times as much
        // of the smaller one
        assertEquals(List.of(true, false), List.of(PageTwins.sameDrawing(CUT_CLOSE, planet(425, 255, 12, 7, 400, 240, 1)),
                PageTwins.sameDrawing(CUT_CLOSE, planet(425, 255, 12, 7, 400, 240, 2))));
    }

    /**
     * A star polygon of {@code points} points, each joined to the ones {@code step} away, 960 pixels wide, drawn with a
     * 1-pixel line in the middle of a page {@code page} pixels square: mostly paper, as openclipart's star polygons are.
     */
    private static BufferedImage star(int points, int step, int page) {
        BufferedImage img = new BufferedImage(page, page, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, page, page);
        g.setColor(Color.BLACK);
        g.translate(page / 2 - 500, page / 2 - 500);
        for (int i = 0; i < points; i++) {
            double a = 2 * Math.PI * i / points, b = 2 * Math.PI * (i + step) / points;
            g.drawLine((int) (500 + 480 * Math.sin(a)), (int) (500 - 480 * Math.cos(a)), (int) (500 + 480 * Math.sin(b)), (int) (500 - 480 * Math.cos(b)));
        }
        g.dispose();
        return img;
    }

    @Test
    void thinStarsOfOtherPointCountsAreNotPageTwinsThoughTheyAreMostlyTheSamePaper() {
        BufferedImage star = star(19, 2, 1000);
        assertEquals(List.of(true, false, false), List.of(PageTwins.sameDrawing(star, star(19, 2, 1400)),
                PageTwins.sameDrawing(star, star(21, 2, 1400)), PageTwins.sameDrawing(star, star(28, 3, 1400))));
    }

    @Test
    void theSameDrawingOnThePageOfTheSameSizeIsNoPageTwin() {
        assertEquals(List.of(false, false), List.of(PageTwins.sameDrawing(star(19, 2, 1000), star(19, 2, 1000)),
                PageTwins.sameDrawing(CUT_CLOSE, planet(400, 240, 0, 0, 400, 240, 1))));
    }

    @Test
    void aBlankPictureIsNobodysTwin() {
        BufferedImage blank = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = blank.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 100);
        g.dispose();
        assertEquals(List.of(false, false), List.of(PageTwins.sameDrawing(blank, blank), PageTwins.sameDrawing(CUT_CLOSE, blank)));
    }
}
