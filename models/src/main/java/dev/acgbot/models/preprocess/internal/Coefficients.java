package dev.acgbot.models.preprocess.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Fixed-point convolution weights for one axis, computed the way Pillow's {@code precompute_coeffs} and
 * {@code normalize_coeffs_8bpc} do, but only for the output positions {@code [first, first + count)} so a
 * centre crop never pays for the columns or rows it throws away (each output position's weights depend on
 * that position alone, so the result is identical).
 */
final class Coefficients {
    /** Pillow's PRECISION_BITS for 8-bit images: 32 bits minus 8 for the value minus 2 for overshoot. */
    static final int PRECISION_BITS = 32 - 8 - 2;
    static final int HALF = 1 << (PRECISION_BITS - 1);

    /** Maximum taps per output position; {@code weights} holds {@code count * stride} ints. */
    final int stride;
    /** First input index used by each output position. */
    final int[] start;
    /** Number of input positions used by each output position. */
    final int[] taps;
    final int[] weights;

    private Coefficients(int stride, int[] start, int[] taps, int[] weights) {
        this.stride = stride;
        this.start = start;
        this.taps = taps;
        this.weights = weights;
    }

    /** Slots of {@link #of}'s table: one per (sizes, filter, window) hash, the last one computed kept. */
    private static final int CACHED = 64;
    /** Tables of more weights than this are not kept (a 4,000-pixel axis reduced to 256 holds 8,448): 16 KiB a slot at most. */
    private static final int MAX_CACHED_WEIGHTS = 4096;
    private static final AtomicReferenceArray<Kept> KEPT = new AtomicReferenceArray<>(CACHED);

    /** A table {@link #of} keeps, with what it was computed for. */
    private record Kept(int inSize, int outSize, ResampleFilter filter, int first, int count, Coefficients coefficients) {
        boolean isFor(int inSize, int outSize, ResampleFilter filter, int first, int count) {
            return this.inSize == inSize && this.outSize == outSize && this.filter == filter && this.first == first
                    && this.count == count;
        }
    }

    /**
     * {@link #compute}'s table, the same one again when it was computed lately for the same sizes, filter and window (the
     * arrays are never written after they are computed). A duplicate lookup resizes many pictures to the same few sizes
     * (its crop windows, its copy's greys at each candidate's trim box), and computing these tables was 2.3 % of its CPU
     * samples at 100k (JFR, DuplicateLookupScaleTest; docs/benchmarks.md, "Reductions made once, round 53"). Safe from any
     * thread: a slot holds one immutable record, replaced whole.
     */
    static Coefficients of(int inSize, int outSize, ResampleFilter filter, int first, int count) {
        int slot = Math.floorMod(((inSize * 31 + outSize) * 31 + filter.ordinal()) * 961 + first * 31 + count, CACHED);
        Kept kept = KEPT.get(slot);
        if (kept != null && kept.isFor(inSize, outSize, filter, first, count)) {
            return kept.coefficients();
        }
        Coefficients computed = compute(inSize, outSize, filter, first, count);
        if (computed.weights.length <= MAX_CACHED_WEIGHTS) {
            KEPT.set(slot, new Kept(inSize, outSize, filter, first, count, computed));
        }
        return computed;
    }

    static Coefficients compute(int inSize, int outSize, ResampleFilter filter, int first, int count) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = filter.support * filterScale;
        int stride = (int) Math.ceil(support) * 2 + 1;
        int[] start = new int[count];
        int[] taps = new int[count];
        int[] weights = new int[count * stride];
        double[] w = new double[stride];
        double inverse = 1.0 / filterScale;
        for (int i = 0; i < count; i++) {
            int xx = first + i;
            double center = (xx + 0.5) * scale;
            int min = Math.max((int) (center - support + 0.5), 0);
            int max = Math.min((int) (center + support + 0.5), inSize) - min;
            double sum = 0.0;
            for (int x = 0; x < max; x++) {
                double v = filter.weight((x + min - center + 0.5) * inverse);
                w[x] = v;
                sum += v;
            }
            for (int x = 0; x < max; x++) {
                double v = sum != 0.0 ? w[x] / sum : w[x];
                weights[i * stride + x] = v < 0 ? (int) (-0.5 + v * (1 << PRECISION_BITS))
                        : (int) (0.5 + v * (1 << PRECISION_BITS));
            }
            start[i] = min;
            taps[i] = Math.max(max, 0);
        }
        return new Coefficients(stride, start, taps, weights);
    }

    /** Pillow's clip8: drop the fraction, clamp to a byte. */
    static int clip8(int accumulated) {
        int v = accumulated >> PRECISION_BITS;
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
