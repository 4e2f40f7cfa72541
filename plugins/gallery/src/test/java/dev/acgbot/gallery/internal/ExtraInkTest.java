package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExtraInkTest {
    private static final int SIDE = DetailCheck.SIDE;

    /** A {@value DetailCheck#SIDE}-square page with a dark cross through its middle. */
    private static int[] cross() {
        int[] grey = new int[SIDE * SIDE];
        Arrays.fill(grey, 255);
        for (int i = 8; i < SIDE - 8; i++) {
            grey[SIDE / 2 * SIDE + i] = 0;
            grey[i * SIDE + SIDE / 2] = 0;
        }
        return grey;
    }

    private static DetailCheck.Edges edges(int[] grey) {
        int[] argb = Arrays.stream(grey).map(v -> 0xFF000000 | v << 16 | v << 8 | v).toArray();
        return DetailCheck.Edges.of(new DecodedImage(SIDE, SIDE, argb, false));
    }

    private static byte[] bytes(int[] grey) {
        byte[] b = new byte[grey.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) grey[i];
        }
        return b;
    }

    private static ExtraInk.Missing missing(int[] copy, int[] candidate) {
        return ExtraInk.of(edges(copy), bytes(candidate), 1f, RepostVerifier.Pose.WHOLE);
    }

    @Test
    void theSamePictureMissesNothingAndAFrameTheCopyLacksIsMissed() {
        int[] framed = cross();
        for (int i = 4; i < SIDE - 4; i++) {
            framed[4 * SIDE + i] = framed[(SIDE - 5) * SIDE + i] = framed[i * SIDE + 4] = framed[i * SIDE + SIDE - 5] = 0;
        }
        assertEquals(ExtraInk.Missing.NONE, missing(cross(), cross()));
        ExtraInk.Missing frame = missing(cross(), framed);
        // the frame is two thirds of the framed picture's ink, its top and bottom sides not much more than a quarter of that
        assertTrue(frame.share() > 0.55 && frame.share() < 0.75, frame.toString());
        assertTrue(frame.inMark() > 0.2 && frame.inMark() < ExtraInk.IN_MARK, frame.toString());
    }

    @Test
    void inkTheCopyLacksAlongTheBottomIsAMark() {
        int[] marked = cross();
        for (int y = SIDE - 6; y < SIDE - 2; y++) {
            for (int x = 30; x < SIDE - 4; x += 2) {
                marked[y * SIDE + x] = 90;
            }
        }
        ExtraInk.Missing mark = missing(cross(), marked);
        assertTrue(mark.share() > ExtraInk.MORE && mark.inMark() > 0.95, mark.toString());
    }

    @Test
    void aHitMissingMoreInkThanTheBestHitIsLeftOutUnlessItIsAMarkOrFlat() {
        Map<String, RepostVerifier.Verdict> verdicts = new LinkedHashMap<>();
        Map<String, Supplier<ExtraInk.Missing>> missing = new LinkedHashMap<>();
        put(verdicts, missing, "best", 0.99, new ExtraInk.Missing(0.01, 0));
        put(verdicts, missing, "close", 0.98, new ExtraInk.Missing(0.039, 0));
        put(verdicts, missing, "framed", 0.95, new ExtraInk.Missing(0.04, 0.2));
        put(verdicts, missing, "marked", 0.97, new ExtraInk.Missing(0.2, 0.8));
        put(verdicts, missing, "flat", 0.96, new ExtraInk.Missing(0.5, 0));
        assertEquals(Set.of("best", "close", "marked", "flat"), ExtraInk.without(verdicts, Set.of("flat"), missing).keySet());
    }

    private static void put(Map<String, RepostVerifier.Verdict> verdicts, Map<String, Supplier<ExtraInk.Missing>> missing,
                            String sha, double similarity, ExtraInk.Missing m) {
        verdicts.put(sha, new RepostVerifier.Verdict(similarity, RepostVerifier.Pose.WHOLE, Set.<RepostEdit>of()));
        missing.put(sha, () -> m);
    }
}
