package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class LevelsTest {
    private static final int CELLS = 32 * 32;

    /** Random grey levels over the whole range, as a thumbnail of a picture with every tone. */
    private static float[] picture(long seed) {
        Random r = new Random(seed);
        float[] g = new float[CELLS];
        for (int i = 0; i < g.length; i++) {
            g[i] = r.nextInt(256);
        }
        return g;
    }

    private static float[] edited(float[] g, double contrast, double lift) {
        float[] out = new float[g.length];
        for (int i = 0; i < g.length; i++) {
            out[i] = (float) Math.max(0, Math.min(255, Math.round((g[i] - 128) * contrast + 128 + lift)));
        }
        return out;
    }

    private static boolean[] all() {
        boolean[] inside = new boolean[CELLS];
        Arrays.fill(inside, true);
        return inside;
    }

    @Test
    void aLiftClampedToWhiteIsFoundWithItsClamp() {
        float[] source = picture(1);
        Levels l = Levels.fit(edited(source, 1.0, 51), source, all());
        assertEquals(1.0, l.gain(), 0.03);
        assertEquals(51, l.lift(), 3);
        // applied to the source, it is the copy: what turned white in the copy turns white in the source
        assertEquals(255f, (float) l.apply(230), 0.5f);
    }

    @Test
    void raisedContrastIsFoundAsAGain() {
        float[] source = picture(2);
        Levels l = Levels.fit(edited(source, 1.3, 0), source, all());
        assertEquals(1.3, l.gain(), 0.04);
        assertEquals(0, l.lift(), 4);
    }

    @Test
    void anUneditedCopyIsComparedAsStored() {
        float[] source = picture(3);
        assertSame(Levels.NONE, Levels.fit(source.clone(), source, all()));
        byte[] grey = {0, 12, (byte) 200, (byte) 255};
        assertArrayEquals(grey, Levels.NONE.apply(grey));
    }

    @Test
    void onlyTheCellsInsideTheCandidateCount() {
        float[] source = picture(4);
        float[] copy = edited(source, 1.0, 51);
        boolean[] inside = all();
        for (int i = 0; i < CELLS / 4; i++) {
            copy[i] = 0; // a black border the source does not have
            inside[i] = false;
        }
        Levels l = Levels.fit(copy, source, inside);
        assertEquals(51, l.lift(), 3);
    }
}
