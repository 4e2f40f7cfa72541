package dev.acgbot.gallery.search.internal;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Inner-product kernels on the (incubating) Vector API. Only {@link Dot} creates it, and only when the
 * {@code jdk.incubator.vector} module is in the boot layer: loading it without the module fails.
 */
final class VectorDot implements DotKernel {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    // a quarter of the int width: one byte load widens (vpmovsxbd) into one full int vector
    private static final VectorSpecies<Byte> B = VectorSpecies.of(byte.class, VectorShape.forBitSize(I.vectorBitSize() / 4));
    private static final int IL = I.length();

    @Override
    public float dot(float[] a, int aOff, float[] b, int bOff, int dim) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        int i = 0;
        int bound2 = dim - 2 * L;
        for (; i <= bound2; i += 2 * L) {
            // two accumulators hide FMA latency
            acc0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc0);
            acc1 = FloatVector.fromArray(S, a, aOff + i + L).fma(FloatVector.fromArray(S, b, bOff + i + L), acc1);
        }
        for (; i <= dim - L; i += L) {
            acc0 = FloatVector.fromArray(S, a, aOff + i).fma(FloatVector.fromArray(S, b, bOff + i), acc0);
        }
        float sum = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < dim; i++) {
            sum += a[aOff + i] * b[bOff + i];
        }
        return sum;
    }

    // four consecutive rows against one query: each query load serves four rows, and four independent
    // accumulator chains keep the FMA units and memory streams busy
    @Override
    public void dot4x1(float[] m, int r0, float[] q, int dim, float[] out) {
        int r1 = r0 + dim, r2 = r1 + dim, r3 = r2 + dim;
        FloatVector a0 = FloatVector.zero(S), a1 = FloatVector.zero(S), a2 = FloatVector.zero(S), a3 = FloatVector.zero(S);
        int i = 0;
        for (; i <= dim - L; i += L) {
            FloatVector v = FloatVector.fromArray(S, q, i);
            a0 = FloatVector.fromArray(S, m, r0 + i).fma(v, a0);
            a1 = FloatVector.fromArray(S, m, r1 + i).fma(v, a1);
            a2 = FloatVector.fromArray(S, m, r2 + i).fma(v, a2);
            a3 = FloatVector.fromArray(S, m, r3 + i).fma(v, a3);
        }
        out[0] = a0.reduceLanes(VectorOperators.ADD);
        out[1] = a1.reduceLanes(VectorOperators.ADD);
        out[2] = a2.reduceLanes(VectorOperators.ADD);
        out[3] = a3.reduceLanes(VectorOperators.ADD);
        for (; i < dim; i++) {
            out[0] += m[r0 + i] * q[i];
            out[1] += m[r1 + i] * q[i];
            out[2] += m[r2 + i] * q[i];
            out[3] += m[r3 + i] * q[i];
        }
    }

    // two consecutive rows against four queries in one pass: every row element is loaded once for four
    // queries, so a batch costs a quarter of the memory traffic of four single scans
    @Override
    public void dot2x4(float[] m, int r0, float[] q0, float[] q1, float[] q2, float[] q3, int dim, float[] out) {
        int r1 = r0 + dim;
        FloatVector a00 = FloatVector.zero(S), a01 = FloatVector.zero(S), a10 = FloatVector.zero(S), a11 = FloatVector.zero(S);
        FloatVector a20 = FloatVector.zero(S), a21 = FloatVector.zero(S), a30 = FloatVector.zero(S), a31 = FloatVector.zero(S);
        int i = 0;
        for (; i <= dim - L; i += L) {
            FloatVector x0 = FloatVector.fromArray(S, m, r0 + i);
            FloatVector x1 = FloatVector.fromArray(S, m, r1 + i);
            FloatVector v = FloatVector.fromArray(S, q0, i);
            a00 = x0.fma(v, a00);
            a01 = x1.fma(v, a01);
            v = FloatVector.fromArray(S, q1, i);
            a10 = x0.fma(v, a10);
            a11 = x1.fma(v, a11);
            v = FloatVector.fromArray(S, q2, i);
            a20 = x0.fma(v, a20);
            a21 = x1.fma(v, a21);
            v = FloatVector.fromArray(S, q3, i);
            a30 = x0.fma(v, a30);
            a31 = x1.fma(v, a31);
        }
        out[0] = a00.reduceLanes(VectorOperators.ADD);
        out[1] = a01.reduceLanes(VectorOperators.ADD);
        out[2] = a10.reduceLanes(VectorOperators.ADD);
        out[3] = a11.reduceLanes(VectorOperators.ADD);
        out[4] = a20.reduceLanes(VectorOperators.ADD);
        out[5] = a21.reduceLanes(VectorOperators.ADD);
        out[6] = a30.reduceLanes(VectorOperators.ADD);
        out[7] = a31.reduceLanes(VectorOperators.ADD);
        for (; i < dim; i++) {
            out[0] += m[r0 + i] * q0[i];
            out[1] += m[r1 + i] * q0[i];
            out[2] += m[r0 + i] * q1[i];
            out[3] += m[r1 + i] * q1[i];
            out[4] += m[r0 + i] * q2[i];
            out[5] += m[r1 + i] * q2[i];
            out[6] += m[r0 + i] * q3[i];
            out[7] += m[r1 + i] * q3[i];
        }
    }

    private static IntVector widen(byte[] m, int off) {
        return (IntVector) ByteVector.fromArray(B, m, off).convertShape(VectorOperators.B2I, I, 0);
    }

    // integer lanes: products of two values in -127..127 summed over any realistic dimension fit in an int,
    // and integer addition is associative, so these equal ScalarDot's sums bit for bit
    @Override
    public int dotInt8(byte[] m, int off, int[] q, int dim) {
        IntVector acc = IntVector.zero(I);
        int i = 0;
        for (; i <= dim - IL; i += IL) {
            acc = acc.add(widen(m, off + i).mul(IntVector.fromArray(I, q, i)));
        }
        int sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < dim; i++) {
            sum += m[off + i] * q[i];
        }
        return sum;
    }

    @Override
    public void dot4x1Int8(byte[] m, int r0, int[] q, int dim, int[] out) {
        int r1 = r0 + dim, r2 = r1 + dim, r3 = r2 + dim;
        IntVector a0 = IntVector.zero(I), a1 = IntVector.zero(I), a2 = IntVector.zero(I), a3 = IntVector.zero(I);
        int i = 0;
        for (; i <= dim - IL; i += IL) {
            IntVector v = IntVector.fromArray(I, q, i);
            a0 = a0.add(widen(m, r0 + i).mul(v));
            a1 = a1.add(widen(m, r1 + i).mul(v));
            a2 = a2.add(widen(m, r2 + i).mul(v));
            a3 = a3.add(widen(m, r3 + i).mul(v));
        }
        out[0] = a0.reduceLanes(VectorOperators.ADD);
        out[1] = a1.reduceLanes(VectorOperators.ADD);
        out[2] = a2.reduceLanes(VectorOperators.ADD);
        out[3] = a3.reduceLanes(VectorOperators.ADD);
        for (; i < dim; i++) {
            out[0] += m[r0 + i] * q[i];
            out[1] += m[r1 + i] * q[i];
            out[2] += m[r2 + i] * q[i];
            out[3] += m[r3 + i] * q[i];
        }
    }

    @Override
    public void dot2x4Int8(byte[] m, int r0, int[] q0, int[] q1, int[] q2, int[] q3, int dim, int[] out) {
        int r1 = r0 + dim;
        IntVector a00 = IntVector.zero(I), a01 = IntVector.zero(I), a10 = IntVector.zero(I), a11 = IntVector.zero(I);
        IntVector a20 = IntVector.zero(I), a21 = IntVector.zero(I), a30 = IntVector.zero(I), a31 = IntVector.zero(I);
        int i = 0;
        for (; i <= dim - IL; i += IL) {
            IntVector x0 = widen(m, r0 + i);
            IntVector x1 = widen(m, r1 + i);
            IntVector v = IntVector.fromArray(I, q0, i);
            a00 = a00.add(x0.mul(v));
            a01 = a01.add(x1.mul(v));
            v = IntVector.fromArray(I, q1, i);
            a10 = a10.add(x0.mul(v));
            a11 = a11.add(x1.mul(v));
            v = IntVector.fromArray(I, q2, i);
            a20 = a20.add(x0.mul(v));
            a21 = a21.add(x1.mul(v));
            v = IntVector.fromArray(I, q3, i);
            a30 = a30.add(x0.mul(v));
            a31 = a31.add(x1.mul(v));
        }
        out[0] = a00.reduceLanes(VectorOperators.ADD);
        out[1] = a01.reduceLanes(VectorOperators.ADD);
        out[2] = a10.reduceLanes(VectorOperators.ADD);
        out[3] = a11.reduceLanes(VectorOperators.ADD);
        out[4] = a20.reduceLanes(VectorOperators.ADD);
        out[5] = a21.reduceLanes(VectorOperators.ADD);
        out[6] = a30.reduceLanes(VectorOperators.ADD);
        out[7] = a31.reduceLanes(VectorOperators.ADD);
        for (; i < dim; i++) {
            out[0] += m[r0 + i] * q0[i];
            out[1] += m[r1 + i] * q0[i];
            out[2] += m[r0 + i] * q1[i];
            out[3] += m[r1 + i] * q1[i];
            out[4] += m[r0 + i] * q2[i];
            out[5] += m[r1 + i] * q2[i];
            out[6] += m[r0 + i] * q3[i];
            out[7] += m[r1 + i] * q3[i];
        }
    }

    @Override
    public int dotInt8Rows(byte[] a, int aOff, byte[] b, int bOff, int dim) {
        IntVector acc = IntVector.zero(I);
        int i = 0;
        for (; i <= dim - IL; i += IL) {
            acc = acc.add(widen(a, aOff + i).mul(widen(b, bOff + i)));
        }
        int sum = acc.reduceLanes(VectorOperators.ADD);
        for (; i < dim; i++) {
            sum += a[aOff + i] * b[bOff + i];
        }
        return sum;
    }

    // 4-bit rows: one byte load widened to ints holds a value of the first half (low nibble: shift it to the
    // top, arithmetic shift back) and one of the second half (high nibble: the widened byte is sign-extended,
    // so an arithmetic shift by 4 gives it signed)
    private static IntVector low(IntVector x) {
        return x.lanewise(VectorOperators.LSHL, 28).lanewise(VectorOperators.ASHR, 28);
    }

    private static IntVector high(IntVector x) {
        return x.lanewise(VectorOperators.ASHR, 4);
    }

    @Override
    public int dotInt4(byte[] m, int off, int[] qLow, int[] qHigh, int half) {
        IntVector acc = IntVector.zero(I);
        int j = 0;
        for (; j <= half - IL; j += IL) {
            IntVector x = widen(m, off + j);
            acc = acc.add(low(x).mul(IntVector.fromArray(I, qLow, j))).add(high(x).mul(IntVector.fromArray(I, qHigh, j)));
        }
        int sum = acc.reduceLanes(VectorOperators.ADD);
        for (; j < half; j++) {
            byte b = m[off + j];
            sum += ((b << 28) >> 28) * qLow[j] + (b >> 4) * qHigh[j];
        }
        return sum;
    }

    @Override
    public void dot4x1Int4(byte[] m, int r0, int[] qLow, int[] qHigh, int half, int[] out) {
        int r1 = r0 + half, r2 = r1 + half, r3 = r2 + half;
        IntVector a0 = IntVector.zero(I), a1 = IntVector.zero(I), a2 = IntVector.zero(I), a3 = IntVector.zero(I);
        int j = 0;
        for (; j <= half - IL; j += IL) {
            IntVector l = IntVector.fromArray(I, qLow, j);
            IntVector h = IntVector.fromArray(I, qHigh, j);
            IntVector x0 = widen(m, r0 + j), x1 = widen(m, r1 + j), x2 = widen(m, r2 + j), x3 = widen(m, r3 + j);
            a0 = a0.add(low(x0).mul(l)).add(high(x0).mul(h));
            a1 = a1.add(low(x1).mul(l)).add(high(x1).mul(h));
            a2 = a2.add(low(x2).mul(l)).add(high(x2).mul(h));
            a3 = a3.add(low(x3).mul(l)).add(high(x3).mul(h));
        }
        out[0] = a0.reduceLanes(VectorOperators.ADD);
        out[1] = a1.reduceLanes(VectorOperators.ADD);
        out[2] = a2.reduceLanes(VectorOperators.ADD);
        out[3] = a3.reduceLanes(VectorOperators.ADD);
        for (; j < half; j++) {
            for (int r = 0; r < 4; r++) {
                byte b = m[r0 + r * half + j];
                out[r] += ((b << 28) >> 28) * qLow[j] + (b >> 4) * qHigh[j];
            }
        }
    }

    @Override
    public int dotInt4Rows(byte[] a, int aOff, byte[] b, int bOff, int half) {
        IntVector acc = IntVector.zero(I);
        int j = 0;
        for (; j <= half - IL; j += IL) {
            IntVector x = widen(a, aOff + j), y = widen(b, bOff + j);
            acc = acc.add(low(x).mul(low(y))).add(high(x).mul(high(y)));
        }
        int sum = acc.reduceLanes(VectorOperators.ADD);
        for (; j < half; j++) {
            byte x = a[aOff + j], y = b[bOff + j];
            sum += ((x << 28) >> 28) * ((y << 28) >> 28) + (x >> 4) * (y >> 4);
        }
        return sum;
    }

    @Override
    public String description() {
        return "Vector API, " + S.vectorBitSize() + "-bit lanes";
    }

}
