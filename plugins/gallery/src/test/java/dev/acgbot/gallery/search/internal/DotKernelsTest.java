package dev.acgbot.gallery.search.internal;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The scalar kernels (plain {@code java -jar}) and the Vector API kernels score the same data the same. */
class DotKernelsTest {
    // float sums in another order differ by a few ulps of the terms: 1e-4 on sums of 768 products of values in [-1, 1)
    static final float TOLERANCE = 1e-4f;
    final DotKernel vector = new VectorDot();
    final DotKernel scalar = new ScalarDot();
    final Random random = new Random(14);

    float[] randomArray(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = random.nextFloat() * 2f - 1f;
        }
        return a;
    }

    static float reference(float[] a, int aOff, float[] b, int bOff, int dim) {
        double s = 0;
        for (int i = 0; i < dim; i++) {
            s += (double) a[aOff + i] * b[bOff + i];
        }
        return (float) s;
    }

    @Test
    void bothKernelsGiveTheExactDotProductForEveryDimensionAndOffset() {
        for (int dim : new int[]{1, 3, 7, 8, 15, 16, 17, 31, 33, 64, 100, 512, 768}) {
            float[] a = randomArray(dim + 5);
            float[] b = randomArray(dim + 3);
            float expected = reference(a, 5, b, 3, dim);
            assertEquals(expected, vector.dot(a, 5, b, 3, dim), TOLERANCE, "vector, dim " + dim);
            assertEquals(expected, scalar.dot(a, 5, b, 3, dim), TOLERANCE, "scalar, dim " + dim);
        }
    }

    @Test
    void rowAndQueryBlocksAgreeBetweenTheKernels() {
        for (int dim : new int[]{5, 16, 77, 512}) {
            float[] m = randomArray(dim * 4 + dim);
            float[][] q = {randomArray(dim), randomArray(dim), randomArray(dim), randomArray(dim)};
            float[] v4 = new float[4], s4 = new float[4];
            vector.dot4x1(m, dim, q[0], dim, v4);
            scalar.dot4x1(m, dim, q[0], dim, s4);
            float[] expected4 = new float[4];
            for (int r = 0; r < 4; r++) {
                expected4[r] = reference(m, dim + r * dim, q[0], 0, dim);
            }
            assertArrayEquals(expected4, v4, TOLERANCE);
            assertArrayEquals(expected4, s4, TOLERANCE);

            float[] v8 = new float[8], s8 = new float[8], expected8 = new float[8];
            vector.dot2x4(m, dim, q[0], q[1], q[2], q[3], dim, v8);
            scalar.dot2x4(m, dim, q[0], q[1], q[2], q[3], dim, s8);
            for (int qi = 0; qi < 4; qi++) {
                for (int r = 0; r < 2; r++) {
                    expected8[qi * 2 + r] = reference(m, dim + r * dim, q[qi], 0, dim);
                }
            }
            assertArrayEquals(expected8, v8, TOLERANCE);
            assertArrayEquals(expected8, s8, TOLERANCE);
        }
    }

    @Test
    void bothKernelsRankTheSameNeighboursFirst() {
        int dim = 512, rows = 2000;
        float[] m = randomArray(dim * rows);
        float[] query = randomArray(dim);
        assertArrayEquals(topTen(vector, m, query, dim, rows), topTen(scalar, m, query, dim, rows));
    }

    byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (random.nextInt(255) - 127);
        }
        return b;
    }

    int[] randomQuantisedQuery(int n) {
        int[] q = new int[n];
        for (int i = 0; i < n; i++) {
            q[i] = random.nextInt(255) - 127;
        }
        return q;
    }

    static int referenceInt8(byte[] m, int off, int[] q, int dim) {
        int s = 0;
        for (int i = 0; i < dim; i++) {
            s += m[off + i] * q[i];
        }
        return s;
    }

    // the int8 scan must rank identically whichever kernel a JVM loads: integer sums make that exact
    @Test
    void int8KernelsReturnIdenticalSumsForEveryDimensionAndOffset() {
        for (int dim : new int[]{1, 3, 7, 8, 15, 16, 17, 31, 33, 64, 100, 512, 768}) {
            byte[] m = randomBytes(dim * 6 + 3);
            int[][] q = {randomQuantisedQuery(dim), randomQuantisedQuery(dim), randomQuantisedQuery(dim), randomQuantisedQuery(dim)};
            assertEquals(referenceInt8(m, 3, q[0], dim), vector.dotInt8(m, 3, q[0], dim), "vector, dim " + dim);
            assertEquals(referenceInt8(m, 3, q[0], dim), scalar.dotInt8(m, 3, q[0], dim), "scalar, dim " + dim);

            int[] expected4 = new int[4], v4 = new int[4], s4 = new int[4];
            for (int r = 0; r < 4; r++) {
                expected4[r] = referenceInt8(m, 3 + r * dim, q[1], dim);
            }
            vector.dot4x1Int8(m, 3, q[1], dim, v4);
            scalar.dot4x1Int8(m, 3, q[1], dim, s4);
            assertArrayEquals(expected4, v4, "vector 4x1, dim " + dim);
            assertArrayEquals(expected4, s4, "scalar 4x1, dim " + dim);

            int[] expected8 = new int[8], v8 = new int[8], s8 = new int[8];
            for (int qi = 0; qi < 4; qi++) {
                for (int r = 0; r < 2; r++) {
                    expected8[qi * 2 + r] = referenceInt8(m, 3 + r * dim, q[qi], dim);
                }
            }
            vector.dot2x4Int8(m, 3, q[0], q[1], q[2], q[3], dim, v8);
            scalar.dot2x4Int8(m, 3, q[0], q[1], q[2], q[3], dim, s8);
            assertArrayEquals(expected8, v8, "vector 2x4, dim " + dim);
            assertArrayEquals(expected8, s8, "scalar 2x4, dim " + dim);
        }
    }

    @Test
    void int8SumsOfExtremeValuesDoNotOverflow() {
        int dim = 768;
        byte[] m = new byte[dim];
        int[] q = new int[dim];
        java.util.Arrays.fill(m, (byte) -127);
        java.util.Arrays.fill(q, -127);
        assertEquals(127 * 127 * dim, vector.dotInt8(m, 0, q, dim));
        assertEquals(127 * 127 * dim, scalar.dotInt8(m, 0, q, dim));
    }

    // the scalar block kernels pack two rows into one long (low and high half): sums of opposite signs and the
    // largest magnitudes must still come apart exactly
    @Test
    void int8BlocksOfExtremeOppositeSumsComeApartExactly() {
        int dim = 768;
        byte[] m = new byte[4 * dim];
        int[] plus = new int[dim], minus = new int[dim];
        for (int i = 0; i < dim; i++) {
            m[i] = -127;
            m[dim + i] = 127;
            m[2 * dim + i] = (byte) (i % 2 == 0 ? 127 : -127);
            m[3 * dim + i] = 0;
            plus[i] = 127;
            minus[i] = -127;
        }
        int full = 127 * 127 * dim;
        for (DotKernel kernel : new DotKernel[]{vector, scalar}) {
            int[] four = new int[4];
            kernel.dot4x1Int8(m, 0, plus, dim, four);
            assertArrayEquals(new int[]{-full, full, 0, 0}, four, kernel.description());
            int[] eight = new int[8];
            kernel.dot2x4Int8(m, 0, plus, minus, minus, plus, dim, eight);
            assertArrayEquals(new int[]{-full, full, full, -full, full, -full, -full, full}, eight, kernel.description());
        }
    }

    static int referenceInt4(byte[] m, int off, int[] qLow, int[] qHigh, int half) {
        int s = 0;
        for (int j = 0; j < half; j++) {
            s += dev.acgbot.gallery.search.Int4Matrix.low(m[off + j]) * qLow[j] + dev.acgbot.gallery.search.Int4Matrix.high(m[off + j]) * qHigh[j];
        }
        return s;
    }

    /** Packed bytes whose nibbles span -8..7 (every bit pattern; the matrix itself writes -7..7). */
    byte[] randomPacked(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    @Test
    void int4KernelsReturnIdenticalSumsForEveryWidthAndOffset() {
        for (int half : new int[]{1, 3, 7, 8, 15, 16, 17, 31, 33, 64, 100, 256, 384}) {
            byte[] m = randomPacked(half * 6 + 3);
            int[] qLow = randomQuantisedQuery(half), qHigh = randomQuantisedQuery(half);
            int expected = referenceInt4(m, 3, qLow, qHigh, half);
            assertEquals(expected, vector.dotInt4(m, 3, qLow, qHigh, half), "vector, half " + half);
            assertEquals(expected, scalar.dotInt4(m, 3, qLow, qHigh, half), "scalar, half " + half);

            int[] expected4 = new int[4], v4 = new int[4], s4 = new int[4];
            for (int r = 0; r < 4; r++) {
                expected4[r] = referenceInt4(m, 3 + r * half, qLow, qHigh, half);
            }
            vector.dot4x1Int4(m, 3, qLow, qHigh, half, v4);
            scalar.dot4x1Int4(m, 3, qLow, qHigh, half, s4);
            assertArrayEquals(expected4, v4, "vector 4x1, half " + half);
            assertArrayEquals(expected4, s4, "scalar 4x1, half " + half);

            // row against row: the second row's nibbles as the query halves
            int[] bLow = new int[half], bHigh = new int[half];
            for (int j = 0; j < half; j++) {
                bLow[j] = dev.acgbot.gallery.search.Int4Matrix.low(m[3 + half + j]);
                bHigh[j] = dev.acgbot.gallery.search.Int4Matrix.high(m[3 + half + j]);
            }
            int rows = referenceInt4(m, 3, bLow, bHigh, half);
            assertEquals(rows, vector.dotInt4Rows(m, 3, m, 3 + half, half), "vector rows, half " + half);
            assertEquals(rows, scalar.dotInt4Rows(m, 3, m, 3 + half, half), "scalar rows, half " + half);
        }
    }

    @Test
    void int8RowAgainstRowEqualsTheRowAsAWidenedQuery() {
        for (int dim : new int[]{1, 7, 16, 17, 33, 512, 768}) {
            byte[] m = randomBytes(2 * dim + 5);
            int[] asQuery = new int[dim];
            for (int i = 0; i < dim; i++) {
                asQuery[i] = m[5 + dim + i];
            }
            int expected = referenceInt8(m, 5, asQuery, dim);
            assertEquals(expected, vector.dotInt8Rows(m, 5, m, 5 + dim, dim), "vector, dim " + dim);
            assertEquals(expected, scalar.dotInt8Rows(m, 5, m, 5 + dim, dim), "scalar, dim " + dim);
        }
    }

    static int[] topTen(DotKernel kernel, float[] m, float[] query, int dim, int rows) {
        float[] scores = new float[rows];
        float[] four = new float[4];
        for (int r = 0; r < rows; r += 4) {
            kernel.dot4x1(m, r * dim, query, dim, four);
            System.arraycopy(four, 0, scores, r, 4);
        }
        return IntStream.range(0, rows).boxed()
                .sorted(Comparator.comparingDouble(r -> -scores[r]))
                .limit(10).mapToInt(Integer::intValue).toArray();
    }

}
