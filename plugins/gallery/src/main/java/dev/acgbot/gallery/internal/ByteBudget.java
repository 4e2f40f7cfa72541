package dev.acgbot.gallery.internal;

import java.util.concurrent.Semaphore;

/**
 * A memory budget shared by threads, in bytes (kept as KiB permits, so budgets up to 2 TB fit an int). A
 * request larger than the whole budget is clamped to it, so it waits until it is alone instead of forever.
 */
final class ByteBudget {
    private static final long KIB = 1024;
    private final long capacity;
    private final Semaphore permits;

    ByteBudget(long capacityBytes) {
        this.capacity = Math.max(KIB, capacityBytes);
        this.permits = new Semaphore((int) Math.min(Integer.MAX_VALUE, this.capacity / KIB), true);
    }

    long capacity() {
        return capacity;
    }

    /** Blocks until {@code bytes} (clamped to the capacity) are free; returns what was taken, for release. */
    long acquire(long bytes) throws InterruptedException {
        int n = permitsFor(bytes);
        permits.acquire(n);
        return (long) n * KIB;
    }

    void release(long taken) {
        if (taken > 0) {
            permits.release((int) (taken / KIB));
        }
    }

    private int permitsFor(long bytes) {
        long clamped = Math.min(Math.max(bytes, 1), capacity);
        return (int) Math.max(1, (clamped + KIB - 1) / KIB);
    }
}
