package dev.acgbot.gallery.internal;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.IntBinaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which grey pictures are one band ({@link OneBandCopies#oneBand}): the copies no crop can be named for. */
class OneBandCopiesTest {
    private static final int SIDE = 32;

    @Test
    void aBarAcrossEitherWayIsOneBandAndAnythingWithAShapeAlongItIsNot() {
        IntBinaryOperator across = (x, y) -> y < 4 ? 201 : y > 27 ? 105 : 51;
        IntBinaryOperator down = (x, y) -> across.applyAsInt(y, x);
        IntBinaryOperator roundEnd = (x, y) -> x < 3 && (y < 8 || y > 23) ? 255 : across.applyAsInt(x, y);
        IntBinaryOperator twoBars = (x, y) -> y < 10 || y > 21 ? 51 : 255;
        IntBinaryOperator jpegNoise = (x, y) -> across.applyAsInt(x, y) + (x * 7 + y * 3) % 7 - 3;
        IntBinaryOperator pale = (x, y) -> y < 16 ? 220 : 240;
        IntBinaryOperator gradient = (x, y) -> 40 + 6 * y;
        assertEquals(List.of(true, true, false, false, true, false, true),
                List.of(across, down, roundEnd, twoBars, jpegNoise, pale, gradient).stream()
                        .map(f -> OneBandCopies.oneBand(grey(f), SIDE)).toList());
    }

    private static byte[] grey(IntBinaryOperator f) {
        byte[] g = new byte[SIDE * SIDE];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                g[y * SIDE + x] = (byte) Math.clamp(f.applyAsInt(x, y), 0, 255);
            }
        }
        return g;
    }
}
