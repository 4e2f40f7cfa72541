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
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;
import java.util.Arrays;
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
        assertSourcePassesLookAlikeFails(512, img -> boxBlur(boxBlur(img, 6), 6));
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

    private static BufferedImage boxBlur(BufferedImage img, int radius) {
        int n = 2 * radius + 1;
        float[] k = new float[n * n];
        Arrays.fill(k, 1f / k.length);
        return new ConvolveOp(new Kernel(n, n, k), ConvolveOp.EDGE_NO_OP, null).filter(img, null);
    }
}
