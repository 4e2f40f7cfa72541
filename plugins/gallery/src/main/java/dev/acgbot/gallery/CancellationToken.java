package dev.acgbot.gallery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stops a reindex: what is waiting (for decoded images, for the inference engine) stops at once; every batch
 * committed before stays.
 */
public final class CancellationToken {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;

    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled = true;
        listeners.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /**
     * Runs {@code action} when the token is cancelled (at once if it already is) until the returned handle is
     * closed. Actions run on the cancelling thread and must return quickly.
     */
    public Registration onCancel(Runnable action) {
        listeners.add(action);
        if (cancelled) {
            action.run();
        }
        return () -> listeners.remove(action);
    }

    /** Stops a {@link #onCancel} action from running. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
