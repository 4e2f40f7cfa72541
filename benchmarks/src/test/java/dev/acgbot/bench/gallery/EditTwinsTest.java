package dev.acgbot.bench.gallery;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EditTwinsTest {

    /** A 140x190 playing card: the same clubs and border on a paper of {@code paper}, as openclipart's decks draw them. */
    private static BufferedImage card(Color paper) {
        BufferedImage img = new BufferedImage(140, 190, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 140, 190);
        g.setColor(paper);
        g.fillRoundRect(2, 2, 136, 186, 12, 12);
        g.setColor(Color.BLACK);
        g.drawRoundRect(2, 2, 136, 186, 12, 12);
        for (int i = 0; i < 9; i++) {
            int x = 30 + i % 3 * 35, y = 35 + i / 3 * 50;
            g.fillOval(x, y, 14, 14);
            g.fillOval(x + 10, y, 14, 14);
            g.fillOval(x + 5, y - 9, 14, 14);
            g.fillRect(x + 10, y + 8, 4, 14);
        }
        g.dispose();
        return img;
    }

    private static final BufferedImage CREAM = card(new Color(244, 247, 220));
    private static final BufferedImage WHITE = card(Color.WHITE);

    private static RepostEdits.Edit edit(String name) {
        return RepostEdits.ALL.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    /** Whether {@code edit} made of the white card with the cream card's draws is the cream card's copy. */
    private static boolean twin(String name, long seed) {
        Random draws = new Random(seed);
        Random replay = EditTwins.replayed(draws);
        BufferedImage copy = edit(name).make().apply(CREAM, draws).image();
        return EditTwins.erased(CREAM, WHITE, copy, edit(name).make().apply(WHITE, replay).image());
    }

    /** A ring on white, with or without a dot inside: the small difference two star polygons have. */
    private static BufferedImage ring(boolean dot) {
        BufferedImage img = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 100, 100);
        g.setColor(Color.BLACK);
        g.drawOval(10, 10, 80, 80);
        if (dot) {
            g.fillOval(47, 47, 6, 6);
        }
        g.dispose();
        return img;
    }

    /** Brightened or contrasted, the cream paper turns white and the two cards' copies are one picture; resized, turned or re-encoded, the cream stays cream. */
    @Test
    void aCreamCardIsAWhiteCardsEditTwinOnlyWhereTheEditTurnsItsPaperWhite() {
        assertEquals(List.of(true, true, false, false, false, false), List.of(
                twin("brightness +20%", 1), twin("contrast +30%", 2), twin("resize 50%", 3), twin("jpeg q75", 4),
                twin("rotate 3°", 5), twin("greyscale", 6)));
    }

    /**
     * Letterbox bars make two rings that differ by a dot correlate as one picture and bring their mean difference down with
     * the bars' share, but leave the dot: no edit twins.
     */
    @Test
    void barsAddedToTwoPicturesLeaveWhatTellsThemApart() {
        BufferedImage plain = ring(false), dotted = ring(true);
        Random draws = new Random(8);
        BufferedImage copy = edit("letterbox 16:9").make().apply(plain, EditTwins.replayed(draws)).image();
        BufferedImage other = edit("letterbox 16:9").make().apply(dotted, draws).image();
        assertEquals(List.of(true, false), List.of(EditTwins.same(copy, other), EditTwins.erased(plain, dotted, copy, other)));
    }

    @Test
    void aReplayedGeneratorDrawsWhatTheOriginalWouldAndLeavesItAsItWas() {
        Random r = new Random(12);
        r.nextInt();
        Random replay = EditTwins.replayed(r);
        assertEquals(List.of(replay.nextLong(), replay.nextDouble(), replay.nextGaussian()), List.of(r.nextLong(), r.nextDouble(), r.nextGaussian()));
    }
}
