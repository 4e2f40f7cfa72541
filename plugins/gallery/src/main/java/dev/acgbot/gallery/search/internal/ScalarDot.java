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

    @Override
    public void dot4x1Int8(byte[] m, int r0, int[] q, int dim, int[] out) {
        int r1 = r0 + dim, r2 = r1 + dim, r3 = r2 + dim;
        int a0 = 0, a1 = 0, a2 = 0, a3 = 0;
        for (int i = 0; i < dim; i++) {
            int v = q[i];
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
    public void dot2x4Int8(byte[] m, int r0, int[] q0, int[] q1, int[] q2, int[] q3, int dim, int[] out) {
        int r1 = r0 + dim;
        int a00 = 0, a01 = 0, a10 = 0, a11 = 0, a20 = 0, a21 = 0, a30 = 0, a31 = 0;
        for (int i = 0; i < dim; i++) {
            int x0 = m[r0 + i], x1 = m[r1 + i];
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
    public String description() {
        return "scalar Java (jdk.incubator.vector is not loaded; java --add-modules jdk.incubator.vector enables the SIMD kernels)";
    }
}
