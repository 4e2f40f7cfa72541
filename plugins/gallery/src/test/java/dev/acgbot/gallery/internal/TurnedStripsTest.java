package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.testing.TestImages;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.OptionalDouble;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TurnedStripsTest {
    /** A bar {@code length} x {@code height} in a dark frame, centred on a white 160x160 canvas, turned by {@code degrees}. */
    private static DecodedImage bar(int length, int height, double degrees) {
        return drawn(g -> {
            g.setColor(Color.DARK_GRAY);
            g.fillRect(80 - length / 2, 80 - height / 2, length, height);
            g.setColor(Color.LIGHT_GRAY);
            g.fillRect(80 - length / 2 + 2, 80 - height / 2 + 2, length - 4, height - 4);
        }, degrees);
    }

    /** A lens 100 pixels long and 16 high (two arcs meeting at points), centred on a white 160x160 canvas, turned. */
    private static DecodedImage lens(double degrees) {
        return drawn(g -> {
            g.setColor(Color.DARK_GRAY);
            g.fillOval(30, 72, 100, 16);
        }, degrees);
    }

    /** {@code drawing} on a white 160x160 canvas, turned by {@code degrees}. */
    private static DecodedImage drawn(Consumer<Graphics2D> drawing, double degrees) {
        BufferedImage img = new BufferedImage(160, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 160, 160);
        drawing.accept(g);
        g.dispose();
        return TestImages.decoded(degrees == 0 ? img : TestImages.rotated(img, degrees));
    }

    private static OptionalDouble turn(DecodedImage img) {
        return TurnedStrips.turn(img, Margins.trimBox(img));
    }

    @Test
    void aBarTurnedAFewDegreesEachWayReadsTheTurnThatLaysItStraight() {
        for (double degrees : new double[] {3, -3, 10, -10, 1.5}) {
            DecodedImage turned = bar(100, 16, degrees);
            double turn = turn(turned).orElseThrow();
            // AWT turns clockwise on screen for positive degrees; the turn that undoes it, as TurnedWindows takes it, is minus that
            assertEquals(-Math.toRadians(degrees), turn, Math.toRadians(0.2), "turned by " + degrees);
            // turned back by it, the bar lies straight: no turn is read any more
            DecodedImage straight = TurnedWindows.turned(turned, new Margins.Box(0, 0, 160, 160), turn);
            assertTrue(turn(straight).isEmpty(), "straightened from " + degrees);
        }
    }

    @Test
    void aBarUpright_aStraightBar_aStubbyBox_andABarTurnedTooFarReadNoTurn() {
        assertEquals(-Math.toRadians(4), turn(bar(16, 100, 4)).orElseThrow(), Math.toRadians(0.2));
        assertTrue(turn(bar(100, 16, 0)).isEmpty());
        assertTrue(turn(bar(60, 20, 5)).isEmpty()); // 3:1, no strip
        assertTrue(turn(bar(100, 16, 20)).isEmpty()); // more than reposts turn
    }

    @Test
    void aTurnedBarsAreaIsAboutItsOwnLaidStraight_anyOtherPicturesIsItsTrimmedBox() {
        DecodedImage turned = bar(100, 16, 3);
        DecodedImage trimmed = Margins.crop(turned, Margins.trimBox(turned));
        int box = trimmed.width() * trimmed.height();
        double area = TurnedStrips.straightArea(trimmed);
        // the moments weigh the dark frame more than the light inside, so they read the bar a little wider than it is
        assertTrue(area >= 100 * 16 && area <= 1.25 * 100 * 16 && area < box, "area " + area + ", box " + box);
        DecodedImage straight = bar(100, 16, 0);
        DecodedImage straightBox = Margins.crop(straight, Margins.trimBox(straight));
        assertEquals(straightBox.width() * straightBox.height(), TurnedStrips.straightArea(straightBox));
    }

    @Test
    void aTurnedBarLaidStraightLiesInTheBoxItHadStraight_notInItsBlurredTrim() {
        for (double degrees : new double[] {10, -10, 3}) {
            DecodedImage turned = bar(100, 16, degrees);
            Margins.Box trim = Margins.trimBox(turned);
            TurnedStrips.Straight straight = TurnedStrips.straightened(turned, trim, turn(turned).orElseThrow());
            // the bar was drawn at x 30-130, y 72-88: solved within a pixel a side; turned there and back, it trims a row or
            // so wider each way
            Margins.Box box = straight.box();
            assertTrue(Math.abs(box.x0() - 30) <= 1 && Math.abs(box.y0() - 72) <= 1 && Math.abs(box.x1() - 130) <= 1
                    && Math.abs(box.y1() - 88) <= 1, "turned by " + degrees + ": " + box);
            Margins.Box blurred = Margins.trimBox(straight.image());
            assertTrue(blurred.height() > 16 && blurred.height() <= 16 + 2 * TurnedStrips.BLUR, "trimmed " + blurred);
        }
    }

    @Test
    void aStripThatIsNoRectangleLaidStraightKeepsItsOwnTrim() {
        DecodedImage turned = lens(10);
        Margins.Box trim = Margins.trimBox(turned);
        double turn = turn(turned).orElseThrow();
        TurnedStrips.Straight straight = TurnedStrips.straightened(turned, trim, turn);
        // a lens's turned box is smaller than a turned rectangle's of its size: solved, it would be far too thin
        assertTrue(TurnedStrips.straightBox(160, 160, trim, turn).height() < 12);
        assertEquals(Margins.trimBox(straight.image()), straight.box());
    }
}
