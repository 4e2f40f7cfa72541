package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.DuplicateHit;
import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.preprocess.ImageOps;
import org.junit.jupiter.api.Test;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Random;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edge check compares a copy that lost detail (resized to a quarter, blurred) at the detail it still has: its
 * source passes the 0.95 bar, a look-alike with the same layout and other detail does not. The icon case is the one
 * the comparison at the copy's size fixes (before it, the source agreed at 0.69); on this synthetic art the larger
 * quarter-size and blurred copies passed before too: they guard that the blurring lets no look-alike through.
 */
class DetailCheckTest {
    private static final double BAR = DuplicateHit.COPY_SIMILARITY;
    private static final RepostVerifier.Pose AS_IS = RepostVerifier.Pose.WHOLE;

    @Test
    void aQuarterSizeCopyOfAPicturePassesAndALookAlikeFails() {
        assertSourcePassesLookAlikeFails(160, DetailCheckTest::quarter);
    }

    @Test
    void aQuarterSizeCopyOfAnIconSmallerThanTheGridPassesAndALookAlikeFails() {
        assertSourcePassesLookAlikeFails(64, DetailCheckTest::quarter);
    }

    @Test
    void aBlurredCopyPassesAndALookAlikeFails() {
        assertSourcePassesLookAlikeFails(512, img -> RepostGalleries.boxBlur(RepostGalleries.boxBlur(img, 6), 6));
    }

    /**
     * A crop of a third of the width and three quarters of the height, of thin line art: the window's part of the stored
     * 64x64 picture is 21x48 pixels enlarged onto the grid, so the copy is compared as that window shows it (the source
     * agrees at 0.97-0.99, a look-alike sharing ten of its fourteen pairs of strokes at 0.76-0.89). Compared at the copy's
     * softer version at most, as before, the first source agreed at 0.902 (a hammer's quarter crop in the evaluation, 0.921).
     */
    @Test
    void aNarrowCropOfThinLineArtPassesAtItsWindowsDetailAndALookAlikeFails() {
        for (long seed = 1; seed <= 4; seed++) {
            BufferedImage source = lines(480, 640, seed, seed), lookAlike = lines(480, 640, seed, seed + 100);
            int x0 = 120, y0 = 80, w = 160, h = 480;
            DetailCheck.Edges copy = edges(source.getSubimage(x0, y0, w, h));
            RepostVerifier.Pose pose = new RepostVerifier.Pose((x0 + w / 2.0) / 480, (y0 + h / 2.0) / 640, w / 480.0, h / 640.0, 0, false);
            double toSource = DetailCheck.best(copy, detail(source), 480f / 640, pose).agreement();
            double toLookAlike = DetailCheck.best(copy, detail(lookAlike), 480f / 640, pose).agreement();
            assertTrue(toSource >= BAR, "seed " + seed + ": the source agrees at " + toSource);
            assertTrue(toLookAlike < BAR, "seed " + seed + ": the look-alike agrees at " + toLookAlike);
        }
    }

    /**
     * Thin dark strokes on white from edge to edge (so no margin is trimmed, from the whole or from a crop): line art whose
     * first ten pairs of strokes are {@code layout}'s and last four {@code detail}'s, so a look-alike shares most lines.
     */
    private static BufferedImage lines(int width, int height, long layout, long detail) {
        Random r = new Random(layout);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(30, 30, 30));
        g.setStroke(new BasicStroke(2f));
        for (int i = 0; i < 14; i++) {
            if (i == 10) {
                r = new Random(detail);
            }
            g.drawLine(-10, r.nextInt(height), width + 10, r.nextInt(height));
            g.drawLine(r.nextInt(width), -10, r.nextInt(width), height + 10);
        }
        g.dispose();
        return img;
    }

    private static void assertSourcePassesLookAlikeFails(int side, UnaryOperator<BufferedImage> edit) {
        for (long seed = 1; seed <= 4; seed++) {
            BufferedImage source = icon(side, seed), lookAlike = icon(side, seed + 100);
            DetailCheck.Edges copy = edges(edit.apply(source));
            double toSource = DetailCheck.best(copy, detail(source), 1f, AS_IS).agreement();
            double toLookAlike = DetailCheck.best(copy, detail(lookAlike), 1f, AS_IS).agreement();
            assertTrue(toSource >= BAR, "seed " + seed + ": the source agrees at " + toSource);
            assertTrue(toLookAlike < BAR, "seed " + seed + ": the look-alike agrees at " + toLookAlike);
        }
    }

    private static DetailCheck.Edges edges(BufferedImage copy) {
        DecodedImage reduced = ImageOps.reduce(TestImages.decoded(copy), 256);
        return DetailCheck.Edges.of(Margins.trim(PerceptualHash.onWhite(reduced)));
    }

    private static byte[] detail(BufferedImage source) {
        return RepostSignature.of(ImageOps.reduce(TestImages.decoded(source), 256)).detail();
    }

    /**
     * Clip art of one layout: a coloured disc with a dark bar and fine hatching (what a blur or a reduction takes
     * away) on a light ground, the same for every seed; the detail inside the disc (a few strokes and dots, a tenth of
     * the side) is the seed's.
     */
    private static BufferedImage icon(int side, long seed) {
        Random r = new Random(seed);
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(235, 230, 220));
        g.fillRect(0, 0, side, side);
        g.setColor(new Color(70, 130, 200));
        g.fillOval(side / 8, side / 8, side * 3 / 4, side * 3 / 4);
        g.setColor(new Color(40, 40, 60));
        g.fillRect(side / 4, side * 9 / 16, side / 2, side / 8);
        g.setColor(new Color(150, 190, 230));
        for (int x = side / 8; x < side * 7 / 8; x += Math.max(3, side / 20)) {
            g.fillRect(x, side / 4, Math.max(1, side / 64), side / 4);
        }
        g.setStroke(new BasicStroke(side / 32f));
        for (int i = 0; i < 6; i++) {
            g.setColor(i % 2 == 0 ? new Color(250, 250, 250) : new Color(20, 20, 20));
            int x = side * 3 / 10 + r.nextInt(side * 2 / 5), y = side * 3 / 10 + r.nextInt(side * 2 / 5);
            if (i < 3) {
                g.drawLine(x, y, x + r.nextInt(side / 4) - side / 8, y + r.nextInt(side / 4) - side / 8);
            } else {
                g.fillOval(x, y, side / 10, side / 10);
            }
        }
        g.dispose();
        return img;
    }

    /** A quarter of the width and height, area-averaged as image editors reduce (and as {@code RepostEdits} does). */
    private static BufferedImage quarter(BufferedImage img) {
        int w = img.getWidth() / 4, h = img.getHeight() / 4;
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        g.dispose();
        return out;
    }

}
