package dev.acgbot.core.metrics;

import dev.acgbot.api.plugin.BotMetrics;
import dev.acgbot.core.exec.CommandExecutor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The router's figures, kept in the one Micrometer registry that /metrics exports; {@link BotMetrics} (what
 * /stats shows) is read back from the same meters, so the chat and the scrape never disagree.
 */
public final class CommandMeters implements BotMetrics {
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};

    /** Outcome tags of a command that ran. */
    public static final String OK = "ok", USER_ERROR = "user_error", ERROR = "error", INTERRUPTED = "interrupted";
    /** Reasons a command was refused before it ran. */
    public static final String BUSY = "busy", RATE_LIMITED = "rate_limited", FORBIDDEN = "forbidden", USAGE = "usage";

    static final String COMMANDS = "acgbot.commands";
    static final String LATENCY = "acgbot.command.latency";
    static final String REFUSED = "acgbot.commands.refused";
    static final String TIMED_OUT = "acgbot.commands.timed.out";

    private final MeterRegistry registry;
    private final CommandExecutor executor;
    private final LastError lastError;

    public CommandMeters(MeterRegistry registry, CommandExecutor executor) {
        this(registry, executor, new LastError());
    }

    public CommandMeters(MeterRegistry registry, CommandExecutor executor, LastError lastError) {
        this.registry = registry;
        this.executor = executor;
        this.lastError = lastError;
        Gauge.builder("acgbot.commands.queued", executor, CommandExecutor::queueDepth)
                .description("commands waiting for a worker").register(registry);
        Gauge.builder("acgbot.commands.running", executor, CommandExecutor::running)
                .description("commands running now").register(registry);
        // present from the start, so that a scrape shows 0 instead of nothing
        refusedCounter(BUSY);
        refusedCounter(RATE_LIMITED);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** A command ran to its end with this outcome, taking {@code nanos}. */
    public void finished(String command, String outcome, long nanos) {
        Counter.builder(COMMANDS).description("commands that ran, by name and outcome")
                .tag("command", command).tag("outcome", outcome).register(registry).increment();
        Timer.builder(LATENCY).description("time from a worker taking a command to its last reply")
                .tag("command", command)
                .publishPercentileHistogram()
                // explicit buckets too: a registry without aggregable percentiles (the simple one used when no
                // /metrics endpoint runs) publishes only these, and /stats estimates p50/p95 from them
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A command was refused before running (busy pool, rate limit, not an admin, bad arguments). */
    public void refused(String command, String reason) {
        refusedCounter(reason).increment();
    }

    /** A command failed with an internal error; the operator finds it in the log by its reference. */
    public void failed(String command, String correlationId) {
        lastError.record("/" + command + " failed (log reference " + correlationId + ")");
    }

    public void timedOut(String command) {
        Counter.builder(TIMED_OUT).description("commands stopped at their deadline").tag("command", command)
                .register(registry).increment();
    }

    private Counter refusedCounter(String reason) {
        return Counter.builder(REFUSED).description("commands refused before running, by reason")
                .tag("reason", reason).register(registry);
    }

    @Override
    public int queueDepth() {
        return executor.queueDepth();
    }

    @Override
    public int running() {
        return executor.running();
    }

    @Override
    public long handled() {
        return (long) registry.find(COMMANDS).counters().stream().mapToDouble(Counter::count).sum();
    }

    @Override
    public long rejectedBusy() {
        Counter busy = registry.find(REFUSED).tag("reason", BUSY).counter();
        return busy == null ? 0 : (long) busy.count();
    }

    /**
     * From the latency histograms of every command, as Prometheus' histogram_quantile computes it: linear
     * within the bucket that holds the rank. An estimate, within one bucket (Micrometer's buckets grow ~1.4x).
     */
    @Override
    public double latencyPercentileMillis(double p) {
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        double total = 0;
        for (Timer timer : registry.find(LATENCY).timers()) {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            total += snapshot.count();
            for (CountAtBucket bucket : snapshot.histogramCounts()) {
                cumulative.merge(bucket.bucket(TimeUnit.MILLISECONDS), bucket.count(), Double::sum);
            }
        }
        if (total == 0 || cumulative.isEmpty()) {
            return Double.NaN;
        }
        double rank = p / 100.0 * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
            if (bucket.getValue() >= rank) {
                double inBucket = bucket.getValue() - lowerCount;
                double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
                return lowerBound + (bucket.getKey() - lowerBound) * fraction;
            }
            lowerBound = bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return cumulative.lastKey();
    }
}
