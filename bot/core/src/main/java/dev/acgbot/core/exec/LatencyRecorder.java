package dev.acgbot.core.exec;

import java.util.Arrays;

/**
 * Keeps the latest command latencies in a ring buffer for percentile queries; recent behaviour is what an
 * operator asks about, and a fixed buffer keeps memory flat.
 */
public final class LatencyRecorder {
    private final long[] samples;
    private int next;
    private int size;

    public LatencyRecorder(int capacity) {
        this.samples = new long[capacity];
    }

    public synchronized void record(long millis) {
        samples[next] = millis;
        next = (next + 1) % samples.length;
        size = Math.min(size + 1, samples.length);
    }

    /** Nearest-rank percentile, p in 0..100; NaN when nothing was recorded. */
    public synchronized double percentile(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))];
    }
}
