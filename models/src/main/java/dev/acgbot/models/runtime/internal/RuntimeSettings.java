package dev.acgbot.models.runtime.internal;

import dev.acgbot.models.runtime.DeviceRequest;

import java.time.Duration;

/**
 * The builder's knobs, shared by every model slot ({@link #withMaxBatch} gives one model its own batch).
 *
 * @param cpuArena   ONNX Runtime's CPU arena allocator; off by default: with it a ViT-B/16 session held 742 MB
 *                   after load instead of 399 MB, and kept a batch's peak activations for good (docs/benchmarks.md, memory)
 * @param unloadIdle a model unused this long is closed (weights and buffers returned) and reloaded on next use;
 *                   {@link Duration#ZERO} keeps every model loaded
 */
public record RuntimeSettings(DeviceRequest device, int maxBatch, Duration maxWait, int queueCapacity,
                              Duration submitTimeout, int intraOpThreads, int interOpThreads, boolean warmUp,
                              boolean cpuArena, Duration unloadIdle) {

    public RuntimeSettings withMaxBatch(int batch) {
        return new RuntimeSettings(device, batch, maxWait, queueCapacity, submitTimeout, intraOpThreads, interOpThreads,
                warmUp, cpuArena, unloadIdle);
    }
}
