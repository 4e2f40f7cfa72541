package dev.acgbot.core.limits;

/**
 * A token bucket: holds up to {@code capacity} tokens, refilled continuously. Thread-safe.
 * Time is passed in so tests need no sleeping.
 */
final class TokenBucket {
    private final double capacity;
    private final double refillPerNano;
    private double tokens;
    private long lastNanos;

    TokenBucket(double capacity, double refillPerMinute, long nowNanos) {
        this.capacity = capacity;
        this.refillPerNano = refillPerMinute / 60e9;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /** Takes one token; returns 0 when granted, else the nanoseconds until one will be available. */
    synchronized long tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / refillPerNano);
    }

    /** Returns one token taken earlier, never filling past capacity. */
    synchronized void giveBack(long nowNanos) {
        refill(nowNanos);
        tokens = Math.min(capacity, tokens + 1);
    }

    synchronized boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
            lastNanos = nowNanos;
        }
    }
}
