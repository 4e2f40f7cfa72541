package dev.acgbot.bench.jmh;

import dev.acgbot.models.image.DecodedImage;
import dev.acgbot.models.preprocess.ImageOps;
import dev.acgbot.models.preprocess.PreprocessSpec.Interpolation;
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

/** PIL-exact resampling of a 1920x1080 picture to the models' input sizes, per filter. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResizeBench {
    @Param({"BICUBIC", "BILINEAR", "LANCZOS"})
    Interpolation filter;
    @Param({"224", "448"})
    int size;

    DecodedImage picture;

    @Setup
    public void setUp() {
        picture = Pictures.fullHd();
    }

    @Benchmark
    public DecodedImage resize() {
        return ImageOps.resize(picture, size, size, filter);
    }
}
