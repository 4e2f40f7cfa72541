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

    synchronized void started() {
        if (running++ == 0) {
            since = System.nanoTime();
        }
    }

    synchronized void finished() {
        if (--running == 0) {
            total += System.nanoTime() - since;
        }
    }

    /** Busy time so far, including the batch running now. */
    public synchronized long runningNanos() {
        return total + (running > 0 ? System.nanoTime() - since : 0);
    }
}
