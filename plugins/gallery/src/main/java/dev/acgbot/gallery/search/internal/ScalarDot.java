package dev.acgbot.gallery.search.internal;

/**
 * The kernels in plain Java, for a JVM started without {@code --add-modules jdk.incubator.vector} (a plain
 * {@code java -jar}). Same loop shapes as {@link VectorDot}, so a row is still read once per batch of
 * queries; only the lanes are missing. Scores agree with the Vector API's to float rounding (the sums are
 * added in another order), see DotKernelsTest. Cost: one scan of 100k x 512 floats took 16.1 ms against
 * 6.1 ms with 512-bit lanes (one thread, best of 15, this build machine), so the launcher keeps the flag.
 */
final class ScalarDot implements DotKernel {

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int dim) {
        // two accumulators, as in the vector kernel: halves the dependency chain of the additions
        float s0 = 0f, s1 = 0f;
        int i = 0;
        for (; i + 1 < dim; i += 2) {
            s0 += a[aOff + i] * b[bOff + i];
            s1 += a[aOff + i + 1] * b[bOff + i + 1];
        }
        if (i < dim) {
            s0 += a[aOff + i] * b[bOff + i];
        }
        return s0 + s1;
    }

    @Override
    public void dot4x1(float[] m, int r0, float[] q, int dim, float[] out) {
        int r1 = r0 + dim, r2 = r1 + dim, r3 = r2 + dim;
        float a0 = 0f, a1 = 0f, a2 = 0f, a3 = 0f;
        for (int i = 0; i < dim; i++) {
            float v = q[i];
            a0 += m[r0 + i] * v;
            a1 += m[r1 + i] * v;
            a2 += m[r2 + i] * v;
            a3 += m[r3 + i] * v;
        }
        out[0] = a0;
        out[1] = a1;
        out[2] = a2;
        out[3] = a3;
    }

    @Override
    public void dot2x4(float[] m, int r0, float[] q0, float[] q1, float[] q2, float[] q3, int dim, float[] out) {
        int r1 = r0 + dim;
        float a00 = 0f, a01 = 0f, a10 = 0f, a11 = 0f, a20 = 0f, a21 = 0f, a30 = 0f, a31 = 0f;
        for (int i = 0; i < dim; i++) {
            float x0 = m[r0 + i], x1 = m[r1 + i];
            a00 += x0 * q0[i];
            a01 += x1 * q0[i];
            a10 += x0 * q1[i];
            a11 += x1 * q1[i];
            a20 += x0 * q2[i];
            a21 += x1 * q2[i];
            a30 += x0 * q3[i];
            a31 += x1 * q3[i];
        }
        out[0] = a00;
        out[1] = a01;
        out[2] = a10;
        out[3] = a11;
        out[4] = a20;
        out[5] = a21;
        out[6] = a30;
        out[7] = a31;
    }

    @Override
    public int dotInt8(byte[] m, int off, int[] q, int dim) {
        int s = 0;
        for (int i = 0; i < dim; i++) {
            s += m[off + i] * q[i];
        }
        return s;
    }

    // Two rows per 64-bit multiply ("SWAR"): x = m[r0+i] + (m[r1+i] << 32), so x * q[i] accumulates row 0's sum
    // in the low half and row 1's in the high half. A row's sum is at most dim * 127 * 127 in magnitude (under
    // 2^31, see Int8Matrix.MAX_DIMENSION), so the low half is exactly (int) acc and the high half
    // (acc - low) >> 32: the same integers as the plain loop. C2 vectorises this loop when it has exactly one
    // accumulator (two in one loop, or the int form, it does not), so blocks are several such passes over rows
    // already in L1. 100k x 512, one thread, best of 20, load average 17: 8.5 ms for four rows as two pairs
    // against 70 ms for four int accumulators and 35 ms for the scalar float kernel; 14 vs 72 vs 33 ms with
    // -XX:UseAVX=2 (docs/benchmarks.md, "Compressed vectors in memory").
    private static long pair(byte[] m, int r0, int r1, int[] q, int dim) {
        long acc = 0;
        for (int i = 0; i < dim; i++) {
            acc += ((long) m[r0 + i] + ((long) m[r1 + i] << 32)) * q[i];
        }
        return acc;
    }

    @Override
    public void dot4x1Int8(byte[] m, int r0, int[] q, int dim, int[] out) {
        long a01 = pair(m, r0, r0 + dim, q, dim);
        long a23 = pair(m, r0 + 2 * dim, r0 + 3 * dim, q, dim);
        out[0] = low(a01);
        out[1] = high(a01);
        out[2] = low(a23);
        out[3] = high(a23);
    }

    @Override
    public void dot2x4Int8(byte[] m, int r0, int[] q0, int[] q1, int[] q2, int[] q3, int dim, int[] out) {
        int r1 = r0 + dim;
        long a0 = pair(m, r0, r1, q0, dim);
        long a1 = pair(m, r0, r1, q1, dim);
        long a2 = pair(m, r0, r1, q2, dim);
        long a3 = pair(m, r0, r1, q3, dim);
        out[0] = low(a0);
        out[1] = high(a0);
        out[2] = low(a1);
        out[3] = high(a1);
        out[4] = low(a2);
        out[5] = high(a2);
        out[6] = low(a3);
        out[7] = high(a3);
    }

    @Override
    public int dotInt8Rows(byte[] a, int aOff, byte[] b, int bOff, int dim) {
        int s = 0;
        for (int i = 0; i < dim; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    private static int lo(byte b) {
        return (b << 28) >> 28;
    }

    private static int hi(byte b) {
        return b >> 4;
    }

    @Override
    public int dotInt4(byte[] m, int off, int[] qLow, int[] qHigh, int half) {
        int s = 0;
        for (int j = 0; j < half; j++) {
            byte b = m[off + j];
            s += lo(b) * qLow[j] + hi(b) * qHigh[j];
        }
        return s;
    }

    // No loop shape over nibbles was found that C2 vectorises: the two-rows-per-long form of the int8 kernel,
    // masks on longs with an offset encoding, unpacking to bytes first, short queries: 100k x 256 B rows, one
    // thread, best of 8, load 7-8: 19-23 ms for this plain int loop, 22-38 ms for the others, against 3-9 ms for
    // the int8 kernel over twice the bytes. So without the Vector API a 4-bit scan is about 4x slower than an
    // int8 one (docs/benchmarks.md, "4-bit rows and re-rank").
    @Override
    public void dot4x1Int4(byte[] m, int r0, int[] qLow, int[] qHigh, int half, int[] out) {
        for (int r = 0; r < 4; r++) {
            out[r] = dotInt4(m, r0 + r * half, qLow, qHigh, half);
        }
    }

    @Override
    public int dotInt4Rows(byte[] a, int aOff, byte[] b, int bOff, int half) {
        int s = 0;
        for (int j = 0; j < half; j++) {
            byte x = a[aOff + j], y = b[bOff + j];
            s += lo(x) * lo(y) + hi(x) * hi(y);
        }
        return s;
    }

    /** Row 0's sum of a two-row accumulator. */
    static int low(long acc) {
        return (int) acc;
    }

    /** Row 1's sum of a two-row accumulator: what is left once row 0's (signed) sum is taken off. */
    static int high(long acc) {
        return (int) ((acc - (int) acc) >> 32);
    }

    @Override
    public String description() {
        return "scalar Java (jdk.incubator.vector is not loaded; java --add-modules jdk.incubator.vector enables the SIMD kernels)";
    }
}
