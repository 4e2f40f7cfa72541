package dev.acgbot.models.api;

import java.util.ArrayList;
import java.util.List;

/**
 * What the inference engine has done since it started, as running totals: take one before a stretch of work and
 * one after, and {@link #since subtract}. Every caller's work counts (a /tag answered during a reindex too).
 * Measured with {@code System.nanoTime()} around each preprocessing and each batch run, so it costs two clock
 * reads per image and per batch.
 *
 * @param runningNanos wall time during which at least one model was running a batch
 * @param models       per model that has been configured, in configuration order
 */
public record EngineActivity(long runningNanos, List<ModelActivity> models) {
    public static final EngineActivity NONE = new EngineActivity(0, List.of());

    public EngineActivity {
        models = List.copyOf(models);
    }

    /**
     * @param modelId         the model
     * @param inputSide       the longer side of its image input in pixels, 0 for a text model
     * @param preprocessed    images preprocessed for it (on the callers' threads, just before each joins its queue)
     * @param preprocessNanos time spent preprocessing them, summed over the callers' threads
     * @param items           items its batches ran
     * @param batches         batches it ran
     * @param runNanos        wall time its batches ran
     */
    public record ModelActivity(String modelId, int inputSide, long preprocessed, long preprocessNanos, long items,
                                long batches, long runNanos) {
        ModelActivity minus(ModelActivity earlier) {
            return new ModelActivity(modelId, inputSide, preprocessed - earlier.preprocessed,
                    preprocessNanos - earlier.preprocessNanos, items - earlier.items, batches - earlier.batches,
                    runNanos - earlier.runNanos);
        }
    }

    /** The work done between {@code earlier} and this; models absent from {@code earlier} count from zero. */
    public EngineActivity since(EngineActivity earlier) {
        List<ModelActivity> diff = new ArrayList<>(models.size());
        for (ModelActivity m : models) {
            diff.add(earlier.models.stream().filter(e -> e.modelId().equals(m.modelId())).findFirst()
                    .map(m::minus).orElse(m));
        }
        return new EngineActivity(runningNanos - earlier.runningNanos, diff);
    }
}
