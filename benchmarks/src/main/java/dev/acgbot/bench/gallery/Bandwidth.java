package dev.acgbot.bench.gallery;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The memory-read probe of the index bench: sums an array range with the exact scan's load pattern (two
 * independent accumulators of the preferred vector width), so its throughput is the bandwidth limit the scan
 * is compared with. Lives here, not in the product's Dot, because only the benchmark needs it.
 */
final class Bandwidth {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private Bandwidth() {
    }

    static float sum(float[] a, int from, int to) {
        FloatVector acc0 = FloatVector.zero(S);
        FloatVector acc1 = FloatVector.zero(S);
        int i = from;
        for (; i <= to - 2 * L; i += 2 * L) {
            acc0 = acc0.add(FloatVector.fromArray(S, a, i));
            acc1 = acc1.add(FloatVector.fromArray(S, a, i + L));
        }
        float s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        for (; i < to; i++) {
            s += a[i];
        }
        return s;
    }
}
