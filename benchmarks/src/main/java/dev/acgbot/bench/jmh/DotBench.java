package dev.acgbot.bench.jmh;

import dev.acgbot.gallery.search.internal.Dot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One inner product of CLIP-size vectors: the gallery's Vector API kernel ({@code Dot.dot}, public because the
 * search package calls it) against the plain loop the JIT makes of it. Both read the same two arrays.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class DotBench {
    @Param({"512", "768"})
    int dim;

    float[] a;
    float[] b;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        a = new float[dim];
        b = new float[dim];
        for (int i = 0; i < dim; i++) {
            a[i] = (float) random.nextDouble(-1, 1);
            b[i] = (float) random.nextDouble(-1, 1);
        }
    }

    @Benchmark
    public float vectorApi() {
        return Dot.dot(a, 0, b, 0, dim);
    }

    @Benchmark
    public float scalarLoop() {
        float s = 0;
        for (int i = 0; i < dim; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
