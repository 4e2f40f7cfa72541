package dev.acgbot.bench.gallery;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CropTwinsTest {

    /**
     * A 64x64 white page with a bar {@code length} long and {@code thickness} thick at row {@code top}, with a grey row
     * above it, an anti-aliased edge.
     */
    private static BufferedImage bar(int length, int thickness, int top) {
        BufferedImage img = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 64, 64);
        g.setColor(new Color(128, 128, 128));
        g.fillRect(4, top - 1, length, 1);
        g.setColor(Color.BLACK);
        g.fillRect(4, top, length, thickness);
        g.dispose();
        return img;
    }

    private static final BufferedImage SHORT = bar(50, 6, 30);

    /** The window the evaluation's quarter crop cuts from the short bar with {@code seed}'s draws. */
    private static Rectangle quarterCrop(long seed) {
        RepostEdits.Edit crop = RepostEdits.ALL.stream().filter(e -> e.name().equals("crop 25%")).findFirst().orElseThrow();
        return crop.make().apply(SHORT, new Random(seed)).cut().orElseThrow();
    }

    /**
     * A longer bar as thick, six rows lower on its page, holds a quarter crop of the short one; a bar a row thicker, one
     * without the grey row and the short bar's copy greyed by a level do not.
     */
    @Test
    void aPictureIsACropTwinOnlyWhereItHoldsTheCropsWindowPixelForPixel() {
        Rectangle window = quarterCrop(3); // columns 3-50 of the short bar's 4-53, rows 3-50
        assertEquals(new Rectangle(3, 3, 48, 48), window);
        BufferedImage longer = bar(58, 6, 36), thicker = bar(58, 7, 36), noGrey = bar(58, 6, 36);
        for (int x = 4; x < 62; x++) {
            noGrey.setRGB(x, 35, 0xFFFFFF);
        }
        BufferedImage greyed = bar(50, 6, 30);
        greyed.setRGB(20, 32, 0x010101);
        assertEquals(List.of(true, false, false, false), List.of(CropTwins.twin(SHORT, window, longer),
                CropTwins.twin(SHORT, window, thicker), CropTwins.twin(SHORT, window, noGrey), CropTwins.twin(SHORT, window, greyed)));
    }

    /** A window of white page alone lies in any picture with as much white: it makes no twin. */
    @Test
    void aWindowOfOneColourIsNobodysCropTwin() {
        assertEquals(List.of(false, true), List.of(CropTwins.twin(SHORT, new Rectangle(0, 0, 20, 20), bar(58, 6, 12)),
                CropTwins.twin(SHORT, new Rectangle(0, 25, 20, 20), bar(58, 6, 12))));
    }

    private static BufferedImage openclipart(String name) throws Exception {
        return new CropTwins().read(Path.of(CropTwinsTest.class.getResource("/openclipart/" + name + ".png").toURI()));
    }

    /**
     * openclipart's U-turn arrow is its L arrow with a longer leg: the L's top three quarters, foot cut, lie in the U
     * pixel for pixel, its bottom three quarters do not. Its pen bars only look alike: a stretch of {@code line_normal_begin}
     * cut off both ends is a bar as thick as {@code pen_width2}'s, with edge rows 30 levels apart.
     */
    @Test
    void openclipartsBentArrowsAreCropTwinsWhereItsPenBarsAreNot() throws Exception {
        BufferedImage l = openclipart("arrow2-2-1"), u = openclipart("arrow3-2-1");
        BufferedImage line = openclipart("line_normal_begin"), pen = openclipart("pen_width2");
        assertEquals(List.of(true, false, false), List.of(CropTwins.twin(l, new Rectangle(0, 0, 420, 277), u),
                CropTwins.twin(l, new Rectangle(0, 93, 315, 277), u), CropTwins.twin(line, new Rectangle(10, 15, 40, 30), pen)));
    }

    /** Only the edits that cut a window say which: the crops, and the crop a resize and a JPEG follow. */
    @Test
    void onlyTheCroppingEditsCutAWindow() {
        List<String> cutting = RepostEdits.ALL.stream().filter(e -> e.make().apply(SHORT, new Random(1)).cut().isPresent())
                .map(RepostEdits.Edit::name).toList();
        assertEquals(List.of("crop 10%", "crop 25%", "crop+resize+jpeg"), cutting);
    }
}
