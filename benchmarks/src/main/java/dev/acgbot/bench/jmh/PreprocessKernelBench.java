package dev.acgbot.bench.jmh;

import dev.acgbot.bench.preprocess.PreprocessBench;
import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.preprocess.PreprocessSpec;
import dev.acgbot.models.preprocess.Preprocessor;
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

import java.util.concurrent.TimeUnit;

/**
 * A whole preprocessing step (resize mode, resampling, alpha, normalisation, tensor layout) from a decoded
 * 1920x1080 picture, for each shipped layout ({@link PreprocessBench#LAYOUTS}, which a test keeps equal to the
 * layouts the parity fixtures prove).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PreprocessKernelBench {
    @Param({"wd-v3", "joytag", "cn-clip", "openclip"})
    String layout;

    DecodedImage picture;
    PreprocessSpec spec;
    float[] tensor;

    @Setup
    public void setUp() {
        picture = Pictures.fullHd();
        spec = PreprocessBench.LAYOUTS.get(layout);
        tensor = new float[spec.tensorSize()];
    }

    @Benchmark
    public float[] preprocess() {
        Preprocessor.preprocessInto(picture, spec, tensor, 0);
        return tensor;
    }
}
