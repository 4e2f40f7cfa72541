package dev.acgbot.api.plugin;

/** Runtime figures of the core, registered in {@link Services} for /stats. */
public interface BotMetrics {

    /** Commands waiting for a worker. */
    int queueDepth();

    /** Commands running now. */
    int running();

    /** Commands finished since start, whatever their outcome. */
    long handled();

    /** Commands refused because the pool was full. */
    long rejectedBusy();

    /** Latency percentile in milliseconds over commands finished since start (p in 0..100); NaN when none. */
    double latencyPercentileMillis(double p);
}
