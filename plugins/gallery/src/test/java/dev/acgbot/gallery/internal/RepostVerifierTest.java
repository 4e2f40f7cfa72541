package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;
import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.preprocess.ImageOps;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepostVerifierTest {

    private static Optional<RepostVerifier.Verdict> verify(BufferedImage copy, BufferedImage source) {
        RepostSignature stored = RepostSignature.of(ImageOps.reduce(TestImages.decoded(source), 256));
        DecodedImage c = ImageOps.reduce(TestImages.decoded(copy), 256);
        DecodedImage s = ImageOps.reduce(TestImages.decoded(source), 256);
        int d = Math.min(Long.bitCount(PerceptualHash.dHash(c) ^ PerceptualHash.dHash(s)),
                Long.bitCount(PerceptualHash.dHash(PerceptualHash.mirrored(c)) ^ PerceptualHash.dHash(s)));
        return RepostVerifier.verify(new RepostVerifier.Query(c), stored, d);
    }

    @Test
    void aResizedCopyIsTheSamePictureWithNoEdit() {
        BufferedImage source = TestImages.picture(1);
        RepostVerifier.Verdict v = verify(TestImages.resized(source, 0.5), source).orElseThrow();
        assertTrue(v.similarity() > 0.97, v.toString());
        assertEquals(Set.of(), v.edits());
    }

    @Test
    void aCornerCropIsFoundAtItsPlaceAndCalledCropped() {
        BufferedImage source = TestImages.picture(2);
        RepostVerifier.Verdict v = verify(crop(source, 0.15), source).orElseThrow();
        assertEquals(Set.of(RepostEdit.CROPPED), v.edits(), v.toString());
        assertEquals(0.575, v.pose().cx(), 0.03, v.toString());
        assertEquals(0.425, v.pose().cy(), 0.03, v.toString());
    }

    @Test
    void aCopyRotatedOnItsCanvasIsFoundAndCalledRotated() {
        BufferedImage source = TestImages.picture(2);
        RepostVerifier.Verdict v = verify(TestImages.rotated(source, 6), source).orElseThrow();
        assertTrue(v.edits().contains(RepostEdit.ROTATED), v.toString());
        assertTrue(v.similarity() > 0.9, v.toString());
    }

    @Test
    void aBorderedMirroredCopyIsFoundAsBorderAndMirrored() {
        BufferedImage source = TestImages.picture(3);
        RepostVerifier.Verdict v = verify(border(TestImages.mirrored(source), 20), source).orElseThrow();
        assertEquals(Set.of(RepostEdit.BORDER, RepostEdit.MIRRORED), v.edits(), v.toString());
    }

    @Test
    void aGreyscaleCopyIsFoundAndCalledRecoloured() {
        BufferedImage source = gradient(TestImages.picture(4));
        RepostVerifier.Verdict v = verify(TestImages.greyscale(source), source).orElseThrow();
        assertEquals(Set.of(RepostEdit.RECOLOURED), v.edits(), v.toString());
    }

    @Test
    void anUnrelatedPictureIsRejected() {
        assertTrue(verify(TestImages.picture(5), TestImages.picture(6)).isEmpty());
    }

    @Test
    void tricoloursOfOtherColoursAreNotCopiesThoughTheirGreyIsAlike() {
        BufferedImage rwanda = bands(new Color(0x20, 0x60, 0xd0), new Color(0xf0, 0xd0, 0x10), new Color(0x20, 0x90, 0x40));
        BufferedImage other = bands(new Color(0xd0, 0x20, 0x30), new Color(0xf0, 0xf0, 0xf0), new Color(0x30, 0x40, 0xc0));
        assertTrue(verify(other, rwanda).isEmpty());
        assertTrue(verify(TestImages.resized(rwanda, 0.5), rwanda).isPresent());
    }

    @Test
    void faintDrawingsAreNotCopiesOfEachOtherButAFaintDrawingOfItsJpegIs() {
        BufferedImage a = faint(1), b = faint(2);
        assertTrue(verify(b, a).isEmpty(), "sibling sketches");
        assertTrue(verify(TestImages.jpegRoundTrip(a, 0.6f), a).isPresent());
    }

    @Test
    void aBlankPictureMatchesOnlyABlankOneOfItsColour() {
        BufferedImage dark = flat(new Color(20, 20, 30));
        assertTrue(verify(dark, TestImages.picture(7)).isEmpty(), "a blank picture is no copy of a wallpaper");
        assertTrue(verify(dark, flat(new Color(22, 20, 30))).isPresent());
        assertTrue(verify(dark, flat(new Color(200, 40, 30))).isEmpty());
    }

    /**
     * A turned copy's hue is its source's thinned by the neutral corners the turn adds, by as much as the pose puts outside
     * the candidate: met down to that share, and no further; a hue of another direction is not met however thinned.
     */
    @Test
    void aHueThinnedByNeutralCornersIsTheSameColourDownToTheShareOutsideOnly() {
        byte[] green = cells(16, 0, 0, 200, 0);
        byte[] greenQuarterWhite = cells(12, 4, 0, 200, 0);
        byte[] greenHalfWhite = cells(8, 8, 0, 200, 0);
        byte[] redQuarterWhite = cells(12, 4, 200, 0, 0);
        assertEquals("unturned: false, turned with a quarter outside: true, half white: false, red: false",
                String.format("unturned: %s, turned with a quarter outside: %s, half white: %s, red: %s",
                        RepostVerifier.sameColours(greenQuarterWhite, green, 24),
                        RepostVerifier.sameColours(greenQuarterWhite, green, 24, 0.75),
                        RepostVerifier.sameColours(greenHalfWhite, green, 24, 0.75),
                        RepostVerifier.sameColours(redQuarterWhite, green, 24, 0.5)));
    }

    /** A colour grid of {@code coloured} cells of (r, g, b) and then {@code white} white ones. */
    private static byte[] cells(int coloured, int white, int r, int g, int b) {
        byte[] out = new byte[3 * (coloured + white)];
        for (int i = 0; i < coloured + white; i++) {
            boolean c = i < coloured;
            out[3 * i] = (byte) (c ? r : 255);
            out[3 * i + 1] = (byte) (c ? g : 255);
            out[3 * i + 2] = (byte) (c ? b : 255);
        }
        return out;
    }

    @Test
    void uniformMarginsAreTrimmedInTwoPasses() {
        BufferedImage source = TestImages.picture(8);
        DecodedImage framed = TestImages.decoded(border(border(source, 10), 0));
        DecodedImage trimmed = Margins.trim(framed);
        assertEquals(source.getWidth(), trimmed.width());
        assertEquals(source.getHeight(), trimmed.height());
        DecodedImage blank = TestImages.decoded(flat(Color.WHITE));
        assertEquals(blank.width(), Margins.trim(blank).width(), "a blank picture is kept whole");
    }

    private static BufferedImage crop(BufferedImage img, double fraction) {
        int w = (int) (img.getWidth() * (1 - fraction)), h = (int) (img.getHeight() * (1 - fraction));
        return copy(img.getSubimage(img.getWidth() - w, 0, w, h));
    }


    /** A black frame {@code b} pixels wide; with {@code b == 0}, a white one of 12 pixels. */
    private static BufferedImage border(BufferedImage img, int b) {
        int w = b == 0 ? 12 : b;
        BufferedImage out = new BufferedImage(img.getWidth() + 2 * w, img.getHeight() + 2 * w, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(b == 0 ? Color.WHITE : Color.BLACK);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.drawImage(img, w, w, null);
        g.dispose();
        return out;
    }


    private static BufferedImage bands(Color a, Color b, Color c) {
        BufferedImage out = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        Color[] colours = {a, b, c};
        for (int i = 0; i < 3; i++) {
            g.setColor(colours[i]);
            g.fillRect(0, i * 200 / 3, 300, 200 / 3 + 1);
        }
        g.dispose();
        return out;
    }

    /** The picture over a diagonal gradient, so no edge row is uniform (a grey copy trims exactly as its source). */
    private static BufferedImage gradient(BufferedImage img) {
        BufferedImage out = copy(img);
        Graphics2D g = out.createGraphics();
        g.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, 0.5f));
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(250, 40, 40), img.getWidth(), img.getHeight(), new Color(20, 40, 250)));
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.dispose();
        return out;
    }

    /** A few thin light-grey strokes on white: the faint line art whose pHash is noise. */
    private static BufferedImage faint(long seed) {
        java.util.Random r = new java.util.Random(seed);
        BufferedImage out = flat(Color.WHITE);
        Graphics2D g = out.createGraphics();
        g.setColor(new Color(200, 200, 200));
        for (int i = 0; i < 5; i++) {
            g.drawLine(40 + r.nextInt(120), 30 + r.nextInt(90), 40 + r.nextInt(120), 30 + r.nextInt(90));
        }
        g.dispose();
        return out;
    }

    private static BufferedImage flat(Color c) {
        BufferedImage out = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(c);
        g.fillRect(0, 0, 200, 150);
        g.dispose();
        return out;
    }

    private static BufferedImage copy(BufferedImage img) {
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }
}
