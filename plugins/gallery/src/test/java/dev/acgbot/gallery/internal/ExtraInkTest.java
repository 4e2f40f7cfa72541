package dev.acgbot.gallery.internal;

import dev.acgbot.gallery.RepostEdit;
import dev.acgbot.models.image.DecodedImage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
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
        assertTrue(frame.hitInk().share() > 0.55 && frame.hitInk().share() < 0.75, frame.toString());
        assertTrue(frame.hitInk().inMark() > 0.2 && frame.hitInk().inMark() < ExtraInk.IN_MARK, frame.toString());
        assertEquals(ExtraInk.Gap.NONE, frame.copyInk());
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
        assertTrue(mark.hitInk().share() > ExtraInk.MORE && mark.hitInk().inMark() > 0.95, mark.toString());
    }

    /**
     * A brightened card of the ornamental deck against the white deck's: the copy's faint frame (35 levels under white)
     * is ink the hit lacks, counted from {@value ExtraInk#COPY_TOLERANCE} levels; a frame 10 levels under white is not.
     */
    @Test
    void aFaintFrameOfTheCopyIsInkTheHitLacks() {
        ExtraInk.Missing faint = missing(framed(220), cross()), paler = missing(framed(245), cross());
        // the frame's darkness beyond the tolerance against the cross's, from 16 levels: 4 sides of ~56 px at 19 against 2 x 48 px at 239
        assertTrue(faint.copyInk().share() > 0.15 && faint.copyInk().share() < 0.25, faint.toString());
        assertTrue(faint.copyInk().inMark() > 0.2 && faint.copyInk().inMark() < ExtraInk.IN_MARK, faint.toString());
        assertEquals(List.of(ExtraInk.Gap.NONE, ExtraInk.Missing.NONE), List.of(faint.hitInk(), paler));
    }

    /** {@link #cross()} in a frame of grey {@code level} four pixels in from the page's edges. */
    private static int[] framed(int level) {
        int[] framed = cross();
        for (int i = 4; i < SIDE - 4; i++) {
            framed[4 * SIDE + i] = framed[(SIDE - 5) * SIDE + i] = framed[i * SIDE + 4] = framed[i * SIDE + SIDE - 5] = level;
        }
        return framed;
    }

    @Test
    void aHitMissingMoreInkThanTheBestHitIsLeftOutUnlessItIsAMarkOrFlat() {
        Map<String, RepostVerifier.Verdict> verdicts = new LinkedHashMap<>();
        Map<String, Supplier<ExtraInk.Missing>> missing = new LinkedHashMap<>();
        put(verdicts, missing, "best", 0.99, hitLacks(0.01, 0), Set.of());
        put(verdicts, missing, "close", 0.98, hitLacks(0.039, 0), Set.of());
        put(verdicts, missing, "framed", 0.95, hitLacks(0.04, 0.2), Set.of());
        put(verdicts, missing, "marked", 0.97, hitLacks(0.2, 0.8), Set.of());
        put(verdicts, missing, "flat", 0.96, hitLacks(0.5, 0), Set.of());
        assertEquals(Set.of("best", "close", "marked", "flat"), ExtraInk.without(verdicts, Set.of("flat"), missing).keySet());
    }

    /**
     * The copy's ink the best hit lacks sets the bar: a hit lacking {@value ExtraInk#MORE} more of it is left out where it
     * is posed where it lies, recoloured or not, and kept where it was posed turned or cropped, or the ink it lacks is a
     * band along the bottom.
     */
    @Test
    void aHitPosedWhereItLiesLackingMoreOfTheCopysInkThanTheBestHitIsLeftOut() {
        Map<String, RepostVerifier.Verdict> verdicts = new LinkedHashMap<>();
        Map<String, Supplier<ExtraInk.Missing>> missing = new LinkedHashMap<>();
        put(verdicts, missing, "best", 0.99, copyLacks(0.005, 0), Set.of(RepostEdit.RECOLOURED));
        put(verdicts, missing, "close", 0.98, copyLacks(0.034, 0), Set.of());
        put(verdicts, missing, "sibling", 0.985, copyLacks(0.036, 0.3), Set.of(RepostEdit.RECOLOURED));
        put(verdicts, missing, "turned", 0.97, copyLacks(0.2, 0), Set.of(RepostEdit.ROTATED, RepostEdit.CROPPED));
        put(verdicts, missing, "marked", 0.97, copyLacks(0.2, 0.8), Set.of());
        assertEquals(Set.of("best", "close", "turned", "marked"), ExtraInk.without(verdicts, Set.of(), missing).keySet());
    }

    private static ExtraInk.Missing hitLacks(double share, double inMark) {
        return new ExtraInk.Missing(new ExtraInk.Gap(share, inMark), ExtraInk.Gap.NONE);
    }

    private static ExtraInk.Missing copyLacks(double share, double inMark) {
        return new ExtraInk.Missing(ExtraInk.Gap.NONE, new ExtraInk.Gap(share, inMark));
    }

    private static void put(Map<String, RepostVerifier.Verdict> verdicts, Map<String, Supplier<ExtraInk.Missing>> missing,
                            String sha, double similarity, ExtraInk.Missing m, Set<RepostEdit> edits) {
        verdicts.put(sha, new RepostVerifier.Verdict(similarity, RepostVerifier.Pose.WHOLE, edits));
        missing.put(sha, () -> m);
    }
}
