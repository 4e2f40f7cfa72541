package dev.acgbot.models.preprocess.internal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The coefficient tables {@link Coefficients#of} keeps: every one it hands out is the table {@link Coefficients#compute}
 * computes for the same sizes, filter and output window, however the requests collide in its slots, and a repeated request
 * gets the table kept.
 */
class CoefficientsTest {
    @Test
    void everyTableHandedOutIsTheOneComputedForItsSizesFilterAndWindow() {
        // more requests than slots, in two passes and a shuffled order, so that slots are shared and replaced
        for (int pass = 0; pass < 2; pass++) {
            for (int inSize = 7; inSize < 420; inSize += pass == 0 ? 37 : 53) {
                for (int outSize : new int[]{1, 16, 32, 64, 256, 301}) {
                    for (ResampleFilter filter : ResampleFilter.values()) {
                        int first = outSize / 4, count = outSize - first;
                        assertSameTable(Coefficients.compute(inSize, outSize, filter, first, count),
                                Coefficients.of(inSize, outSize, filter, first, count));
                        assertSameTable(Coefficients.compute(inSize, outSize, filter, 0, outSize),
                                Coefficients.of(inSize, outSize, filter, 0, outSize));
                    }
                }
            }
        }
    }

    @Test
    void aRepeatedRequestGetsTheTableKept() {
        Coefficients first = Coefficients.of(256, 32, ResampleFilter.LANCZOS, 0, 32);
        assertSame(first, Coefficients.of(256, 32, ResampleFilter.LANCZOS, 0, 32));
    }

    /** A table of more weights than a slot keeps (4,000 pixels to 256: 8,448) is computed each time, never kept. */
    @Test
    void aLargeTableIsNotKept() {
        Coefficients first = Coefficients.of(4000, 256, ResampleFilter.BILINEAR, 0, 256);
        assertNotSame(first, Coefficients.of(4000, 256, ResampleFilter.BILINEAR, 0, 256));
    }

    private static void assertSameTable(Coefficients expected, Coefficients actual) {
        assertEquals(expected.stride, actual.stride);
        assertArrayEquals(expected.start, actual.start);
        assertArrayEquals(expected.taps, actual.taps);
        assertArrayEquals(expected.weights, actual.weights);
    }
}
