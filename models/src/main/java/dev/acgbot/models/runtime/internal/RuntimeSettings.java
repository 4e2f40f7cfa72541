package dev.acgbot.models.runtime.internal;

import dev.acgbot.models.runtime.DeviceRequest;

import java.time.Duration;

/** The builder's knobs, shared by every model slot. */
public record RuntimeSettings(DeviceRequest device, int maxBatch, Duration maxWait, int queueCapacity,
                              Duration submitTimeout, int intraOpThreads, int interOpThreads, boolean warmUp) {
}
