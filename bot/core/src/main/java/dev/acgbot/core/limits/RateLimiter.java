package dev.acgbot.core.limits;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-key token buckets (one per user, or one per chat). Idle full buckets are swept so the map stays
 * small however many users pass by.
 */
public final class RateLimiter {
    private static final int SWEEP_THRESHOLD = 10_000;

    private final double capacity;
    private final double refillPerMinute;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int capacity, double refillPerMinute) {
        this(capacity, refillPerMinute, System::nanoTime);
    }

    public RateLimiter(int capacity, double refillPerMinute, LongSupplier nanoClock) {
        this.capacity = capacity;
        this.refillPerMinute = refillPerMinute;
        this.clock = nanoClock;
    }

    /** Takes one token for the key; returns {@link Duration#ZERO} when allowed, else how long to wait. */
    public Duration acquire(String key) {
        long now = clock.getAsLong();
        if (buckets.size() > SWEEP_THRESHOLD) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        long waitNanos = buckets.computeIfAbsent(key, k -> new TokenBucket(capacity, refillPerMinute, now)).tryTake(now);
        return Duration.ofNanos(waitNanos);
    }

    /**
     * Gives back the token {@link #acquire} took, when a later check (the chat's limit) refused the command after
     * all: a command that did not run must not count against its user.
     */
    public void refund(String key) {
        TokenBucket bucket = buckets.get(key);
        if (bucket != null) {
            bucket.giveBack(clock.getAsLong());
        }
    }

    int trackedKeys() {
        return buckets.size();
    }
}
