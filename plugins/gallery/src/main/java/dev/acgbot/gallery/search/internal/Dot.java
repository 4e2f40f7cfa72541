package dev.acgbot.gallery.search.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inner-product kernels for the vector indexes. The Vector API is an incubator module that a plain
 * {@code java -jar} does not load, and touching its classes then fails with NoClassDefFoundError at the first
 * search; so the kernels are chosen once, when this class is initialised: SIMD when the module is in the boot
 * layer, plain Java otherwise. The field is static final, so the JIT inlines the one implementation in use.
 */
public final class Dot {
    private static final Logger LOG = LoggerFactory.getLogger(Dot.class);
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final DotKernel KERNEL = choose();

    private Dot() {
    }

    private static DotKernel choose() {
        DotKernel kernel = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent() ? vectorKernel() : new ScalarDot();
        LOG.info("Vector search kernels: {}", kernel.description());
        return kernel;
    }

    // a method of its own: VectorDot is loaded (and needs the module) only when this runs
    private static DotKernel vectorKernel() {
        return new VectorDot();
    }

    /** {@code a[aOff..aOff+dim) . b[bOff..bOff+dim)}. */
    public static float dot(float[] a, int aOff, float[] b, int bOff, int dim) {
        return KERNEL.dot(a, aOff, b, bOff, dim);
    }

    /** @see DotKernel#dotInt8 */
    public static int dotInt8(byte[] m, int off, int[] q, int dim) {
        return KERNEL.dotInt8(m, off, q, dim);
    }

    /** @see DotKernel#dotInt8Rows */
    public static int dotInt8Rows(byte[] a, int aOff, byte[] b, int bOff, int dim) {
        return KERNEL.dotInt8Rows(a, aOff, b, bOff, dim);
    }

    /** @see DotKernel#dotInt4 */
    public static int dotInt4(byte[] m, int off, int[] qLow, int[] qHigh, int half) {
        return KERNEL.dotInt4(m, off, qLow, qHigh, half);
    }

    /** @see DotKernel#dot4x1Int4 */
    static void dot4x1Int4(byte[] m, int r0, int[] qLow, int[] qHigh, int half, int[] out) {
        KERNEL.dot4x1Int4(m, r0, qLow, qHigh, half, out);
    }

    /** @see DotKernel#dotInt4Rows */
    public static int dotInt4Rows(byte[] a, int aOff, byte[] b, int bOff, int half) {
        return KERNEL.dotInt4Rows(a, aOff, b, bOff, half);
    }

    /** @see DotKernel#dot4x1Int8 */
    static void dot4x1Int8(byte[] m, int r0, int[] q, int dim, int[] out) {
        KERNEL.dot4x1Int8(m, r0, q, dim, out);
    }

    /** @see DotKernel#dot2x4Int8 */
    static void dot2x4Int8(byte[] m, int r0, int[] q0, int[] q1, int[] q2, int[] q3, int dim, int[] out) {
        KERNEL.dot2x4Int8(m, r0, q0, q1, q2, q3, dim, out);
    }

    /** @see DotKernel#dot4x1 */
    static void dot4x1(float[] m, int r0, float[] q, int dim, float[] out) {
        KERNEL.dot4x1(m, r0, q, dim, out);
    }

    /** @see DotKernel#dot2x4 */
    static void dot2x4(float[] m, int r0, float[] q0, float[] q1, float[] q2, float[] q3, int dim, float[] out) {
        KERNEL.dot2x4(m, r0, q0, q1, q2, q3, dim, out);
    }
}
