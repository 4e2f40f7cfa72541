package dev.acgbot.models.runtime.internal;

import dev.acgbot.models.runtime.ArenaMode;
import dev.acgbot.models.runtime.DeviceRequest;

import java.time.Duration;

/**
 * The builder's knobs, shared by every model slot ({@link #withMaxBatch} gives one model its own batch).
 *
 * @param arena      how ONNX Runtime allocates on the CPU ({@link ArenaMode}; docs/benchmarks.md, memory)
 * @param unloadIdle a model unused this long is closed (weights and buffers returned) and reloaded on next use;
 *                   {@link Duration#ZERO} keeps every model loaded
 */
public record RuntimeSettings(DeviceRequest device, int maxBatch, Duration maxWait, int queueCapacity,
                              Duration submitTimeout, int intraOpThreads, int interOpThreads, boolean warmUp,
                              ArenaMode arena, Duration unloadIdle) {

    public RuntimeSettings withMaxBatch(int batch) {
        return new RuntimeSettings(device, batch, maxWait, queueCapacity, submitTimeout, intraOpThreads, interOpThreads,
                warmUp, arena, unloadIdle);
    }
}
