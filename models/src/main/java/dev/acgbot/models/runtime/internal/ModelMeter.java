package dev.acgbot.models.runtime.internal;

import dev.acgbot.models.api.EngineActivity;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One model's running totals of preprocessing and batch runs, kept by its slot across unloads; each batch run also
 * tells the runtime's {@link EngineClock}. Plain atomic adds: callers preprocess on many threads.
 */
final class ModelMeter {
    private final String modelId;
    private final int inputSide;
    private final EngineClock engine;
    private final AtomicLong preprocessed = new AtomicLong();
    private final AtomicLong preprocessNanos = new AtomicLong();
    private final AtomicLong items = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong runNanos = new AtomicLong();

    ModelMeter(String modelId, int inputSide, EngineClock engine) {
        this.modelId = modelId;
        this.inputSide = inputSide;
        this.engine = engine;
    }

    /** {@code preprocess} timed per image. */
    <X> Function<X, float[]> preprocessing(Function<X, float[]> preprocess) {
        return x -> {
            long t0 = System.nanoTime();
            float[] tensor = preprocess.apply(x);
            preprocessNanos.addAndGet(System.nanoTime() - t0);
            preprocessed.incrementAndGet();
            return tensor;
        };
    }

    /** {@code runner} timed per batch, for this model and for the engine as a whole. */
    <I, O> MicroBatcher.Runner<I, O> running(MicroBatcher.Runner<I, O> runner) {
        return (batch, abandonment) -> {
            long t0 = System.nanoTime();
            engine.started(t0);
            try {
                return runner.run(batch, abandonment);
            } finally {
                long t1 = System.nanoTime();
                runNanos.addAndGet(t1 - t0);
                engine.finished(t1);
                items.addAndGet(batch.size());
                batches.incrementAndGet();
            }
        };
    }

    EngineActivity.ModelActivity snapshot() {
        return new EngineActivity.ModelActivity(modelId, inputSide, preprocessed.get(), preprocessNanos.get(), items.get(),
                batches.get(), runNanos.get());
    }
}
