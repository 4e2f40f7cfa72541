package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftFramesTest {
    /**
     * A sign as openclipart draws safety signs: on a white 160-pixel page, a 3-pixel black frame, a 2-pixel white gap and a
     * green square with a white disc on it; {@code framed} false leaves the frame out.
     */
    private static BufferedImage sign(boolean framed) {
        BufferedImage page = new BufferedImage(160, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 160, 160);
        if (framed) {
            g.setColor(Color.BLACK);
            g.fillRect(12, 12, 136, 136);
            g.setColor(Color.WHITE);
            g.fillRect(15, 15, 130, 130);
        }
        g.setColor(new Color(0, 178, 0));
        g.fillRect(17, 17, 126, 126);
        g.setColor(Color.WHITE);
        g.fillOval(50, 40, 60, 60);
        g.dispose();
        return page;
    }

    /** The trim box as whole pixels of a 160-pixel page (shares of the copy's canvas times 160). */
    private static List<Long> onThePage(RepostVerifier.Query q) {
        float[] b = q.signature.box();
        return List.of(Math.round(b[0] * 160.0), Math.round(b[1] * 160.0), Math.round(b[2] * 160.0), Math.round(b[3] * 160.0));
    }

    /**
     * Enlarged twice, the frame's outer edge blends over two lines of grey and the usual trim keeps the frame, where the
     * sharp source's second pass took it; past the blend the copy is trimmed inside the frame as its source was, within a
     * pixel of the page, and that shape is the closer one to the source's.
     */
    @Test
    void anEnlargedCopyIsTrimmedInsideItsSoftenedFrameAsItsSourceWas() {
        RepostVerifier.Query source = new RepostVerifier.Query(TestImages.decoded(sign(true)));
        DecodedImage copy = TestImages.decoded(TestImages.enlarged(sign(true), 2));
        RepostVerifier.Query asPosted = new RepostVerifier.Query(copy);
        Optional<RepostVerifier.Query> soft = SoftFrames.query(copy, PerceptualHash.onWhite(copy), asPosted.trim);
        assertEquals(List.of(15L, 15L, 145L, 145L), onThePage(source), "the source trimmed inside its frame");
        assertEquals(List.of(11L, 11L, 149L, 149L), onThePage(asPosted), "the enlarged copy kept its frame and its outer blend");
        assertTrue(soft.isPresent());
        List<Long> inside = onThePage(soft.get());
        for (int i = 0; i < 4; i++) {
            assertEquals(onThePage(source).get(i), inside.get(i), 1.0, "side " + i + " of " + inside);
        }
        assertTrue(SoftFrames.closer(soft.get(), asPosted, source.signature));
    }

    /**
     * Whatever the picture's size and wherever its dark frames and light gaps lie (pages of 1 to 40 pixels a side with
     * random nested rectangles, enlarged or not), a trim it gives lies inside the picture and is not empty.
     */
    @Test
    void everyTrimLiesInsideThePicture() {
        java.util.Random random = new java.util.Random(33);
        List<String> outside = new java.util.ArrayList<>();
        int trims = 0;
        for (int i = 0; i < 400; i++) {
            int w = 1 + random.nextInt(40), h = 1 + random.nextInt(40);
            BufferedImage page = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = page.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            for (int r = 0; r < 4; r++) {
                g.setColor(random.nextBoolean() ? Color.BLACK : random.nextBoolean() ? Color.WHITE : new Color(random.nextInt(1 << 24)));
                int x = random.nextInt(w), y = random.nextInt(h);
                g.fillRect(x, y, 1 + random.nextInt(w - x), 1 + random.nextInt(h - y));
            }
            g.dispose();
            DecodedImage copy = TestImages.decoded(random.nextBoolean() ? TestImages.enlarged(page, 2) : page);
            Optional<RepostVerifier.Query> soft = SoftFrames.query(copy, PerceptualHash.onWhite(copy), new RepostVerifier.Query(copy).trim);
            if (soft.isPresent()) {
                trims++;
                float[] b = soft.get().signature.box();
                if (!(b[0] >= 0 && b[1] >= 0 && b[2] <= 1 && b[3] <= 1 && b[2] > b[0] && b[3] > b[1])) {
                    outside.add(copy.width() + "x" + copy.height() + " " + java.util.Arrays.toString(b));
                }
            }
        }
        assertEquals(List.of(), outside);
        assertTrue(trims > 0, "some pages had a frame to look past");
    }

    /** The sharp picture is trimmed inside its frame already, and a picture with no frame has none to look past. */
    @Test
    void aSharpFrameOrNoFrameGivesNoOtherTrim() {
        DecodedImage sharp = TestImages.decoded(sign(true)), unframed = TestImages.decoded(TestImages.enlarged(sign(false), 2));
        assertEquals(List.of(Optional.empty(), Optional.empty()), List.of(
                SoftFrames.query(sharp, PerceptualHash.onWhite(sharp), new RepostVerifier.Query(sharp).trim),
                SoftFrames.query(unframed, PerceptualHash.onWhite(unframed), new RepostVerifier.Query(unframed).trim)));
    }
}
