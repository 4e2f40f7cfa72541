package dev.acgbot.models.runtime.internal;

/**
 * Wall time during which at least one model of a runtime runs a batch: the union of the models' run intervals,
 * which is what "the engine is busy" means when several models share the cores. One lock per batch start and end
 * (batches take milliseconds to seconds), nothing per item.
 */
public final class EngineClock {
    private int running;
    private long since;
    private long total;

    // the caller's own readings (ModelMeter times the batch with the same two): reading the clock here, after the lock,
    // made the union exceed the sum of the runs it covers by a preemption's length (4 ms once, ReindexStagesTest in CI)
    synchronized void started(long atNanos) {
        if (running++ == 0) {
            since = atNanos;
        }
    }

    synchronized void finished(long atNanos) {
        if (--running == 0) {
            total += atNanos - since;
        }
    }

    /** Busy time so far, including the batch running now. */
    public synchronized long runningNanos() {
        return total + (running > 0 ? System.nanoTime() - since : 0);
    }
}
